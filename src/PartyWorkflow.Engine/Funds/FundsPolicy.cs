namespace PartyWorkflow.Engine.Funds;

/// <summary>A funds policy of a jurisdiction (<c>workflows/policies/funds.*.json</c>): every choice of how amounts fall due is a field.</summary>
public sealed record FundsPolicy(
    string Jurisdiction, string? Source, DateOnly EffectiveFrom, IReadOnlyList<FundsItem> Items,
    bool CountEstablishmentMonth = true, bool CountDissolutionMonth = true, IReadOnlyList<string>? ExcludedFormationModes = null)
{
    public IReadOnlyList<string> Excluded => ExcludedFormationModes ?? ["affiliated", "functional"];
}

public sealed record FundsItem(string Id, string Zh, string? En, string Basis, decimal Amount, IReadOnlyList<string> Kinds)
{
    public const string Once = "once-on-establishment";
    public const string YearlyProRata = "yearly-pro-rata-by-month";
    public const string MonthlyWithSecretary = "monthly-with-secretary";
}

/// <summary>What the calculation needs of an organization: kind, mode, dates, and the months its secretaries were in office.</summary>
public sealed record FundedOrganization(string Kind, string? FormationMode, DateOnly EstablishedOn, DateOnly? DissolvedOn, IReadOnlyList<SecretaryPeriod> Secretaries);

/// <summary>A secretary in office from a date until another (exclusive; open when null).</summary>
public sealed record SecretaryPeriod(DateOnly From, DateOnly? To);
