using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace PartyWorkflow.Application.Units.Import;

/// <summary>A fault of the whole file: nothing of it is imported.</summary>
public sealed class SurveyFileException(string zh, string en) : Exception($"{zh} / {en}");

/// <summary>
/// Reads a survey file, <c>.xlsx</c> or <c>.csv</c> (UTF-8), into rows of cells by header, after the
/// checks that refuse a whole file: size, kind, a zip bomb, headers, row count.
/// </summary>
public static class SurveyFile
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;
    /// <summary>An .xlsx of 10 MiB unpacks to far less than this; a zip bomb to far more.</summary>
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    public sealed record Row(int Number, IReadOnlyDictionary<string, string> Cells);

    public static List<Row> Read(byte[] content, string fileName)
    {
        if (content.Length == 0) throw new SurveyFileException("文件是空的", "the file is empty");
        if (content.Length > MaxBytes) throw new SurveyFileException("文件超过 10 MiB", "the file is larger than 10 MiB");
        var isZip = content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        List<IDictionary<string, object?>> sheet;
        if (isZip)
        {
            CheckWorkbook(content);
            sheet = Query(content, ExcelType.XLSX);
        }
        else if (extension is ".csv" or ".txt" && IsText(content))
            sheet = Query(content, ExcelType.CSV);
        else
            throw new SurveyFileException("不是电子表格：请上传 .xlsx 或 UTF-8 编码的 .csv 文件", "not a spreadsheet: upload an .xlsx file or a UTF-8 .csv file");

        if (sheet.Count == 0) throw new SurveyFileException("文件中没有表头", "the file has no header row");
        var headers = sheet[0].ToDictionary(c => c.Key, c => Text(c.Value));
        var known = SurveyColumns.All.Select(c => c.Header).ToHashSet();
        var unknown = headers.Values.Where(h => h.Length > 0 && !known.Contains(h)).ToList();
        var missing = SurveyColumns.All.Where(c => c.Required && !headers.ContainsValue(c.Header)).Select(c => c.Header).ToList();
        var twice = headers.Values.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (unknown.Count > 0 || missing.Count > 0 || twice.Count > 0)
            throw new SurveyFileException(
                string.Join("；", new[] { missing.Count > 0 ? "缺少列：" + string.Join("、", missing) : null, unknown.Count > 0 ? "未知列：" + string.Join("、", unknown) : null, twice.Count > 0 ? "重复列：" + string.Join("、", twice) : null }.OfType<string>()) + "（请使用导入模板）",
                string.Join("; ", new[] { missing.Count > 0 ? "missing columns: " + string.Join(", ", missing) : null, unknown.Count > 0 ? "unknown columns: " + string.Join(", ", unknown) : null, twice.Count > 0 ? "columns twice: " + string.Join(", ", twice) : null }.OfType<string>()) + " (use the import template)");

        var rows = new List<Row>();
        for (var i = 1; i < sheet.Count; i++)
        {
            var cells = headers.Where(h => h.Value.Length > 0).ToDictionary(h => h.Value, h => Text(sheet[i].TryGetValue(h.Key, out var v) ? v : null));
            if (cells.Values.All(v => v.Length == 0)) continue;
            rows.Add(new Row(i + 1, cells));
        }
        if (rows.Count > MaxRows) throw new SurveyFileException($"文件有 {rows.Count} 行，最多 {MaxRows} 行，请分批导入", $"the file has {rows.Count} rows, at most {MaxRows}: import it in parts");
        return rows;
    }

    private static List<IDictionary<string, object?>> Query(byte[] content, ExcelType type)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            return stream.Query(useHeaderRow: false, excelType: type).Cast<IDictionary<string, object?>>().Take(MaxRows + 2).ToList();
        }
        catch (Exception ex) when (ex is not SurveyFileException)
        {
            throw new SurveyFileException("无法读取该电子表格（文件可能已损坏）", $"the spreadsheet cannot be read (it may be damaged): {ex.GetType().Name}");
        }
    }

    /// <summary>A real workbook, and not a zip bomb: the entries' unpacked sizes are summed before anything is unpacked.</summary>
    private static void CheckWorkbook(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("xl/workbook.xml") is null) throw new SurveyFileException("不是 Excel 工作簿（.xlsx）", "not an Excel workbook (.xlsx)");
            if (zip.Entries.Count > 10_000 || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                throw new SurveyFileException("文件解压后过大，已拒绝", "the file unpacks to too much and is refused");
        }
        catch (InvalidDataException)
        {
            throw new SurveyFileException("不是有效的 .xlsx 文件", "not a valid .xlsx file");
        }
    }

    private static bool IsText(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return !text.Contains('\0');
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };
}
