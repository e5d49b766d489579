using Microsoft.AspNetCore.Antiforgery;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// Antiforgery for what a browser can send across sites without a preflight: a form post or an
/// upload (<c>application/x-www-form-urlencoded</c>, <c>multipart/form-data</c>) signed in by the
/// cookie. Such a request carries the token from <c>GET /api/auth/antiforgery</c> in the
/// <c>X-XSRF-TOKEN</c> header, or is refused with 400 before it is read. A request signed in by a
/// bearer token cannot be forged by a browser and needs none; JSON bodies need a CORS preflight,
/// which is refused, and the cookie is SameSite=Strict besides.
/// </summary>
public static class CookieForms
{
    public const string HeaderName = "X-XSRF-TOKEN";

    public static IServiceCollection AddCookieForms(this IServiceCollection services) =>
        services.AddAntiforgery(o =>
        {
            o.HeaderName = HeaderName;
            o.Cookie.Name = "partyworkflow-xsrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });

    public static IApplicationBuilder UseCookieForms(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var signedInByCookie = context.User.Identity?.IsAuthenticated == true && request.Headers.Authorization.Count == 0;
        if (signedInByCookie && request.HasFormContentType && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
                throw Application.Common.InvalidInputException.For(HeaderName,
                    "a form or upload signed in by the cookie needs the token of GET /api/auth/antiforgery in this header / 请在请求头中附上防伪令牌");
        }
        await next(context);
    });

    /// <summary>The token for the signed-in browser (and its cookie pair, set on this answer).</summary>
    public static void MapAntiforgeryToken(this RouteGroupBuilder auth) =>
        auth.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return TypedResults.Ok(new { headerName = HeaderName, token = tokens.RequestToken });
        }).WithSummary("The antiforgery token a form post or upload signed in by the cookie sends in X-XSRF-TOKEN");
}
