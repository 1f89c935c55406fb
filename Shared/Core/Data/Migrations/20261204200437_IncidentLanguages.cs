using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdilSoz.Intake.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class IncidentLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceLanguage",
                table: "Incidents",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "Incidents",
                type: "jsonb",
                nullable: true);

            migrationBuilder.Sql(PublicRegistryLanguagesSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PublicRegistryLanguagesSql.Down);

            migrationBuilder.DropColumn(
                name: "SourceLanguage",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "Translations",
                table: "Incidents");
        }
    }
}
