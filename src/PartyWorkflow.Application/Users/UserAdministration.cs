using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Access;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Users;

/// <summary>A role with its scope, as the API takes and shows it.</summary>
public sealed record RoleBody(string? Role, Guid? ScopeOrganizationId = null);

public sealed record UserView(Guid Id, string UserName, string? DisplayName, Guid? PersonId, bool IsDisabled, IReadOnlyList<RoleBody> Roles);

/// <summary>An administrator creates a user with a password, the person they are (if any) and their roles.</summary>
public sealed record CreateUser(string? UserName, string? Password, string? DisplayName = null, Guid? PersonId = null, IReadOnlyList<RoleBody>? Roles = null)
    : ICommand<UserView>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(UserName)) yield return ("userName", "is required / 必填");
        else if (UserName.Length > 100) yield return ("userName", "at most 100 characters / 最多 100 个字符");
        if (string.IsNullOrEmpty(Password)) yield return ("password", "is required / 必填");
        foreach (var problem in ContactDetails.MaxLength("displayName", DisplayName, 100)) yield return problem;
        foreach (var problem in UserRoles.Check(Roles ?? [])) yield return problem;
    }
}

/// <summary>An administrator replaces a user's roles; the user's security stamp changes, so their sign-ins must be renewed.</summary>
public sealed record SetUserRoles(Guid UserId, IReadOnlyList<RoleBody>? Roles) : ICommand<UserView>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate() => Roles is null ? [("roles", "is required / 必填")] : UserRoles.Check(Roles);
}

/// <summary>An administrator disables (or enables again) a user.</summary>
public sealed record SetUserDisabled(Guid UserId, bool Disabled) : ICommand<UserView>;

public sealed record ListUsers : IQuery<IReadOnlyList<UserView>>;

internal static class UserRoles
{
    public static IEnumerable<(string Field, string Message)> Check(IReadOnlyList<RoleBody> roles)
    {
        if (roles.Count > 20) yield return ("roles", "at most 20 / 最多 20 个");
        for (var i = 0; i < roles.Count; i++)
            if (roles[i].Role is not { } role || !Actor.RoleNames.Contains(role))
                yield return ($"roles[{i}].role", $"must be one of: {string.Join(", ", Actor.RoleNames)}");
        if (roles.DistinctBy(r => (r.Role, r.ScopeOrganizationId)).Count() != roles.Count) yield return ("roles", "names a role twice / 角色重复");
    }
}

public sealed class UserAdministrationHandlers(PartyWorkflowDbContext db, UserManager<AppUser> users, Clock clock)
    : ICommandHandler<CreateUser, UserView>, ICommandHandler<SetUserRoles, UserView>, ICommandHandler<SetUserDisabled, UserView>, IQueryHandler<ListUsers, IReadOnlyList<UserView>>
{
    public async ValueTask<UserView> Handle(CreateUser command, CancellationToken ct)
    {
        if (command.PersonId is { } person && !await db.People.AnyAsync(p => p.Id == person, ct)) throw new NotFoundException("person", person.ToString());
        await CheckScopesAsync(command.Roles ?? [], ct);
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = command.UserName!.Trim(), DisplayName = command.DisplayName?.Trim(), PersonId = command.PersonId, CreatedAt = clock.Now,
        };
        var created = await users.CreateAsync(user, command.Password!);
        if (!created.Succeeded) throw Refused(created);
        var assignments = Assign(user.Id, command.Roles ?? []);
        return View(user, assignments);
    }

    public async ValueTask<UserView> Handle(SetUserRoles command, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("user", command.UserId.ToString());
        await CheckScopesAsync(command.Roles!, ct);
        db.RoleAssignments.RemoveRange(await db.RoleAssignments.Where(a => a.UserId == user.Id).ToListAsync(ct));
        var assignments = Assign(user.Id, command.Roles!);
        // Sign-ins carry the roles as claims: a new stamp makes them renew.
        await users.UpdateSecurityStampAsync(user);
        return View(user, assignments);
    }

    public async ValueTask<UserView> Handle(SetUserDisabled command, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("user", command.UserId.ToString());
        user.IsDisabled = command.Disabled;
        await users.UpdateSecurityStampAsync(user);
        return View(user, await db.RoleAssignments.Where(a => a.UserId == user.Id).ToListAsync(ct));
    }

    public async ValueTask<IReadOnlyList<UserView>> Handle(ListUsers query, CancellationToken ct)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Take(1000).ToListAsync(ct);
        var ids = all.Select(u => u.Id).ToList();
        var roles = (await db.RoleAssignments.AsNoTracking().Where(a => ids.Contains(a.UserId)).ToListAsync(ct)).ToLookup(a => a.UserId);
        return all.Select(u => View(u, roles[u.Id].ToList())).ToList();
    }

    private List<RoleAssignment> Assign(Guid userId, IEnumerable<RoleBody> roles)
    {
        var assignments = roles.Select(r => new RoleAssignment { Id = Guid.CreateVersion7(), UserId = userId, Role = r.Role!, ScopeOrganizationId = r.ScopeOrganizationId, CreatedAt = clock.Now }).ToList();
        db.RoleAssignments.AddRange(assignments);
        return assignments;
    }

    private async Task CheckScopesAsync(IReadOnlyList<RoleBody> roles, CancellationToken ct)
    {
        var scopes = roles.Select(r => r.ScopeOrganizationId).OfType<Guid>().Distinct().ToList();
        var known = await db.Organizations.Where(o => scopes.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (scopes.Except(known).FirstOrDefault() is { } unknown && unknown != Guid.Empty) throw new NotFoundException("party organization", unknown.ToString());
    }

    private static RuleRefusalException Refused(IdentityResult result) =>
        new(result.Errors.Select(e => new Engine.Execution.RuleMessage(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password-rules" : "user-name-rules",
            new Engine.Definitions.LocalizedText(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password：密码不符合要求（至少 12 位，含大小写字母和数字）" : "userName：用户名已被使用或不合规", e.Description))).ToList());

    public static UserView View(AppUser user, IEnumerable<RoleAssignment> roles) =>
        new(user.Id, user.UserName ?? "", user.DisplayName, user.PersonId, user.IsDisabled, roles.Select(r => new RoleBody(r.Role, r.ScopeOrganizationId)).ToList());
}
