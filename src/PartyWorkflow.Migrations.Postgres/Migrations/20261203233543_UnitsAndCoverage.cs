using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyWorkflow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UnitsAndCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "UnitId",
                table: "people",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CountyCode",
                table: "organizations",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DissolvedOn",
                table: "organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EstablishedOn",
                table: "organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FormationMode",
                table: "organizations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IndustryCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    HasFixedPremises = table.Column<bool>(type: "boolean", nullable: false),
                    Employees = table.Column<int>(type: "integer", nullable: true),
                    SurveyFullMembers = table.Column<int>(type: "integer", nullable: false),
                    SurveyProbationaryMembers = table.Column<int>(type: "integer", nullable: false),
                    LeaderIsMember = table.Column<bool>(type: "boolean", nullable: true),
                    WillingToEstablish = table.Column<bool>(type: "boolean", nullable: true),
                    Suggestions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unit_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unit_assignments_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_unit_assignments_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unit_coverage",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_coverage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unit_coverage_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_unit_coverage_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_people_UnitId",
                table: "people",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_assignments_PersonId",
                table: "unit_assignments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_assignments_UnitId_From",
                table: "unit_assignments",
                columns: new[] { "UnitId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_unit_coverage_OrganizationId",
                table: "unit_coverage",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_coverage_UnitId_From",
                table: "unit_coverage",
                columns: new[] { "UnitId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_units_CountyCode_Type",
                table: "units",
                columns: new[] { "CountyCode", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_units_CreditCode",
                table: "units",
                column: "CreditCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unit_assignments");

            migrationBuilder.DropTable(
                name: "unit_coverage");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropIndex(
                name: "IX_people_UnitId",
                table: "people");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "people");

            migrationBuilder.DropColumn(
                name: "CountyCode",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "DissolvedOn",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "EstablishedOn",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "FormationMode",
                table: "organizations");
        }
    }
}
