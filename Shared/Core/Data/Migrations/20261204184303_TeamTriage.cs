using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

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
                name: "FirstResponseAt",
                table: "Submissions",
                type: "timestamp with time zone",
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

            migrationBuilder.CreateTable(
                name: "InternalNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntityType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EntityId = table.Column<long>(type: "bigint", nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Mentions = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InternalNotes", x => x.Id);
                    table.CheckConstraint("ck_internal_note_entity", "\"EntityType\" IN ('submission','cluster','incident')");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_AssignedTo_Status",
                table: "Submissions",
                columns: new[] { "AssignedTo", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_AssignedTo",
                table: "Incidents",
                column: "AssignedTo");

            migrationBuilder.CreateIndex(
                name: "IX_InternalNotes_EntityType_EntityId_CreatedAt",
                table: "InternalNotes",
                columns: new[] { "EntityType", "EntityId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InternalNotes");

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
                name: "FirstResponseAt",
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
