using System.Net.Http.Json;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Api.Tests;

/// <summary>
/// Every route against every kind of bad input that applies to it — malformed JSON, wrong types,
/// missing and unknown fields, huge and negative numbers, impossible and far dates, unicode edge
/// cases, oversize bodies, unknown ids, wrong methods and content types: every answer is a 4xx,
/// and a count of every table before and after shows that nothing was written.
/// </summary>
public sealed class BadInputCorpusTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private const string LoneHigh = "LONE-HIGH-SURROGATE";
    private const string LoneLow = "LONE-LOW-SURROGATE";

    /// <summary>Fields of the bodies below that may be left out.</summary>
    private static readonly HashSet<string> Optional = ["parentId", "hasApprovalAuthority", "probationStart", "hasVotingRights", "industryCode", "foundedOn", "surveyFullMembers", "hasFixedPremises", "to", "mode", "secretaryId", "years", "reference", "location", "notes"];

    private sealed record Request(string Method, string Url, string? Body, string ContentType = "application/json");

    [Fact]
    public async Task Every_bad_request_on_every_route_is_a_4xx_and_writes_nothing()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync("2026-11-01");
        var member = unit.Members[0];
        var registry = new Units.Registry(fixture.Api);
        var registered = await registry.UnitAsync("non-public-enterprise", Units.Registry.CountyA);
        var organization = await registry.OrganizationAsync("standalone", "2024-01-01", Units.Registry.CountyA);
        var training = await fixture.Api.Client.PostAsJsonAsync("/api/training-classes", new
        {
            name = "积极分子培训班", kind = "activists", organizerId = unit.Committee, startsOn = "2026-03-01", endsOn = "2026-03-03", days = 3, classHours = 24,
        });
        var trainingClass = Guid.Parse((await ApiClient.ExpectAsync(training, HttpStatusCode.Created))["id"]!.GetValue<string>());
        var before = await CountRowsAsync();

        var corpus = Corpus(unit, instance, member).Concat(UnitCorpus(registered, organization, member))
            .Concat(RecordCorpus(organization, trainingClass, member)).ToList();
        Assert.True(corpus.Count >= 200, $"only {corpus.Count} requests");
        var wrong = new List<string>();
        foreach (var request in corpus)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
            if (request.Body is not null) message.Content = new StringContent(request.Body, Encoding.UTF8, request.ContentType.Split(';')[0]);
            if (request.Body is not null && request.ContentType.Contains(';')) message.Content!.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType);
            using var response = await fixture.Api.Client.SendAsync(message);
            var status = (int)response.StatusCode;
            if (status is < 400 or > 499)
                wrong.Add($"{request.Method} {request.Url} [{request.ContentType}] {Shorten(request.Body)} → {status}: {Shorten(await response.Content.ReadAsStringAsync())}");
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {corpus.Count} requests were not a 4xx:\n{string.Join("\n", wrong)}");
        Assert.Equal(before, await CountRowsAsync());
    }

    private static IEnumerable<Request> Corpus(Unit unit, Guid instance, Guid member)
    {
        var unknown = Guid.NewGuid();
        var application = new JsonObject
        {
            ["person"] = new JsonObject { ["name"] = "测试", ["gender"] = "male", ["ethnicity"] = "汉族", ["citizenId"] = CitizenIds.For(new DateOnly(1990, 6, 1)) },
            ["branchId"] = unit.Branch.ToString(), ["applicationDate"] = "2026-11-20", ["actorId"] = unit.Secretary.ToString(),
        };
        var talk = new JsonObject { ["date"] = "2026-11-10", ["talkerId"] = member.ToString(), ["notes"] = "谈话", ["actorId"] = member.ToString() };
        var organization = new JsonObject { ["name"] = "某党支部", ["kind"] = "branch", ["parentId"] = unit.Committee.ToString(), ["hasApprovalAuthority"] = false };
        var newMember = new JsonObject
        {
            ["name"] = "孙八", ["gender"] = "male", ["citizenId"] = CitizenIds.For(new DateOnly(1981, 3, 3)), ["branchId"] = unit.Branch.ToString(),
            ["membership"] = "full", ["probationStart"] = null, ["hasVotingRights"] = true,
        };
        var memberPut = new JsonObject { ["name"] = "改名", ["branchId"] = unit.Branch.ToString(), ["hasVotingRights"] = true, ["onDisciplinaryProbation"] = false };
        var feed = new JsonObject { ["organizationId"] = unit.Branch.ToString() };

        // Bodies the server would accept as they are; every variant below breaks them one way.
        var bodies = new (string Method, string Url, JsonObject Valid, bool Partial)[]
        {
            ("POST", "/api/applications", application, false),
            ("POST", "/api/definitions/member-development/instances", application, false),
            ("POST", $"/api/instances/{instance}/actions/initial-talk", talk, false),
            ("POST", "/api/party-organizations", organization, false),
            ("PUT", $"/api/party-organizations/{unit.Branch}", organization, false),
            ("PATCH", $"/api/party-organizations/{unit.Branch}", new JsonObject { ["email"] = "x@example.org" }, true),
            ("POST", "/api/members", newMember, false),
            ("PUT", $"/api/members/{member}", memberPut, false),
            ("PATCH", $"/api/members/{member}", new JsonObject { ["partyGroup"] = "第三党小组" }, true),
            ("POST", "/api/calendar-feeds", feed, false),
        };
        foreach (var (method, url, valid, partial) in bodies)
        {
            foreach (var text in new[] { "{", "[1, 2", "{\"name\": }", "nul", "", "{\"a\": 1}}", "{'name': 'x'}", "[]", "\"text\"", "42", "null" })
                yield return new(method, url, text);
            foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data", "application/json; charset=utf-16" })
                yield return new(method, url, valid.ToJsonString(), type);
            yield return new(method, url, With(valid, "bogus", 1));
            yield return new(method, url, With(valid, "padding", new string('x', 1_100_000)));
            foreach (var (field, value) in valid)
            {
                foreach (var wrongType in WrongTypes(value)) yield return new(method, url, With(valid, field, wrongType));
                if (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    // Written as JSON escapes: a C# string cannot carry a lone surrogate into UTF-8.
                    yield return new(method, url, With(valid, field, LoneHigh).Replace(LoneHigh, "\\ud800"));
                    yield return new(method, url, With(valid, field, LoneLow).Replace(LoneLow, "a\\udc00b"));
                    yield return new(method, url, With(valid, field, "a\u0000b"));
                    if (!field.EndsWith("Id", StringComparison.Ordinal) && field is not ("email" or "partyGroup" or "notes" or "name")) yield return new(method, url, With(valid, field, "2026-02-30"));
                }
                if (!partial && !Optional.Contains(field)) yield return new(method, url, Without(valid, field));
            }
        }

        // Dates, numbers and ids that parse but cannot be right.
        foreach (var date in new[] { "2026-02-30", "2026-13-01", "26-11-01", "9999-12-31", "0001-01-01", "2026-11-01T10:00:00" })
        {
            yield return new("POST", "/api/applications", With(application, "applicationDate", date));
            yield return new("POST", $"/api/instances/{instance}/actions/initial-talk", With(talk, "date", date));
        }
        foreach (var number in new JsonNode[] { JsonValue.Create(1e300), JsonValue.Create(-1), JsonValue.Create(2147483648L), JsonValue.Create(2.5) })
            yield return new("POST", $"/api/instances/{instance}/actions/initial-talk", With(talk, "notes", number.DeepClone()));
        yield return new("POST", "/api/applications", With(application, "branchId", unknown.ToString()));
        yield return new("POST", "/api/applications", With(application, "actorId", unknown.ToString()));
        yield return new("POST", $"/api/instances/{instance}/actions/initial-talk", With(talk, "talkerId", unknown.ToString()));
        yield return new("POST", "/api/members", With(newMember, "branchId", unknown.ToString()));
        yield return new("POST", "/api/members", With(newMember, "citizenId", "110101199003077777"));
        yield return new("POST", "/api/calendar-feeds", new JsonObject { ["memberId"] = unknown.ToString() }.ToJsonString());

        // Unknown ids in the path, unknown definitions and actions.
        yield return new("POST", $"/api/instances/{unknown}/actions/initial-talk", talk.ToJsonString());
        yield return new("POST", $"/api/instances/{instance}/actions/no-such-step", talk.ToJsonString());
        yield return new("POST", $"/api/instances/{instance}/actions/take-oath", new JsonObject { ["date"] = "2026-11-10", ["actorId"] = member.ToString() }.ToJsonString());
        yield return new("POST", "/api/definitions/no-such-definition/instances", application.ToJsonString());
        yield return new("PUT", $"/api/party-organizations/{unknown}", organization.ToJsonString());
        yield return new("PATCH", $"/api/members/{unknown}", new JsonObject { ["partyGroup"] = "x" }.ToJsonString());
        yield return new("POST", $"/api/inbox/{unknown}/read", null);
        yield return new("DELETE", $"/api/calendar-feeds/{unknown}", null);
        foreach (var url in new[]
                 {
                     $"/api/instances/{unknown}", "/api/instances/not-a-guid", $"/api/members/{unknown}", $"/api/party-organizations/{unknown}",
                     "/api/definitions/member-development/99", "/api/definitions/no-such/1/diagram", $"/api/calendar-feeds/{new string('A', 43)}.ics",
                     "/api/instances?page=0", "/api/instances?pageSize=100000", "/api/instances?page=abc", "/api/instances?open=maybe",
                     "/api/instances?organization=x", $"/api/instances?organization={unknown}", $"/api/instances?name={new string('名', 500)}",
                     "/api/instances?citizenId=123", "/api/instances?page=-5", "/api/members?branchId=x", "/api/party-organizations?parentId=x",
                     "/api/deadlines?dueBefore=2026-02-30", "/api/deadlines?overdue=perhaps", $"/api/deadlines?organization={unknown}",
                     $"/api/deadlines/summary?organization={unknown}", "/api/inbox", $"/api/inbox?member={unknown}&organization={unknown}", "/api/inbox?unreadOnly=2",
                 })
            yield return new("GET", url, null);

        // Methods a route does not have.
        foreach (var (method, url) in new[]
                 {
                     ("PUT", "/api/applications"), ("DELETE", $"/api/instances/{instance}"), ("PATCH", "/api/instances"), ("PUT", $"/api/instances/{instance}/actions/initial-talk"),
                     ("DELETE", "/api/members"), ("POST", "/api/definitions"), ("DELETE", $"/api/party-organizations/{unit.Branch}"), ("PUT", "/api/inbox"),
                 })
            yield return new(method, url, method == "DELETE" ? null : "{}");
    }

    /// <summary>The routes of plaques, the welcome package, records and training classes, broken one way each.</summary>
    private static IEnumerable<Request> RecordCorpus(Guid organization, Guid trainingClass, Guid member)
    {
        var unknown = Guid.NewGuid();
        var bodies = new (string Method, string Url, JsonObject Valid)[]
        {
            ("POST", $"/api/party-organizations/{organization}/plaques", new JsonObject { ["hungOn"] = "2024-02-01", ["location"] = "会议室" }),
            ("PUT", $"/api/party-organizations/{organization}/welcome-package/pen", new JsonObject { ["deliveredOn"] = "2024-02-01", ["notes"] = "10支" }),
            ("POST", "/api/records", new JsonObject { ["kind"] = "commendation", ["organizationId"] = organization.ToString(), ["on"] = "2025-07-01", ["title"] = "先进基层党组织" }),
            ("POST", "/api/training-classes", new JsonObject
            {
                ["name"] = "书记培训班", ["kind"] = "secretaries", ["organizerId"] = organization.ToString(), ["startsOn"] = "2026-04-01", ["endsOn"] = "2026-04-02", ["days"] = 2, ["classHours"] = 16,
            }),
            ("POST", $"/api/training-classes/{trainingClass}/attendance", new JsonObject { ["personIds"] = new JsonArray(member.ToString()) }),
            ("POST", "/api/establishments", new JsonObject
            {
                ["actorId"] = member.ToString(), ["actorRole"] = "work-committee", ["date"] = "2026-11-02", ["workCommitteeId"] = organization.ToString(),
                ["name"] = "某公司党支部", ["mode"] = "standalone", ["proposedKind"] = "branch", ["unitIds"] = new JsonArray(Guid.NewGuid().ToString()),
            }),
            // A renewal whose meeting is not quorate (2 of 3 present): every variant is refused.
            ("POST", "/api/definitions/organization-renewal/instances", new JsonObject
            {
                ["actorId"] = member.ToString(), ["actorRole"] = "branch", ["date"] = "2026-11-02", ["organizationId"] = organization.ToString(),
                ["entitled"] = 3, ["present"] = 2, ["ballotsCast"] = 2, ["seats"] = 1,
                ["candidates"] = new JsonArray(new JsonObject { ["memberId"] = member.ToString(), ["yes"] = 2, ["no"] = 0, ["abstain"] = 0 }),
            }),
        };
        foreach (var (method, url, valid) in bodies)
        {
            foreach (var text in new[] { "{", "", "[]" }) yield return new(method, url, text);
            yield return new(method, url, With(valid, "bogus", 1));
            foreach (var (field, value) in valid)
            {
                foreach (var wrongType in WrongTypes(value)) yield return new(method, url, With(valid, field, wrongType));
                if (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    yield return new(method, url, With(valid, field, LoneHigh).Replace(LoneHigh, "\\ud800"));
                    yield return new(method, url, With(valid, field, "a\u0000b"));
                    if (field is not ("name" or "title" or "location" or "notes")) yield return new(method, url, With(valid, field, "2026-02-30"));
                }
                if (!Optional.Contains(field)) yield return new(method, url, Without(valid, field));
            }
        }
        // A renewal of an unknown organization, of a work committee's term that is not, and with ballots beyond those present.
        JsonObject Renewal(string organizationId, int present, int ballots) => new()
        {
            ["actorId"] = member.ToString(), ["actorRole"] = "branch", ["date"] = "2026-11-02", ["organizationId"] = organizationId,
            ["entitled"] = 3, ["present"] = present, ["ballotsCast"] = ballots, ["seats"] = 1,
            ["candidates"] = new JsonArray(new JsonObject { ["memberId"] = member.ToString(), ["yes"] = 3, ["no"] = 0, ["abstain"] = 0 }),
        };
        yield return new("POST", "/api/definitions/organization-renewal/instances", Renewal(unknown.ToString(), 3, 3).ToJsonString());
        yield return new("POST", "/api/definitions/organization-renewal/instances", Renewal(organization.ToString(), 3, 4).ToJsonString());
        yield return new("POST", "/api/definitions/organization-renewal/instances", Renewal(organization.ToString(), 3, 3).ToJsonString().Replace("2026-11-02", "2099-01-01"));
        yield return new("POST", $"/api/party-organizations/{unknown}/plaques", new JsonObject { ["hungOn"] = "2024-02-01" }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{organization}/plaques", new JsonObject { ["hungOn"] = "2024-02-01", ["kind"] = "fixed" }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{organization}/plaques", new JsonObject { ["hungOn"] = "2024-02-01", ["unitId"] = unknown.ToString() }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{organization}/plaques", new JsonObject { ["hungOn"] = "2099-02-01" }.ToJsonString());
        yield return new("PUT", $"/api/party-organizations/{organization}/welcome-package/cake", new JsonObject { ["deliveredOn"] = "2024-02-01" }.ToJsonString());
        yield return new("PUT", $"/api/party-organizations/{unknown}/welcome-package/pen", new JsonObject { ["deliveredOn"] = "2024-02-01" }.ToJsonString());
        yield return new("POST", "/api/records", new JsonObject { ["kind"] = "hardship-visit", ["personId"] = member.ToString(), ["on"] = "2025-07-01", ["title"] = "慰问", ["amount"] = -1 }.ToJsonString());
        yield return new("POST", "/api/records", new JsonObject { ["kind"] = "hardship-visit", ["personId"] = unknown.ToString(), ["on"] = "2025-07-01", ["title"] = "慰问" }.ToJsonString());
        yield return new("POST", "/api/records", new JsonObject { ["kind"] = "delegate-nomination", ["organizationId"] = organization.ToString(), ["on"] = "2025-07-01", ["title"] = "代表" }.ToJsonString());
        yield return new("POST", "/api/training-classes", new JsonObject { ["name"] = "x", ["kind"] = "activists", ["organizerId"] = organization.ToString(), ["startsOn"] = "2026-04-01", ["endsOn"] = "2026-03-01", ["days"] = 1, ["classHours"] = 1 }.ToJsonString());
        yield return new("POST", "/api/training-classes", new JsonObject { ["name"] = "x", ["kind"] = "activists", ["organizerId"] = organization.ToString(), ["startsOn"] = "2026-04-01", ["endsOn"] = "2026-04-01", ["days"] = 0, ["classHours"] = 0 }.ToJsonString());
        yield return new("POST", $"/api/training-classes/{unknown}/attendance", new JsonObject { ["personIds"] = new JsonArray(member.ToString()) }.ToJsonString());
        yield return new("POST", $"/api/training-classes/{trainingClass}/attendance", new JsonObject { ["personIds"] = new JsonArray() }.ToJsonString());
        yield return new("POST", $"/api/training-classes/{trainingClass}/attendance", new JsonObject { ["personIds"] = new JsonArray(unknown.ToString()) }.ToJsonString());
        foreach (var url in new[] { "/api/records?kind=party", "/api/records?page=0", "/api/records?from=2025-01-01&to=2024-01-01", "/api/records?person=x",
                     $"/api/party-organizations/{unknown}/records", $"/api/training-classes/{unknown}", "/api/training-classes/x" })
            yield return new("GET", url, null);
    }

    /// <summary>The routes of units, coverage, assignments and the coverage report, broken one way each.</summary>
    private static IEnumerable<Request> UnitCorpus(Guid unit, Guid organization, Guid member)
    {
        var unknown = Guid.NewGuid();
        var newUnit = new JsonObject
        {
            ["name"] = "某某有限公司", ["type"] = "non-public-enterprise", ["creditCode"] = CreditCodes.Next(), ["countyCode"] = Units.Registry.CountyA,
            ["industryCode"] = "C", ["foundedOn"] = "2019-01-01", ["surveyFullMembers"] = 2, ["hasFixedPremises"] = true,
        };
        var bodies = new (string Method, string Url, JsonObject Valid, bool Partial)[]
        {
            ("POST", "/api/units", newUnit, false),
            ("PATCH", $"/api/units/{unit}", new JsonObject { ["closedOn"] = "2025-01-01", ["address"] = "城关镇" }, true),
            ("POST", $"/api/units/{unit}/assignments", new JsonObject { ["personId"] = member.ToString(), ["role"] = "instructor", ["from"] = "2025-01-01", ["to"] = "2027-01-01" }, false),
            ("POST", $"/api/party-organizations/{organization}/covered-units", new JsonObject { ["unitIds"] = new JsonArray(unit.ToString()), ["from"] = "2025-01-01", ["mode"] = "standalone" }, false),
            ("POST", $"/api/party-organizations/{organization}/dissolve", new JsonObject { ["date"] = "2026-01-01", ["reason"] = "撤销" }, false),
            ("POST", $"/api/party-organizations/{organization}/terms", new JsonObject { ["electedOn"] = "2024-03-01", ["secretaryId"] = member.ToString(), ["years"] = 3 }, false),
            ("POST", "/api/funds/payments", new JsonObject { ["organizationId"] = organization.ToString(), ["paidOn"] = "2024-06-30", ["amount"] = 300, ["paidTo"] = "书记", ["reference"] = "凭证1" }, false),
            ("POST", $"/api/party-organizations/{organization}/adjustments", new JsonObject
            {
                ["date"] = "2025-01-01", ["decision"] = "keep", ["reason"] = "保留", ["ruleIds"] = new JsonArray("kind-fits-size"),
            }, false),
        };
        foreach (var (method, url, valid, partial) in bodies)
        {
            foreach (var text in new[] { "{", "nul", "", "[]", "42" })
                yield return new(method, url, text);
            yield return new(method, url, valid.ToJsonString(), "text/plain");
            yield return new(method, url, With(valid, "bogus", 1));
            foreach (var (field, value) in valid)
            {
                foreach (var wrongType in WrongTypes(value)) yield return new(method, url, With(valid, field, wrongType));
                if (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    yield return new(method, url, With(valid, field, LoneHigh).Replace(LoneHigh, "\\ud800"));
                    yield return new(method, url, With(valid, field, "a\u0000b"));
                    if (field is not ("name" or "address" or "reason" or "paidTo" or "reference" or "title" or "location" or "notes")) yield return new(method, url, With(valid, field, "2026-02-30"));
                }
                if (!partial && !Optional.Contains(field)) yield return new(method, url, Without(valid, field));
            }
        }
        yield return new("POST", "/api/units", With(newUnit, "creditCode", CreditCodes.WithWrongCheckCharacter()));
        yield return new("POST", "/api/units", With(newUnit, "creditCode", "91350100M000100Y4I"));
        yield return new("POST", "/api/units", With(newUnit, "countyCode", "000000"));
        yield return new("POST", "/api/units", With(newUnit, "surveyFullMembers", -1));
        yield return new("POST", "/api/units", With(newUnit, "closedOn", "2018-01-01"));
        yield return new("PATCH", $"/api/units/{unknown}", new JsonObject { ["address"] = "x" }.ToJsonString());
        yield return new("POST", $"/api/units/{unit}/assignments", new JsonObject { ["personId"] = unknown.ToString(), ["role"] = "instructor", ["from"] = "2025-01-01" }.ToJsonString());
        yield return new("POST", $"/api/units/{unit}/assignments", new JsonObject { ["personId"] = member.ToString(), ["role"] = "instructor", ["from"] = "2025-01-01", ["to"] = "2024-01-01" }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{organization}/covered-units", new JsonObject { ["unitIds"] = new JsonArray(unknown.ToString()), ["from"] = "2025-01-01" }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{organization}/covered-units", new JsonObject { ["unitIds"] = new JsonArray(), ["from"] = "2025-01-01" }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{unknown}/covered-units", new JsonObject { ["unitIds"] = new JsonArray(unit.ToString()), ["from"] = "2025-01-01" }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{unknown}/dissolve", new JsonObject { ["date"] = "2026-01-01", ["reason"] = "x" }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{organization}/dissolve", new JsonObject { ["date"] = "2020-01-01", ["reason"] = "早于成立" }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{organization}/adjustments", new JsonObject { ["date"] = "2025-01-01", ["decision"] = "merge", ["reason"] = "x", ["intoId"] = organization.ToString() }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{organization}/adjustments", new JsonObject { ["date"] = "2025-01-01", ["decision"] = "merge", ["reason"] = "x", ["intoId"] = unknown.ToString() }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{organization}/adjustments", new JsonObject { ["date"] = "2025-01-01", ["decision"] = "keep", ["reason"] = "x", ["ruleIds"] = new JsonArray("be-nice") }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{unknown}/adjustments", new JsonObject { ["date"] = "2025-01-01", ["decision"] = "dissolve", ["reason"] = "x" }.ToJsonString());
        foreach (var url in new[]
                 {
                     "/api/units?page=0", "/api/units?type=company", "/api/units?county=000000", "/api/units?covered=perhaps", $"/api/units/{unknown}", "/api/units/not-a-guid",
                     "/api/reports/coverage?asOf=2026-02-30", "/api/reports/coverage?from=2020-01-01", "/api/reports/coverage?county=000000",
                     "/api/reports/coverage?from=2000-01-01&to=2026-01-01", "/api/reports/coverage?from=2026-01-01&to=2025-01-01", "/api/reports/coverage?type=x",
                     "/api/units/export?type=company", "/api/units/export?covered=perhaps", "/api/units/export?county=000000", "/api/units/export?name=" + new string('名', 101),
                     "/api/party-organizations/export?kind=club", "/api/party-organizations/export?county=000000",
                     "/api/reports/terms?asOf=2026-02-30", "/api/reports/terms?county=000000", "/api/reports/terms?asOf=1800-01-01",
                     "/api/reports/coverage/export?asOf=2026-02-30", "/api/reports/coverage/export?to=2026-01-01", "/api/reports/coverage/export?county=000000",
                 })
            yield return new("GET", url, null);
        foreach (var amount in new JsonNode[] { JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1e300), JsonValue.Create(0.001) })
            yield return new("POST", "/api/funds/payments", new JsonObject { ["organizationId"] = organization.ToString(), ["paidOn"] = "2024-06-30", ["amount"] = amount.DeepClone(), ["paidTo"] = "x" }.ToJsonString());
        yield return new("POST", "/api/funds/payments", new JsonObject { ["organizationId"] = organization.ToString(), ["paidOn"] = "2024-06-30", ["amount"] = 1, ["paidTo"] = "x", ["item"] = "bonus" }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{organization}/terms", new JsonObject { ["electedOn"] = "2024-03-01", ["years"] = 9 }.ToJsonString());
        yield return new("POST", $"/api/party-organizations/{organization}/terms", new JsonObject { ["electedOn"] = "2024-03-01", ["secretaryId"] = member.ToString(), ["deputySecretaryId"] = member.ToString() }.ToJsonString());
        foreach (var url in new[] { "/api/funds/ledger", "/api/funds/ledger?from=2024-01-01", "/api/funds/ledger?from=2024-01-01&to=2023-01-01", "/api/funds/ledger?from=2024-01-01&to=2024-12-31&county=000000",
                     $"/api/funds/ledger?from=2024-01-01&to=2024-12-31&organization={unknown}", "/api/funds/ledger?from=1990-01-01&to=2024-12-31" })
            yield return new("GET", url, null);
        yield return new("DELETE", $"/api/units/{unit}", null);
    }

    private static IEnumerable<JsonNode?> WrongTypes(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => [JsonValue.Create(12345), JsonValue.Create(true), new JsonArray("x"), new JsonObject { ["x"] = 1 }],
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => [JsonValue.Create("yes"), JsonValue.Create(1)],
        JsonObject => [JsonValue.Create("an object was expected"), new JsonArray()],
        _ => [],
    };

    private static string With(JsonObject valid, string field, JsonNode? value)
    {
        var copy = valid.DeepClone().AsObject();
        copy[field] = value;
        return copy.ToJsonString();
    }

    private static string Without(JsonObject valid, string field)
    {
        var copy = valid.DeepClone().AsObject();
        copy.Remove(field);
        return copy.ToJsonString();
    }

    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartyWorkflowDbContext>();
        var counts = new Dictionary<string, long>();
        // Users and their roles are left out: the test's actors are signed in (and so created) on first use;
        // so is the audit trail, which records refused attempts (the sign-ins among them).
        string[] signIn = ["users", "role_assignments", "user_claims", "user_logins", "user_tokens", "audit_events", "audit_heads"];
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Except(signIn))
        {
            // Table names come from the model, not from input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }
        counts["versions"] = await db.Database.SqlQueryRaw<long>(
            "SELECT COALESCE(SUM(\"Version\"), 0) AS \"Value\" FROM (SELECT \"Version\" FROM organizations UNION ALL SELECT \"Version\" FROM people UNION ALL SELECT \"Version\" FROM instances UNION ALL SELECT \"Version\" FROM units) v").SingleAsync();
        return counts;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 160 ? text[..160] + "…" : text;
}
