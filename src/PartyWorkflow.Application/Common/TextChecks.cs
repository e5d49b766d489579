namespace PartyWorkflow.Application.Common;

/// <summary>Text as people type it: tabs and line breaks, never other control characters.</summary>
public static class TextChecks
{
    public const string LoneSurrogateMessage = "is not valid UTF-16 text (a lone surrogate such as \\ud800)";

    public const string ControlCharacterMessage = "must not contain control characters (such as U+0000)";

    public static bool HasControlCharacter(string text) => text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
}
