using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Units;

/// <summary><c>PATCH</c>: the fields given change, others stay; closing a unit is setting <c>closedOn</c>.</summary>
public sealed record UpdateUnit(Guid Id, UnitFields Changes, int? ExpectedVersion = null) : ICommand<UnitView>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate() => Changes.CheckShape(creating: false);
}

public sealed class UpdateUnitHandler(PartyWorkflowDbContext db, WorkflowCatalog catalog, UnitCounts counts) : ICommandHandler<UpdateUnit, UnitView>
{
    public async ValueTask<UnitView> Handle(UpdateUnit command, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == command.Id, ct) ?? throw new NotFoundException("unit", command.Id.ToString());
        if (command.ExpectedVersion is { } expected && expected != unit.Version) throw new PreconditionFailedException(expected, unit.Version);
        var c = command.Changes;
        var unmet = c.CheckRules(catalog.Reference, c.FoundedOn ?? unit.FoundedOn, c.ClosedOn ?? unit.ClosedOn);
        if (unmet.Count > 0) throw new RuleRefusalException(unmet);
        if (c.CreditCode is not null)
        {
            var code = Engine.Rules.CreditCode.Normalize(c.CreditCode);
            if (code != unit.CreditCode && await db.Units.AnyAsync(u => u.CreditCode == code, ct))
                throw new ConflictException($"a unit with the unified social credit code {code} is already registered / 统一社会信用代码 {code} 已登记");
        }
        c.ApplyTo(unit);
        if (db.ChangeTracker.HasChanges()) unit.Version += 1;
        await db.SaveChangesAsync(ct);
        return await counts.ViewAsync(unit, ct);
    }
}
