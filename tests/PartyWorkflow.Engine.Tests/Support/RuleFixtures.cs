using System.Globalization;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Engine.Tests.Support;

/// <summary>Instances, registries and contexts for rules that look past the action's own facts.</summary>
internal static class RuleFixtures
{
    public static DateOnly Day(string yyyyMMdd) => DateOnly.ParseExact(yyyyMMdd, FactReader.DateFormat, CultureInfo.InvariantCulture);

    /// <summary>An instance whose stored facts, by step id, are the given JSON (an object per step, an array for repeating steps).</summary>
    public static InstanceSnapshot InstanceWithFacts(string factsByStep) =>
        InstanceSnapshot.New with { Facts = JsonObjects.Parse(factsByStep) };

    public static InstanceSnapshot InstanceWithDates(params (string Name, string Date)[] dates) =>
        InstanceSnapshot.New with { Dates = dates.ToDictionary(d => d.Name, d => Day(d.Date)) };

    public static RegistrySnapshot WithPeople(params PersonSnapshot[] people) =>
        new() { People = people.ToDictionary(p => p.Id) };

    public static RegistrySnapshot WithOrganizations(params OrganizationSnapshot[] organizations) =>
        new() { Organizations = organizations.ToDictionary(o => o.Id) };

    public static PersonSnapshot FullMember(Guid id) => new(id, "full", HasVotingRights: true, BranchId: TestRegistry.Branch);

    /// <summary>A context as the engine builds it for an action, with a registry.</summary>
    public static RuleContext Context(IRule rule, string facts, RegistrySnapshot registry, InstanceSnapshot? instance = null, string parameters = "{}") =>
        RuleCheck.Context(rule, facts, instance, parameters: parameters) with { Registry = registry };

    /// <summary>A context as the engine builds it to preview a next action: no facts, an empty registry, today.</summary>
    public static RuleContext PreviewContext(IRule rule, InstanceSnapshot instance, string today, string parameters = "{}") =>
        RuleCheck.Context(rule, "{}", instance, Day(today), parameters);
}
