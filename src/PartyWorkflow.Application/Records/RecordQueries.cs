using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Records;

public sealed record GetTrainingClass(Guid Id) : IQuery<TrainingClassView>;

/// <summary>
/// An organization's plaques (the newest on the wall), its welcome-package checklist, its latest
/// records and, for a temporary organization, the secretary and members its approval appointed.
/// </summary>
public sealed record GetOrganizationRecords(Guid Id) : IQuery<OrganizationRecords>;

public sealed record OrganizationRecords(Guid OrganizationId, PlaqueView? Plaque, IReadOnlyList<PlaqueView> Plaques,
    IReadOnlyList<WelcomeItemView> WelcomePackage, bool WelcomePackageComplete, IReadOnlyList<RecordView> Records, IReadOnlyList<AppointmentView> Appointments);

/// <summary>An appointed secretary or member of a temporary organization.</summary>
public sealed record AppointmentView(Guid PersonId, string Name, string Role, DateOnly From);

public sealed class RecordQueryHandlers(PartyWorkflowDbContext db) : IQueryHandler<GetTrainingClass, TrainingClassView>, IQueryHandler<GetOrganizationRecords, OrganizationRecords>
{
    public const int LatestRecords = 50;

    public async ValueTask<TrainingClassView> Handle(GetTrainingClass query, CancellationToken ct)
    {
        var training = await db.TrainingClasses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, ct)
                       ?? throw new NotFoundException("training class", query.Id.ToString());
        var attendees = await db.TrainingAttendance.AsNoTracking().Where(a => a.ClassId == training.Id)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => p)
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => new Attendee(p.Id, p.Name)).ToListAsync(ct);
        return TrainingClassView.Of(training, attendees);
    }

    public async ValueTask<OrganizationRecords> Handle(GetOrganizationRecords query, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == query.Id, ct)) throw new NotFoundException("organization", query.Id.ToString());
        var plaques = (await db.Plaques.AsNoTracking().Where(p => p.OrganizationId == query.Id).ToListAsync(ct))
            .OrderByDescending(p => p.HungOn).ThenByDescending(p => p.RecordedAt).Select(PlaqueView.Of).ToList();
        var delivered = await db.WelcomePackageItems.AsNoTracking().Where(w => w.OrganizationId == query.Id).ToDictionaryAsync(w => w.Item, ct);
        var checklist = WelcomePackage.Items.Select(i => new WelcomeItemView(i.Id, i.Zh, i.En, i.Group,
            delivered.GetValueOrDefault(i.Id)?.DeliveredOn, delivered.GetValueOrDefault(i.Id)?.Notes)).ToList();
        var records = await db.RegistryRecords.AsNoTracking().Where(r => r.OrganizationId == query.Id)
            .OrderByDescending(r => r.On).ThenByDescending(r => r.Id).Take(LatestRecords)
            .Select(r => new { Record = r, Name = db.People.Where(p => p.Id == r.PersonId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var appointments = await db.TemporaryAppointments.AsNoTracking().Where(a => a.OrganizationId == query.Id)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new AppointmentView(p.Id, p.Name, a.Role, a.From))
            .ToListAsync(ct);
        return new OrganizationRecords(query.Id, plaques.FirstOrDefault(), plaques, checklist, checklist.All(i => i.DeliveredOn is not null),
            records.Select(x => RecordView.Of(x.Record, x.Name)).ToList(),
            appointments.OrderBy(a => a.Role == "secretary" ? 0 : 1).ThenBy(a => a.Name, StringComparer.Ordinal).ToList());
    }
}
