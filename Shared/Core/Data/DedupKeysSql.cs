namespace AdilSoz.Intake.Core.Data;

/// <summary>
/// The duplicate-detection keys follow their submission without a foreign key, called from the migration
/// <c>DedupKeysBySubmission</c>. A report writes some thirty-five keys; a foreign key checked each of them
/// against "Submissions" (a lookup and a share lock per row, most of the insert's cost). Instead, a statement
/// trigger deletes the keys of the submissions a statement deleted, whatever deletes them. A key written for a
/// submission deleted meanwhile is never a candidate (the lookup reads candidates' fingerprints from
/// "Submissions"), and the rebuild (<c>Worker dedup rebuild</c>) drops it.
/// </summary>
public static class DedupKeysSql
{
    public const string Up = """
        DELETE FROM "DedupKeys" k WHERE NOT EXISTS (SELECT 1 FROM "Submissions" s WHERE s."Id" = k."SubmissionId");

        CREATE FUNCTION adilsoz_dedup_keys_follow() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
        BEGIN
            DELETE FROM "DedupKeys" k USING gone g WHERE k."SubmissionId" = g."Id";
            RETURN NULL;
        END
        $fn$;

        CREATE TRIGGER dedup_keys_after_submission_delete AFTER DELETE ON "Submissions"
            REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION adilsoz_dedup_keys_follow();
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS dedup_keys_after_submission_delete ON "Submissions";
        DROP FUNCTION IF EXISTS adilsoz_dedup_keys_follow();
        """;
}
