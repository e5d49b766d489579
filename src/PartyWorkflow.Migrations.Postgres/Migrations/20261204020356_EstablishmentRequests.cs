using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyWorkflow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EstablishmentRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "establishment_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProposedKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WorkCommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    UnitIds = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    FoundingMemberIds = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ProposedSecretaryId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_establishment_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_establishment_requests_organizations_WorkCommitteeId",
                        column: x => x.WorkCommitteeId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_establishment_requests_WorkCommitteeId",
                table: "establishment_requests",
                column: "WorkCommitteeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "establishment_requests");
        }
    }
}
