using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace AdilSoz.Intake.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class IncidentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(global::AdilSoz.Intake.Core.Data.IncidentSearch.JoinFunctionSql);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Incidents",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple'::regconfig, coalesce(\"Title\", '') || ' ' || coalesce(\"Summary\", '') || ' ' || coalesce(\"Narrative\", '') || ' ' || coalesce(\"Settlement\", '') || ' ' || adilsoz_join_text(\"Outlets\")) || to_tsvector('russian'::regconfig, coalesce(\"Title\", '') || ' ' || coalesce(\"Summary\", '') || ' ' || coalesce(\"Narrative\", '') || ' ' || coalesce(\"Settlement\", '') || ' ' || adilsoz_join_text(\"Outlets\"))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_SearchVector",
                table: "Incidents",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_SearchVector",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Incidents");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS adilsoz_join_text(text[])");
        }
    }
}
