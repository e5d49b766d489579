namespace PartyWorkflow.Engine.Definitions;

/// <summary>
/// Who a reminder role is, relative to the instance: its subject (<c>"of": "subject"</c>) or the
/// organization it is filed under (<c>"of": "filing"</c>), optionally the nearest organization of
/// kind <see cref="Above"/> at or above it, and then <see cref="Skip"/> more of that kind further up
/// (falling back to the last one found when there are no more).
/// </summary>
public sealed record RecipientDefinition
{
    public const string Subject = "subject";
    public const string Filing = "filing";

    public required string Of { get; init; }
    public string? Above { get; init; }
    public int Skip { get; init; }
}

/// <summary>
/// A reminder's subject line and body. Placeholders: <c>{kindZh}</c>, <c>{kindEn}</c>, <c>{subject}</c>
/// (the subject's name), <c>{due}</c>, <c>{statusZh}</c>, <c>{statusEn}</c>.
/// </summary>
public sealed record ReminderTextDefinition(string Subject, string Body)
{
    public static readonly ReminderTextDefinition Default = new(
        "【{kindZh}】{subject}：{statusZh}（{due}）",
        "{subject}：“{kindZh}”期限为 {due}，{statusZh}。请及时办理。\n{subject}: {kindEn} on {due}, {statusEn}. Please see to it.");
}

/// <summary>A checklist of documents that must be on file, named for the views and for <c>materials-complete</c>.</summary>
public sealed record MaterialsDefinition
{
    public required string Id { get; init; }
    public required LocalizedText Name { get; init; }
    public required IReadOnlyList<string> Documents { get; init; }
    /// <summary>Only for instances where a step's fact has one of some values (a per-mode checklist); null: always.</summary>
    public MaterialsCondition? When { get; init; }
}

/// <summary>A checklist applies when the latest <see cref="Step"/> that recorded <see cref="Fact"/> recorded one of <see cref="Values"/>.</summary>
public sealed record MaterialsCondition
{
    /// <summary>The steps to read the fact from, latest first (a resumed request's mode over the request's).</summary>
    public required IReadOnlyList<string> Steps { get; init; }
    public required string Fact { get; init; }
    public required IReadOnlyList<string> Values { get; init; }

    /// <summary>Whether the instance's facts meet the condition: the first of the steps (in order) that recorded the fact decides.</summary>
    public bool Holds(Execution.InstanceSnapshot instance) =>
        Steps.Select(step => instance.Occurrences(step).LastOrDefault(o => o[Fact] is not null)?[Fact])
            .FirstOrDefault(value => value is not null) is System.Text.Json.Nodes.JsonValue v
        && v.TryGetValue<string>(out var text) && Values.Contains(text);
}
