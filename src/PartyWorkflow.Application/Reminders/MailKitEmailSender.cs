using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

/// <summary>SMTP through MailKit: one connection per batch, each message with its stable Message-ID.</summary>
public sealed class MailKitEmailSender(ReminderOptions options) : IEmailSender
{
    public async Task<IReadOnlyList<string?>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken ct)
    {
        var smtp = options.Smtp;
        var results = new string?[messages.Count];
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Array.Fill(results, $"connect: {ex.Message}");
            return results;
        }
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await client.SendAsync(ToMime(messages[i], smtp), ct);
            }
            catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException)
            {
                results[i] = ex.Message;
                if (!client.IsConnected) break;
            }
        }
        for (var i = 0; i < messages.Count; i++)
            if (results[i] is null && !client.IsConnected && i > 0 && results[i - 1] is not null) results[i] = "connection lost";
        if (client.IsConnected) await client.DisconnectAsync(true, ct);
        return results;
    }

    private static MimeMessage ToMime(EmailMessage message, SmtpOptions smtp)
    {
        var mime = new MimeMessage { MessageId = message.MessageId, Subject = message.Subject };
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.ToAddress));
        mime.Body = new TextPart("plain") { Text = message.Body };
        return mime;
    }
}
