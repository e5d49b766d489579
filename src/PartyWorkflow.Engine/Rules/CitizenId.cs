using System.Globalization;

namespace PartyWorkflow.Engine.Rules;

/// <summary>The 18-character resident identity number of GB 11643-1999.</summary>
public static class CitizenId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string Normalize(string id) => id.Trim().ToUpperInvariant();

    public static char ExpectedCheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>The problem with the number, or null when it is valid (then <paramref name="birthDate"/> is set).</summary>
    public static (string Zh, string En)? Problem(string? raw, out DateOnly birthDate)
    {
        birthDate = default;
        var id = Normalize(raw ?? "");
        if (id.Length != 18)
            return ($"公民身份号码应为18位，实际为{id.Length}位", $"a citizen ID has 18 characters, this one has {id.Length}");
        if (!id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
            return ("公民身份号码前17位应为数字，末位为数字或X", "the first 17 characters must be digits and the last a digit or X");
        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
            || birthDate.Year < 1900 || birthDate.Year > 2100)
            return ($"公民身份号码中的出生日期{id.Substring(6, 8)}不是有效日期", $"the birth date {id.Substring(6, 8)} in the citizen ID is not a real date");
        var expected = ExpectedCheckCharacter(id);
        if (id[17] != expected)
            return ($"公民身份号码校验码错误：应为{expected}，实际为{id[17]}", $"wrong check character in the citizen ID: expected {expected}, got {id[17]}");
        return null;
    }
}
