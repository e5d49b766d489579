using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyWorkflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataSealed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Citizen IDs and phones keep their values, renamed to the sealed columns; the application
            // seals them after the migrations (PersonalDataBackfill), as it needs the keys. Until then
            // each row's hash is a unique placeholder, so that the unique index holds. (SQLite keeps no
            // column lengths: the wider sealed columns need no change of the table.)
            migrationBuilder.DropIndex(
                name: "IX_people_CitizenId",
                table: "people");

            migrationBuilder.RenameColumn(
                name: "CitizenId",
                table: "people",
                newName: "CitizenIdSealed");

            migrationBuilder.RenameColumn(
                name: "Phone",
                table: "people",
                newName: "PhoneSealed");

            migrationBuilder.AddColumn<string>(
                name: "CitizenIdHash",
                table: "people",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CitizenIdMasked",
                table: "people",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PhoneMasked",
                table: "people",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.Sql("UPDATE people SET \"CitizenIdHash\" = 'legacy:' || \"Id\";");

            migrationBuilder.CreateIndex(
                name: "IX_people_CitizenIdHash",
                table: "people",
                column: "CitizenIdHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The schema only: values sealed by then stay sealed.
            migrationBuilder.DropIndex(
                name: "IX_people_CitizenIdHash",
                table: "people");

            migrationBuilder.DropColumn(
                name: "CitizenIdHash",
                table: "people");

            migrationBuilder.DropColumn(
                name: "CitizenIdMasked",
                table: "people");

            migrationBuilder.DropColumn(
                name: "PhoneMasked",
                table: "people");

            migrationBuilder.RenameColumn(
                name: "CitizenIdSealed",
                table: "people",
                newName: "CitizenId");

            migrationBuilder.RenameColumn(
                name: "PhoneSealed",
                table: "people",
                newName: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_people_CitizenId",
                table: "people",
                column: "CitizenId",
                unique: true);
        }
    }
}
