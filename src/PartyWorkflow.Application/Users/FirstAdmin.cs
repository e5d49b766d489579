using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyWorkflow.Application.Access;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Users;

/// <summary>
/// The first administrator: from configuration (<c>PartyWorkflow:Admin:UserName</c> and
/// <c>PartyWorkflow:Admin:Password</c>, an environment variable or a secret store in production) or
/// from <c>partyworkflow users create-admin</c>. Created only while no administrator exists.
/// </summary>
public static class FirstAdmin
{
    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration)
    {
        var userName = configuration["PartyWorkflow:Admin:UserName"];
        var password = configuration["PartyWorkflow:Admin:Password"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return;
        await CreateAsync(services, userName, password, onlyIfNone: true);
    }

    /// <summary>Creates an administrator; with <paramref name="onlyIfNone"/>, only while there is none.</summary>
    public static async Task<IdentityResult> CreateAsync(IServiceProvider services, string userName, string password, bool onlyIfNone)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartyWorkflowDbContext>();
        if (onlyIfNone && await db.RoleAssignments.AnyAsync(a => a.Role == Actor.Admin)) return IdentityResult.Success;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var now = scope.ServiceProvider.GetRequiredService<Clock>().Now;
        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = userName.Trim(), DisplayName = "系统管理员", CreatedAt = now };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created;
        db.RoleAssignments.Add(new RoleAssignment { Id = Guid.CreateVersion7(), UserId = user.Id, Role = Actor.Admin, CreatedAt = now });
        await db.SaveChangesAsync();
        return created;
    }
}
