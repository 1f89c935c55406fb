using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AdilSoz.Intake.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SavedReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedReplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Use = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TextKk = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TextRu = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TextEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedReplies", x => x.Id);
                    table.CheckConstraint("ck_saved_reply_text", "COALESCE(\"TextKk\", \"TextRu\", \"TextEn\") IS NOT NULL");
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedReplies_Name",
                table: "SavedReplies",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedReplies");
        }
    }
}
