using PartyWorkflow.Application.Registry;
using PartyWorkflow.Application.Subjects;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

public sealed record Recipient(string Role, string Type, Guid Id, string? Email);

/// <summary>
/// Turns the roles a reminder schedule names into people and organizations, as the definition's
/// <c>recipients</c> declare them: the subject of the instance (the member), the organization it is
/// filed under (the branch), or the nearest organization of a kind above that (the party committee),
/// and further ones of that kind above it (再上一级党委组织部门; the last one found when there is none above).
/// </summary>
public sealed class RecipientResolver(OrganizationTree tree, SubjectKinds kinds, IReadOnlyDictionary<(string Kind, Guid Id), SubjectContact> subjects)
{
    public IEnumerable<Recipient> Resolve(string role, RecipientDefinition? definition, Deadline deadline)
    {
        if (definition is null) yield break;
        if (definition.Of == RecipientDefinition.Subject)
        {
            var contact = subjects.GetValueOrDefault((deadline.SubjectKind, deadline.SubjectId));
            yield return new Recipient(role, kinds.Get(deadline.SubjectKind).RecipientType, contact?.RecipientId ?? deadline.SubjectId, contact?.Email);
            yield break;
        }
        Guid? found = deadline.OrganizationId;
        if (definition.Above is { } kind)
        {
            found = tree.NearestOfKind(deadline.OrganizationId, kind);
            for (var i = 0; i < definition.Skip && found is { } current; i++)
                found = tree.NearestOfKind(tree.All[current].ParentId, kind) ?? current;
        }
        if (found is { } id) yield return new Recipient(role, "organization", id, tree.All.GetValueOrDefault(id)?.Email);
    }
}
