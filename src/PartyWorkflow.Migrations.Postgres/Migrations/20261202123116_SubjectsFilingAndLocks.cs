using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyWorkflow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SubjectsFilingAndLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_instances_PersonId",
                table: "instances");

            migrationBuilder.RenameColumn(
                name: "PersonId",
                table: "instances",
                newName: "SubjectId");

            migrationBuilder.RenameColumn(
                name: "BranchId",
                table: "instances",
                newName: "OrganizationId");

            migrationBuilder.RenameIndex(
                name: "IX_instances_BranchId",
                table: "instances",
                newName: "IX_instances_OrganizationId");

            migrationBuilder.RenameColumn(
                name: "BranchId",
                table: "history",
                newName: "OrganizationId");

            migrationBuilder.RenameColumn(
                name: "PersonId",
                table: "deadlines",
                newName: "SubjectId");

            migrationBuilder.RenameColumn(
                name: "BranchId",
                table: "deadlines",
                newName: "OrganizationId");

            migrationBuilder.AddColumn<string>(
                name: "AwaitedRoles",
                table: "instances",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectKind",
                table: "instances",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubjectName",
                table: "instances",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubjectKind",
                table: "deadlines",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "subject_locks",
                columns: table => new
                {
                    Constraint = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_locks", x => new { x.Constraint, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_instances_DefinitionId_IsOpen",
                table: "instances",
                columns: new[] { "DefinitionId", "IsOpen" });

            migrationBuilder.CreateIndex(
                name: "IX_instances_SubjectKind_SubjectId",
                table: "instances",
                columns: new[] { "SubjectKind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_subject_locks_InstanceId",
                table: "subject_locks",
                column: "InstanceId");

            // Every instance so far is a member-development process about a person, filed under its
            // branch; its open ones hold the lock the definition now declares.
            migrationBuilder.Sql("UPDATE instances SET \"SubjectKind\" = 'person';");
            migrationBuilder.Sql("UPDATE deadlines SET \"SubjectKind\" = 'person';");
            migrationBuilder.Sql("UPDATE instances SET \"SubjectName\" = COALESCE((SELECT p.\"Name\" FROM people p WHERE p.\"Id\" = instances.\"SubjectId\"), '');");
            migrationBuilder.Sql("INSERT INTO subject_locks (\"Constraint\", \"Key\", \"InstanceId\", \"CreatedAt\") " +
                "SELECT 'one-open-member-development-per-person', \"SubjectId\"::text, \"Id\", \"UpdatedAt\" FROM instances WHERE \"IsOpen\";");
            // AwaitedRoles stays null here: the server fills it from the definitions at start-up.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "subject_locks");

            migrationBuilder.DropIndex(
                name: "IX_instances_DefinitionId_IsOpen",
                table: "instances");

            migrationBuilder.DropIndex(
                name: "IX_instances_SubjectKind_SubjectId",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "AwaitedRoles",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "SubjectKind",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "SubjectName",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "SubjectKind",
                table: "deadlines");

            migrationBuilder.RenameColumn(
                name: "SubjectId",
                table: "instances",
                newName: "PersonId");

            migrationBuilder.RenameColumn(
                name: "OrganizationId",
                table: "instances",
                newName: "BranchId");

            migrationBuilder.RenameIndex(
                name: "IX_instances_OrganizationId",
                table: "instances",
                newName: "IX_instances_BranchId");

            migrationBuilder.RenameColumn(
                name: "OrganizationId",
                table: "history",
                newName: "BranchId");

            migrationBuilder.RenameColumn(
                name: "SubjectId",
                table: "deadlines",
                newName: "PersonId");

            migrationBuilder.RenameColumn(
                name: "OrganizationId",
                table: "deadlines",
                newName: "BranchId");

            migrationBuilder.CreateIndex(
                name: "IX_instances_PersonId",
                table: "instances",
                column: "PersonId",
                unique: true,
                filter: "\"IsOpen\"");
        }
    }
}
