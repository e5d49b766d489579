using System.Diagnostics;

namespace PartyWorkflow.Application.Common;

/// <summary>
/// The application's own spans (the scheduler's jobs: a reminder sweep, an e-mail batch), beside the
/// HTTP and EF Core ones the OpenTelemetry instrumentation makes. No span or tag holds personal data.
/// </summary>
public static class Telemetry
{
    public const string SourceName = "PartyWorkflow";

    public static readonly ActivitySource Source = new(SourceName);
}
