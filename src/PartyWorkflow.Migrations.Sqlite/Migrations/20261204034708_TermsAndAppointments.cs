using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyWorkflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TermsAndAppointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "TermEndsOn",
                table: "organizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "temporary_appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_temporary_appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_temporary_appointments_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_temporary_appointments_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_temporary_appointments_OrganizationId_PersonId",
                table: "temporary_appointments",
                columns: new[] { "OrganizationId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_temporary_appointments_PersonId",
                table: "temporary_appointments",
                column: "PersonId");

            // Organizations with terms on record get the end of their latest (same SQL on both providers).
            migrationBuilder.Sql("""
UPDATE organizations SET "TermEndsOn" = (SELECT MAX(t."EndsOn") FROM organization_terms t WHERE t."OrganizationId" = organizations."Id")
WHERE EXISTS (SELECT 1 FROM organization_terms t WHERE t."OrganizationId" = organizations."Id");
""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "temporary_appointments");

            migrationBuilder.DropColumn(
                name: "TermEndsOn",
                table: "organizations");
        }
    }
}
