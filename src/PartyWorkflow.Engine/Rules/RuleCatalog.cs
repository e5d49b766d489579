using System.Diagnostics.CodeAnalysis;

namespace PartyWorkflow.Engine.Rules;

/// <summary>The rules the engine implements, by id.</summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, IRule> rules;

    public RuleCatalog(IEnumerable<IRule> rules) => this.rules = rules.ToDictionary(r => r.Id);

    public static RuleCatalog Default { get; } = new(
    [
        new CitizenIdValid(),
        new ApplicantAge18(),
        new NoOpenApplication(),
        new DateOrder(),
        new MeetingQuorum(),
        new TallyConsistent(),
        new MajorityOfEntitled(),
        new ActivistTrainingOneYear(),
        new ProbationOneYear(),
        new FullMembershipDate(),
        new ProbationExtension(),
    ]);

    public IReadOnlyCollection<string> Ids => rules.Keys;

    public bool TryGet(string id, [NotNullWhen(true)] out IRule? rule) => rules.TryGetValue(id, out rule);

    public IRule Get(string id) => rules[id];
}
