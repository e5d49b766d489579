using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Effects;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Api.Tests.SecondWorkflow;

/// <summary>The second workflow's own effect: the organization's name carries the note, written in the action's transaction.</summary>
public sealed class MarkGrantAwarded(PartyWorkflowDbContext db) : IEffectHandler
{
    public string Id => "mark-grant-awarded";

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var organization = await db.Organizations.FirstAsync(o => o.Id == context.Instance.SubjectId, ct);
        organization.Name = $"{organization.Name}（{FactReader.Text(context.Parameters, "note")}）";
        organization.Version += 1;
    }
}
