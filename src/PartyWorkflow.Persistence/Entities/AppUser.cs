using Microsoft.AspNetCore.Identity;

namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// A user who signs in (ASP.NET Core Identity: password hash, lockout, security stamp), linked to
/// the person they are where they have one: that person is the actor of the steps they take.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid? PersonId { get; set; }
    public string? DisplayName { get; set; }
    /// <summary>A disabled user cannot sign in, and their tokens stop working at the next check of the security stamp.</summary>
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One role a user holds, with its scope: an organization (it and everything below it), or none
/// (the whole prefecture). A user may hold several.
/// </summary>
public sealed class RoleAssignment
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    /// <summary><c>branch</c>, <c>instructor</c>, <c>party-committee</c>, <c>organization-department</c>, <c>work-committee</c> or <c>admin</c>.</summary>
    public required string Role { get; set; }
    public Guid? ScopeOrganizationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
