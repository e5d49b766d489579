using System.Globalization;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Engine.Tests.Support;

/// <summary>Citizen IDs for tests: a Beijing region code, the birth date, a sequence and a correct check character.</summary>
internal static class CitizenIds
{
    private const string Region = "110101";

    public static string Valid(DateOnly birth, string sequence = "123") =>
        WithCheckCharacter(Region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence);

    /// <summary>A correct check character after birth digits that need not be a real date.</summary>
    public static string WithBirthDigits(string yyyyMMdd) => WithCheckCharacter(Region + yyyyMMdd + "123");

    /// <summary>A valid ID whose check character is X.</summary>
    public static string EndingInX(DateOnly birth) =>
        Enumerable.Range(0, 1000).Select(n => Valid(birth, n.ToString("D3", CultureInfo.InvariantCulture))).First(id => id[17] == 'X');

    private static string WithCheckCharacter(string first17) => first17 + CitizenId.ExpectedCheckCharacter(first17);
}
