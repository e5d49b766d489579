using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ical.Net;
using Ical.Net.CalendarComponents;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

public sealed partial class CalendarFeedTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Branch_committee_and_member_feeds_list_the_open_deadlines_overdue_ones_included()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var applicant = await unit.ApplyAsync("2023-06-01"); // initial-talk-due 2023-07-01: long overdue on 2026-11-30
        var probationer = await unit.ApplyAsync("2023-06-01");
        await unit.AdvanceToAdmissionMeetingAsync(probationer);
        await unit.ActAsync(probationer, "branch-meeting-admission", "2024-09-10", Unit.Tally(10, 8, 7, 1));
        await unit.ActAsync(probationer, "committee-talk", "2024-09-20", new JsonObject { ["talkerId"] = unit.Members[3].ToString(), ["opinion"] = "同意" });
        await unit.ActAsync(probationer, "committee-approval", "2024-10-10", new JsonObject
        {
            ["decision"] = "approved", ["approverOrganizationId"] = unit.Committee.ToString(),
        });
        var applicantView = await fixture.Api.GetAsync($"/api/instances/{applicant}");
        var probationerView = await fixture.Api.GetAsync($"/api/instances/{probationer}");
        Assert.Contains(OpenDeadlines(applicantView), d => d == ("2023-07-01", Summary(applicantView, "initial-talk-due")));
        Assert.Contains(OpenDeadlines(probationerView), d => d == ("2025-09-10", Summary(probationerView, "probation-end")));

        var branchFeed = await CreateFeedAsync(new JsonObject { ["organizationId"] = unit.Branch.ToString() });
        Assert.Equal("organization", branchFeed["ownerType"]!.GetValue<string>());
        Assert.Equal(unit.Branch.ToString(), branchFeed["ownerId"]!.GetValue<string>());
        var branch = await LoadAsync(branchFeed["url"]!.GetValue<string>());
        Assert.Equal("-//PartyWorkflow//Deadlines//ZH", branch.ProductId);
        Assert.Equal("某科技公司党支部 党建工作期限", branch.Properties["X-WR-CALNAME"]!.Value);
        var expected = OpenDeadlines(applicantView).Concat(OpenDeadlines(probationerView)).Order().ToList();
        Assert.Equal(expected, Events(branch));
        Assert.All(branch.Events, AssertAllDayWithReminder);
        Assert.Equal(branch.Events.Count, branch.Events.Select(e => e.Uid).Distinct().Count());

        // Fetching again gives the same UIDs, so a phone updates its events instead of duplicating them.
        Assert.Equal(Uids(branch), Uids(await LoadAsync(branchFeed["url"]!.GetValue<string>())));

        var committeeFeed = await CreateFeedAsync(new JsonObject { ["organizationId"] = unit.Committee.ToString() });
        var committee = await LoadAsync(committeeFeed["url"]!.GetValue<string>());
        Assert.Equal("两新综合党委 党建工作期限", committee.Properties["X-WR-CALNAME"]!.Value);
        Assert.Equal(Uids(branch), Uids(committee));
        Assert.Equal(expected, Events(committee));

        var personId = probationerView["subjectId"]!.GetValue<string>();
        var memberFeed = await CreateFeedAsync(new JsonObject { ["memberId"] = personId });
        Assert.Equal("member", memberFeed["ownerType"]!.GetValue<string>());
        var member = await LoadAsync(memberFeed["url"]!.GetValue<string>());
        Assert.Equal($"{probationerView["subjectName"]!.GetValue<string>()} 党建工作期限", member.Properties["X-WR-CALNAME"]!.Value);
        Assert.Equal(OpenDeadlines(probationerView).Order(), Events(member));
        var probationEnd = Assert.Single(member.Events, e => e.DtStart!.Date == new DateOnly(2025, 9, 10));
        Assert.Equal(Summary(probationerView, "probation-end"), probationEnd.Summary);
        Assert.Contains("2025-09-10", probationEnd.Description);
        Assert.Contains(probationEnd.Uid, Uids(branch));
    }

    [Fact]
    public async Task A_revoked_or_unknown_token_is_404_and_the_token_is_shown_only_once()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var feed = await CreateFeedAsync(new JsonObject { ["memberId"] = unit.Secretary.ToString() });
        Assert.Equal(["createdAt", "id", "ownerId", "ownerType", "url"], feed.Select(p => p.Key).Order());
        Assert.Equal(ApiFixture.Start, DateTimeOffset.Parse(feed["createdAt"]!.GetValue<string>()));
        var url = feed["url"]!.GetValue<string>();
        var empty = await LoadAsync(url);
        Assert.Empty(empty.Events);

        // Nothing gives the feed (or its URL) back by id.
        var byId = await fixture.Api.Client.GetAsync($"/api/calendar-feeds/{feed["id"]}");
        Assert.False(byId.IsSuccessStatusCode);

        var id = feed["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Api.Client.DeleteAsync($"/api/calendar-feeds/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Api.Client.DeleteAsync($"/api/calendar-feeds/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Client.GetAsync($"/api/calendar-feeds/{new string('A', 43)}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Client.DeleteAsync($"/api/calendar-feeds/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_feed_names_exactly_one_existing_member_or_organization()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        foreach (var body in new[] { new JsonObject(), new JsonObject { ["memberId"] = unit.Secretary.ToString(), ["organizationId"] = unit.Branch.ToString() } })
        {
            var errors = (await ApiClient.ExpectAsync(await fixture.Api.PostAsync("/api/calendar-feeds", body), HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.Equal(["memberId", "organizationId"], errors.Select(e => e.Key).Order());
        }

        Assert.Equal(["member-exists"], await ApiClient.UnmetRulesAsync(await fixture.Api.PostAsync("/api/calendar-feeds", new JsonObject { ["memberId"] = Guid.NewGuid().ToString() })));
        // An applicant is a person but not yet a member.
        var applicantView = await fixture.Api.GetAsync($"/api/instances/{await unit.ApplyAsync()}");
        Assert.Equal(["member-exists"], await ApiClient.UnmetRulesAsync(await fixture.Api.PostAsync("/api/calendar-feeds", new JsonObject { ["memberId"] = applicantView["subjectId"]!.DeepClone() })));
        Assert.Equal(["organization-exists"], await ApiClient.UnmetRulesAsync(await fixture.Api.PostAsync("/api/calendar-feeds", new JsonObject { ["organizationId"] = Guid.NewGuid().ToString() })));
    }

    private async Task<JsonObject> CreateFeedAsync(JsonObject body)
    {
        var response = await fixture.Api.PostAsync("/api/calendar-feeds", body);
        var feed = await ApiClient.ExpectAsync(response, HttpStatusCode.Created);
        var url = feed["url"]!.GetValue<string>();
        Assert.Matches(FeedUrl(), url);
        Assert.Equal(url, response.Headers.Location!.ToString());
        return feed;
    }

    private async Task<Calendar> LoadAsync(string url)
    {
        var response = await fixture.Api.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        return Calendar.Load(text)!;
    }

    private static void AssertAllDayWithReminder(CalendarEvent e)
    {
        Assert.Matches(Uid(), e.Uid);
        Assert.False(e.DtStart!.HasTime);
        Assert.Equal(e.DtStart.Date.AddDays(1), e.DtEnd!.Date);
        var alarm = Assert.Single(e.Alarms);
        Assert.Equal("DISPLAY", alarm.Action);
        Assert.Equal("-P1D", alarm.Trigger!.Duration.ToString());
    }

    /// <summary>(due date, summary) of each open deadline, as the instance view shows them.</summary>
    private static IEnumerable<(string, string)> OpenDeadlines(JsonObject view) => view["openDeadlines"]!.AsArray()
        .Select(d => (d!["dueDate"]!.GetValue<string>(), $"{d["name"]!["zh"]!.GetValue<string>()}：{view["subjectName"]!.GetValue<string>()}"));

    private static string Summary(JsonObject view, string kind)
    {
        var deadline = view["openDeadlines"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == kind)!;
        return $"{deadline["name"]!["zh"]!.GetValue<string>()}：{view["subjectName"]!.GetValue<string>()}";
    }

    private static List<(string, string)> Events(Calendar calendar) =>
        calendar.Events.Select(e => (e.DtStart!.Date.ToString("yyyy-MM-dd"), e.Summary!)).Order().ToList();

    private static List<string> Uids(Calendar calendar) => calendar.Events.Select(e => e.Uid!).Order().ToList();

    [GeneratedRegex(@"^http://localhost/api/calendar-feeds/[A-Za-z0-9_-]{43}\.ics$")]
    private static partial Regex FeedUrl();

    [GeneratedRegex(@"^[0-9a-f-]{36}@partyworkflow$")]
    private static partial Regex Uid();
}
