using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdilSoz.Intake.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TeamTriage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssignedAt",
                table: "Submissions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedTo",
                table: "Submissions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssignedAt",
                table: "Incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedTo",
                table: "Incidents",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_AssignedTo_Status",
                table: "Submissions",
                columns: new[] { "AssignedTo", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_AssignedTo",
                table: "Incidents",
                column: "AssignedTo");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_AssignedTo_Status",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_AssignedTo",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "Incidents");
        }
    }
}
