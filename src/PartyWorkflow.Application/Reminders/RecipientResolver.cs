using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

public sealed record Recipient(string Role, string Type, Guid Id, string? Email);

/// <summary>
/// Turns the roles a reminder schedule names into people and organizations: <c>member</c> is the
/// person of the process, <c>branch</c> its branch, <c>party-committee</c> the nearest party committee
/// above the branch, <c>organization-department</c> the committee above that (再上一级党委组织部门;
/// the same committee when there is none above it).
/// </summary>
public sealed class RecipientResolver(IReadOnlyDictionary<Guid, Organization> organizations, IReadOnlyDictionary<Guid, Person> people)
{
    public IEnumerable<Recipient> Resolve(string role, Deadline deadline)
    {
        switch (role)
        {
            case "member":
                yield return new Recipient(role, "member", deadline.PersonId, people.GetValueOrDefault(deadline.PersonId)?.Email);
                break;
            case "branch":
                yield return Organization(role, deadline.BranchId);
                break;
            case "party-committee" when CommitteeAbove(deadline.BranchId) is { } committee:
                yield return Organization(role, committee);
                break;
            case "organization-department" when CommitteeAbove(deadline.BranchId) is { } committee:
                yield return Organization(role, CommitteeAbove(organizations[committee].ParentId) ?? committee);
                break;
        }
    }

    /// <summary>The nearest party committee at or above <paramref name="id"/>.</summary>
    public Guid? CommitteeAbove(Guid? id)
    {
        for (var depth = 0; id is { } current && depth < 20; depth++)
        {
            if (!organizations.TryGetValue(current, out var organization)) return null;
            if (organization.Kind == "party-committee") return current;
            id = organization.ParentId;
        }
        return null;
    }

    private Recipient Organization(string role, Guid id) => new(role, "organization", id, organizations.GetValueOrDefault(id)?.Email);
}
