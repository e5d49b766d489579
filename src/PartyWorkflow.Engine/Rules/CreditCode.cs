namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// The 18-character unified social credit code of GB 32100-2015 (rule <c>credit-code-valid</c>): an
/// alphabet of 31 characters (digits and capitals without I, O, Z, S, V), a check character over
/// the first 17 with weights 3^i mod 31.
/// </summary>
public static class CreditCode
{
    public const string RuleId = "credit-code-valid";
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper case, without the spaces people copy along.</summary>
    public static string Normalize(string code) => code.Trim().Replace(" ", "").ToUpperInvariant();

    public static char ExpectedCheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>What is wrong with the code, or null when it is valid.</summary>
    public static (string Zh, string En)? Problem(string? raw)
    {
        var code = Normalize(raw ?? "");
        if (code.Length != 18)
            return ($"统一社会信用代码应为18位，实际为{code.Length}位", $"a unified social credit code has 18 characters, this one has {code.Length}");
        var bad = code.FirstOrDefault(c => !Alphabet.Contains(c));
        if (bad != default)
            return ($"统一社会信用代码不能含有字符“{bad}”（不使用I、O、Z、S、V）", $"a unified social credit code cannot contain '{bad}' (I, O, Z, S and V are not used)");
        var expected = ExpectedCheckCharacter(code);
        if (code[17] != expected)
            return ($"统一社会信用代码校验码错误：应为{expected}，实际为{code[17]}", $"wrong check character in the unified social credit code: expected {expected}, got {code[17]}");
        return null;
    }
}
