using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Subjects;

/// <summary>Instances about a party organization on record, named by the first step's organization fact (the effect's <c>fact</c> parameter).</summary>
public sealed class OrganizationSubjects(PartyWorkflowDbContext db) : ISubjectKind
{
    public string Kind => "organization";

    public string RecipientType => "organization";

    public async Task<SubjectStatus?> IdentifyAsync(JsonObject parameters, JsonObject facts, CancellationToken ct)
    {
        if (FactReader.Id(facts, FactName(parameters)) is not { } id) return null;
        return await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == id, ct) ? new SubjectStatus(id, null, false) : null;
    }

    public async Task<SubjectContact> RegisterAsync(JsonObject parameters, JsonObject facts, CancellationToken ct)
    {
        var field = FactName(parameters);
        var id = FactReader.Id(facts, field);
        return await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new SubjectContact(o.Id, o.Name, o.Email)).FirstOrDefaultAsync(ct)
               ?? throw RuleRefusalException.For("organization-exists", $"{field}：找不到编号为 {id} 的党组织", $"{field}: no party organization with id {id}");
    }

    public async Task<IReadOnlyDictionary<Guid, SubjectContact>> ContactsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new SubjectContact(o.Id, o.Name, o.Email)).ToDictionaryAsync(o => o.Id, ct);

    private static string FactName(JsonObject parameters) => FactReader.Text(parameters, "fact") ?? "organizationId";
}
