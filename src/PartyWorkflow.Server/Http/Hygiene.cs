using System.Threading.RateLimiting;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// What every answer carries and what sign-in is limited to: security headers on every response,
/// and at most <c>PartyWorkflow:SignIn:PermitsPerMinute</c> (20) sign-in attempts a minute from one
/// address (429 beyond), on top of Identity's lockout of the account itself. CORS is closed: no
/// origin is allowed, so browsers load the API only from its own origin.
/// </summary>
public static class Hygiene
{
    public const string SignInLimit = "sign-in";

    public static IServiceCollection AddHygiene(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("PartyWorkflow:SignIn:PermitsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "application/problem+json";
                await context.HttpContext.Response.WriteAsJsonAsync(new
                {
                    type = "https://tools.ietf.org/html/rfc6585#section-4", title = "Too many sign-in attempts", status = 429,
                    detail = "登录尝试过于频繁，请一分钟后再试 / too many sign-in attempts: try again in a minute",
                }, ct);
            };
        });
        return services;
    }

    /// <summary>Headers that keep browsers from sniffing types, framing the pages or leaking the URL (a feed's token is in it).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    });
}
