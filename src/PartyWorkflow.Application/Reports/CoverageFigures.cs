namespace PartyWorkflow.Application.Reports;

/// <summary>One line of the coverage report: counts and the three percentages, to two decimals (null when there are no units).</summary>
public sealed record CoverageFigures(
    string Key, string? Name, int Units, int Covered, int Standalone, int WorkCovered,
    decimal? OrganizationCoverage, decimal? StandaloneShare, decimal? WorkCoverage)
{
    public static CoverageFigures Sum(string key, string? name, IEnumerable<CoverageCounts.Group> groups)
    {
        var list = groups.ToList();
        int units = list.Sum(g => g.Units), covered = list.Sum(g => g.Covered), standalone = list.Sum(g => g.Standalone), work = list.Sum(g => g.WorkCovered);
        return new CoverageFigures(key, name, units, covered, standalone, work, Percent(covered, units), Percent(standalone, units), Percent(work, units));
    }

    /// <summary>The coverage modes that make a unit covered by a party organization (functional coverage does not).</summary>
    public static readonly string[] CoveringModes = ["standalone", "joint", "affiliated"];

    public static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);

    /// <summary>What each figure counts, shipped with every report so that readers know.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedDefinition> Definitions = new Dictionary<string, LocalizedDefinition>
    {
        ["organizationCoverage"] = new("党组织覆盖率 = 当日由党组织覆盖（单独组建、联合组建或挂靠组建）的单位数 ÷ 当日在营单位数",
            "units covered on the date by a party organization (standalone, joint or affiliated) ÷ units in operation on the date"),
        ["standaloneShare"] = new("单独组建率 = 当日有本单位自己的党组织的单位数 ÷ 当日在营单位数",
            "units with an organization of their own on the date ÷ units in operation on the date"),
        ["workCoverage"] = new("工作覆盖率 = 当日由党组织覆盖或派有党建指导员、第一书记的单位数 ÷ 当日在营单位数（本系统的定义，未见全国统一口径）",
            "units covered by a party organization, or with an instructor or first secretary assigned, on the date ÷ units in operation (our definition; no national formula was found)"),
        ["members"] = new("单位党员数：已登记到该单位的党员数与摸排台账数字中的较大者",
            "a unit's members: the larger of those registered as working in it and the survey's counts"),
        ["misfits"] = new("需调整的党组织：按当日覆盖的单位及其党员数，不再符合组建规模规则（规则编号见 flags）；功能型党组织不列",
            "organizations that no longer fit the size rules for the units they cover and their members on the date (rule ids in flags); functional organizations are not listed"),
        ["unitsInOperation"] = new("在营单位：成立日期不晚于当日（或未填），且未在当日或之前注销",
            "units founded on or before the date (or with no founding date) and not closed on or before it"),
    };
}
