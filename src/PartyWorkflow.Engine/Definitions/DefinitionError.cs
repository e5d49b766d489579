namespace PartyWorkflow.Engine.Definitions;

/// <summary>A problem in a definition file, located by file and JSON path so that its author can find it.</summary>
public sealed record DefinitionError(string File, string JsonPath, string Message)
{
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}

public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("Invalid workflow definitions:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
