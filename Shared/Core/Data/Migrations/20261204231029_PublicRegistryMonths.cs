using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdilSoz.Intake.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicRegistryMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PublicRegistryMonthsSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PublicRegistryMonthsSql.Down);
        }
    }
}
