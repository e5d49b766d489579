namespace PartyWorkflow.LoadDriver.Registry;

/// <summary>
/// Valid, distinct unified social credit codes (GB 32100-2015) for made-up units: the importer refuses
/// a wrong check character and matches units by code. The check character is the engine's algorithm,
/// copied so that the driver stays a client.
/// </summary>
public static class CreditCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// 9 (registered with market regulation), 1 (enterprise), a division code, then a 9-digit body made
    /// of the batch and the sequence within it: each import round has its own batch, so its file creates.
    /// </summary>
    public static string For(int batch, int sequence)
    {
        var first17 = $"91990101{batch:D2}{sequence:D7}";
        return first17 + CheckCharacter(first17);
    }

    private static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }
}
