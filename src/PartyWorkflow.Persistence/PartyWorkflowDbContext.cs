using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Persistence;

/// <summary>
/// The one DbContext. Handlers use it directly (no repositories): each use case reads and writes
/// what it needs in one transaction, and that is easier to follow than a layer of indirection.
/// </summary>
public sealed class PartyWorkflowDbContext(DbContextOptions<PartyWorkflowDbContext> options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<EmailMessage> EmailOutbox => Set<EmailMessage>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<SchedulerNode> SchedulerNodes => Set<SchedulerNode>();
    public DbSet<SubjectLock> SubjectLocks => Set<SubjectLock>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitCoverage> UnitCoverage => Set<UnitCoverage>();
    public DbSet<UnitAssignment> UnitAssignments => Set<UnitAssignment>();
    public DbSet<OrganizationTerm> OrganizationTerms => Set<OrganizationTerm>();
    public DbSet<FundsPayment> FundsPayments => Set<FundsPayment>();
    public DbSet<UnitMemberCount> UnitMemberCounts => Set<UnitMemberCount>();
    public DbSet<Plaque> Plaques => Set<Plaque>();
    public DbSet<EstablishmentRequest> EstablishmentRequests => Set<EstablishmentRequest>();
    public DbSet<EstablishmentFoundingMember> EstablishmentFoundingMembers => Set<EstablishmentFoundingMember>();
    public DbSet<TemporaryAppointment> TemporaryAppointments => Set<TemporaryAppointment>();
    public DbSet<OrganizationAdjustment> OrganizationAdjustments => Set<OrganizationAdjustment>();
    public DbSet<WelcomePackageItem> WelcomePackageItems => Set<WelcomePackageItem>();
    public DbSet<RegistryRecord> RegistryRecords => Set<RegistryRecord>();
    public DbSet<TrainingClass> TrainingClasses => Set<TrainingClass>();
    public DbSet<TrainingAttendance> TrainingAttendance => Set<TrainingAttendance>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(PartyWorkflowDbContext).Assembly);
        if (Database.IsSqlite())
        {
            // SQLite cannot compare DateTimeOffset in SQL; stored as a sortable integer it can.
            foreach (var property in model.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                         .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
                property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
        }
    }
}
