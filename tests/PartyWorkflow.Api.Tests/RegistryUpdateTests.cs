using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>The registry facts the rules need, changed with PUT and PATCH.</summary>
public sealed class RegistryUpdateTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private HttpClient Client => fixture.Api.Client;

    [Fact]
    public async Task A_member_put_under_disciplinary_probation_loses_the_vote()
    {
        var branch = await fixture.Api.CreateOrganizationAsync("branch");
        var member = await fixture.Api.CreateMemberAsync(branch);
        var patched = await ApiClient.ExpectAsync(await Client.PatchAsJsonAsync($"/api/members/{member}", new { onDisciplinaryProbation = true, partyGroup = "第二党小组" }), HttpStatusCode.OK);
        Assert.True(patched["onDisciplinaryProbation"]!.GetValue<bool>());
        Assert.False(patched["hasVotingRights"]!.GetValue<bool>());
        Assert.Equal("第二党小组", patched["partyGroup"]!.GetValue<string>());

        var vote = await Client.PatchAsJsonAsync($"/api/members/{member}", new { hasVotingRights = true });
        Assert.Equal(["voting-rights-full-members-only"], await ApiClient.UnmetRulesAsync(vote));
        var restored = await ApiClient.ExpectAsync(await Client.PatchAsJsonAsync($"/api/members/{member}", new { onDisciplinaryProbation = false, hasVotingRights = true }), HttpStatusCode.OK);
        Assert.True(restored["hasVotingRights"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_probationary_member_cannot_be_given_a_vote()
    {
        var branch = await fixture.Api.CreateOrganizationAsync("branch");
        var member = await fixture.Api.CreateMemberAsync(branch, membership: "probationary");
        Assert.Equal(["voting-rights-full-members-only"], await ApiClient.UnmetRulesAsync(await Client.PatchAsJsonAsync($"/api/members/{member}", new { hasVotingRights = true })));
        var unchanged = await fixture.Api.GetAsync($"/api/members/{member}");
        Assert.False(unchanged["hasVotingRights"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Put_needs_every_field_and_replaces_them()
    {
        var branch = await fixture.Api.CreateOrganizationAsync("branch");
        var member = await fixture.Api.CreateMemberAsync(branch);
        var incomplete = await ApiClient.ExpectAsync(await Client.PutAsJsonAsync($"/api/members/{member}", new { name = "王五" }), HttpStatusCode.BadRequest);
        Assert.Equal(["branchId", "hasVotingRights", "onDisciplinaryProbation"], incomplete["errors"]!.AsObject().Select(e => e.Key).Order());

        var other = await fixture.Api.CreateOrganizationAsync("branch");
        var replaced = await ApiClient.ExpectAsync(await Client.PutAsJsonAsync($"/api/members/{member}",
            new { name = "王五", branchId = other, hasVotingRights = true, onDisciplinaryProbation = false }), HttpStatusCode.OK);
        Assert.Equal(other.ToString(), replaced["branchId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PatchAsJsonAsync($"/api/members/{Guid.NewGuid()}", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_committee_without_approval_authority_cannot_approve()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync();
        await unit.AdvanceToAdmissionMeetingAsync(instance);
        await unit.ActAsync(instance, "branch-meeting-admission", "2024-09-10", Unit.Tally(10, 8, 8));
        await unit.ActAsync(instance, "committee-talk", "2024-09-20", new JsonObject { ["talkerId"] = unit.Members[3].ToString(), ["opinion"] = "同意" });

        var patched = await ApiClient.ExpectAsync(await Client.PatchAsJsonAsync($"/api/party-organizations/{unit.Committee}", new { hasApprovalAuthority = false }), HttpStatusCode.OK);
        Assert.False(patched["hasApprovalAuthority"]!.GetValue<bool>());
        var approval = new JsonObject { ["date"] = "2024-10-10", ["decision"] = "approved", ["approverOrganizationId"] = unit.Committee.ToString() };
        Assert.Equal(["approver-has-authority"], await ApiClient.UnmetRulesAsync(await fixture.Api.ActAsync(instance, "committee-approval", approval, unit.Secretary, "party-committee")));
    }

    [Fact]
    public async Task Organizations_are_checked_on_change()
    {
        var committee = await fixture.Api.CreateOrganizationAsync("party-committee", approvalAuthority: true);
        var branch = await fixture.Api.CreateOrganizationAsync("branch", committee);
        Assert.Equal(["approval-authority-committee-only"], await ApiClient.UnmetRulesAsync(await Client.PatchAsJsonAsync($"/api/party-organizations/{branch}", new { hasApprovalAuthority = true })));
        Assert.Equal(["organization-hierarchy"], await ApiClient.UnmetRulesAsync(await Client.PatchAsJsonAsync($"/api/party-organizations/{committee}", new { parentId = branch })));
        var self = await ApiClient.ExpectAsync(await Client.PatchAsJsonAsync($"/api/party-organizations/{branch}", new { parentId = branch }), HttpStatusCode.BadRequest);
        Assert.NotNull(self["errors"]!["parentId"]);

        var renamed = await ApiClient.ExpectAsync(await Client.PutAsJsonAsync($"/api/party-organizations/{branch}",
            new { name = "改名后的党支部", kind = "general-branch", parentId = committee, hasApprovalAuthority = false, jurisdiction = "example-county" }), HttpStatusCode.OK);
        Assert.Equal("general-branch", renamed["kind"]!.GetValue<string>());
        Assert.Equal("example-county", renamed["jurisdiction"]!.GetValue<string>());
    }
}
