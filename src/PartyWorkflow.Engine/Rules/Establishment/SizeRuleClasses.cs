namespace PartyWorkflow.Engine.Rules;

/// <summary><c>standalone-min-3-full-members</c>: a standalone request names one unit, and it has 3 or more full members.</summary>
public sealed class StandaloneMinThreeFullMembers : IRule
{
    public string Id => "standalone-min-3-full-members";

    public RuleContract Contract { get; } = new() { Parameters = [RequestUnits.UnitsFact, RuleParameter.Integer("min", 3, minimum: 1)], Fields = [RuleFact.Named("unitIds", optional: true)] };

    public RuleResult Evaluate(RuleContext context)
    {
        var request = RequestUnits.From(context);
        // On resume-as-standalone the action's mode is standalone: the rule guards it too.
        if (request.Mode != "standalone") return RuleResult.Pass;
        var min = context.IntParameter("min");
        if (request.Units.Count != 1)
            return RuleResult.Fail($"单独组建只能针对一个单位，本请示列了{request.Units.Count}个", $"a standalone organization is for one unit; the request names {request.Units.Count}");
        var full = request.Units[0].FullMembers;
        return full >= min ? RuleResult.Pass
            : RuleResult.Fail($"{request.Units[0].Name}正式党员{full}名，单独组建应不少于{min}名", $"{request.Units[0].Name} has {full} full member(s); standalone needs at least {min}");
    }
}

/// <summary><c>joint-2-to-5-units</c>: a joint request names 2 to 5 units.</summary>
public sealed class JointTwoToFiveUnits : IRule
{
    public string Id => "joint-2-to-5-units";

    public RuleContract Contract { get; } = new() { Parameters = [RequestUnits.UnitsFact, RuleParameter.Integer("min", 2, minimum: 2), RuleParameter.Integer("max", 5, minimum: 2)], Fields = [RuleFact.Named("unitIds", optional: true)] };

    public RuleResult Evaluate(RuleContext context)
    {
        var request = RequestUnits.From(context);
        if (request.Mode != "joint") return RuleResult.Pass;
        int min = context.IntParameter("min"), max = context.IntParameter("max"), count = request.Units.Count;
        return count >= min && count <= max ? RuleResult.Pass
            : RuleResult.Fail($"联合组建应覆盖{min}至{max}个单位，本请示列了{count}个", $"a joint organization covers {min} to {max} units; the request names {count}");
    }
}

/// <summary><c>joint-only-below-3</c>: each unit of a joint request has fewer than 3 full members (else it should stand alone).</summary>
public sealed class JointOnlyBelowThree : IRule
{
    public string Id => "joint-only-below-3";

    public RuleContract Contract { get; } = new() { Parameters = [RequestUnits.UnitsFact, RuleParameter.Integer("min", 3, minimum: 1)], Fields = [RuleFact.Named("unitIds", optional: true)] };

    public RuleResult Evaluate(RuleContext context)
    {
        var request = RequestUnits.From(context);
        if (request.Mode != "joint") return RuleResult.Pass;
        var min = context.IntParameter("min");
        var large = request.Units.Where(u => u.FullMembers >= min).ToList();
        return large.Count == 0 ? RuleResult.Pass
            : RuleResult.Fail($"{string.Join("、", large.Select(u => u.Name))}正式党员已达{min}名以上，应单独组建",
                $"{string.Join(", ", large.Select(u => u.Name))} has {min} or more full members and should stand alone");
    }
}

/// <summary><c>joint-same-county-or-industry</c>: the units of a joint request share a county or an industry.</summary>
public sealed class JointSameCountyOrIndustry : IRule
{
    public string Id => "joint-same-county-or-industry";

    public RuleContract Contract { get; } = new() { Parameters = [RequestUnits.UnitsFact], Fields = [RuleFact.Named("unitIds", optional: true)] };

    public RuleResult Evaluate(RuleContext context)
    {
        var request = RequestUnits.From(context);
        if (request.Mode != "joint" || request.Units.Count < 2) return RuleResult.Pass;
        var sameCounty = request.Units.Select(u => u.CountyCode).Distinct().Count() == 1;
        var sameIndustry = request.Units.All(u => u.IndustryCode is not null) && request.Units.Select(u => u.IndustryCode).Distinct().Count() == 1;
        return sameCounty || sameIndustry ? RuleResult.Pass
            : RuleResult.Fail("联合组建的单位应在同一县（市）或属同一行业", "the units of a joint organization share a county or an industry");
    }
}

/// <summary><c>joint-min-3-full-members</c>: the units of a joint request have 3 or more full members together.</summary>
public sealed class JointMinThreeFullMembers : IRule
{
    public string Id => "joint-min-3-full-members";

    public RuleContract Contract { get; } = new() { Parameters = [RequestUnits.UnitsFact, RuleParameter.Integer("min", 3, minimum: 1)], Fields = [RuleFact.Named("unitIds", optional: true)] };

    public RuleResult Evaluate(RuleContext context)
    {
        var request = RequestUnits.From(context);
        if (request.Mode != "joint") return RuleResult.Pass;
        var min = context.IntParameter("min");
        return request.FullMembers >= min ? RuleResult.Pass
            : RuleResult.Fail($"联合组建的单位共有正式党员{request.FullMembers}名，应不少于{min}名", $"the units together have {request.FullMembers} full member(s); at least {min} are required");
    }
}
