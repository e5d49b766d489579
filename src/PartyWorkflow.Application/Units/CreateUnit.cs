using System.Text.Json.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;
using Unit = PartyWorkflow.Persistence.Entities.Unit;

namespace PartyWorkflow.Application.Units;

/// <summary>Registers an enterprise or social organization; its credit code is checked and unique.</summary>
public sealed record CreateUnit(UnitFields Fields) : ICommand<UnitView>, IValidate, IIdempotent
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    [JsonIgnore]
    public string IdempotencyScope => "POST /api/units";

    public IEnumerable<(string Field, string Message)> Validate() => Fields.CheckShape(creating: true);
}

public sealed class CreateUnitHandler(PartyWorkflowDbContext db, WorkflowCatalog catalog, Clock clock) : ICommandHandler<CreateUnit, UnitView>
{
    public async ValueTask<UnitView> Handle(CreateUnit command, CancellationToken ct)
    {
        var f = command.Fields;
        var unmet = f.CheckRules(catalog.Reference, f.FoundedOn, f.ClosedOn);
        if (unmet.Count > 0) throw new RuleRefusalException(unmet);
        var code = Engine.Rules.CreditCode.Normalize(f.CreditCode!);
        if (await db.Units.AnyAsync(u => u.CreditCode == code, ct))
            throw new ConflictException($"a unit with the unified social credit code {code} is already registered / 统一社会信用代码 {code} 已登记");
        var unit = new Unit { Id = Guid.CreateVersion7(), Name = "", Type = "", CreditCode = "", CountyCode = "", CreatedAt = clock.Now };
        f.ApplyTo(unit);
        db.Units.Add(unit);
        return UnitView.From(unit);
    }
}
