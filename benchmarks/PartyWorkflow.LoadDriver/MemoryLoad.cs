namespace PartyWorkflow.LoadDriver;

/// <summary>
/// The memory phase's workload, many actions cheaply: instances through their early steps get up to
/// <see cref="Journey.RepeatsPerInstance"/> repeatable records each (thought reports, inspections);
/// when those run out, seeded instances take their early steps and then their records; when those run
/// out too, the client submits a new application for itself. It never runs dry, and no instance's
/// facts grow without bound, so memory that grows is the server's, not a fatter instance's.
/// </summary>
public sealed class MemoryLoad(Api api, InstancePool pool, Applications applications, int clients)
{
    private readonly Instance?[] held = new Instance?[clients];

    public async Task<Outcome> NextAsync(int client, CancellationToken ct)
    {
        var instance = held[client];
        if (instance is null)
        {
            if (!pool.TryTakeThroughEarlySteps(out instance) && !pool.TryTakeForEarlyStep(out instance))
            {
                // Not an action: counted by the server as a start, by the marks not at all.
                return Outcome.From(await applications.SubmitAsync(ct), 201);
            }
            held[client] = instance;
        }
        var reply = Journey.EarlyStepsDone(instance)
            ? await Journey.TakeRepeatAsync(api, instance, ct)
            : await Journey.TakeEarlyStepAsync(api, instance, ct);
        if (reply.Status != 200 || Journey.Exhausted(instance)) held[client] = null;
        return Outcome.From(reply, 200);
    }
}
