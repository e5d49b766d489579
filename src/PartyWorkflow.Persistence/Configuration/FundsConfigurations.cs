using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Persistence.Configuration;

internal sealed class OrganizationTermConfiguration : IEntityTypeConfiguration<OrganizationTerm>
{
    public void Configure(EntityTypeBuilder<OrganizationTerm> b)
    {
        b.ToTable("organization_terms");
        b.Property(t => t.CommitteeMemberIds).HasMaxLength(1000);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.OrganizationId, t.ElectedOn }).IsUnique();
        b.HasIndex(t => t.EndsOn);
    }
}

internal sealed class FundsPaymentConfiguration : IEntityTypeConfiguration<FundsPayment>
{
    public void Configure(EntityTypeBuilder<FundsPayment> b)
    {
        b.ToTable("funds_payments");
        b.Property(p => p.Amount).HasPrecision(12, 2);
        b.Property(p => p.Item).HasMaxLength(60);
        b.Property(p => p.PaidTo).HasMaxLength(200);
        b.Property(p => p.Reference).HasMaxLength(200);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.OrganizationId, p.PaidOn });
    }
}
