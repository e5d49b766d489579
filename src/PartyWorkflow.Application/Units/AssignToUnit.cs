using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Instances;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Units;

/// <summary>
/// Dispatches a party-building instructor or a first secretary to a unit for a period: the party's
/// work covers the unit meanwhile. Above <see cref="MaxUnits"/> units at once the answer carries the
/// warning <c>instructor-max-units</c>; the assignment is still recorded.
/// </summary>
public sealed record AssignToUnit(Guid UnitId, Guid? PersonId, string? Role, DateOnly? From, DateOnly? To) : ICommand<AssignmentView>, IValidate
{
    public const int MaxUnits = 5;
    public static readonly string[] Roles = ["instructor", "first-secretary"];

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (PersonId is null) yield return ("personId", "is required / 必填");
        if (Role is null) yield return ("role", "is required / 必填");
        else if (!Roles.Contains(Role)) yield return ("role", $"must be one of: {string.Join(", ", Roles)}");
        if (From is null) yield return ("from", "is required / 必填");
        else if (From is { Year: < 1921 or > 2100 }) yield return ("from", "must be a date between 1921 and 2100");
        if (To is { } to && From is { } from && to <= from) yield return ("to", "must be after from / 结束日期应晚于开始日期");
    }
}

public sealed record AssignmentView(Guid Id, Guid UnitId, Guid PersonId, string Role, DateOnly From, DateOnly? To)
{
    public IReadOnlyList<RuleMessageView> Warnings { get; init; } = [];

    public static AssignmentView Of(UnitAssignment a) => new(a.Id, a.UnitId, a.PersonId, a.Role, a.From, a.To);
}

public sealed class AssignToUnitHandler(PartyWorkflowDbContext db, Clock clock) : ICommandHandler<AssignToUnit, AssignmentView>
{
    public async ValueTask<AssignmentView> Handle(AssignToUnit command, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == command.UnitId, ct)
                   ?? throw new NotFoundException("unit", command.UnitId.ToString());
        if (!await db.People.AnyAsync(p => p.Id == command.PersonId, ct))
            throw RuleRefusalException.For("person-exists", $"personId：找不到编号为 {command.PersonId} 的人员", $"personId: no person with id {command.PersonId}");
        var from = command.From!.Value;
        if (unit.ClosedOn is { } closed && closed <= from)
            throw RuleRefusalException.For("unit-in-operation", $"{unit.Name} 已于 {closed:yyyy-MM-dd} 注销", $"{unit.Name} closed on {closed:yyyy-MM-dd}");
        // The units this person looks after on any day of the new period: this one again is a conflict,
        // the others count towards instructor-max-units.
        var overlapping = await db.UnitAssignments.AsNoTracking()
            .Where(a => a.PersonId == command.PersonId && (a.To == null || a.To > from) && (command.To == null || a.From < command.To))
            .Select(a => a.UnitId).Distinct().ToListAsync(ct);
        if (overlapping.Contains(unit.Id))
            throw new ConflictException("this person is already assigned to this unit for that period / 该人员在此期间已派驻该单位");
        var others = overlapping.Count;
        var assignment = new UnitAssignment
        {
            Id = Guid.CreateVersion7(), UnitId = unit.Id, PersonId = command.PersonId!.Value, Role = command.Role!, From = from, To = command.To, CreatedAt = clock.Now,
        };
        db.UnitAssignments.Add(assignment);
        var warnings = others + 1 > AssignToUnit.MaxUnits
            ? [RuleMessageView.From(new RuleMessage("instructor-max-units", new LocalizedText(
                $"该人员同时联系 {others + 1} 个单位，超过 {AssignToUnit.MaxUnits} 个", $"this person would look after {others + 1} units at once, more than {AssignToUnit.MaxUnits}")))]
            : new List<RuleMessageView>();
        return AssignmentView.Of(assignment) with { Warnings = warnings };
    }
}
