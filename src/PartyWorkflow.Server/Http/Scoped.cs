using PartyWorkflow.Application.Access;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// Who may call a route, declared on the route: the roles it needs and the record whose scope they
/// must reach, an organization, a person, a unit or a county, from the path or the body
/// (<see cref="Scopes"/>). Checked before the handler runs, so that nothing is read for a user who
/// may not see the answer. The route × role × scope matrix test holds every route to a row.
/// </summary>
public static class Scoped
{
    /// <summary>Every role, administrators included: any signed-in user, within their scopes.</summary>
    public static readonly string[] AnyRole = Actor.RoleNames;

    /// <summary>The registry's keepers: a branch for itself, the party committees and offices above it.</summary>
    public static readonly string[] RegistryKeepers = [Actor.Branch, Actor.PartyCommittee, Actor.WorkCommittee, Actor.OrganizationDepartment, Actor.Admin];

    /// <summary>Those who read reports for an area.</summary>
    public static readonly string[] ReportReaders = [Actor.PartyCommittee, Actor.WorkCommittee, Actor.OrganizationDepartment, Actor.Admin];

    public static RouteHandlerBuilder ForRoles(this RouteHandlerBuilder builder, params string[] roles) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            Scopes.RequireRole(SignIn.ActorOf(context.HttpContext), roles);
            return await next(context);
        });

    /// <summary>The organization named by the path's <paramref name="routeValue"/>.</summary>
    public static RouteHandlerBuilder OnOrganization(this RouteHandlerBuilder builder, string[] roles, string routeValue = "id") =>
        builder.OnPath(routeValue, (scopes, actor, id, ct) => scopes.RequireOrganizationAsync(actor, id, roles, ct));

    /// <summary>The organization a body names (none: the role alone; unknown: the handler's refusal).</summary>
    public static RouteHandlerBuilder OnOrganization<TBody>(this RouteHandlerBuilder builder, string[] roles, Func<TBody, Guid?> organization) =>
        builder.OnBody(roles, organization, (scopes, actor, id, ct) => scopes.RequireOrganizationAsync(actor, id, roles, ct, unknownIsTheHandlers: true));

    /// <summary>The person named by the path's <c>{id}</c>.</summary>
    public static RouteHandlerBuilder OnPerson(this RouteHandlerBuilder builder, string[] roles) =>
        builder.OnPath("id", (scopes, actor, id, ct) => scopes.RequirePersonAsync(actor, id, roles, ct));

    /// <summary>The person a body names (none: the role alone; unknown: the handler's refusal).</summary>
    public static RouteHandlerBuilder OnPerson<TBody>(this RouteHandlerBuilder builder, string[] roles, Func<TBody, Guid?> person) =>
        builder.OnBody(roles, person, (scopes, actor, id, ct) => scopes.RequirePersonAsync(actor, id, roles, ct, unknownIsTheHandlers: true));

    /// <summary>The unit named by the path's <c>{id}</c>.</summary>
    public static RouteHandlerBuilder OnUnit(this RouteHandlerBuilder builder, string[] roles) =>
        builder.OnPath("id", (scopes, actor, id, ct) => scopes.RequireUnitAsync(actor, id, roles, ct));

    /// <summary>The training class named by the path's <c>{id}</c>, through its organizer.</summary>
    public static RouteHandlerBuilder OnTrainingClass(this RouteHandlerBuilder builder, string[] roles) =>
        builder.OnPath("id", (scopes, actor, id, ct) => scopes.RequireTrainingClassAsync(actor, id, roles, ct));

    private delegate Task Check(Scopes scopes, Actor actor, Guid id, CancellationToken ct);

    private static RouteHandlerBuilder OnPath(this RouteHandlerBuilder builder, string routeValue, Check check) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            await check(ScopesOf(context), SignIn.ActorOf(context.HttpContext), RouteGuid(context, routeValue), context.HttpContext.RequestAborted);
            return await next(context);
        });

    private static RouteHandlerBuilder OnBody<TBody>(this RouteHandlerBuilder builder, string[] roles, Func<TBody, Guid?> named, Check check) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var actor = SignIn.ActorOf(context.HttpContext);
            if (context.Arguments.OfType<TBody>().FirstOrDefault() is { } body && named(body) is { } id)
                await check(ScopesOf(context), actor, id, context.HttpContext.RequestAborted);
            else Scopes.RequireRole(actor, roles);
            return await next(context);
        });

    /// <summary>
    /// A list by its <c>organization</c> and <c>person</c> query parameters: each one named must be in
    /// scope; naming neither lists everything, for users whose roles reach everywhere only.
    /// </summary>
    public static RouteHandlerBuilder ByOrganizationOrPerson(this RouteHandlerBuilder builder, string[] roles) =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var parameters = factory.MethodInfo.GetParameters();
            var organization = Array.FindIndex(parameters, p => p.Name == "organization");
            var person = Array.FindIndex(parameters, p => p.Name == "person");
            return async context =>
            {
                var actor = SignIn.ActorOf(context.HttpContext);
                Scopes.RequireRole(actor, roles);
                var scopes = ScopesOf(context);
                var ct = context.HttpContext.RequestAborted;
                if (organization >= 0 && context.Arguments[organization] is Guid o) await scopes.RequireOrganizationAsync(actor, o, roles, ct);
                if (person >= 0 && context.Arguments[person] is Guid p) await scopes.RequirePersonAsync(actor, p, roles, ct);
                var named = (organization >= 0 && context.Arguments[organization] is not null) || (person >= 0 && context.Arguments[person] is not null);
                if (!named && await scopes.CountiesAsync(actor, ct) is not null)
                    throw Application.Common.InvalidInputException.For(organization >= 0 ? "organization" : "person",
                        "name the organization (or the member) to list: your roles do not reach everywhere / 请指定组织（或党员）");
                return await next(context);
            };
        });

    /// <summary>The county a body names (a new unit's).</summary>
    public static RouteHandlerBuilder InCounty<TBody>(this RouteHandlerBuilder builder, string[] roles, Func<TBody, string?> county) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var actor = SignIn.ActorOf(context.HttpContext);
            if (context.Arguments.OfType<TBody>().FirstOrDefault() is { } body && county(body) is { Length: > 0 } code)
                await ScopesOf(context).RequireCountyAsync(actor, code, roles, context.HttpContext.RequestAborted);
            else Scopes.RequireRole(actor, roles);
            return await next(context);
        });

    /// <summary>
    /// A report or export for an area, by its <c>county</c> query parameter: a county outside the user's
    /// area is refused; none given means the user's own county when their roles reach just one, and
    /// is refused with 400 when they reach several (every county needs a role without a county limit).
    /// </summary>
    public static RouteHandlerBuilder ForArea(this RouteHandlerBuilder builder, string[] roles) =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var index = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.Name == "county");
            // A ledger may name an organization too: it must be in scope as well.
            var organization = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.Name == "organization");
            if (index < 0) throw new InvalidOperationException($"{factory.MethodInfo} has no county parameter");
            return async context =>
            {
                var actor = SignIn.ActorOf(context.HttpContext);
                Scopes.RequireRole(actor, roles);
                var scopes = ScopesOf(context);
                if (organization >= 0 && context.Arguments[organization] is Guid named)
                    await scopes.RequireOrganizationAsync(actor, named, roles, context.HttpContext.RequestAborted);
                if (context.Arguments[index] is string county) await scopes.RequireCountyAsync(actor, county, roles, context.HttpContext.RequestAborted);
                else if (await scopes.CountiesAsync(actor with { Roles = actor.Roles.Where(r => roles.Contains(r.Role)).ToList() }, context.HttpContext.RequestAborted) is { } counties)
                    context.Arguments[index] = counties.Count == 1 ? counties.Single()
                        : throw Application.Common.InvalidInputException.For("county", "your roles reach several counties: name one / 请指定县（市）");
                return await next(context);
            };
        });

    private static Scopes ScopesOf(EndpointFilterInvocationContext context) => context.HttpContext.RequestServices.GetRequiredService<Scopes>();

    private static Guid RouteGuid(EndpointFilterInvocationContext context, string name) =>
        Guid.TryParse(context.HttpContext.Request.RouteValues[name]?.ToString(), out var id) ? id : throw new InvalidOperationException($"the route has no {{{name}:guid}}");
}
