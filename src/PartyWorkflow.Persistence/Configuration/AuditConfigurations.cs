using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Persistence.Configuration;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.Property(e => e.Stream).HasMaxLength(10);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Address).HasMaxLength(64);
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.Target).HasMaxLength(300);
        b.Property(e => e.Outcome).HasMaxLength(300);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.Stream, e.Sequence }).IsUnique();
        b.HasIndex(e => e.At);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.ToTable("audit_heads");
        b.HasKey(h => h.Stream);
        b.Property(h => h.Stream).HasMaxLength(10);
        b.Property(h => h.StartHash).HasMaxLength(64);
        b.Property(h => h.Hash).HasMaxLength(64);
    }
}
