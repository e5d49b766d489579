using System.Text.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Instances;

/// <summary>Between the stored instance row and the engine's snapshot.</summary>
public static class InstanceMapping
{
    public static InstanceSnapshot ToSnapshot(WorkflowInstance row) => new()
    {
        State = row.State,
        SubjectId = row.SubjectId,
        OrganizationId = row.OrganizationId,
        Facts = JsonNode.Parse(row.FactsJson)?.AsObject() ?? [],
        Dates = JsonSerializer.Deserialize<Dictionary<string, DateOnly>>(row.DatesJson) ?? [],
        Documents = JsonSerializer.Deserialize<HashSet<string>>(row.DocumentsJson) ?? [],
        LastStepDate = row.LastStepDate,
    };

    public static void CopyTo(InstanceSnapshot snapshot, CompiledWorkflow workflow, WorkflowInstance row)
    {
        row.State = snapshot.State!;
        row.Stage = workflow.StageOf(row.State);
        row.IsOpen = !workflow.IsEnd(row.State);
        row.OrganizationId = snapshot.OrganizationId ?? row.OrganizationId;
        row.AwaitedRoles = AwaitedRoles(workflow, row.State);
        row.FactsJson = snapshot.Facts.ToJsonString();
        row.DatesJson = JsonSerializer.Serialize(snapshot.Dates);
        row.DocumentsJson = JsonSerializer.Serialize(snapshot.Documents.Order());
        row.LastStepDate = snapshot.LastStepDate;
    }

    /// <summary><c>|branch|party-committee|</c>: each role between bars, so that <c>LIKE '%|branch|%'</c> finds it.</summary>
    public static string AwaitedRoles(CompiledWorkflow workflow, string state) =>
        workflow.AwaitedRoles(state) is [_, ..] roles ? $"|{string.Join('|', roles)}|" : "";

    public static IReadOnlyList<string> ParseRoles(string? stored) => (stored ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);
}
