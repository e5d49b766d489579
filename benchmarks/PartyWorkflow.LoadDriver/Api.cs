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
/// backends behind it). Counts every action the server accepted since it started.
/// </summary>
public sealed class Api(HttpClient http)
{
    private long actionsTaken;
    private int problemsShown;

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
            ["actorId"] = branch.Secretary.ToString(),
        }, ct);

    public async Task<Reply> ActAsync(Guid instanceId, string actionId, JsonObject facts, Guid actorId, string role, CancellationToken ct)
    {
        facts["actorId"] = actorId.ToString();
        facts["actorRole"] = role;
        var reply = await PostAsync($"/api/instances/{instanceId}/actions/{actionId}", facts, ct);
        if (reply.Status == (int)HttpStatusCode.OK) Interlocked.Increment(ref actionsTaken);
        return reply;
    }

    private async Task<Reply> PostAsync(string path, JsonNode body, CancellationToken ct)
    {
        try
        {
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(path, content, ct);
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
