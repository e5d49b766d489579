using System.Globalization;

namespace PartyWorkflow.LoadDriver;

/// <summary>
/// Dates relative to today. Every action date must be on or after the previous step's and not after
/// the server's today (the date-order rule). They are kept within the last two weeks on purpose: with
/// dates years back, every seeded instance's deadlines (the initial talk within a month, inspections,
/// eligibility) would be overdue, and the server's reminder sweep, every minute, would write
/// thousands of reminders in bursts inside the measured windows. Recent dates leave no reminder due
/// before the run ends, so the windows measure the requests alone.
/// </summary>
public static class Dates
{
    /// <summary>UTC's date: the server's (Asia/Shanghai) is the same day or the next, never earlier.</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static readonly DateOnly Application = Today.AddDays(-14);

    /// <summary>Applicants are adults (the applicant-age-18 rule).</summary>
    public static readonly DateOnly ApplicantBirth = new(1995, 5, 5);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
