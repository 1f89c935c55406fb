using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdilSoz.Intake.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class EncryptSignaturesAndForwardOrigins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "QuotedText",
                table: "Submissions",
                newName: "QuotedTextEncrypted");

            migrationBuilder.RenameColumn(
                name: "ForwardedFrom",
                table: "Submissions",
                newName: "ForwardedFromEncrypted");

            // The values so far are in clear and a migration cannot reach the key ring to encrypt them:
            // they are cleared (there was no release; the raw items keep what a reader would need).
            migrationBuilder.Sql("""UPDATE "Submissions" SET "QuotedTextEncrypted" = NULL, "ForwardedFromEncrypted" = NULL""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Encrypted values would read as gibberish in the clear columns.
            migrationBuilder.Sql("""UPDATE "Submissions" SET "QuotedTextEncrypted" = NULL, "ForwardedFromEncrypted" = NULL""");

            migrationBuilder.RenameColumn(
                name: "QuotedTextEncrypted",
                table: "Submissions",
                newName: "QuotedText");

            migrationBuilder.RenameColumn(
                name: "ForwardedFromEncrypted",
                table: "Submissions",
                newName: "ForwardedFrom");
        }
    }
}
