namespace PartyWorkflow.Application.Common;

/// <summary>"Today" is the date in the configured time zone (Asia/Shanghai by default), from the injected TimeProvider.</summary>
public sealed class Clock(TimeProvider time, PartyWorkflowOptions options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
}
