using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdilSoz.Intake.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DedupKeysKeptVisible : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The duplicate lookup reads each key's most recent rows from the (Key, ReceivedAt) index alone, and may
            // only while their pages are marked all-visible, which a vacuum does. An insert-only table is vacuumed by
            // default after it grows by a fifth: at a million reports the newest six million keys, exactly the rows a
            // lookup reads, sent it to the table some 165 times a lookup (benchmark dedup, 1M). Vacuumed after every
            // 10,000 new keys (some 300 reports) instead; such a vacuum reads only the pages added since the last.
            migrationBuilder.Sql("""
                ALTER TABLE "DedupKeys" SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "DedupKeys" RESET (autovacuum_vacuum_insert_threshold, autovacuum_vacuum_insert_scale_factor);
                """);
        }
    }
}
