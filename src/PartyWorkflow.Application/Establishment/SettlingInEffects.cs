using Mediator;
using PartyWorkflow.Application.Effects;
using PartyWorkflow.Application.Records;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;

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

/// <summary><c>record-welcome-package</c> (step 7): each item delivered, as <see cref="DeliverWelcomeItem"/> records it.</summary>
public sealed class RecordWelcomePackageEffect(PartyWorkflowDbContext db, DeliverWelcomeItemHandler deliveries) : IEffectHandler
{
    public const string EffectId = "record-welcome-package";

    public string Id => EffectId;

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var organization = await RegisteredOrganization.OfAsync(db, context, ct);
        var date = FactReader.Date(context.Facts, "date");
        foreach (var item in EstablishmentRequests.Texts(context.Facts["items"]))
            await deliveries.Handle(new DeliverWelcomeItem(organization, item, date, null), ct);
    }
}

internal static class RegisteredOrganization
{
    public static async Task<Guid> OfAsync(PartyWorkflowDbContext db, EffectContext context, CancellationToken ct) =>
        (await db.EstablishmentRequests.FindAsync([context.Instance.SubjectId], ct))?.OrganizationId
        ?? throw new InvalidOperationException($"{context.Effect.Id}: the request {context.Instance.SubjectId} has no registered organization");
}
