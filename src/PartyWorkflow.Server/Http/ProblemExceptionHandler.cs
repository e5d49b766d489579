using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Instances;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// Maps every expected failure to its status and ProblemDetails body as the API conventions say:
/// 400 errors by field, 422 unmet rules, 404, 409, 412, 413, and 503 when SQLite is busy.
/// Anything else is a bug and stays a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, extensions) = Classify(exception);
        if (status == 0) return false;
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "1";
        logger.LogDebug(exception, "Request ended with {Status}", status);

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = exception is ProblemException or BadHttpRequestException { StatusCode: 413 } ? exception.Message : null,
                Extensions = extensions,
            },
        });
    }

    /// <summary>A failure as the audit trail records it: the status it answers and the rule ids it names (<c>403 actor-not-permitted</c>).</summary>
    public static string OutcomeOf(Exception exception)
    {
        var status = Classify(exception).Status;
        var rules = exception switch
        {
            RuleRefusalException e => string.Join(",", e.UnmetRules.Select(r => r.RuleId)),
            ForbiddenException e => e.Rule.RuleId,
            _ => "",
        };
        return $"{(status == 0 ? 500 : status)} {rules}".TrimEnd();
    }

    private static (int Status, string Title, Dictionary<string, object?> Extensions) Classify(Exception exception) => exception switch
    {
        InvalidInputException e => (400, Malformed, new() { ["errors"] = BilingualMessages.Translate(e.Errors) }),
        BadHttpRequestException { StatusCode: 413 } => (413, "The request body is too large (1 MiB at most)", []),
        BadHttpRequestException e => (400, Malformed, new() { ["errors"] = Errors(BindingErrors.Describe(e)) }),
        // System.Text.Json reads a lone surrogate ("\ud800") only when the string is asked for.
        InvalidOperationException e when e.Message.Contains("UTF-16", StringComparison.Ordinal) =>
            (400, Malformed, new() { ["errors"] = Errors(("body", TextChecks.LoneSurrogateMessage)) }),
        RuleRefusalException e => (422, "The request is refused", new() { ["unmetRules"] = e.UnmetRules.Select(RuleMessageView.From).ToList() }),
        NotFoundException => (404, "Not found", []),
        ForbiddenException e => (403, "Not permitted for this user", new() { ["unmetRules"] = new[] { RuleMessageView.From(e.Rule) } }),
        ConflictException e => (409, "Not permitted now", new() { ["state"] = e.State }),
        PreconditionFailedException e => (412, "The instance has changed", new() { ["currentVersion"] = e.Current }),
        DbUpdateConcurrencyException => (409, "Another request changed this first; reload and try again", []),
        _ when IsBusy(exception) => (503, "The store is busy; retry shortly", []),
        DbUpdateException e when IsUniqueViolation(e) => (409, "Another request recorded the same thing first", []),
        // A backstop: inputs are checked against the column sizes before they get here.
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.StringDataRightTruncation } } =>
            (400, "A value is longer than allowed", new() { ["errors"] = Errors(("body", "a value is longer than allowed")) }),
        _ => (0, "", []),
    };

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || e.InnerException is SqliteException { SqliteErrorCode: 19 };

    /// <summary>SQLite allows one writer at a time; once its timeout passes it says busy or locked.</summary>
    private static bool IsBusy(Exception e) =>
        (e as SqliteException ?? e.InnerException as SqliteException) is { SqliteErrorCode: 5 or 6 };

    private const string Malformed = "请求格式有误 / The request is malformed";

    private static IReadOnlyDictionary<string, string[]> Errors((string Field, string Message) error) =>
        BilingualMessages.Translate(new Dictionary<string, string[]> { [error.Field] = [error.Message] });
}
