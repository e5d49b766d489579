using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Records;

/// <summary>
/// One item of the welcome package (四送四赠) delivered on a date: a PUT, so sending it twice (or
/// correcting the date) leaves one row per item.
/// </summary>
public sealed record DeliverWelcomeItem(Guid OrganizationId, string Item, DateOnly? DeliveredOn, string? Notes) : ICommand<WelcomeItemView>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        foreach (var problem in RecordDates.Past("deliveredOn", DeliveredOn)) yield return problem;
        foreach (var problem in ContactDetails.MaxLength("notes", Notes, 500)) yield return problem;
    }
}

public sealed record WelcomeItemView(string Item, string Zh, string En, string Group, DateOnly? DeliveredOn, string? Notes);

public sealed class DeliverWelcomeItemHandler(PartyWorkflowDbContext db, Clock clock) : ICommandHandler<DeliverWelcomeItem, WelcomeItemView>
{
    public async ValueTask<WelcomeItemView> Handle(DeliverWelcomeItem command, CancellationToken ct)
    {
        // The item is a part of the path: an item the package does not have is a resource that does not exist.
        var item = WelcomePackage.Items.FirstOrDefault(i => i.Id == command.Item)
                   ?? throw new NotFoundException($"welcome-package item (one of {string.Join(", ", WelcomePackage.Items.Select(i => i.Id))})", command.Item);
        var date = command.DeliveredOn!.Value;
        RecordDates.NotFuture("deliveredOn", date, clock);
        var organization = await RecordDates.OpenOrganizationAsync(db, command.OrganizationId, date, ct);
        var row = await db.WelcomePackageItems.FirstOrDefaultAsync(w => w.OrganizationId == organization.Id && w.Item == command.Item, ct);
        if (row is null)
        {
            row = new WelcomePackageItem { Id = Guid.CreateVersion7(), OrganizationId = organization.Id, Item = command.Item };
            db.WelcomePackageItems.Add(row);
        }
        row.DeliveredOn = date;
        row.Notes = command.Notes?.Trim();
        row.RecordedAt = clock.Now;
        return new WelcomeItemView(item.Id, item.Zh, item.En, item.Group, row.DeliveredOn, row.Notes);
    }
}
