using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reminders;

/// <summary>Marks a reminder read; marking it again keeps the first time.</summary>
/// <remarks>A reminder is marked read by its member, or within a scope that reaches its member or organization; elsewhere it is 404.</remarks>
public sealed record MarkInboxItemRead(Guid Id, string? IdempotencyKey = null, [property: System.Text.Json.Serialization.JsonIgnore] Access.Actor? By = null) : ICommand<InboxItem>, IIdempotent
{
    // Per user: a replay is another user's answer only to that user.
    public string IdempotencyScope => $"POST /api/inbox/{Id}/read by {By?.UserId}";
}

public sealed class MarkInboxItemReadHandler(PartyWorkflowDbContext db, Clock clock, Access.Scopes scopes) : ICommandHandler<MarkInboxItemRead, InboxItem>
{
    public async ValueTask<InboxItem> Handle(MarkInboxItemRead command, CancellationToken ct)
    {
        var r = await db.Reminders.FirstOrDefaultAsync(x => x.Id == command.Id, ct) ?? throw new NotFoundException("inbox item", command.Id.ToString());
        if (command.By is { } by)
            await scopes.RequireOwnerAsync(by, r.RecipientType, r.RecipientId, Access.Actor.RoleNames, () => new NotFoundException("inbox item", command.Id.ToString()), ct);
        r.ReadAt ??= clock.Now;
        await db.SaveChangesAsync(ct);
        return new InboxItem(r.Id, r.InstanceId, r.DeadlineKind, r.ReminderKind, r.Occurrence, r.RecipientRole, r.FireOn, r.DueDate, r.Subject, r.Body, r.ReadAt);
    }
}
