namespace PartyWorkflow.Application.Registry;

/// <summary>The Chinese names of the registry's ids, for spreadsheets people read.</summary>
public static class RegistryNames
{
    public static string? Kind(string? kind) => kind switch
    {
        "branch" => "党支部",
        "general-branch" => "党总支",
        "party-committee" => "党委",
        "work-committee" => "两新工委",
        _ => kind,
    };

    public static string? Mode(string? mode) => mode switch
    {
        "standalone" => "单独组建",
        "joint" => "联合组建",
        "affiliated" => "挂靠组建",
        "dispatched" => "派员组建",
        "functional" => "功能型党组织",
        _ => mode,
    };

    public static string UnitType(string type) => type == "social-organization" ? "社会组织" : "非公有制经济组织";
}
