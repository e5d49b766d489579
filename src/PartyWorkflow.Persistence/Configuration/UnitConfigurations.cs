using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Persistence.Configuration;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.Type).HasMaxLength(40);
        b.Property(u => u.CreditCode).HasMaxLength(18);
        b.Property(u => u.CountyCode).HasMaxLength(12);
        b.Property(u => u.IndustryCode).HasMaxLength(12);
        b.Property(u => u.Address).HasMaxLength(300);
        b.Property(u => u.Suggestions).HasMaxLength(2000);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasIndex(u => u.CreditCode).IsUnique();
        // The coverage report groups by county and type.
        b.HasIndex(u => new { u.CountyCode, u.Type });
    }
}

internal sealed class UnitCoverageConfiguration : IEntityTypeConfiguration<UnitCoverage>
{
    public void Configure(EntityTypeBuilder<UnitCoverage> b)
    {
        b.ToTable("unit_coverage");
        b.Property(c => c.Mode).HasMaxLength(20);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.UnitId, c.From });
        b.HasIndex(c => c.OrganizationId);
    }
}

internal sealed class UnitAssignmentConfiguration : IEntityTypeConfiguration<UnitAssignment>
{
    public void Configure(EntityTypeBuilder<UnitAssignment> b)
    {
        b.ToTable("unit_assignments");
        b.Property(a => a.Role).HasMaxLength(20);
        b.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.UnitId, a.From });
        b.HasIndex(a => a.PersonId);
    }
}

internal sealed class UnitMemberCountConfiguration : IEntityTypeConfiguration<UnitMemberCount>
{
    // Quoted names, as both providers create them; "people" is PersonConfiguration's table.
    public void Configure(EntityTypeBuilder<UnitMemberCount> b) =>
        b.HasNoKey().ToTable((string?)null).ToSqlQuery("""
            SELECT "UnitId",
                   CAST(SUM(CASE WHEN "Membership" = 'full' THEN 1 ELSE 0 END) AS INTEGER) AS "Full",
                   CAST(SUM(CASE WHEN "Membership" = 'probationary' THEN 1 ELSE 0 END) AS INTEGER) AS "Probationary"
            FROM "people"
            WHERE "UnitId" IS NOT NULL AND "Membership" IN ('full', 'probationary')
            GROUP BY "UnitId"
            """);
}
