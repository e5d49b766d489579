using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Subjects;

/// <summary>Instances about a party organization on record, named by the first step's organization fact (the effect's <c>fact</c> parameter).</summary>
public sealed class OrganizationSubjects(PartyWorkflowDbContext db) : ISubjectKind
{
    public string Kind => "organization";

    public string RecipientType => "organization";

    private (Guid Id, ReadBatch.Rows<Organization> Found)? prefetched;

    public string? Prefetch(ReadBatch batch, JsonObject parameters, JsonObject facts)
    {
        if (FactReader.Id(facts, FactName(parameters)) is not { } id) return null;
        var condition = $"{batch.Column<Organization>(nameof(Organization.Id))} = {batch.Parameter(id)}";
        prefetched = (id, batch.Where<Organization>(condition));
        return $"SELECT {batch.Column<Organization>(nameof(Organization.Id))} FROM {batch.Table<Organization>()} WHERE {condition}";
    }

    public async Task<SubjectStatus?> IdentifyAsync(JsonObject parameters, JsonObject facts, CancellationToken ct)
    {
        if (FactReader.Id(facts, FactName(parameters)) is not { } id) return null;
        return await FindAsync(id, ct) is not null ? new SubjectStatus(id, null, false) : null;
    }

    public async Task<SubjectContact> RegisterAsync(JsonObject parameters, JsonObject facts, CancellationToken ct)
    {
        var field = FactName(parameters);
        var id = FactReader.Id(facts, field);
        return (id is null ? null : await FindAsync(id.Value, ct)) is { } o
            ? new SubjectContact(o.Id, o.Name, o.Email)
            : throw RuleRefusalException.For("organization-exists", $"{field}：找不到编号为 {id} 的党组织", $"{field}: no party organization with id {id}");
    }

    public async Task<IReadOnlyDictionary<Guid, SubjectContact>> ContactsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new SubjectContact(o.Id, o.Name, o.Email)).ToDictionaryAsync(o => o.Id, ct);

    private async Task<Organization?> FindAsync(Guid id, CancellationToken ct) =>
        prefetched is { } p && p.Id == id ? p.Found.Items.FirstOrDefault() : await db.Organizations.FindAsync([id], ct);

    private static string FactName(JsonObject parameters) => FactReader.Text(parameters, "fact") ?? "organizationId";
}
