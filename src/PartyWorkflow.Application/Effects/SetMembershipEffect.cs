using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Effects;

/// <summary>
/// <c>set-membership</c>: the person the instance is about becomes a <c>probationary</c> or <c>full</c>
/// member of the branch the instance is filed under, or is <c>none</c> again. <c>record</c> maps the
/// person's dated fields (<c>probationStart</c>, <c>probationEnd</c>, <c>fullMembershipDate</c>) to the
/// instance's computed dates. Probationary members have no vote; full members gain it.
/// </summary>
public sealed class SetMembershipEffect(PartyWorkflowDbContext db) : IEffectHandler
{
    public const string EffectId = "set-membership";

    public string Id => EffectId;

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var membership = FactReader.Text(context.Parameters, "membership")
                         ?? throw new InvalidOperationException("set-membership needs the parameter 'membership'");
        // Tracked already when the action's read fetched the subject: no query then.
        var person = await db.People.FindAsync([context.Instance.SubjectId], ct)
                     ?? throw new InvalidOperationException($"set-membership: no person {context.Instance.SubjectId}");
        person.Membership = membership;
        if (membership != "none") person.BranchId = context.Instance.OrganizationId;
        person.HasVotingRights = membership == "full";
        foreach (var (field, node) in context.Parameters["record"] as JsonObject ?? [])
        {
            if (node?.GetValue<string>() is not { } dateName || !context.Dates.TryGetValue(dateName, out var date)) continue;
            switch (field)
            {
                case "probationStart": person.ProbationStart = date; break;
                case "probationEnd": person.ProbationEnd = date; break;
                case "fullMembershipDate": person.FullMembershipDate = date; break;
                default: throw new InvalidOperationException($"set-membership cannot record '{field}'");
            }
        }
        person.Version += 1;
    }
}
