using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Records;

/// <summary>What every record checks: a date that has happened, and an organization that exists and was not dissolved by then.</summary>
internal static class RecordDates
{
    public static IEnumerable<(string Field, string Message)> Past(string field, DateOnly? date)
    {
        if (date is null) yield return (field, "is required / 必填");
        else if (date is { Year: < 1921 or > 2100 }) yield return (field, "must be a date between 1921 and 2100 / 日期应在 1921 至 2100 年之间");
    }

    /// <summary>A record is of something that happened: not after today.</summary>
    public static void NotFuture(string field, DateOnly date, Clock clock)
    {
        if (date > clock.Today) throw InvalidInputException.For(field, $"must not be after today ({clock.Today:yyyy-MM-dd}) / 不能晚于今天");
    }

    public static async Task<Organization> OpenOrganizationAsync(PartyWorkflowDbContext db, Guid id, DateOnly date, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
                           ?? throw new NotFoundException("organization", id.ToString());
        return Open(organization, date);
    }

    /// <summary>The organization, if it may record a plaque or the package on the date (not a work committee, not dissolved).</summary>
    public static Organization Open(Organization organization, DateOnly date)
    {
        if (organization.Kind == "work-committee")
            throw RuleRefusalException.For("organization-is-a-branch", "两新工委本身不挂牌、不接收四送四赠", "a work committee itself has no plaque and receives no welcome package");
        if (organization.DissolvedOn is { } dissolved && dissolved <= date)
            throw RuleRefusalException.For("organization-not-dissolved", $"该党组织已于 {dissolved:yyyy-MM-dd} 撤销", $"the organization was dissolved on {dissolved:yyyy-MM-dd}");
        return organization;
    }
}
