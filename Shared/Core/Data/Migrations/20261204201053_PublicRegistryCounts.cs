using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdilSoz.Intake.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicRegistryCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PublicRegistryCountsSql.Up);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Published_OccurredOn_Id",
                table: "Incidents",
                columns: new[] { "OccurredOn", "Id" },
                descending: new bool[0],
                filter: "\"PublishedAt\" IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "RegionCode", "CategoryCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Published_PublishedAt_Id",
                table: "Incidents",
                columns: new[] { "PublishedAt", "Id" },
                descending: new bool[0],
                filter: "\"PublishedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_Published_OccurredOn_Id",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_Published_PublishedAt_Id",
                table: "Incidents");

            migrationBuilder.Sql(PublicRegistryCountsSql.Down);
        }
    }
}
