using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using PartyWorkflow.Application.Users;
using PartyWorkflow.Persistence.Entities;
using PartyWorkflow.Server.Http;

namespace PartyWorkflow.Server.Endpoints;

/// <summary>Sign-in (anonymous), the signed-in user, and user administration (administrators only).</summary>
public static class UserEndpoints
{
    public sealed record SignInBody(string? UserName, string? Password, bool? UseCookies = null);

    public sealed record RefreshBody(string? RefreshToken);

    public sealed record RolesBody(IReadOnlyList<RoleBody>? Roles);

    public sealed record DisabledBody(bool? Disabled);

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/login", async Task<IResult> (SignInBody body, SignInManager<AppUser> signIn, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userName"] = ["userName and password are required / 请输入用户名和密码"] });
            var name = body.UserName.Trim();
            var user = await signIn.UserManager.FindByNameAsync(name);
            // The same answer for an unknown user, a wrong password, a disabled or locked-out user; the audit trail tells them apart.
            if (user is null or { IsDisabled: true })
            {
                await Audited.RecordAsync(http, "sign-in", user is null ? "401 unknown-user" : "401 disabled", user?.Id, name);
                return Failed();
            }
            signIn.AuthenticationScheme = body.UseCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(user, body.Password, isPersistent: false, lockoutOnFailure: true);
            await Audited.RecordAsync(http, "sign-in", result.Succeeded ? "200" : result.IsLockedOut ? "401 locked-out" : "401 wrong-password", user.Id, user.UserName);
            // On success the sign-in has written the tokens (bearer) or set the cookie.
            return result.Succeeded ? TypedResults.Empty : Failed(result.IsLockedOut);
        }).AllowAnonymous().RequireRateLimiting(Hygiene.SignInLimit)
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Sign in with user name and password: bearer tokens, or a cookie with useCookies=true");

        auth.MapPost("/refresh", async Task<IResult> (RefreshBody body, SignInManager<AppUser> signIn, IServiceProvider services, TimeProvider time) =>
        {
            var ticket = string.IsNullOrEmpty(body.RefreshToken) ? null : SignIn.RefreshTokens(services).Read(body.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsDisabled: false } user)
                return Failed();
            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous().RequireRateLimiting(Hygiene.SignInLimit)
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("New tokens for a refresh token (refused once the user's roles changed or the user was disabled)");

        auth.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        }).WithSummary("Sign out (the cookie)");

        auth.MapGet("/me", (HttpContext http) =>
        {
            var actor = SignIn.ActorOf(http);
            return TypedResults.Ok(new { userId = actor.UserId, userName = http.User.Identity?.Name, personId = actor.PersonId,
                roles = actor.Roles.Select(r => new RoleBody(r.Role, r.ScopeOrganizationId)).ToList() });
        }).WithSummary("The signed-in user: person and roles");

        auth.MapAntiforgeryToken();

        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(SignIn.AdminPolicy);
        users.MapPost("/", async (CreateUser command, IMediator mediator, CancellationToken ct) =>
        {
            var view = await mediator.Send(command, ct);
            return TypedResults.Created($"/api/users/{view.Id}", view);
        }).WithSummary("Create a user with a password, the person they are and their roles (administrators)").Audit("user-admin");
        users.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListUsers(), ct)))
            .WithSummary("Every user with their roles (administrators)");
        users.MapPut("/{id:guid}/roles", async (Guid id, RolesBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SetUserRoles(id, body.Roles), ct))).WithSummary("Replace a user's roles (administrators)").Audit("user-admin");
        users.MapPut("/{id:guid}/disabled", async (Guid id, DisabledBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SetUserDisabled(id, body.Disabled ?? true), ct))).WithSummary("Disable or enable a user (administrators)").Audit("user-admin");
    }

    private static IResult Failed(bool lockedOut = false) => TypedResults.Problem(
        lockedOut ? "多次登录失败，账户已暂时锁定 / too many failed sign-ins: the account is locked for a while" : "用户名或密码错误 / wrong user name or password",
        statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
}
