using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Records;

/// <summary>
/// Who attended a class, once it has ended: people already on its list stay once, so the same list
/// sent twice changes nothing. An applicant's attendance of an activists' or development targets'
/// class is what <c>training-3-days-or-24-hours</c> reads at step 12, beside step 11's own record.
/// </summary>
public sealed record RecordAttendance(Guid ClassId, IReadOnlyList<Guid>? PersonIds) : ICommand<AttendanceResult>, IValidate
{
    public const int MaxPeople = 500;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (PersonIds is null || PersonIds.Count == 0) yield return ("personIds", "name at least one person / 至少一人");
        else if (PersonIds.Count > MaxPeople) yield return ("personIds", $"at most {MaxPeople} at once / 每次最多 {MaxPeople} 人");
        else if (PersonIds.Distinct().Count() != PersonIds.Count) yield return ("personIds", "a person is listed twice / 有人重复");
    }
}

public sealed record AttendanceResult(Guid ClassId, int Added, int AlreadyListed);

public sealed class RecordAttendanceHandler(PartyWorkflowDbContext db, Clock clock) : ICommandHandler<RecordAttendance, AttendanceResult>
{
    public async ValueTask<AttendanceResult> Handle(RecordAttendance command, CancellationToken ct)
    {
        var training = await db.TrainingClasses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.ClassId, ct)
                       ?? throw new NotFoundException("training class", command.ClassId.ToString());
        if (training.EndsOn > clock.Today)
            throw InvalidInputException.For("personIds", $"the class ends on {training.EndsOn:yyyy-MM-dd}: attendance is recorded once it has / 培训班结束后再登记出勤");
        var ids = command.PersonIds!;
        var known = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (ids.Except(known).FirstOrDefault() is var unknown && unknown != Guid.Empty)
            throw InvalidInputException.For($"personIds[{ids.ToList().IndexOf(unknown)}]", $"no person with id {unknown} / 找不到此人");
        var listed = await db.TrainingAttendance.AsNoTracking().Where(a => a.ClassId == training.Id && ids.Contains(a.PersonId)).Select(a => a.PersonId).ToListAsync(ct);
        var now = clock.Now;
        var added = ids.Except(listed).Select(id => new TrainingAttendance
        {
            Id = Guid.CreateVersion7(), ClassId = training.Id, PersonId = id, ClassKind = training.Kind, EndsOn = training.EndsOn,
            Days = training.Days, ClassHours = training.ClassHours, RecordedAt = now,
        }).ToList();
        db.TrainingAttendance.AddRange(added);
        return new AttendanceResult(training.Id, added.Count, listed.Count);
    }
}
