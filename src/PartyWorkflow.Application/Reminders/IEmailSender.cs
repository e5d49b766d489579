using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

/// <summary>Hands messages to an SMTP server: the one part of reminders outside the system.</summary>
public interface IEmailSender
{
    /// <summary>Sends each message; the result says, per message, null when it was accepted or the error.</summary>
    Task<IReadOnlyList<string?>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken ct);
}
