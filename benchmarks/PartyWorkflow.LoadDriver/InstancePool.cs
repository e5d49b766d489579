using System.Collections.Concurrent;

namespace PartyWorkflow.LoadDriver;

/// <summary>
/// One application's workflow instance as the driver tracks it. It is held by one client at a time
/// (taken from a queue, given back to one), so no two requests ever race for the same instance and a
/// 409 can only mean the server got something wrong.
/// </summary>
public sealed class Instance(Guid id, Branch branch)
{
    public Guid Id { get; } = id;
    public Branch Branch { get; } = branch;
    /// <summary>How many of <see cref="Journey.EarlySteps"/> are done.</summary>
    public int StepsDone { get; set; }
    /// <summary>How many repeatable steps (thought reports, inspections) were recorded after them.</summary>
    public int Repeats { get; set; }
}

/// <summary>
/// The seeded instances, by how far they have come: started but unfinished ones (a window ended while a
/// client held them) are taken before fresh ones, and instances through the early steps wait for the
/// memory phase's repeatable steps.
/// </summary>
public sealed class InstancePool
{
    private readonly ConcurrentQueue<Instance> unfinished = new();
    private readonly ConcurrentQueue<Instance> fresh = new();
    private readonly ConcurrentQueue<Instance> throughEarlySteps = new();

    /// <summary>Instances that still have early steps to take.</summary>
    public int EarlyCount => unfinished.Count + fresh.Count;

    public void AddFresh(Instance instance) => fresh.Enqueue(instance);

    public bool TryTakeForEarlyStep(out Instance instance) =>
        unfinished.TryDequeue(out instance!) || fresh.TryDequeue(out instance!);

    public void GiveBackUnfinished(Instance instance) => unfinished.Enqueue(instance);

    public void AddThroughEarlySteps(Instance instance) => throughEarlySteps.Enqueue(instance);

    public bool TryTakeThroughEarlySteps(out Instance instance) => throughEarlySteps.TryDequeue(out instance!);
}
