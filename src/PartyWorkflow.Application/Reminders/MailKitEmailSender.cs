using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

/// <summary>SMTP through MailKit: one connection per batch, each message with its stable Message-ID.</summary>
public sealed class MailKitEmailSender(ReminderOptions options) : IEmailSender
{
    public async Task<IReadOnlyList<EmailSendResult>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken ct)
    {
        var smtp = options.Smtp;
        var results = new EmailSendResult[messages.Count];
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Array.Fill(results, new EmailSendResult($"connect: {ex.Message}"));
            return results;
        }
        for (var i = 0; i < messages.Count; i++)
        {
            if (!MailboxAddress.TryParse(messages[i].ToAddress, out var to))
            {
                results[i] = new EmailSendResult($"not an e-mail address: {messages[i].ToAddress}", Permanent: true);
                continue;
            }
            try
            {
                await client.SendAsync(ToMime(messages[i], smtp, to), ct);
                results[i] = EmailSendResult.Sent;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results[i] = new EmailSendResult(ex.Message);
                if (!client.IsConnected)
                {
                    for (var j = i + 1; j < messages.Count; j++) results[j] = new EmailSendResult("connection lost");
                    break;
                }
            }
        }
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(true, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The messages were handed over already; a failed goodbye changes nothing for them.
        }
        return results;
    }

    private static MimeMessage ToMime(EmailMessage message, SmtpOptions smtp, MailboxAddress to)
    {
        var mime = new MimeMessage { MessageId = message.MessageId, Subject = message.Subject };
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        mime.To.Add(to);
        mime.Body = new TextPart("plain") { Text = message.Body };
        return mime;
    }
}
