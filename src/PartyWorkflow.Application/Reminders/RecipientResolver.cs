using PartyWorkflow.Application.Registry;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

public sealed record Recipient(string Role, string Type, Guid Id, string? Email);

/// <summary>
/// Turns the roles a reminder schedule names into people and organizations: <c>member</c> is the
/// person of the process, <c>branch</c> its branch, <c>party-committee</c> the nearest party committee
/// above the branch, <c>organization-department</c> the committee above that (再上一级党委组织部门;
/// the same committee when there is none above it).
/// </summary>
public sealed class RecipientResolver(OrganizationTree tree, IReadOnlyDictionary<Guid, Person> people)
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
            case "party-committee" when tree.CommitteeAbove(deadline.BranchId) is { } committee:
                yield return Organization(role, committee);
                break;
            case "organization-department" when tree.CommitteeAbove(deadline.BranchId) is { } committee:
                yield return Organization(role, tree.CommitteeAbove(tree.All[committee].ParentId) ?? committee);
                break;
        }
    }

    private Recipient Organization(string role, Guid id) => new(role, "organization", id, tree.All.GetValueOrDefault(id)?.Email);
}
