using System.Text.Json.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Records;

/// <summary>
/// A training class held by an organization (the seed's: two a year for secretaries and party
/// workers, one for activists), with its dates, days and class hours. Attendance of an
/// <c>activists</c> or <c>development-targets</c> class counts towards <c>training-3-days-or-24-hours</c>.
/// </summary>
public sealed record CreateTrainingClass(string? Name, string? Kind, Guid? OrganizerId, DateOnly? StartsOn, DateOnly? EndsOn, int? Days, int? ClassHours)
    : ICommand<TrainingClassView>, IValidate, IIdempotent
{
    public static readonly string[] Kinds = ["activists", "development-targets", "secretaries", "party-workers"];

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    [JsonIgnore]
    public string IdempotencyScope => "POST /api/training-classes";

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return ("name", "is required / 必填");
        foreach (var problem in ContactDetails.MaxLength("name", Name, 200)) yield return problem;
        if (Kind is null) yield return ("kind", "is required / 必填");
        else if (!Kinds.Contains(Kind)) yield return ("kind", $"must be one of: {string.Join(", ", Kinds)}");
        if (OrganizerId is null) yield return ("organizerId", "is required: the organization that holds it / 必填：主办党组织");
        foreach (var problem in RecordDates.Past("startsOn", StartsOn).Concat(RecordDates.Past("endsOn", EndsOn))) yield return problem;
        if (StartsOn is { } starts && EndsOn is { } ends)
        {
            if (ends < starts) yield return ("endsOn", "must not be before startsOn / 不能早于开班日期");
            else if (Days is { } days && days > ends.DayNumber - starts.DayNumber + 1) yield return ("days", $"more days than the class lasts ({ends.DayNumber - starts.DayNumber + 1}) / 天数超过培训期间");
        }
        if (Days is null) yield return ("days", "is required / 必填");
        else if (Days is < 0 or > 366) yield return ("days", "must be between 0 and 366 / 应在 0 到 366 之间");
        if (ClassHours is null) yield return ("classHours", "is required / 必填");
        else if (ClassHours is < 0 or > 2000) yield return ("classHours", "must be between 0 and 2000 / 应在 0 到 2000 之间");
        if (Days == 0 && ClassHours == 0) yield return ("classHours", "a class has some days or some class hours / 天数与学时不能都为 0");
    }
}

public sealed record TrainingClassView(Guid Id, string Name, string Kind, Guid OrganizerId, DateOnly StartsOn, DateOnly EndsOn, int Days, int ClassHours,
    IReadOnlyList<Attendee> Attendees)
{
    public static TrainingClassView Of(TrainingClass c, IReadOnlyList<Attendee> attendees) =>
        new(c.Id, c.Name, c.Kind, c.OrganizerId, c.StartsOn, c.EndsOn, c.Days, c.ClassHours, attendees);
}

public sealed record Attendee(Guid PersonId, string Name);

public sealed class CreateTrainingClassHandler(PartyWorkflowDbContext db, Clock clock) : ICommandHandler<CreateTrainingClass, TrainingClassView>
{
    public async ValueTask<TrainingClassView> Handle(CreateTrainingClass command, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == command.OrganizerId, ct))
            throw InvalidInputException.For("organizerId", $"no party organization with id {command.OrganizerId} / 找不到此党组织");
        var training = new TrainingClass
        {
            Id = Guid.CreateVersion7(), Name = command.Name!.Trim(), Kind = command.Kind!, OrganizerId = command.OrganizerId!.Value,
            StartsOn = command.StartsOn!.Value, EndsOn = command.EndsOn!.Value, Days = command.Days!.Value, ClassHours = command.ClassHours!.Value, RecordedAt = clock.Now,
        };
        db.TrainingClasses.Add(training);
        return TrainingClassView.Of(training, []);
    }
}
