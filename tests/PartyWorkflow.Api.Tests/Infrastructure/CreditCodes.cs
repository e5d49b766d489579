using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>Valid, distinct unified social credit codes for made-up units.</summary>
public static class CreditCodes
{
    private static int counter;

    public static string Next()
    {
        var sequence = Interlocked.Increment(ref counter) + Environment.ProcessId % 1000 * 100_000;
        // 9 (registered with market regulation) 1 (enterprise), a division code, then a 9-character body.
        var first17 = $"91990101{sequence:D9}";
        return first17 + CreditCode.ExpectedCheckCharacter(first17);
    }

    public static string WithWrongCheckCharacter()
    {
        var valid = Next();
        return valid[..17] + (valid[17] == '1' ? '2' : '1');
    }
}
