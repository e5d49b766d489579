namespace PartyWorkflow.Engine.Definitions;

/// <summary>Text shown to people: Chinese first, English beside it.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public override string ToString() => $"{Zh} / {En}";
}
