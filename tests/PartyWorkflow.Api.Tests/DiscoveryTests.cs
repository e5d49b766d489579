using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Application.Instances;
using PartyWorkflow.Engine.Definitions;

namespace PartyWorkflow.Api.Tests;

/// <summary>What a new user needs to find things and to know what an action takes.</summary>
public sealed class DiscoveryTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Instances_are_found_by_subject_name_citizen_id_state_stage_and_page()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var citizenId = CitizenIds.For(new DateOnly(1993, 9, 9));
        var quiet = await unit.ApplyAsync("2026-11-20", citizenId);
        var advanced = await unit.StartAsync("confirm-activist");

        var byCitizen = await ApiClient.ExpectAsync(await fixture.Api.PostAsync("/api/instances/search", new JsonObject { ["citizenId"] = citizenId.ToLowerInvariant() }), HttpStatusCode.OK);
        Assert.Equal(quiet.ToString(), Assert.Single(byCitizen["items"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(0, (await ApiClient.ExpectAsync(await fixture.Api.PostAsync("/api/instances/search", new JsonObject { ["citizenId"] = CitizenIds.For(new DateOnly(1970, 1, 1)) }), HttpStatusCode.OK))["total"]!.GetValue<int>());

        var byName = await fixture.Api.GetAsync($"/api/instances?organization={unit.Branch}&name=申请");
        Assert.Equal(2, byName["total"]!.GetValue<int>());
        var activists = await fixture.Api.GetAsync($"/api/instances?organization={unit.Branch}&stage=activist");
        Assert.Equal(advanced.ToString(), Assert.Single(activists["items"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(1, (await fixture.Api.GetAsync($"/api/instances?organization={unit.Branch}&state=submit-application"))["total"]!.GetValue<int>());

        var page = await fixture.Api.GetAsync($"/api/instances?organization={unit.Branch}&pageSize=1&page=2");
        Assert.Single(page["items"]!.AsArray());
        Assert.Equal(2, page["total"]!.GetValue<int>());
        Assert.Equal("某科技公司党支部", page["items"]![0]!["organizationName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_organization_lists_the_instances_of_every_level_below_it_and_no_others()
    {
        var api = fixture.Api;
        var committee = await api.CreateOrganizationAsync("party-committee", approvalAuthority: true, name: "某乡镇党委");
        var general = await api.CreateOrganizationAsync("general-branch", committee, name: "某党总支");
        var deep = await api.CreateOrganizationAsync("branch", general, name: "某深层党支部");
        var elsewhere = await api.CreateOrganizationAsync("branch", name: "别处党支部");
        var secretary = await api.CreateMemberAsync(deep);
        var inDeep = Guid.Parse((await ApiClient.ExpectAsync(await api.SubmitAsync(deep, secretary, CitizenIds.For(new DateOnly(1992, 2, 2)), "2026-11-20"), HttpStatusCode.Created))["id"]!.GetValue<string>());
        await ApiClient.ExpectAsync(await api.SubmitAsync(elsewhere, secretary, CitizenIds.For(new DateOnly(1992, 3, 3)), "2026-11-20"), HttpStatusCode.Created);

        foreach (var root in new[] { committee, general, deep })
        {
            var listed = await api.GetAsync($"/api/instances?organization={root}");
            var item = Assert.Single(listed["items"]!.AsArray())!;
            Assert.Equal(inDeep.ToString(), item["id"]!.GetValue<string>());
            Assert.Equal("某深层党支部", item["organizationName"]!.GetValue<string>());
        }
        Assert.Single(JsonNode.Parse(await api.Client.GetStringAsync($"/api/deadlines?organization={committee}"))!.AsArray());
    }

    [Fact]
    public async Task Members_are_searched_by_name()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        await fixture.Api.CreateMemberAsync(unit.Branch, name: "欧阳娜娜");
        var found = (await fixture.Api.Client.GetFromJsonAsync<JsonArray>($"/api/members?branchId={unit.Branch}&name=欧阳"))!;
        Assert.Equal("欧阳娜娜", Assert.Single(found)!["name"]!.GetValue<string>());
        Assert.Empty((await fixture.Api.Client.GetFromJsonAsync<JsonArray>($"/api/members?branchId={unit.Branch}&name=诸葛"))!);
    }

    [Fact]
    public async Task A_permitted_action_carries_the_schema_of_its_body_with_labels_and_references()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync("2026-11-20");
        var talk = Assert.Single((await unit.ViewAsync(instance))["permittedActions"]!.AsArray(), a => a!["actionId"]!.GetValue<string>() == "initial-talk")!;
        var schema = talk["schema"]!;
        // The facts alone: who acts is the signed-in user.
        Assert.Equal(["date", "talkerId", "notes"], schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Null(schema["properties"]!["actorId"]);
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        var talker = schema["properties"]!["talkerId"]!;
        Assert.Equal("member", talker["x-reference"]!.GetValue<string>());
        Assert.Equal("谈话人", talker["x-label"]!["zh"]!.GetValue<string>());
        Assert.Equal("talker", talker["x-label"]!["en"]!.GetValue<string>());
        Assert.Equal(2000, schema["properties"]!["notes"]!["maxLength"]!.GetValue<int>());

        var definition = await fixture.Api.GetAsync("/api/definitions/member-development/1");
        Assert.Equal("发展党员", definition["name"]!["zh"]!.GetValue<string>());
        Assert.Equal("党组织派人谈话", definition["stages"]![0]!["steps"]![1]!["name"]!["zh"]!.GetValue<string>());
        Assert.Equal("person", definition["subject"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_member_registered_as_probationary_gets_the_probation_length_of_the_definition()
    {
        var workflows = WorkflowFolders.Copy();
        var file = Path.Combine(workflows, "member-development.v1.json");
        var definition = JsonNode.Parse(File.ReadAllText(file))!;
        var rule = definition["stages"]!.AsArray().SelectMany(s => s!["steps"]!.AsArray()).SelectMany(s => s!["rules"]?.AsArray() ?? [])
            .Single(r => r!["id"]!.GetValue<string>() == "probation-one-year")!;
        rule["parameters"]!["months"] = 18;
        File.WriteAllText(file, definition.ToJsonString());
        await using var factory = new ApiFactory(await TestDatabases.CreatePostgresAsync(), new FakeTimeProvider(ApiFixture.Start), workflows);
        var api = new ApiClient(factory.CreateSignedInClient());
        var branch = await api.CreateOrganizationAsync("branch");

        var member = await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/members", new
        {
            name = "周九", gender = "male", citizenId = CitizenIds.For(new DateOnly(1990, 1, 1)), branchId = branch, membership = "probationary", probationStart = "2026-06-01",
        }), HttpStatusCode.Created);
        Assert.Equal("2027-12-01", member["probationEnd"]!.GetValue<string>());
    }

    [Fact]
    public void A_definition_locks_its_subject_or_every_id_a_fact_of_the_first_step_lists()
    {
        var subject = Guid.NewGuid();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var definition = new WorkflowDefinition
        {
            DefinitionId = "some-definition", Version = 1, IsPublished = true, Name = new LocalizedText("某流程", "some workflow"), Stages = [],
            Subject = new SubjectDefinition
            {
                Kind = "request",
                Unique = [new UniquenessDefinition { Constraint = "one-per-request" }, new UniquenessDefinition { Constraint = "unit-once", Key = "fact:unitIds" }],
            },
        };
        var facts = new JsonObject { ["unitIds"] = new JsonArray(first.ToString(), second.ToString(), first.ToString()) };

        Assert.Equal(
            [("one-per-request", subject.ToString()), ("unit-once", first.ToString()), ("unit-once", second.ToString())],
            SubjectLocks.KeysOf(definition, subject, facts).ToList());
    }
}
