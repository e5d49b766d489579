using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

/// <summary>
/// A term (届) as an election makes it: from the election's date, 3 years or 5 for a party committee
/// (as <see cref="RecordTerm"/> counts them), with the secretary and deputy recorded and, for a
/// committee (3 seats or more), those elected by <see cref="ElectionTally.Elected"/>. Without a
/// committee the meeting elects the secretary itself: the one seat's winner. Shared by the founding
/// meeting's registration and by renewals.
/// </summary>
public static class ElectedTerm
{
    /// <summary>The term goes on record: the organization's <see cref="Organization.TermEndsOn"/> follows its latest end.</summary>
    public static OrganizationTerm Record(Organization organization, OrganizationTerm term) => Record(organization, term, out _);

    /// <param name="latest">Whether the term is now the organization's latest (the end moved).</param>
    public static OrganizationTerm Record(Organization organization, OrganizationTerm term, out bool latest)
    {
        latest = organization.TermEndsOn is not { } ends || term.EndsOn > ends;
        if (latest)
        {
            organization.TermEndsOn = term.EndsOn;
            organization.Version += 1;
        }
        return term;
    }

    public static int YearsFor(string kind) => kind == "party-committee" ? 5 : 3;

    public static OrganizationTerm From(Organization organization, JsonObject election, DateTimeOffset now)
    {
        var tally = ElectionTally.From(election);
        var elected = tally.Elected.Select(c => c.MemberId).ToList();
        var electedOn = Engine.Execution.FactReader.Date(election, "date")!.Value;
        var years = YearsFor(organization.Kind);
        return new OrganizationTerm
        {
            Id = Guid.CreateVersion7(), OrganizationId = organization.Id, ElectedOn = electedOn, Years = years, EndsOn = electedOn.AddYears(years),
            SecretaryId = tally.SecretaryId ?? (tally.Seats < 3 ? elected.Cast<Guid?>().FirstOrDefault() : null),
            DeputySecretaryId = tally.DeputyId,
            CommitteeMemberIds = tally.Seats >= 3 ? string.Join(',', elected) : "", CreatedAt = now,
        };
    }
}
