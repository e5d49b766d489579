using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Application.Units;

/// <summary>The fields of a unit, as a create, an update and an import row give them (absent: unchanged).</summary>
public sealed record UnitFields(
    string? Name = null, string? Type = null, string? CreditCode = null, string? CountyCode = null, string? IndustryCode = null,
    string? Address = null, bool? HasFixedPremises = null, int? Employees = null, int? SurveyFullMembers = null,
    int? SurveyProbationaryMembers = null, bool? LeaderIsMember = null, bool? WillingToEstablish = null, string? Suggestions = null,
    DateOnly? FoundedOn = null, DateOnly? ClosedOn = null)
{
    /// <summary>Shape: lengths, ranges and the closed list of types; the same for the API and an import row.</summary>
    public IEnumerable<(string Field, string Message)> CheckShape(bool creating)
    {
        if (creating)
        {
            if (string.IsNullOrWhiteSpace(Name)) yield return ("name", "is required / 必填");
            if (Type is null) yield return ("type", "is required / 必填");
            if (string.IsNullOrWhiteSpace(CreditCode)) yield return ("creditCode", "is required / 必填");
            if (string.IsNullOrWhiteSpace(CountyCode)) yield return ("countyCode", "is required / 必填");
        }
        if (Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 200)) yield return ("name", "must be 1 to 200 characters / 应为 1 到 200 个字符");
        if (Type is { } type && !UnitView.Types.Contains(type)) yield return ("type", $"must be one of: {string.Join(", ", UnitView.Types)}");
        if (CreditCode is { Length: > 40 }) yield return ("creditCode", "must be 18 characters / 应为 18 位");
        foreach (var problem in ContactDetails.MaxLength("address", Address, 300).Concat(ContactDetails.MaxLength("suggestions", Suggestions, 2000))
                     .Concat(ContactDetails.MaxLength("countyCode", CountyCode, 12)).Concat(ContactDetails.MaxLength("industryCode", IndustryCode, 12)))
            yield return problem;
        foreach (var (field, value) in new[] { ("employees", Employees), ("surveyFullMembers", SurveyFullMembers), ("surveyProbationaryMembers", SurveyProbationaryMembers) })
            if (value is < 0 or > 10_000_000) yield return (field, "must be between 0 and 10000000 / 应在 0 到 10000000 之间");
        foreach (var (field, value) in new[] { ("foundedOn", FoundedOn), ("closedOn", ClosedOn) })
            if (value is { Year: < 1900 or > 2100 }) yield return (field, "must be a date between 1900 and 2100 / 日期应在 1900 至 2100 年之间");
    }

    /// <summary>The rules a unit's fields must meet against the reference lists: every unmet one.</summary>
    public List<RuleMessage> CheckRules(ReferenceLists reference, DateOnly? foundedOn, DateOnly? closedOn)
    {
        var unmet = new List<RuleMessage>();
        if (CreditCode is not null && Engine.Rules.CreditCode.Problem(CreditCode) is { } problem)
            unmet.Add(new RuleMessage(Engine.Rules.CreditCode.RuleId, new LocalizedText(problem.Zh, problem.En), Fields: ["creditCode"]));
        if (CountyCode is not null && reference.County(CountyCode.Trim()) is null)
            unmet.Add(new RuleMessage("county-known", new LocalizedText($"countyCode：没有代码为 {CountyCode} 的县（市）", $"countyCode: no county with code {CountyCode}"), Fields: ["countyCode"]));
        if (!string.IsNullOrWhiteSpace(IndustryCode) && reference.Industry(IndustryCode.Trim()) is null)
            unmet.Add(new RuleMessage("industry-known", new LocalizedText($"industryCode：没有代码为 {IndustryCode} 的行业", $"industryCode: no industry with code {IndustryCode}"), Fields: ["industryCode"]));
        if (foundedOn is { } founded && closedOn is { } closed && closed < founded)
            unmet.Add(new RuleMessage("date-order", new LocalizedText("closedOn：注销日期不能早于成立日期", "closedOn: a unit cannot close before it was founded"), Fields: ["closedOn"]));
        return unmet;
    }

    public void ApplyTo(Persistence.Entities.Unit unit)
    {
        if (Name is not null) unit.Name = Name.Trim();
        if (Type is not null) unit.Type = Type;
        if (CreditCode is not null) unit.CreditCode = Engine.Rules.CreditCode.Normalize(CreditCode);
        if (CountyCode is not null) unit.CountyCode = CountyCode.Trim();
        if (IndustryCode is not null) unit.IndustryCode = string.IsNullOrWhiteSpace(IndustryCode) ? null : IndustryCode.Trim();
        if (Address is not null) unit.Address = Address.Trim();
        if (HasFixedPremises is { } premises) unit.HasFixedPremises = premises;
        if (Employees is not null) unit.Employees = Employees;
        if (SurveyFullMembers is { } full) unit.SurveyFullMembers = full;
        if (SurveyProbationaryMembers is { } probationary) unit.SurveyProbationaryMembers = probationary;
        if (LeaderIsMember is not null) unit.LeaderIsMember = LeaderIsMember;
        if (WillingToEstablish is not null) unit.WillingToEstablish = WillingToEstablish;
        if (Suggestions is not null) unit.Suggestions = Suggestions.Trim();
        if (FoundedOn is not null) unit.FoundedOn = FoundedOn;
        if (ClosedOn is not null) unit.ClosedOn = ClosedOn;
    }
}
