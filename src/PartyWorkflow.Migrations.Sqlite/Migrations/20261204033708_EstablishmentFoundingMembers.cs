using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyWorkflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EstablishmentFoundingMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "establishment_founding_members",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_establishment_founding_members", x => new { x.RequestId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_establishment_founding_members_establishment_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "establishment_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_establishment_founding_members_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_establishment_founding_members_PersonId",
                table: "establishment_founding_members",
                column: "PersonId");

            // The founding members listed so far move from the comma-separated column to their rows.
            migrationBuilder.Sql("""
INSERT OR IGNORE INTO establishment_founding_members (RequestId, PersonId)
SELECT r.Id, upper(j.value) FROM establishment_requests r, json_each('["' || replace(r.FoundingMemberIds, ',', '","') || '"]') AS j
WHERE r.FoundingMemberIds <> '' AND EXISTS (SELECT 1 FROM people p WHERE p.Id = upper(j.value));
""");

            migrationBuilder.DropColumn(
                name: "FoundingMemberIds",
                table: "establishment_requests");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "establishment_founding_members");

            migrationBuilder.AddColumn<string>(
                name: "FoundingMemberIds",
                table: "establishment_requests",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");
        }
    }
}
