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
/// records it (fixed or mobile by the unit's premises; <c>plaque-fits-premises</c>), in the action's transaction.
/// </summary>
public sealed class RecordPlaqueEffect(PartyWorkflowDbContext db, RecordPlaqueHandler plaques) : IEffectHandler
{
    public const string EffectId = "record-plaque";

    public string Id => EffectId;

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var organization = await RegisteredOrganization.OfAsync(db, context, ct);
        await plaques.Handle(new RecordPlaque(organization, null, FactReader.Text(context.Facts, "kind"), FactReader.Date(context.Facts, "date"),
            FactReader.Text(context.Facts, "location")), ct);
    }
}

/// <summary>
/// <c>record-welcome-package</c> (step 7): each item delivered on the date, one row per item as
/// <see cref="DeliverWelcomeItem"/> keeps them; the items already on record are read in one query.
/// </summary>
public sealed class RecordWelcomePackageEffect(PartyWorkflowDbContext db, Clock clock) : IEffectHandler
{
    public const string EffectId = "record-welcome-package";

    public string Id => EffectId;

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var organization = await RegisteredOrganization.OfAsync(db, context, ct);
        var date = FactReader.Date(context.Facts, "date")!.Value;
        var items = EstablishmentRequests.Texts(context.Facts["items"]).ToList();
        var onRecord = await db.WelcomePackageItems.Where(w => w.OrganizationId == organization && items.Contains(w.Item)).ToDictionaryAsync(w => w.Item, ct);
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
}
