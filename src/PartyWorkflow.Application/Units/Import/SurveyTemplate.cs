using MiniExcelLibs;

namespace PartyWorkflow.Application.Units.Import;

/// <summary>The import template: the survey's columns with their Chinese headers and one example row.</summary>
public static class SurveyTemplate
{
    public static byte[] Xlsx()
    {
        var example = SurveyColumns.All.ToDictionary(c => c.Header, c => (object?)c.Example);
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { example }, sheetName: "摸排台账");
        return stream.ToArray();
    }
}
