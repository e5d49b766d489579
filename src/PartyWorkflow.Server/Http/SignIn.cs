using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyWorkflow.Application.Access;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// Sign-in with ASP.NET Core Identity on the project's own database: cookies for the web
/// application, Identity's bearer tokens for API clients (ADR 0010), one policy scheme choosing
/// between them by the Authorization header. Every route needs a signed-in user unless it says otherwise.
/// </summary>
public static class SignIn
{
    public const string Scheme = "cookie-or-bearer";
    public const string PersonClaim = "pw:person";
    public const string RoleClaim = "pw:role";
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        // The keys that protect cookies and tokens live in the database, so every process reads the others' tokens.
        services.AddDataProtection().PersistKeysToDbContext<PartyWorkflowDbContext>().SetApplicationName("PartyWorkflow");
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "partyworkflow";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                // An API answers 401 and 403; it does not redirect to a login page.
                o.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
                o.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
            });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        Application.Users.UserServices.AddUsers(services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ActorClaims>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireClaim(RoleClaim, Actor.Admin));
        return services;
    }

    /// <summary>The signed-in user as the application sees them: from the sign-in's claims, so an action reads nothing for it.</summary>
    public static Actor ActorOf(ClaimsPrincipal user)
    {
        var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("not signed in"));
        var person = user.FindFirstValue(PersonClaim) is { } p ? Guid.Parse(p) : (Guid?)null;
        var roles = user.FindAll(RoleClaim).Select(c => c.Value.Split('@') is [var role, var scope] ? new RoleGrant(role, Guid.Parse(scope)) : new RoleGrant(c.Value, null)).ToList();
        return new Actor(id, person, roles);
    }

    /// <summary>The signed-in user of a request, with the address it came from (for the audit trail).</summary>
    public static Actor ActorOf(HttpContext http) => ActorOf(http.User) with { Address = AddressOf(http) };

    public static string? AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    /// <summary>
    /// Adds the person and every role (<c>role</c> or <c>role@scope</c>) to the principal a sign-in creates.
    /// An instructor role without a scope becomes one grant per organization covering the units
    /// assigned to the person today (<see cref="InstructorScope"/>).
    /// </summary>
    public sealed class ActorClaims(UserManager<AppUser> users, IOptions<IdentityOptions> options, PartyWorkflowDbContext db, Application.Common.Clock clock)
        : UserClaimsPrincipalFactory<AppUser>(users, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            if (user.PersonId is { } person) identity.AddClaim(new Claim(PersonClaim, person.ToString()));
            foreach (var grant in await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == user.Id).ToListAsync())
            {
                if (grant is { Role: Actor.Instructor, ScopeOrganizationId: null })
                {
                    var covering = user.PersonId is { } instructor ? await InstructorScope.OrganizationsAsync(db, instructor, clock.Today) : [InstructorScope.Nowhere];
                    foreach (var organization in covering) identity.AddClaim(new Claim(RoleClaim, $"{Actor.Instructor}@{organization}"));
                    continue;
                }
                identity.AddClaim(new Claim(RoleClaim, grant.ScopeOrganizationId is { } scope ? $"{grant.Role}@{scope}" : grant.Role));
            }
            return identity;
        }
    }

    /// <summary>Refresh tokens are read with the bearer scheme's own protector, as Identity's endpoints do.</summary>
    public static AuthenticationTicketReader RefreshTokens(IServiceProvider services) =>
        new(services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).RefreshTokenProtector);

    public sealed class AuthenticationTicketReader(Microsoft.AspNetCore.Authentication.ISecureDataFormat<Microsoft.AspNetCore.Authentication.AuthenticationTicket> protector)
    {
        public Microsoft.AspNetCore.Authentication.AuthenticationTicket? Read(string token) => protector.Unprotect(token);
    }
}
