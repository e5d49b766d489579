using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>Valid, distinct citizen IDs for made-up people.</summary>
public static class CitizenIds
{
    private static int counter;

    public static string For(DateOnly birth)
    {
        var sequence = Interlocked.Increment(ref counter);
        var first17 = $"{310100 + sequence / 1000}{birth:yyyyMMdd}{sequence % 1000:D3}";
        return first17 + CitizenId.ExpectedCheckCharacter(first17);
    }

    public static string WithWrongCheckCharacter(DateOnly birth)
    {
        var valid = For(birth);
        var wrong = valid[17] == '1' ? '2' : '1';
        return valid[..17] + wrong;
    }
}
