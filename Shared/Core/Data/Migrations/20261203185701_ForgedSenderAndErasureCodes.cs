using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AdilSoz.Intake.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ForgedSenderAndErasureCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MentionsId",
                table: "Submissions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToEncrypted",
                table: "Submissions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderNotVerified",
                table: "Submissions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedKeyHash",
                table: "Reporters",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReporterId",
                table: "InboundItems",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ErasureRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReporterId = table.Column<long>(type: "bigint", nullable: false),
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WrongCodes = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasureRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ErasureRequests_Reporters_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "Reporters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_MentionsId",
                table: "Submissions",
                column: "MentionsId");

            migrationBuilder.CreateIndex(
                name: "IX_Reporters_ClaimedKeyHash",
                table: "Reporters",
                column: "ClaimedKeyHash");

            migrationBuilder.CreateIndex(
                name: "IX_InboundItems_ReporterId",
                table: "InboundItems",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRequests_ReporterId",
                table: "ErasureRequests",
                column: "ReporterId");

            migrationBuilder.AddForeignKey(
                name: "FK_Submissions_Submissions_MentionsId",
                table: "Submissions",
                column: "MentionsId",
                principalTable: "Submissions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Submissions_Submissions_MentionsId",
                table: "Submissions");

            migrationBuilder.DropTable(
                name: "ErasureRequests");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_MentionsId",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Reporters_ClaimedKeyHash",
                table: "Reporters");

            migrationBuilder.DropIndex(
                name: "IX_InboundItems_ReporterId",
                table: "InboundItems");

            migrationBuilder.DropColumn(
                name: "MentionsId",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "ReplyToEncrypted",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "SenderNotVerified",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "ClaimedKeyHash",
                table: "Reporters");

            migrationBuilder.DropColumn(
                name: "ReporterId",
                table: "InboundItems");
        }
    }
}
