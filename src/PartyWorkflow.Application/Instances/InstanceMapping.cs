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
        PersonId = row.PersonId,
        BranchId = row.BranchId,
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
        row.BranchId = snapshot.BranchId ?? row.BranchId;
        row.FactsJson = snapshot.Facts.ToJsonString();
        row.DatesJson = JsonSerializer.Serialize(snapshot.Dates);
        row.DocumentsJson = JsonSerializer.Serialize(snapshot.Documents.Order());
        row.LastStepDate = snapshot.LastStepDate;
    }
}
