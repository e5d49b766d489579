using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Application.Registry;

/// <summary>Only full members not under 留党察看 vote (and so sponsor and act as contacts).</summary>
public static class VotingRights
{
    public static readonly RuleMessage Unmet = new("voting-rights-full-members-only", new LocalizedText(
        "只有未受留党察看处分的正式党员有表决权，预备党员没有表决权",
        "only full members not under 留党察看 have voting rights; probationary members have none"));

    public static RuleRefusalException Refusal() => new([Unmet]);
}
