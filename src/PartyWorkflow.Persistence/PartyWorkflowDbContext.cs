using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Persistence;

/// <summary>
/// The one DbContext. Handlers use it directly (no repositories): each use case reads and writes
/// what it needs in one transaction, and that is easier to follow than a layer of indirection.
/// </summary>
/// <remarks>Identity's user tables live here too (<see cref="AppUser"/>); roles are the project's own <see cref="RoleAssignment"/>s, each with a scope.</remarks>
public sealed class PartyWorkflowDbContext(DbContextOptions<PartyWorkflowDbContext> options)
    : Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityUserContext<AppUser, Guid>(options),
        Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring (sign-in cookies and tokens), shared by every server process on the database.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
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
        base.OnModelCreating(model);
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
