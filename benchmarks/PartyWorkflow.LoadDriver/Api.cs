using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyWorkflow.LoadDriver;

/// <summary>A server's answer: the status (0 when no answer came), the new id of a 201, and the body of a failure.</summary>
public readonly record struct Reply(int Status, Guid? Id = null, string? Problem = null)
{
    public string Label => Status == 0 ? "no answer" : Status.ToString();
}

/// <summary>
/// The HTTP API as a client uses it, through one shared HttpClient whose connections stay open for the
/// whole run (a new connection per request would measure connection set-up, and new PostgreSQL
/// backends behind it). Counts every action the server accepted since it started. Requests are
/// signed in: registry calls as the administrator, steps as a user of the acting person (created on
/// first use, holding every workflow role, so that the server acts in the step's first actor).
/// </summary>
public sealed class Api(HttpClient http)
{
    public const string AdminUser = "load-admin";
    public const string AdminPassword = "Load-driver-Password-2026";
    private const string UserPassword = "Load-user-Password-2026";
    private static readonly string[] WorkflowRoles = ["branch", "instructor", "party-committee", "organization-department", "work-committee"];

    private long actionsTaken;
    private int problemsShown;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Lazy<Task<string>>> tokens = new();
    private string? adminToken;

    public long ActionsTaken => Interlocked.Read(ref actionsTaken);

    public static HttpClient CreateClient(Uri address) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(30),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<Guid> CreateOrganizationAsync(string name, string kind, Guid? parentId, bool approvalAuthority, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["name"] = name, ["kind"] = kind, ["parentId"] = parentId?.ToString(), ["hasApprovalAuthority"] = approvalAuthority,
        };
        return Created(await PostAsync("/api/party-organizations", body, ct), "an organization");
    }

    public async Task<Guid> CreateMemberAsync(Guid branchId, string name, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["name"] = name, ["gender"] = "male", ["ethnicity"] = "汉族", ["citizenId"] = CitizenIds.For(new DateOnly(1980, 1, 1)),
            ["branchId"] = branchId.ToString(), ["membership"] = "full",
        };
        return Created(await PostAsync("/api/members", body, ct), "a member");
    }

    /// <summary>Step 1, <c>submit-application</c>, through its alias route, by the branch's secretary.</summary>
    public Task<Reply> SubmitApplicationAsync(Branch branch, string citizenId, DateOnly applicationDate, CancellationToken ct) =>
        PostAsync("/api/applications", new JsonObject
        {
            ["person"] = new JsonObject
            {
                ["name"] = "申请人", ["gender"] = "female", ["ethnicity"] = "汉族", ["citizenId"] = citizenId, ["phone"] = "13800000000",
            },
            ["branchId"] = branch.Id.ToString(),
            ["applicationDate"] = Dates.Format(applicationDate),
        }, ct, branch.Secretary);

    /// <remarks><paramref name="role"/> is what the step's first actor is; the server chooses it from the user's roles.</remarks>
    public async Task<Reply> ActAsync(Guid instanceId, string actionId, JsonObject facts, Guid actorId, string role, CancellationToken ct)
    {
        var reply = await PostAsync($"/api/instances/{instanceId}/actions/{actionId}", facts, ct, actorId);
        if (reply.Status == (int)HttpStatusCode.OK) Interlocked.Increment(ref actionsTaken);
        return reply;
    }

    private async Task<Reply> PostAsync(string path, JsonNode body, CancellationToken ct, Guid? actor = null)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
                actor is { } person ? await tokens.GetOrAdd(person, p => new Lazy<Task<string>>(() => UserTokenAsync(p, ct))).Value : await AdminTokenAsync(ct));
            using var response = await http.SendAsync(request, ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            var status = (int)response.StatusCode;
            if (status == (int)HttpStatusCode.Created)
            {
                using var created = JsonDocument.Parse(bytes);
                return new Reply(status, created.RootElement.GetProperty("id").GetGuid());
            }
            if (status is >= 200 and < 300) return new Reply(status);
            var problem = Encoding.UTF8.GetString(bytes);
            ShowProblem(path, status, problem);
            return new Reply(status, Problem: problem);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            ShowProblem(path, 0, ex.Message);
            return new Reply(0, Problem: ex.Message);
        }
    }

    private async Task<string> AdminTokenAsync(CancellationToken ct) => adminToken ??= await LoginAsync(AdminUser, AdminPassword, ct);

    private async Task<string> UserTokenAsync(Guid person, CancellationToken ct)
    {
        var userName = $"load-{person:N}";
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/users")
        {
            Content = new StringContent(new JsonObject
            {
                ["userName"] = userName, ["password"] = UserPassword, ["personId"] = person.ToString(),
                ["roles"] = new JsonArray(WorkflowRoles.Select(r => (JsonNode)new JsonObject { ["role"] = r }).ToArray()),
            }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        create.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await AdminTokenAsync(ct));
        using var created = await http.SendAsync(create, ct);
        if (created.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"could not create the user of {person}: {(int)created.StatusCode}");
        return await LoginAsync(userName, UserPassword, ct);
    }

    private async Task<string> LoginAsync(string userName, string password, CancellationToken ct)
    {
        using var content = new StringContent(new JsonObject { ["userName"] = userName, ["password"] = password }.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/api/auth/login", content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in of {userName} failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["accessToken"]!.GetValue<string>();
    }

    /// <summary>The first few refusals are printed whole: a 422's unmetRules say which fact or date to fix.</summary>
    private void ShowProblem(string path, int status, string problem)
    {
        if (Interlocked.Increment(ref problemsShown) <= 5)
            Console.Error.WriteLine($"  ! {status} from POST {path}: {(problem.Length > 600 ? problem[..600] + "…" : problem)}");
    }

    private static Guid Created(Reply reply, string what) =>
        reply is { Status: (int)HttpStatusCode.Created, Id: { } id }
            ? id
            : throw new InvalidOperationException($"could not create {what}: {reply.Label} {reply.Problem}");
}
