using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Users;

/// <summary>Identity's user store on the project's database, with the password and lockout rules (the server adds sign-in on top).</summary>
public static class UserServices
{
    public static IdentityBuilder AddUsers(IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PartyWorkflowDbContext>();
}
