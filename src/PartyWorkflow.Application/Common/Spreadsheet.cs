using System.Data;
using MiniExcelLibs;

namespace PartyWorkflow.Application.Common;

/// <summary>
/// An .xlsx workbook of named sheets, each a header row and rows of cells, written by MiniExcel.
/// Sheets go through a <see cref="DataTable"/> so that a sheet with no rows still has its headers.
/// </summary>
public sealed class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly Dictionary<string, object> sheets = [];

    public Spreadsheet Sheet(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var table = new DataTable(name);
        foreach (var header in headers) table.Columns.Add(header, typeof(object));
        foreach (var row in rows) table.Rows.Add(row.Select(cell => cell ?? DBNull.Value).ToArray());
        sheets[name] = table;
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}

/// <summary>A workbook to download: its bytes and its file name.</summary>
public sealed record SpreadsheetFile(byte[] Content, string FileName);
