using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Persistence.Configuration;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organizations");
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Kind).HasMaxLength(40);
        b.Property(o => o.Email).HasMaxLength(200);
        b.Property(o => o.Jurisdiction).HasMaxLength(100);
        b.Property(o => o.CountyCode).HasMaxLength(12);
        b.Property(o => o.FormationMode).HasMaxLength(20);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.ParentId);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Gender).HasMaxLength(10);
        b.Property(p => p.Ethnicity).HasMaxLength(50);
        b.Property(p => p.CitizenIdHash).HasMaxLength(64);
        b.Property(p => p.CitizenIdSealed).HasMaxLength(200);
        b.Property(p => p.CitizenIdMasked).HasMaxLength(18);
        b.Property(p => p.PhoneSealed).HasMaxLength(200);
        b.Property(p => p.PhoneMasked).HasMaxLength(32);
        b.Property(p => p.Email).HasMaxLength(200);
        b.Property(p => p.Education).HasMaxLength(100);
        b.Property(p => p.OccupationCategory).HasMaxLength(40);
        b.Property(p => p.Membership).HasMaxLength(20);
        b.Property(p => p.PartyGroup).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.CitizenIdHash).IsUnique();
        b.HasIndex(p => p.BranchId);
        b.HasIndex(p => p.UnitId);
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> b)
    {
        b.ToTable("instances");
        b.Property(i => i.HistoryHead).HasMaxLength(64);
        b.Property(i => i.DefinitionId).HasMaxLength(100);
        b.Property(i => i.State).HasMaxLength(100);
        b.Property(i => i.Stage).HasMaxLength(100);
        b.Property(i => i.JurisdictionId).HasMaxLength(100);
        b.Property(i => i.SubjectKind).HasMaxLength(40);
        b.Property(i => i.SubjectName).HasMaxLength(200);
        b.Property(i => i.AwaitedRoles).HasMaxLength(400);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => i.OrganizationId);
        b.HasIndex(i => new { i.SubjectKind, i.SubjectId });
        b.HasIndex(i => new { i.DefinitionId, i.IsOpen });
    }
}

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> b)
    {
        b.ToTable("history");
        b.Property(h => h.ActorRole).HasMaxLength(40);
        b.Property(h => h.ActionId).HasMaxLength(100);
        b.Property(h => h.FromState).HasMaxLength(100);
        b.Property(h => h.ToState).HasMaxLength(100);
        b.Property(h => h.Outcome).HasMaxLength(100);
        b.Property(h => h.Address).HasMaxLength(64);
        b.Property(h => h.Hash).HasMaxLength(64);
        b.HasIndex(h => new { h.InstanceId, h.Sequence }).IsUnique();
    }
}

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> b)
    {
        b.ToTable("deadlines");
        b.Property(d => d.Kind).HasMaxLength(100);
        b.Property(d => d.DefinitionId).HasMaxLength(100);
        b.HasIndex(d => new { d.IsOpen, d.DueDate });
        b.HasIndex(d => new { d.IsOpen, d.NextReminderOn });
        b.HasIndex(d => d.InstanceId);
        b.Property(d => d.SubjectKind).HasMaxLength(40);
    }
}

internal sealed class SubjectLockConfiguration : IEntityTypeConfiguration<SubjectLock>
{
    public void Configure(EntityTypeBuilder<SubjectLock> b)
    {
        b.ToTable("subject_locks");
        b.HasKey(l => new { l.Constraint, l.Key });
        b.Property(l => l.Constraint).HasMaxLength(100);
        b.Property(l => l.Key).HasMaxLength(100);
        b.HasIndex(l => l.InstanceId);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_records");
        b.HasKey(r => new { r.Scope, r.Key });
        b.Property(r => r.Scope).HasMaxLength(200);
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.HasIndex(r => r.CreatedAt);
    }
}
