namespace PartyWorkflow.Application.Records;

/// <summary>
/// The welcome package (四送四赠) a work committee delivers to a new organization: four things sent
/// to the organization (四送) and four given to its members (四赠), checked off item by item.
/// </summary>
public static class WelcomePackage
{
    public sealed record Item(string Id, string Zh, string En, string Group);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("party-flag", "党旗", "party flag", "四送"),
        new("plaque", "党组织牌匾", "plaque", "四送"),
        new("seal", "印章", "seal", "四送"),
        new("materials", "学习资料", "study materials", "四送"),
        new("badge", "党徽", "party badge", "四赠"),
        new("constitution", "党章", "party constitution", "四赠"),
        new("pen", "笔", "pen", "四赠"),
        new("notebook", "笔记本", "notebook", "四赠"),
    ];
}
