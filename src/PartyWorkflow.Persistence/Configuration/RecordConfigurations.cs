using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Persistence.Configuration;

internal sealed class PlaqueConfiguration : IEntityTypeConfiguration<Plaque>
{
    public void Configure(EntityTypeBuilder<Plaque> b)
    {
        b.ToTable("plaques");
        b.Property(p => p.Kind).HasMaxLength(10);
        b.Property(p => p.Location).HasMaxLength(200);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.OrganizationId);
    }
}

internal sealed class WelcomePackageItemConfiguration : IEntityTypeConfiguration<WelcomePackageItem>
{
    public void Configure(EntityTypeBuilder<WelcomePackageItem> b)
    {
        b.ToTable("welcome_package_items");
        b.Property(w => w.Item).HasMaxLength(20);
        b.Property(w => w.Notes).HasMaxLength(500);
        b.HasOne<Organization>().WithMany().HasForeignKey(w => w.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // One row per item: two deliveries of the same item at once cannot both land.
        b.HasIndex(w => new { w.OrganizationId, w.Item }).IsUnique();
    }
}

internal sealed class RegistryRecordConfiguration : IEntityTypeConfiguration<RegistryRecord>
{
    public void Configure(EntityTypeBuilder<RegistryRecord> b)
    {
        b.ToTable("registry_records");
        b.Property(r => r.Kind).HasMaxLength(30);
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.By).HasMaxLength(200);
        b.Property(r => r.Notes).HasMaxLength(2000);
        b.Property(r => r.Amount).HasPrecision(12, 2);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OrganizationId, r.On });
        b.HasIndex(r => new { r.PersonId, r.On });
    }
}

internal sealed class TrainingClassConfiguration : IEntityTypeConfiguration<TrainingClass>
{
    public void Configure(EntityTypeBuilder<TrainingClass> b)
    {
        b.ToTable("training_classes");
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Kind).HasMaxLength(30);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.OrganizerId, c.StartsOn });
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> b)
    {
        b.ToTable("training_attendance");
        b.Property(a => a.ClassKind).HasMaxLength(30);
        b.HasOne<TrainingClass>().WithMany().HasForeignKey(a => a.ClassId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ClassId, a.PersonId }).IsUnique();
        b.HasIndex(a => a.PersonId);
    }
}

internal sealed class EstablishmentRequestConfiguration : IEntityTypeConfiguration<EstablishmentRequest>
{
    public void Configure(EntityTypeBuilder<EstablishmentRequest> b)
    {
        b.ToTable("establishment_requests");
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Mode).HasMaxLength(20);
        b.Property(r => r.ProposedKind).HasMaxLength(20);
        b.Property(r => r.CountyCode).HasMaxLength(12);
        b.Property(r => r.UnitIds).HasMaxLength(800);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.WorkCommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.WorkCommitteeId);
    }
}

internal sealed class EstablishmentFoundingMemberConfiguration : IEntityTypeConfiguration<EstablishmentFoundingMember>
{
    public void Configure(EntityTypeBuilder<EstablishmentFoundingMember> b)
    {
        b.ToTable("establishment_founding_members");
        b.HasKey(m => new { m.RequestId, m.PersonId });
        b.HasOne<EstablishmentRequest>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.PersonId);
    }
}

internal sealed class TemporaryAppointmentConfiguration : IEntityTypeConfiguration<TemporaryAppointment>
{
    public void Configure(EntityTypeBuilder<TemporaryAppointment> b)
    {
        b.ToTable("temporary_appointments");
        b.Property(a => a.Role).HasMaxLength(20);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.OrganizationId, a.PersonId }).IsUnique();
        b.HasIndex(a => a.PersonId);
    }
}

internal sealed class OrganizationAdjustmentConfiguration : IEntityTypeConfiguration<OrganizationAdjustment>
{
    public void Configure(EntityTypeBuilder<OrganizationAdjustment> b)
    {
        b.ToTable("organization_adjustments");
        b.Property(a => a.Decision).HasMaxLength(20);
        b.Property(a => a.RuleIds).HasMaxLength(300);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.OrganizationId, a.On });
    }
}
