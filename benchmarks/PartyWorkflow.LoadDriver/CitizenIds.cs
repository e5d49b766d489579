namespace PartyWorkflow.LoadDriver;

/// <summary>
/// Valid, distinct 18-character citizen IDs (GB 11643-1999) for made-up people: the server refuses a
/// wrong check character, and one person may have only one open application, so every applicant
/// needs a number of their own. The algorithm is the engine's, copied so the driver stays a client.
/// </summary>
public static class CitizenIds
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static long counter;

    public static string For(DateOnly birth)
    {
        var sequence = Interlocked.Increment(ref counter);
        // A six-digit area code that moves on every thousand people, then the birth date and a three-digit sequence.
        var first17 = $"{110000 + sequence / 1000}{birth:yyyyMMdd}{sequence % 1000:D3}";
        return first17 + CheckCharacter(first17);
    }

    private static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
