using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdilSoz.Intake.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegistryFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LegalCases_IncidentId",
                table: "LegalCases");

            migrationBuilder.CreateIndex(
                name: "IX_LegalCases_IncidentId_Kind",
                table: "LegalCases",
                columns: new[] { "IncidentId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Outlets",
                table: "Incidents",
                column: "Outlets")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LegalCases_IncidentId_Kind",
                table: "LegalCases");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_Outlets",
                table: "Incidents");

            migrationBuilder.CreateIndex(
                name: "IX_LegalCases_IncidentId",
                table: "LegalCases",
                column: "IncidentId");
        }
    }
}
