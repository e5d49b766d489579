using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Records;

/// <summary>The simple records, newest first, a page at a time: by kind, organization, member and period.</summary>
public sealed record ListRecords(string? Kind = null, Guid? Organization = null, Guid? Person = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50)
    : IQuery<RecordPage>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Kind is { } kind && !AddRecord.Kinds.Contains(kind)) yield return ("kind", $"must be one of: {string.Join(", ", AddRecord.Kinds)}");
        if (From is { } from && To is { } to && to < from) yield return ("to", "must not be before from / 不能早于 from");
        if (Page < 1) yield return ("page", "must be 1 or more / 页码应不小于 1");
        if (PageSize is < 1 or > 200) yield return ("pageSize", "must be between 1 and 200 / 每页条数应在 1 到 200 之间");
    }
}

public sealed record RecordPage(IReadOnlyList<RecordView> Items, int Page, int PageSize, int Total);

public sealed class ListRecordsHandler(PartyWorkflowDbContext db) : IQueryHandler<ListRecords, RecordPage>
{
    public async ValueTask<RecordPage> Handle(ListRecords query, CancellationToken ct)
    {
        var records = db.RegistryRecords.AsNoTracking()
            .Where(r => query.Kind == null || r.Kind == query.Kind)
            .Where(r => query.Organization == null || r.OrganizationId == query.Organization)
            .Where(r => query.Person == null || r.PersonId == query.Person)
            .Where(r => query.From == null || r.On >= query.From)
            .Where(r => query.To == null || r.On <= query.To);
        var total = await records.CountAsync(ct);
        var page = await records.OrderByDescending(r => r.On).ThenByDescending(r => r.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new { Record = r, Name = db.People.Where(p => p.Id == r.PersonId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return new RecordPage(page.Select(x => RecordView.Of(x.Record, x.Name)).ToList(), query.Page, query.PageSize, total);
    }
}
