namespace PartyWorkflow.Application.Access;

/// <summary>One role a signed-in user holds, with its scope: an organization and everything below it, or none (the whole prefecture).</summary>
public sealed record RoleGrant(string Role, Guid? ScopeOrganizationId);

/// <summary>
/// Who is acting: the signed-in user, the person they are (the actor of the steps they take) and
/// the roles they hold. Built from the sign-in's claims, so that an action costs no read for it.
/// </summary>
public sealed record Actor(Guid UserId, Guid? PersonId, IReadOnlyList<RoleGrant> Roles)
{
    public const string Branch = "branch";
    public const string Instructor = "instructor";
    public const string PartyCommittee = "party-committee";
    public const string OrganizationDepartment = "organization-department";
    public const string WorkCommittee = "work-committee";
    public const string Admin = "admin";

    public static readonly string[] RoleNames = [Branch, Instructor, PartyCommittee, OrganizationDepartment, WorkCommittee, Admin];

    public bool IsAdmin => Roles.Any(r => r.Role == Admin);

    /// <summary>Where the request came from, for the audit trail; not part of what a request is (its idempotency hash).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Address { get; init; }
}
