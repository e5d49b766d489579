using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>
/// Signs requests in, as a client of the real sign-in would. Tests still write who acts into their
/// bodies (<c>actorId</c>, optionally <c>actorRole</c>, a definition actor): this handler takes them
/// out and sends the request as a user linked to that person, holding the role that acts so (or,
/// without one, every workflow role), everywhere. The user is created through the admin API on
/// first use and signed in through <c>/api/auth/login</c>. Requests naming no actor go as the
/// administrator. A 401 (a token expired on a clock a test moved) signs in again once.
/// </summary>
public sealed class SignedInActors(Func<HttpClient> raw) : DelegatingHandler
{
    public const string AdminUser = "test-admin";
    public const string AdminPassword = "Test-admin-Password-2026";
    private const string Password = "Test-user-Password-2026";

    private static readonly string[] WorkflowRoles = ["branch", "instructor", "party-committee", "organization-department", "work-committee"];
    private readonly ConcurrentDictionary<string, string?> tokens = new();
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The role that acts as a definition actor.</summary>
    public static string RoleFor(string actor) => actor switch
    {
        "branch-committee" or "branch-meeting" => "branch",
        "unit" => "work-committee",
        _ => actor,
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var (actorId, role) = await TakeActorAsync(request);
        var key = actorId is null ? AdminUser : $"{actorId}/{role ?? "any"}";
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(key, actorId, role, renew: attempt > 0);
            request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
            var response = await base.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.Unauthorized || token is null || attempt > 0) return response;
            response.Dispose();
            request = await CloneAsync(request);
        }
    }

    /// <summary>The actor named in a JSON body, which is rewritten without it, or, for a request without a body, in the query (<c>?actorId=</c>, taken out of the URL).</summary>
    private static async Task<(Guid? Actor, string? Role)> TakeActorAsync(HttpRequestMessage request)
    {
        if (request.Content is null && request.RequestUri is { } uri && TakeFromQuery(request, uri) is { } fromQuery) return (fromQuery, null);
        if (request.Content is not { } content || content.Headers.ContentType?.MediaType != "application/json") return (null, null);
        var text = await content.ReadAsStringAsync();
        try
        {
            if (JsonNode.Parse(text) is not JsonObject body || body["actorId"] is not JsonValue actorValue || !actorValue.TryGetValue<string>(out var actorText)
                || !Guid.TryParse(actorText, out var actor)) return (null, null);
            var role = body["actorRole"] is JsonValue r && r.TryGetValue<string>(out var roleText) ? roleText : null;
            // An actor no user could be (a role that is none, a malformed one) goes as written, for the server to refuse.
            if (body["actorRole"] is not null && (role is null || !WorkflowRoles.Contains(RoleFor(role)))) return (null, null);
            body.Remove("actorId");
            body.Remove("actorRole");
            // Re-serialized only when it reads cleanly; a body meant to be malformed goes as it is.
            var rewritten = body.ToJsonString();
            request.Content = new StringContent(rewritten, Encoding.UTF8, "application/json");
            return (actor, role);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            return (null, null);
        }
    }

    private static Guid? TakeFromQuery(HttpRequestMessage request, Uri uri)
    {
        var absolute = uri.IsAbsoluteUri ? uri : new Uri(new Uri("http://localhost"), uri);
        var query = System.Web.HttpUtility.ParseQueryString(absolute.Query);
        if (!Guid.TryParse(query["actorId"], out var actor)) return null;
        query.Remove("actorId");
        var rest = query.Count == 0 ? "" : "?" + query;
        request.RequestUri = uri.IsAbsoluteUri ? new Uri(absolute.GetLeftPart(UriPartial.Path) + rest) : new Uri(absolute.AbsolutePath + rest, UriKind.Relative);
        return actor;
    }

    private async Task<string?> TokenAsync(string key, Guid? actor, string? role, bool renew)
    {
        if (!renew && tokens.TryGetValue(key, out var cached)) return cached;
        await gate.WaitAsync();
        try
        {
            if (!renew && tokens.TryGetValue(key, out cached)) return cached;
            using var client = raw();
            string? token;
            if (actor is null) token = await LoginAsync(client, AdminUser, AdminPassword);
            else
            {
                var userName = $"t-{actor:N}-{role ?? "any"}";
                // A fresh administrator's token: a cached one may have expired on a clock a test moved.
                var admin = await LoginAsync(client, AdminUser, AdminPassword);
                using var create = new HttpRequestMessage(HttpMethod.Post, "/api/users")
                {
                    Content = JsonContent.Create(new
                    {
                        userName, password = Password, personId = actor,
                        roles = (role is null ? WorkflowRoles : [RoleFor(role)]).Select(r => new { role = r }).ToArray(),
                    }),
                };
                create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
                using var created = await client.SendAsync(create);
                // An unknown person has no user: the request goes unsigned, and is answered 401.
                token = created.StatusCode == HttpStatusCode.NotFound ? null : await LoginAsync(client, userName, Password);
            }
            tokens[key] = token;
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<string> LoginAsync(HttpClient client, string userName, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in of {userName} failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["accessToken"]!.GetValue<string>();
    }

    private static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var (name, values) in request.Headers) clone.Headers.TryAddWithoutValidation(name, values);
        if (request.Content is { } content)
        {
            clone.Content = new ByteArrayContent(await content.ReadAsByteArrayAsync());
            foreach (var (name, values) in content.Headers) clone.Content.Headers.TryAddWithoutValidation(name, values);
        }
        return clone;
    }
}
