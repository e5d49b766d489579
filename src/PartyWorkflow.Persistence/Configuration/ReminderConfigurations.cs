using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Persistence.Configuration;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.ToTable("reminders");
        b.Property(r => r.DeadlineKind).HasMaxLength(100);
        b.Property(r => r.ReminderKind).HasMaxLength(20);
        b.Property(r => r.RecipientRole).HasMaxLength(40);
        b.Property(r => r.RecipientType).HasMaxLength(20);
        b.Property(r => r.Subject).HasMaxLength(300);
        b.Property(r => r.Body).HasMaxLength(4000);
        b.HasIndex(r => new { r.DeadlineId, r.ReminderKind, r.Occurrence, r.RecipientRole, r.RecipientId }).IsUnique();
        b.HasIndex(r => new { r.RecipientType, r.RecipientId, r.FireOn });
    }
}

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> b)
    {
        b.ToTable("email_outbox");
        b.Property(m => m.ToAddress).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Body).HasMaxLength(4000);
        b.Property(m => m.MessageId).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.ReminderId, m.ToAddress }).IsUnique();
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("calendar_feeds");
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.Property(f => f.OwnerType).HasMaxLength(20);
        b.HasIndex(f => f.TokenHash).IsUnique();
    }
}

internal sealed class SchedulerNodeConfiguration : IEntityTypeConfiguration<SchedulerNode>
{
    public void Configure(EntityTypeBuilder<SchedulerNode> b)
    {
        b.ToTable("scheduler_nodes");
        b.HasKey(n => n.NodeId);
        b.Property(n => n.NodeId).HasMaxLength(200);
    }
}
