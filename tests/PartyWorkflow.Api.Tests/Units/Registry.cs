using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests.Units;

/// <summary>Units, organizations on record and their coverage, created through the API as a work committee would.</summary>
public sealed class Registry(ApiClient api)
{
    public const string CountyA = "990101";
    public const string CountyB = "990102";

    public async Task<Guid> UnitAsync(string type, string county, string founded = "2020-01-01", string? name = null, int fullMembers = 0)
    {
        var body = await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/units", new
        {
            name = name ?? $"单位{Guid.NewGuid():N}"[..12], type, creditCode = CreditCodes.Next(), countyCode = county, industryCode = "C",
            foundedOn = founded, surveyFullMembers = fullMembers, hasFixedPremises = true,
        }), HttpStatusCode.Created);
        return Guid.Parse(body["id"]!.GetValue<string>());
    }

    public async Task<List<Guid>> UnitsAsync(int count, string type, string county)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add(await UnitAsync(type, county));
        return ids;
    }

    /// <summary>An organization on record, established on a date, covering units from that date.</summary>
    public async Task<Guid> OrganizationAsync(string mode, string established, string county, params Guid[] units)
    {
        var created = await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/party-organizations", new
        {
            name = $"党支部{Guid.NewGuid():N}"[..12], kind = "branch", countyCode = county, formationMode = mode, establishedOn = established,
        }), HttpStatusCode.Created);
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        if (units.Length > 0) await ExpectCoverAsync(id, established, null, units);
        return id;
    }

    public Task<HttpResponseMessage> CoverAsync(Guid organization, string from, string? mode, params Guid[] units) =>
        api.Client.PostAsJsonAsync($"/api/party-organizations/{organization}/covered-units", new { unitIds = units, from, mode });

    public async Task ExpectCoverAsync(Guid organization, string from, string? mode, params Guid[] units)
    {
        using var response = await CoverAsync(organization, from, mode, units);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonObject> CoverageAsync(string query) => await api.GetAsync($"/api/reports/coverage?{query}");
}
