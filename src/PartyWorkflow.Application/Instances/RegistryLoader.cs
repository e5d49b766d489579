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
        ReadBatch.Rows<TrainingAttendance>? SubjectTraining = null, PrefetchedUnits? Units = null);

    /// <summary>Units with any id the facts contain, their coverage, the people working in them and the locks other instances hold on them.</summary>
    public sealed record PrefetchedUnits(ReadBatch.Rows<Unit> Units, ReadBatch.Rows<UnitCoverage> Coverage, ReadBatch.Rows<Person> Members, ReadBatch.Rows<SubjectLock>? Locks);

    /// <summary>What to read of units, for definitions whose facts name units.</summary>
    /// <param name="LockConstraints">The uniqueness constraints keyed by units, whose locks rules look at.</param>
    /// <param name="OnlyIfSql">A SQL condition the unit statements also need (the instance is of such a definition); null: always.</param>
    /// <param name="ExceptInstance">An instance whose own locks do not count (the one acting).</param>
    public sealed record UnitReads(IReadOnlyCollection<string> LockConstraints, string? OnlyIfSql = null, string? ExceptInstanceSql = null);

    /// <summary>
    /// Adds to the batch the people and organizations with any id the facts contain, the actor, and
    /// the rows a SQL subquery names (the instance's subject, for the effects that change it), with the
    /// training classes that subject attended (a few rows by an index; the training rule reads them).
    /// </summary>
    public static Prefetched Prefetch(ReadBatch batch, JsonObject facts, Guid actorId, string? alsoIdSql = null, UnitReads? units = null)
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
            alsoIdSql is null ? null : batch.Where<TrainingAttendance>($"{batch.Column<TrainingAttendance>(nameof(TrainingAttendance.PersonId))} = ({alsoIdSql})", track: false),
            units is null || ids.Count <= 1 ? null : PrefetchUnits(batch, ids, units));
    }

    private static PrefetchedUnits PrefetchUnits(ReadBatch batch, HashSet<Guid> ids, UnitReads reads)
    {
        var list = batch.Parameters(ids);
        var only = reads.OnlyIfSql is null ? "" : $" AND ({reads.OnlyIfSql})";
        var locks = reads.LockConstraints.Count == 0 ? null : batch.Where<SubjectLock>(
            $"{batch.Column<SubjectLock>(nameof(SubjectLock.Constraint))} IN ({batch.Parameters(reads.LockConstraints)}) "
            + $"AND {batch.Column<SubjectLock>(nameof(SubjectLock.Key))} IN ({batch.Parameters(ids.Select(id => id.ToString("D")))}){only}"
            + (reads.ExceptInstanceSql is null ? "" : $" AND {batch.Column<SubjectLock>(nameof(SubjectLock.InstanceId))} <> ({reads.ExceptInstanceSql})"), track: false);
        return new PrefetchedUnits(
            batch.Where<Unit>($"{batch.Column<Unit>(nameof(Unit.Id))} IN ({list}){only}", track: false),
            batch.Where<UnitCoverage>($"{batch.Column<UnitCoverage>(nameof(UnitCoverage.UnitId))} IN ({list}){only}", track: false),
            batch.Where<Person>($"{batch.Column<Person>(nameof(Person.UnitId))} IN ({list}){only}", track: false),
            locks);
    }

    public async Task<RegistrySnapshot> LoadAsync(StepDefinition step, JsonObject facts, Guid actorId, SubjectStatus? subject, Prefetched? prefetched, CancellationToken ct, Guid? instanceId = null)
    {
        var references = FactReferences.Collect(step.Facts, facts);
        var personIds = references.Where(r => r.Type == "member").Select(r => r.Id).Append(actorId).ToHashSet();
        var organizationIds = references.Where(r => r.Type == "organization").Select(r => r.Id).ToHashSet();

        var people = new Dictionary<Guid, PersonSnapshot>();
        var organizations = new Dictionary<Guid, OrganizationSnapshot>();
        if (prefetched is not null)
        {
            foreach (var p in prefetched.People.Items.Where(p => personIds.Contains(p.Id))) people[p.Id] = Snapshot(p);
            // Every organization read is given, the instance's subject among them (a renewal's organization, say).
            foreach (var o in prefetched.Organizations.Items) organizations[o.Id] = Snapshot(o);
            personIds.ExceptWith(prefetched.Asked);
            organizationIds.ExceptWith(prefetched.Asked);
        }
        if (personIds.Count > 0)
            foreach (var p in await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToListAsync(ct)) people[p.Id] = Snapshot(p);
        if (organizationIds.Count > 0)
            foreach (var o in await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToListAsync(ct)) organizations[o.Id] = Snapshot(o);
        var training = prefetched?.SubjectTraining?.Items.Select(t => new TrainingSnapshot(t.ClassId, t.ClassKind, t.EndsOn, t.Days, t.ClassHours)).ToList() ?? [];
        var unitIds = references.Where(r => r.Type == "unit").Select(r => r.Id).ToHashSet();
        var units = unitIds.Count == 0 ? new Dictionary<Guid, UnitSnapshot>() : await UnitsAsync(unitIds, prefetched?.Units, instanceId, ct);
        return new RegistrySnapshot { People = people, Organizations = organizations, Units = units, Subject = subject, SubjectTraining = training };
    }

    /// <summary>The units' snapshots from the prefetched rows, or (for more ids than were prefetched) from one query per table.</summary>
    private async Task<Dictionary<Guid, UnitSnapshot>> UnitsAsync(HashSet<Guid> ids, PrefetchedUnits? prefetched, Guid? instanceId, CancellationToken ct)
    {
        IReadOnlyList<Unit> units;
        IReadOnlyList<UnitCoverage> coverage;
        IReadOnlyList<Person> members;
        IReadOnlyList<SubjectLock> locks;
        if (prefetched is not null)
            (units, coverage, members, locks) = (prefetched.Units.Items, prefetched.Coverage.Items, prefetched.Members.Items, prefetched.Locks?.Items ?? []);
        else
        {
            // Too many ids to have guessed at: a query per table. A lock keyed by a unit's id is a lock on that unit.
            var keys = ids.Select(id => id.ToString("D")).ToList();
            units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
            coverage = await db.UnitCoverage.AsNoTracking().Where(c => ids.Contains(c.UnitId)).ToListAsync(ct);
            members = await db.People.AsNoTracking().Where(p => p.UnitId != null && ids.Contains(p.UnitId.Value)).ToListAsync(ct);
            locks = await db.SubjectLocks.AsNoTracking().Where(l => keys.Contains(l.Key) && l.InstanceId != instanceId).ToListAsync(ct);
        }
        return units.Where(u => ids.Contains(u.Id)).ToDictionary(u => u.Id, u => new UnitSnapshot(
            u.Id, u.Name, u.Type, u.CountyCode, u.IndustryCode, u.HasFixedPremises, u.SurveyFullMembers, u.SurveyProbationaryMembers, u.LeaderIsMember,
            members.Where(p => p.UnitId == u.Id && p.Membership != "none").Select(Snapshot).ToList(),
            coverage.Where(c => c.UnitId == u.Id).Select(c => new CoveragePeriod(c.OrganizationId, c.Mode, c.From, c.To)).ToList(),
            locks.Where(l => l.Key == u.Id.ToString("D")).Select(l => new UnitLock(l.Constraint, l.InstanceId)).ToList()));
    }

    private static PersonSnapshot Snapshot(Person p) => new(p.Id, p.Membership, p.HasVotingRights, p.BranchId, p.OnDisciplinaryProbation);

    public static OrganizationSnapshot Snapshot(Organization o) => new(o.Id, o.Kind, o.ParentId, o.HasApprovalAuthority, o.FormationMode, o.TermEndsOn);

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
