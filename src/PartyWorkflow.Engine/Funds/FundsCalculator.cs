namespace PartyWorkflow.Engine.Funds;

/// <summary>
/// What a policy makes due to one organization in a period of whole months, item by item. Pure:
/// the same policy and organization give the same amounts for any past period.
/// </summary>
public static class FundsCalculator
{
    /// <summary>The amount due per item id for the months from <paramref name="from"/>'s to <paramref name="to"/>'s (both included).</summary>
    public static IReadOnlyDictionary<string, decimal> Due(FundsPolicy policy, FundedOrganization organization, DateOnly from, DateOnly to)
    {
        var due = policy.Items.ToDictionary(i => i.Id, _ => 0m);
        if (organization.FormationMode is { } mode && policy.Excluded.Contains(mode)) return due;
        var periodStart = Month(from);
        var periodEnd = Month(to);
        var established = Month(organization.EstablishedOn);
        var first = Max(policy.CountEstablishmentMonth ? established : established.AddMonths(1), Month(policy.EffectiveFrom), periodStart);
        var last = organization.DissolvedOn is { } dissolved ? Min(policy.CountDissolutionMonth ? Month(dissolved) : Month(dissolved).AddMonths(-1), periodEnd) : periodEnd;

        foreach (var item in policy.Items.Where(i => i.Kinds.Contains(organization.Kind)))
        {
            switch (item.Basis)
            {
                case FundsItem.Once:
                    if (organization.EstablishedOn >= policy.EffectiveFrom && established >= periodStart && established <= periodEnd)
                        due[item.Id] = item.Amount;
                    break;
                case FundsItem.YearlyProRata:
                    // Per calendar year, so that a year's amount is exact even where a twelfth is not.
                    foreach (var year in Months(first, last).GroupBy(m => m.Year))
                        due[item.Id] += Math.Round(item.Amount * year.Count() / 12m, 2, MidpointRounding.AwayFromZero);
                    break;
                case FundsItem.MonthlyWithSecretary:
                    due[item.Id] = item.Amount * Months(first, last).Count(m => HasSecretary(organization, m));
                    break;
            }
        }
        return due;
    }

    private static bool HasSecretary(FundedOrganization organization, DateOnly month)
    {
        var end = month.AddMonths(1);
        return organization.Secretaries.Any(s => s.From < end && (s.To is not { } to || to > month));
    }

    private static IEnumerable<DateOnly> Months(DateOnly first, DateOnly last)
    {
        for (var m = first; m <= last; m = m.AddMonths(1)) yield return m;
    }

    private static DateOnly Month(DateOnly date) => new(date.Year, date.Month, 1);
    private static DateOnly Max(params DateOnly[] dates) => dates.Max();
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
