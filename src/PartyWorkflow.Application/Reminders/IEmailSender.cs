using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

/// <summary>Hands messages to an SMTP server: the one part of reminders outside the system.</summary>
public interface IEmailSender
{
    /// <summary>Sends each message and says, per message, how it went; it never throws for one bad message.</summary>
    Task<IReadOnlyList<EmailSendResult>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken ct);
}

/// <summary><see cref="Permanent"/>: retrying cannot help (an address that is not one).</summary>
public sealed record EmailSendResult(string? Error, bool Permanent = false)
{
    public static readonly EmailSendResult Sent = new((string?)null);

    public bool Succeeded => Error is null;
}
