namespace PartyWorkflow.LoadDriver;

/// <summary>
/// The actions workload of a window: each client holds one instance and takes its next early step;
/// after the last one the instance is set aside (for the memory phase) and the client takes a fresh
/// one. So every request is a step the workflow permits at that moment, on an instance no other
/// client touches.
/// </summary>
public sealed class EarlyStepLoad(Api api, InstancePool pool, int clients)
{
    private readonly Instance?[] held = new Instance?[clients];

    public async Task<Outcome> NextAsync(int client, CancellationToken ct)
    {
        var instance = held[client];
        if (instance is null)
        {
            if (!pool.TryTakeForEarlyStep(out instance)) return Outcome.PoolRanDry;
            held[client] = instance;
        }
        var reply = await Journey.TakeEarlyStepAsync(api, instance, ct);
        if (reply.Status != 200)
        {
            // Dropped: asking again would measure the same refusal over and over.
            held[client] = null;
        }
        else if (Journey.EarlyStepsDone(instance))
        {
            pool.AddThroughEarlySteps(instance);
            held[client] = null;
        }
        return Outcome.From(reply, 200);
    }

    /// <summary>After the window: the instances still held go back, to be finished first next time.</summary>
    public void GiveBack()
    {
        for (var i = 0; i < held.Length; i++)
        {
            if (held[i] is { } instance) pool.GiveBackUnfinished(instance);
            held[i] = null;
        }
    }
}
