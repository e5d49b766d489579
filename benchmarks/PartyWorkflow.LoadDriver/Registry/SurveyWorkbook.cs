using MiniExcelLibs;

namespace PartyWorkflow.LoadDriver.Registry;

/// <summary>
/// A survey file (摸排台账) as a county office would upload it: an .xlsx with every column of the
/// import template, Chinese headers, and valid rows only, so that every row is written and the
/// figure is the import's, not the error report's. Counties are given by name and by code in turn,
/// as real sheets mix both.
/// </summary>
public static class SurveyWorkbook
{
    public static byte[] Xlsx(int batch, int rows, ReferenceCodes reference)
    {
        var sheet = Enumerable.Range(0, rows).Select(i => Row(batch, i, reference)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "摸排台账");
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(int batch, int i, ReferenceCodes reference)
    {
        var county = reference.Counties[i % reference.Counties.Count];
        var founded = new DateTime(2005, 1, 1).AddDays(i % 6000);
        return new Dictionary<string, object?>
        {
            ["单位名称"] = $"摸排单位{batch}-{i}",
            ["单位类型"] = i % 3 == 0 ? "社会组织" : "非公有制经济组织",
            ["统一社会信用代码"] = CreditCodes.For(batch, i),
            ["所在县（市）"] = i % 2 == 0 ? county.Zh : county.Code,
            ["行业"] = reference.Industries[i % reference.Industries.Count].Code,
            ["地址"] = $"城关镇示例路{i % 500 + 1}号",
            ["有无固定活动场所"] = i % 4 == 0 ? "否" : "是",
            ["从业人员数"] = 5 + i % 300,
            ["正式党员数"] = i % 5,
            ["预备党员数"] = i % 7 == 0 ? 1 : 0,
            ["出资人是否党员"] = i % 6 == 0 ? "是" : "否",
            ["有无组建意愿"] = i % 3 == 0 ? "是" : "否",
            ["意见建议"] = i % 10 == 0 ? "希望派党建指导员" : null,
            ["成立日期"] = founded,
            ["注销日期"] = i % 50 == 0 ? founded.AddDays(3000) : null,
        };
    }
}
