namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// A training class (培训班) held by an organization: for <c>activists</c>, <c>development-targets</c>,
/// <c>secretaries</c> or <c>party-workers</c>, with its days and class hours.
/// </summary>
public sealed class TrainingClass
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public Guid OrganizerId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public int Days { get; set; }
    public int ClassHours { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A person attended a class. The class's kind, end, days and hours are copied here (a class is
/// never changed), so that an action reads its subject's training from this one table in its one read.
/// </summary>
public sealed class TrainingAttendance
{
    public Guid Id { get; set; }
    public Guid ClassId { get; set; }
    public Guid PersonId { get; set; }
    public required string ClassKind { get; set; }
    public DateOnly EndsOn { get; set; }
    public int Days { get; set; }
    public int ClassHours { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
