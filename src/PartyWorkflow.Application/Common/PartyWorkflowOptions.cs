namespace PartyWorkflow.Application.Common;

/// <summary>Settings of the <c>PartyWorkflow</c> configuration section.</summary>
public sealed class PartyWorkflowOptions
{
    /// <summary>The folder of workflow definitions; relative paths are taken from the repository root.</summary>
    public string WorkflowsPath { get; set; } = "workflows";
    public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>How long a successful answer is kept for replay under its Idempotency-Key.</summary>
    public int IdempotencyRetentionHours { get; set; } = 24;
}
