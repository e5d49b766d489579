using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Effects;
using PartyWorkflow.Application.Records;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Establishment;

/// <summary>
/// <c>record-plaque</c> (step 6): the registered organization's plaque, as <see cref="RecordPlaque"/>
/// records it (fixed or mobile by the unit's premises; <c>plaque-fits-premises</c>), in the action's
/// transaction; the organization, its coverage and the units come in the action's one read.
/// </summary>
public sealed class RecordPlaqueEffect(PartyWorkflowDbContext db, RecordPlaqueHandler plaques) : IEffectHandler
{
    public const string EffectId = "record-plaque";

    private (ReadBatch.Rows<Organization> Organization, ReadBatch.Rows<UnitCoverage> Coverage, ReadBatch.Rows<Unit> Units)? prefetched;

    public string Id => EffectId;

    public void Prefetch(ReadBatch batch, EffectReads reads)
    {
        var organization = RegisteredOrganization.IdSql(batch, reads);
        var coverageOf = $"{batch.Column<UnitCoverage>(nameof(UnitCoverage.OrganizationId))} = ({organization})";
        prefetched = (
            batch.Where<Organization>($"{batch.Column<Organization>(nameof(Organization.Id))} = ({organization}) AND {reads.OnlyIfSql}", track: false),
            batch.Where<UnitCoverage>($"{coverageOf} AND {reads.OnlyIfSql}", track: false),
            batch.Where<Unit>($"{batch.Column<Unit>(nameof(Unit.Id))} IN (SELECT {batch.Column<UnitCoverage>(nameof(UnitCoverage.UnitId))} FROM {batch.Table<UnitCoverage>()} WHERE {coverageOf}) AND {reads.OnlyIfSql}", track: false));
    }

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var command = new RecordPlaque(await RegisteredOrganization.OfAsync(db, context, ct), null, FactReader.Text(context.Facts, "kind"),
            FactReader.Date(context.Facts, "date"), FactReader.Text(context.Facts, "location"));
        if (prefetched is not { } rows)
        {
            await plaques.Handle(command, ct);
            return;
        }
        var date = command.HungOn!.Value;
        var units = rows.Units.Items.ToDictionary(u => u.Id);
        var covered = rows.Coverage.Items.Where(c => c.From <= date && (c.To == null || c.To > date) && units.ContainsKey(c.UnitId))
            .Select(c => units[c.UnitId]).DistinctBy(u => u.Id).Select(u => new RecordPlaqueHandler.CoveredUnit(u.Id, u.Name, u.HasFixedPremises)).ToList();
        plaques.Record(rows.Organization.Items.Single(), covered, command);
    }
}

/// <summary>
/// <c>record-welcome-package</c> (step 7): each item delivered on the date, one row per item as
/// <see cref="DeliverWelcomeItem"/> keeps them; the items already on record come in the action's one read.
/// </summary>
public sealed class RecordWelcomePackageEffect(PartyWorkflowDbContext db, Clock clock) : IEffectHandler
{
    public const string EffectId = "record-welcome-package";

    private ReadBatch.Rows<WelcomePackageItem>? prefetched;

    public string Id => EffectId;

    public void Prefetch(ReadBatch batch, EffectReads reads) =>
        prefetched = batch.Where<WelcomePackageItem>(
            $"{batch.Column<WelcomePackageItem>(nameof(WelcomePackageItem.OrganizationId))} = ({RegisteredOrganization.IdSql(batch, reads)}) AND {reads.OnlyIfSql}");

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var organization = await RegisteredOrganization.OfAsync(db, context, ct);
        var date = FactReader.Date(context.Facts, "date")!.Value;
        var items = EstablishmentRequests.Texts(context.Facts["items"]).ToList();
        var onRecord = (prefetched?.Items ?? await db.WelcomePackageItems.Where(w => w.OrganizationId == organization && items.Contains(w.Item)).ToListAsync(ct))
            .Where(w => w.OrganizationId == organization).ToDictionary(w => w.Item);
        foreach (var item in items)
        {
            if (!onRecord.TryGetValue(item, out var row))
                db.WelcomePackageItems.Add(row = new WelcomePackageItem { Id = Guid.CreateVersion7(), OrganizationId = organization, Item = item });
            row.DeliveredOn = date;
            row.RecordedAt = clock.Now;
        }
    }
}

internal static class RegisteredOrganization
{
    public static async Task<Guid> OfAsync(PartyWorkflowDbContext db, EffectContext context, CancellationToken ct) =>
        (await db.EstablishmentRequests.FindAsync([context.Instance.SubjectId], ct))?.OrganizationId
        ?? throw new InvalidOperationException($"{context.Effect.Id}: the request {context.Instance.SubjectId} has no registered organization");

    /// <summary>SQL for the id of the organization the instance's request led to.</summary>
    public static string IdSql(ReadBatch batch, EffectReads reads) =>
        $"SELECT {batch.Column<EstablishmentRequest>(nameof(EstablishmentRequest.OrganizationId))} FROM {batch.Table<EstablishmentRequest>()} "
        + $"WHERE {batch.Column<EstablishmentRequest>(nameof(EstablishmentRequest.Id))} = ({reads.SubjectIdSql})";
}
