using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>The API as a client sees it: JSON in, status and JSON out. Tests create their data through it.</summary>
public sealed class ApiClient(HttpClient client)
{
    public HttpClient Client => client;

    public async Task<Guid> CreateOrganizationAsync(string kind, Guid? parentId = null, bool approvalAuthority = false, string name = "测试党组织", string? jurisdiction = null)
    {
        var response = await client.PostAsJsonAsync("/api/party-organizations", new { name, kind, parentId, hasApprovalAuthority = approvalAuthority, jurisdiction });
        return Guid.Parse((await ExpectAsync(response, HttpStatusCode.Created))["id"]!.GetValue<string>());
    }

    public async Task<Guid> CreateMemberAsync(Guid branchId, string membership = "full", string name = "党员")
    {
        var response = await client.PostAsJsonAsync("/api/members", new
        {
            name, gender = "male", ethnicity = "汉族", citizenId = CitizenIds.For(new DateOnly(1980, 1, 1)), branchId, membership,
        });
        return Guid.Parse((await ExpectAsync(response, HttpStatusCode.Created))["id"]!.GetValue<string>());
    }

    public Task<HttpResponseMessage> SubmitAsync(Guid branchId, Guid actorId, string citizenId, string applicationDate, string? idempotencyKey = null) =>
        PostAsync("/api/applications", new JsonObject
        {
            ["person"] = new JsonObject { ["name"] = "申请人", ["gender"] = "female", ["ethnicity"] = "汉族", ["citizenId"] = citizenId, ["phone"] = "13800000000" },
            ["branchId"] = branchId.ToString(),
            ["applicationDate"] = applicationDate,
            ["actorId"] = actorId.ToString(),
        }, idempotencyKey);

    public Task<HttpResponseMessage> ActAsync(Guid instanceId, string actionId, JsonObject facts, Guid actorId, string? role = null, string? idempotencyKey = null, string? ifMatch = null)
    {
        facts["actorId"] = actorId.ToString();
        if (role is not null) facts["actorRole"] = role;
        return PostAsync($"/api/instances/{instanceId}/actions/{actionId}", facts, idempotencyKey, ifMatch);
    }

    public async Task<JsonObject> GetAsync(string path) => await ExpectAsync(await client.GetAsync(path), HttpStatusCode.OK);

    public async Task<HttpResponseMessage> PostAsync(string path, JsonNode body, string? idempotencyKey = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    /// <summary>The JSON body, after checking the status (the body is in the failure message otherwise).</summary>
    public static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The rule ids a 422 names.</summary>
    public static async Task<string[]> UnmetRulesAsync(HttpResponseMessage response)
    {
        var body = await ExpectAsync(response, HttpStatusCode.UnprocessableEntity);
        return body["unmetRules"]!.AsArray().Select(r => r!["ruleId"]!.GetValue<string>()).ToArray();
    }
}
