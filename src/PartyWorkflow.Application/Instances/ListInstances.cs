using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Instances;

/// <summary>
/// Instances, newest activity first, a page at a time: of a definition, in a state or stage, open or
/// ended, filed under an organization or anywhere below it, whose subject's name contains a text,
/// about the person with a citizen ID, or waiting for a role.
/// </summary>
public sealed record ListInstances(
    string? Definition = null, string? State = null, string? Stage = null, bool? Open = null, Guid? Organization = null,
    string? Name = null, string? CitizenId = null, string? Awaiting = null, int Page = 1, int PageSize = 50, Access.Actor? Reader = null)
    : IQuery<InstancePage>, IValidate
{
    public const int MaxPageSize = 200;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Page < 1) yield return ("page", "must be 1 or more / 页码应不小于 1");
        if (PageSize is < 1 or > MaxPageSize) yield return ("pageSize", $"must be between 1 and {MaxPageSize} / 每页条数应在 1 到 {MaxPageSize} 之间");
        if (Name is { Length: > 100 }) yield return ("name", "must be at most 100 characters / 不超过 100 个字符");
        if (CitizenId is { } id && (id.Length is < 15 or > 18)) yield return ("citizenId", "must be a whole citizen ID (18 characters) / 应为完整的公民身份号码");
    }
}

public sealed record InstancePage(IReadOnlyList<InstanceSummary> Items, int Page, int PageSize, int Total);

public sealed record InstanceSummary(
    Guid Id, string DefinitionId, int DefinitionVersion, string SubjectKind, Guid SubjectId, string SubjectName,
    Guid OrganizationId, string OrganizationName, string State, string? Stage, bool IsOpen, IReadOnlyList<string> AwaitedRoles,
    DateTimeOffset UpdatedAt, int Version, NextDeadline? NextDeadline = null);

/// <summary>The instance's open deadline due first: what a queue sorts and warns by.</summary>
public sealed record NextDeadline(string Kind, DateOnly DueDate, bool Overdue);

public sealed class ListInstancesHandler(PartyWorkflowDbContext db, Clock clock, Privacy.PersonalData personalData) : IQueryHandler<ListInstances, InstancePage>
{
    public async ValueTask<InstancePage> Handle(ListInstances query, CancellationToken ct)
    {
        var organizations = query.Organization is { } root ? await OrganizationSubtree.IdsAsync(db, root, ct) : null;
        if (organizations is [] ) throw new NotFoundException("party organization", query.Organization.ToString()!);
        // Only what the reader's scopes cover: an organization outside them lists nothing.
        var allowed = await Access.ReadScope.OrganizationsAsync(db, query.Reader, ct);
        Guid? person = null;
        if (query.CitizenId is { } citizenId)
        {
            var normalized = CitizenId.Normalize(citizenId);
            // Unknown: no instance is about this person; Guid.Empty matches none.
            var hash = personalData.HashCitizenId(normalized);
            person = await db.People.Where(p => p.CitizenIdHash == hash).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct) ?? Guid.Empty;
        }
        var awaiting = query.Awaiting is { } role ? $"%|{role}|%" : null;
        var name = query.Name?.Trim();

        var rows = db.Instances.AsNoTracking()
            .Where(i => query.Definition == null || i.DefinitionId == query.Definition)
            .Where(i => query.State == null || i.State == query.State)
            .Where(i => query.Stage == null || i.Stage == query.Stage)
            .Where(i => query.Open == null || i.IsOpen == query.Open)
            .Where(i => organizations == null || organizations.Contains(i.OrganizationId))
            .Where(i => allowed == null || allowed.Contains(i.OrganizationId))
            .Where(i => person == null || (i.SubjectKind == "person" && i.SubjectId == person))
            .Where(i => awaiting == null || EF.Functions.Like(i.AwaitedRoles!, awaiting))
            .Where(i => string.IsNullOrEmpty(name) || i.SubjectName.Contains(name));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        var names = await OrganizationSubtree.NamesAsync(db, page.Select(i => i.OrganizationId), ct);
        var ids = page.Select(i => i.Id).ToList();
        var today = clock.Today;
        var next = (await db.Deadlines.AsNoTracking().Where(d => d.IsOpen && d.InstanceId != null && ids.Contains(d.InstanceId.Value))
                .Select(d => new { InstanceId = d.InstanceId!.Value, d.Kind, d.DueDate }).ToListAsync(ct))
            .GroupBy(d => d.InstanceId)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.DueDate).Select(d => new NextDeadline(d.Kind, d.DueDate, d.DueDate < today)).First());
        return new InstancePage(page.Select(i => new InstanceSummary(
            i.Id, i.DefinitionId, i.DefinitionVersion, i.SubjectKind, i.SubjectId, i.SubjectName, i.OrganizationId,
            names.GetValueOrDefault(i.OrganizationId, ""), i.State, i.Stage, i.IsOpen, InstanceMapping.ParseRoles(i.AwaitedRoles), i.UpdatedAt, i.Version,
            next.GetValueOrDefault(i.Id))).ToList(),
            query.Page, query.PageSize, total);
    }
}
