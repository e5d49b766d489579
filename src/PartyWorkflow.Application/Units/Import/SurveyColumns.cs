using System.Globalization;
using PartyWorkflow.Application.Workflows;
using Unit = PartyWorkflow.Persistence.Entities.Unit;

namespace PartyWorkflow.Application.Units.Import;

/// <summary>
/// The columns of the survey spreadsheet (摸排台账), by their Chinese headers: each reads a cell into
/// <see cref="UnitFields"/> or says what is wrong with it, and writes a unit's value back the way it
/// reads it, so that an export imports again unchanged. The template is made from this list.
/// </summary>
public static class SurveyColumns
{
    public sealed record Column(string Header, string Field, bool Required, string Example,
        Func<string, ReferenceLists, (object? Value, string? Error)> Read, Func<Unit, ReferenceLists, object?> Write);

    public static readonly IReadOnlyList<Column> All =
    [
        new("单位名称", "name", true, "某某科技有限公司", (s, _) => s.Length is > 0 and <= 200 ? (s, null) : (null, "应为 1 到 200 个字符 / 1 to 200 characters"),
            (u, _) => u.Name),
        new("单位类型", "type", true, "非公有制经济组织", (s, _) => Type(s) is { } t ? (t, null) : (null, "应为“非公有制经济组织”或“社会组织” / non-public enterprise or social organization"),
            (u, _) => u.Type == "social-organization" ? "社会组织" : "非公有制经济组织"),
        new("统一社会信用代码", "creditCode", true, "91350100M000100Y43", (s, _) => Engine.Rules.CreditCode.Problem(s) is { } p ? (null, $"{p.Zh} / {p.En}") : (Engine.Rules.CreditCode.Normalize(s), null),
            (u, _) => u.CreditCode),
        new("所在县（市）", "countyCode", true, "东山县", (s, r) => (r.Counties.FirstOrDefault(c => c.Code == s || c.Zh == s)?.Code is { } code) ? (code, null) : (null, $"没有名为或代码为“{s}”的县（市） / no such county"),
            (u, r) => r.County(u.CountyCode)?.Zh ?? u.CountyCode),
        new("行业", "industryCode", false, "C", (s, r) => (r.Industries.FirstOrDefault(i => i.Code == s.ToUpperInvariant() || i.Zh == s)?.Code is { } code) ? (code, null) : (null, $"没有名为或代码为“{s}”的行业 / no such industry"),
            (u, _) => u.IndustryCode),
        new("地址", "address", false, "城关镇某路1号", (s, _) => s.Length <= 300 ? (s, null) : (null, "不超过 300 个字符 / at most 300 characters"),
            (u, _) => u.Address),
        new("有无固定活动场所", "hasFixedPremises", false, "是", (s, _) => Bool(s),
            (u, _) => YesNo(u.HasFixedPremises)),
        new("从业人员数", "employees", false, "35", (s, _) => Count(s),
            (u, _) => u.Employees),
        new("正式党员数", "surveyFullMembers", false, "2", (s, _) => Count(s),
            (u, _) => u.SurveyFullMembers),
        new("预备党员数", "surveyProbationaryMembers", false, "0", (s, _) => Count(s),
            (u, _) => u.SurveyProbationaryMembers),
        new("出资人是否党员", "leaderIsMember", false, "否", (s, _) => Bool(s),
            (u, _) => YesNo(u.LeaderIsMember)),
        new("有无组建意愿", "willingToEstablish", false, "是", (s, _) => Bool(s),
            (u, _) => YesNo(u.WillingToEstablish)),
        new("意见建议", "suggestions", false, "希望派党建指导员", (s, _) => s.Length <= 2000 ? (s, null) : (null, "不超过 2000 个字符 / at most 2000 characters"),
            (u, _) => u.Suggestions),
        new("成立日期", "foundedOn", false, "2015-06-01", (s, _) => Date(s),
            (u, _) => IsoDate(u.FoundedOn)),
        new("注销日期", "closedOn", false, "", (s, _) => Date(s),
            (u, _) => IsoDate(u.ClosedOn)),
    ];

    private static string? Type(string s) => s switch
    {
        "非公有制经济组织" or "非公有制企业" or "非公企业" or "non-public-enterprise" => "non-public-enterprise",
        "社会组织" or "social-organization" => "social-organization",
        _ => null,
    };

    private static string? YesNo(bool? value) => value switch { true => "是", false => "否", null => null };

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (object?, string?) Bool(string s) => s.ToLowerInvariant() switch
    {
        "是" or "有" or "y" or "yes" or "true" or "1" => (true, null),
        "否" or "无" or "n" or "no" or "false" or "0" => (false, null),
        _ => (null, "应为“是”或“否” / yes or no"),
    };

    private static (object?, string?) Count(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 10_000_000 ? (n, null)
        : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= 10_000_000 && d == Math.Floor(d) ? ((int)d, null)
        : (null, "应为不小于 0 的整数 / a whole number, 0 or more");

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyy-M-d", "yyyyMMdd", "yyyy/M/d H:mm:ss", "yyyy-MM-dd HH:mm:ss", "M/d/yyyy H:mm:ss", "M/d/yyyy"];

    private static (object?, string?) Date(string s)
    {
        if (DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) && dt.Year is >= 1900 and <= 2100)
            return (DateOnly.FromDateTime(dt), null);
        // An Excel date serial number, as some sheets store dates.
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 73051)
            return (DateOnly.FromDateTime(DateTime.FromOADate(serial)), null);
        return (null, "应为日期，如 2015-06-01 / a date such as 2015-06-01");
    }

    /// <summary>The fields of one row, from the cells by header; every problem with its column.</summary>
    public static (UnitFields? Fields, List<(string Column, string Message)> Errors) Read(IReadOnlyDictionary<string, string> cells, ReferenceLists reference)
    {
        var values = new Dictionary<string, object?>();
        var errors = new List<(string, string)>();
        foreach (var column in All)
        {
            var text = cells.GetValueOrDefault(column.Header)?.Trim() ?? "";
            if (text.Length == 0)
            {
                if (column.Required) errors.Add((column.Header, "必填 / required"));
                continue;
            }
            var (value, error) = column.Read(text, reference);
            if (error is not null) errors.Add((column.Header, error));
            else values[column.Field] = value;
        }
        if (errors.Count > 0) return (null, errors);
        T? Get<T>(string field) => values.TryGetValue(field, out var v) ? (T?)v : default;
        var fields = new UnitFields(
            Get<string>("name"), Get<string>("type"), Get<string>("creditCode"), Get<string>("countyCode"), Get<string>("industryCode"),
            Get<string>("address"), Get<bool?>("hasFixedPremises"), Get<int?>("employees"), Get<int?>("surveyFullMembers"),
            Get<int?>("surveyProbationaryMembers"), Get<bool?>("leaderIsMember"), Get<bool?>("willingToEstablish"), Get<string>("suggestions"),
            Get<DateOnly?>("foundedOn"), Get<DateOnly?>("closedOn"));
        if (fields.FoundedOn is { } founded && fields.ClosedOn is { } closed && closed < founded)
            return (null, [("注销日期", "注销日期不能早于成立日期 / cannot be before the founding date")]);
        return (fields, []);
    }
}
