using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Execution;
using Stateless;

namespace PartyWorkflow.Benchmarks;

/// <summary>
/// One engine decision with its rules (assigning training contacts: the fact schema, the contacts
/// rule, date order, the outcome and its Stateless transition) against a bare Stateless machine
/// configured and fired once: the ratio is what the engine adds to the library it is built on.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly Guid Contact = Guid.NewGuid();
    private static readonly Guid Applicant = Guid.NewGuid();
    private CompiledWorkflow workflow = null!;
    private WorkflowEngine engine = null!;
    private InstanceSnapshot instance = null!;
    private RegistrySnapshot registry = null!;
    private string facts = "";

    [GlobalSetup]
    public void Setup()
    {
        var (catalog, errors) = WorkflowCatalog.Load(RepositoryPaths.Resolve("workflows"));
        if (catalog is null) throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        workflow = catalog.Find("member-development", 1)!;
        engine = new WorkflowEngine(catalog.Rules);
        instance = new InstanceSnapshot
        {
            State = "file-activist-record",
            SubjectId = Applicant,
            LastStepDate = new DateOnly(2026, 1, 10),
            Facts = new JsonObject { ["confirm-activist"] = new JsonObject { ["date"] = "2026-01-05" } },
        };
        registry = new RegistrySnapshot
        {
            People = new Dictionary<Guid, PersonSnapshot>
            {
                [Contact] = new(Contact, "full", true, null),
            },
        };
        facts = new JsonObject { ["date"] = "2026-01-12", ["contactIds"] = new JsonArray(Contact.ToString()) }.ToJsonString();
        // A benchmark of a refusal would measure the wrong path.
        if (EngineDecision() is not Accepted) throw new InvalidOperationException($"the benchmarked action is not accepted: {EngineDecision()}");
    }

    [Benchmark(Baseline = true)]
    public string StatelessConfigureAndFire()
    {
        var state = "file-activist-record";
        var machine = new StateMachine<string, string>(() => state, s => state = s);
        machine.Configure("file-activist-record").Permit("assign-contacts", "assign-contacts");
        machine.Configure("assign-contacts");
        machine.Fire("assign-contacts");
        return state;
    }

    [Benchmark]
    public Decision EngineDecision() => engine.Decide(workflow, instance, new ActionRequest
    {
        ActionId = "assign-contacts",
        Facts = JsonNode.Parse(facts)!.AsObject(),
        ActorId = Contact,
        ActorRole = "branch",
        Today = new DateOnly(2026, 2, 1),
        Registry = registry,
    });
}
