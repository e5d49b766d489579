using System.Text.Json.Nodes;

namespace PartyWorkflow.LoadDriver;

/// <summary>One step the load takes, with the role that may take it and its facts.</summary>
public sealed record Step(string Action, string Role, int DaysAfterApplication, Func<Branch, JsonObject> Facts)
{
    public JsonObject FactsFor(Branch branch)
    {
        var facts = Facts(branch);
        facts["date"] = Dates.Format(Dates.Application.AddDays(DaysAfterApplication));
        return facts;
    }
}

/// <summary>
/// The path each application takes under load: steps 2 to 5 of member-development (the talk, the
/// branch committee confirming an activist, the party committee filing it, training contacts), then
/// at most <see cref="RepeatsPerInstance"/> repeatable records, so that no instance's history grows
/// without bound however long the memory phase runs.
/// </summary>
public static class Journey
{
    public static readonly Step[] EarlySteps =
    [
        new("initial-talk", "branch", 1, b => new JsonObject { ["talkerId"] = b.Secretary.ToString(), ["notes"] = "谈话：了解入党动机" }),
        new("confirm-activist", "branch-committee", 2, _ => new JsonObject { ["recommendationMethod"] = "member-recommendation" }),
        new("file-activist-record", "party-committee", 3, _ => []),
        new("assign-contacts", "branch", 4, b => new JsonObject { ["contactIds"] = new JsonArray(b.Contact.ToString()) }),
    ];

    public const int RepeatsPerInstance = 5;

    /// <summary>Allowed any number of times from assign-contacts until the admission meeting; alternated, a day apart.</summary>
    private static Step Repeat(int index) => index % 2 == 0
        ? new("record-thought-report", "branch", 5 + index, _ => new JsonObject { ["summary"] = "学习党章体会" })
        : new("record-inspection", "branch", 5 + index, _ => new JsonObject { ["assessment"] = "表现良好" });

    public static bool EarlyStepsDone(Instance instance) => instance.StepsDone >= EarlySteps.Length;

    public static bool Exhausted(Instance instance) => instance.Repeats >= RepeatsPerInstance;

    /// <summary>The next early step; 200 moves the instance on.</summary>
    public static async Task<Reply> TakeEarlyStepAsync(Api api, Instance instance, CancellationToken ct)
    {
        var reply = await TakeAsync(api, instance, EarlySteps[instance.StepsDone], ct);
        if (reply.Status == 200) instance.StepsDone++;
        return reply;
    }

    /// <summary>The next repeatable record, for an instance through its early steps.</summary>
    public static async Task<Reply> TakeRepeatAsync(Api api, Instance instance, CancellationToken ct)
    {
        var reply = await TakeAsync(api, instance, Repeat(instance.Repeats), ct);
        if (reply.Status == 200) instance.Repeats++;
        return reply;
    }

    private static Task<Reply> TakeAsync(Api api, Instance instance, Step step, CancellationToken ct) =>
        api.ActAsync(instance.Id, step.Action, step.FactsFor(instance.Branch), instance.Branch.Secretary, step.Role, ct);
}
