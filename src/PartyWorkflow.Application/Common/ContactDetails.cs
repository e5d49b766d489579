using MimeKit;

namespace PartyWorkflow.Application.Common;

/// <summary>Checks of contact details as people type them: one e-mail address, within the column sizes.</summary>
public static class ContactDetails
{
    public static IEnumerable<(string Field, string Message)> Check(string field, string? email)
    {
        if (string.IsNullOrEmpty(email)) yield break;
        if (email.Length > 200) yield return (field, "must be at most 200 characters");
        else if (!email.Contains('@') || !MailboxAddress.TryParse(email, out var address) || address.Address != email.Trim())
            yield return (field, "must be one e-mail address, such as name@example.org");
    }

    public static IEnumerable<(string Field, string Message)> MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max) yield return (field, $"must be at most {max} characters");
    }
}
