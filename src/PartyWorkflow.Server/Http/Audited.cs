using PartyWorkflow.Application.Audit;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// Records a route's requests in the audit trail (who, when, from where, what, outcome), refused ones
/// included. The target is the method and path, never the query (a name searched for is personal data).
/// </summary>
public static class Audited
{
    /// <param name="refusalsOnly">For workflow actions: an accepted action is recorded by the instance's chained history.</param>
    public static TBuilder Audit<TBuilder>(this TBuilder builder, string kind, bool refusalsOnly = false) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            object? result;
            try
            {
                result = await next(context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await RecordAsync(context.HttpContext, kind, ProblemExceptionHandler.OutcomeOf(ex));
                throw;
            }
            var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
            if (!refusalsOnly || status >= 400) await RecordAsync(context.HttpContext, kind, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return result;
        });

    public static Task RecordAsync(HttpContext http, string kind, string outcome, Guid? userId = null, string? userName = null)
    {
        var signedIn = http.User.Identity?.IsAuthenticated == true ? SignIn.ActorOf(http.User).UserId : (Guid?)null;
        return http.RequestServices.GetRequiredService<AuditTrail>().AppendAsync(new AuditEntry(kind, $"{http.Request.Method} {http.Request.Path}", outcome,
            userId ?? signedIn, userName ?? http.User.Identity?.Name, SignIn.AddressOf(http)), CancellationToken.None);
    }
}
