using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdilSoz.Intake.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class WebChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WebReceipts",
                columns: table => new
                {
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceiptHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebReceipts", x => x.SubmissionId);
                    table.CheckConstraint("ck_web_receipt_attempts", "\"FailedAttempts\" >= 0");
                    table.ForeignKey(
                        name: "FK_WebReceipts_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebReceipts_Reference",
                table: "WebReceipts",
                column: "Reference",
                unique: true);

            // What the public process may read of a web report, given the id its receipt opened: the report's
            // state, the monitors' questions and decisions sent to the reporter, and the reporter's own replies.
            // It runs with the owner's rights, so the public role needs no SELECT on submissions or messages.
            migrationBuilder.Sql("""
                CREATE FUNCTION web_report_status(p_submission_id bigint)
                RETURNS TABLE (entry text, at timestamp with time zone, body text, reporter_id bigint, language text)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                    SELECT 'State', s."ReceivedAt", s."Status", s."ReporterId", s."Language"
                      FROM "Submissions" s
                     WHERE s."Id" = p_submission_id AND s."Channel" = 'Web' AND s."Kind" <> 'Followup'
                    UNION ALL
                    SELECT o."Kind", o."CreatedAt", o."Body", NULL, NULL
                      FROM "OutboundMessages" o JOIN "Submissions" s ON s."Id" = o."SubmissionId"
                     WHERE (s."Id" = p_submission_id OR s."ParentId" = p_submission_id) AND s."Channel" = 'Web'
                       AND o."Kind" IN ('Question', 'Decision') AND o."Recipient" IS NULL
                    UNION ALL
                    SELECT 'Reply', f."ReceivedAt", f."Text", NULL, NULL
                      FROM "Submissions" f
                     WHERE f."ParentId" = p_submission_id AND f."Channel" = 'Web' AND f."Kind" = 'Followup'
                    ORDER BY 2
                $$;
                REVOKE ALL ON FUNCTION web_report_status(bigint) FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS web_report_status(bigint)");
            migrationBuilder.DropTable(
                name: "WebReceipts");
        }
    }
}
