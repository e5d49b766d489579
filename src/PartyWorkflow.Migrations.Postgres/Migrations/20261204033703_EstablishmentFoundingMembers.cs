using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyWorkflow.Migrations.Postgres.Migrations
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
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_establishment_founding_members", x => new { x.RequestId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_establishment_founding_members_establishment_requests_Reque~",
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
INSERT INTO establishment_founding_members ("RequestId", "PersonId")
SELECT r."Id", CAST(m AS uuid) FROM establishment_requests r, unnest(string_to_array(r."FoundingMemberIds", ',')) AS m
WHERE m <> '' AND EXISTS (SELECT 1 FROM people p WHERE p."Id" = CAST(m AS uuid)) ON CONFLICT DO NOTHING;
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
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");
        }
    }
}
