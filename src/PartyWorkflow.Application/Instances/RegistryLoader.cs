using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Facts;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Instances;

/// <summary>
/// The registry rows an action refers to (its actor and every member or organization fact), so rules
/// never query on their own. The hot path adds them to its one read before it knows the step
/// (<see cref="Prefetch"/>: every id the facts contain); what that did not cover is loaded here, at
/// most one query per table.
/// </summary>
public sealed class RegistryLoader(PartyWorkflowDbContext db)
{
    /// <summary>More ids than this in one body are not worth guessing at: they are loaded once the step is known.</summary>
    private const int MaxPrefetched = 64;

    /// <summary>People and organizations read with the action's other rows, and which ids were asked for.</summary>
    public sealed record Prefetched(IReadOnlySet<Guid> Asked, ReadBatch.Rows<Person> People, ReadBatch.Rows<Organization> Organizations,
        ReadBatch.Rows<TrainingAttendance>? SubjectTraining = null);

    /// <summary>
    /// Adds to the batch the people and organizations with any id the facts contain, the actor, and
    /// the rows a SQL subquery names (the instance's subject, for the effects that change it), with the
    /// training classes that subject attended (a few rows by an index; the training rule reads them).
    /// </summary>
    public static Prefetched Prefetch(ReadBatch batch, JsonObject facts, Guid actorId, string? alsoIdSql = null)
    {
        var ids = new HashSet<Guid> { actorId };
        CollectIds(facts, ids);
        if (ids.Count > MaxPrefetched) ids = [actorId];
        var also = alsoIdSql is null ? "" : $" OR {{0}} = ({alsoIdSql})";
        var list = batch.Parameters(ids);
        var personId = batch.Column<Person>(nameof(Person.Id));
        var organizationId = batch.Column<Organization>(nameof(Organization.Id));
        return new Prefetched(ids,
            batch.Where<Person>($"{personId} IN ({list}){string.Format(also, personId)}"),
            batch.Where<Organization>($"{organizationId} IN ({list}){string.Format(also, organizationId)}"),
            alsoIdSql is null ? null : batch.Where<TrainingAttendance>($"{batch.Column<TrainingAttendance>(nameof(TrainingAttendance.PersonId))} = ({alsoIdSql})", track: false));
    }

    public async Task<RegistrySnapshot> LoadAsync(StepDefinition step, JsonObject facts, Guid actorId, SubjectStatus? subject, Prefetched? prefetched, CancellationToken ct)
    {
        var references = FactReferences.Collect(step.Facts, facts);
        var personIds = references.Where(r => r.Type == "member").Select(r => r.Id).Append(actorId).ToHashSet();
        var organizationIds = references.Where(r => r.Type == "organization").Select(r => r.Id).ToHashSet();

        var people = new Dictionary<Guid, PersonSnapshot>();
        var organizations = new Dictionary<Guid, OrganizationSnapshot>();
        if (prefetched is not null)
        {
            foreach (var p in prefetched.People.Items.Where(p => personIds.Contains(p.Id))) people[p.Id] = Snapshot(p);
            foreach (var o in prefetched.Organizations.Items.Where(o => organizationIds.Contains(o.Id))) organizations[o.Id] = Snapshot(o);
            personIds.ExceptWith(prefetched.Asked);
            organizationIds.ExceptWith(prefetched.Asked);
        }
        if (personIds.Count > 0)
            foreach (var p in await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToListAsync(ct)) people[p.Id] = Snapshot(p);
        if (organizationIds.Count > 0)
            foreach (var o in await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToListAsync(ct)) organizations[o.Id] = Snapshot(o);
        var training = prefetched?.SubjectTraining?.Items.Select(t => new TrainingSnapshot(t.ClassId, t.ClassKind, t.EndsOn, t.Days, t.ClassHours)).ToList() ?? [];
        return new RegistrySnapshot { People = people, Organizations = organizations, Subject = subject, SubjectTraining = training };
    }

    private static PersonSnapshot Snapshot(Person p) => new(p.Id, p.Membership, p.HasVotingRights, p.BranchId, p.OnDisciplinaryProbation);

    private static OrganizationSnapshot Snapshot(Organization o) => new(o.Id, o.Kind, o.ParentId, o.HasApprovalAuthority);

    private static void CollectIds(JsonNode? node, HashSet<Guid> ids)
    {
        switch (node)
        {
            case JsonObject obj: foreach (var (_, child) in obj) CollectIds(child, ids); break;
            case JsonArray array: foreach (var child in array) CollectIds(child, ids); break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Length >= 32 && Guid.TryParse(text, out var id): ids.Add(id); break;
        }
    }
}
