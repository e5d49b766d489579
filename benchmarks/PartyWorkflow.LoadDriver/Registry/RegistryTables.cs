using Npgsql;

namespace PartyWorkflow.LoadDriver.Registry;

/// <summary>The registry's tables in the server's database, as the EF Core migrations create them.</summary>
public static class RegistryTables
{
    /// <summary>
    /// Empties the units and, by CASCADE, every table that references them (coverage, assignments,
    /// and whatever the schema adds), then checkpoints. Called only while the units are all the
    /// database holds: CASCADE would empty the organizations and people too, were they ever to
    /// reference units.
    /// </summary>
    public static async Task EmptyAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var truncate = database.CreateCommand("TRUNCATE units CASCADE");
        await truncate.ExecuteNonQueryAsync(ct);
        await CheckpointAsync(database, ct);
    }

    /// <summary>Writes out the dirty pages now, so that a checkpoint of earlier writes does not fall inside a measurement.</summary>
    public static async Task CheckpointAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var checkpoint = database.CreateCommand("CHECKPOINT");
        await checkpoint.ExecuteNonQueryAsync(ct);
    }
}
