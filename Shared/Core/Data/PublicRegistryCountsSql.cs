namespace AdilSoz.Intake.Core.Data;

/// <summary>
/// The public registry's totals kept as the incidents change, called from the migration <c>PublicRegistryCounts</c>
/// (kept here so that the migration can be made again by <c>dotnet ef</c> without losing it). Counting a million
/// incidents on every public request is what made the pages slow; these are read instead:
/// <list type="bullet">
/// <item><c>public_registry_totals</c>: one row, how many incidents are published and when the public data last
/// changed. The view <c>public_registry_state</c> (the source of every public answer's ETag and Last-Modified) keeps
/// its name and columns and now reads this row.</item>
/// <item><c>public_registry_counts</c>: the published incidents per region and category (null for none), read by the
/// map through the view <c>public_incident_counts</c> (counts only, those above zero).</item>
/// <item>Statement triggers on <c>Incidents</c> (insert, update, delete, truncate) keep both current within the
/// writing transaction, whatever writes: the staff site, an import, the legacy migration or SQL by hand. One
/// aggregate per statement over its changed rows, so a bulk load costs one pass. <c>ChangedAt</c> takes the view's
/// old rule (a published incident's later of <c>UpdatedAt</c> and <c>PublishedAt</c>, a withdrawn one's
/// <c>WithdrawnAt</c>) and never goes back; a change of a published incident that leaves those timestamps alone,
/// and a deletion, move it to the transaction's time (or a microsecond on), so the ETag changes with the data.
/// Writes that touch no published incident do not lock the row.</item>
/// </list>
/// The tables start from the incidents there are (under a lock that holds writers off meanwhile). The public role
/// reads the two views and nothing under them.
/// </summary>
public static class PublicRegistryCountsSql
{
    public const string Counts = "public_incident_counts";

    /// <summary>
    /// The trigger function as this migration made it (one aggregate per region and category); the migration
    /// <c>PublicRegistryMonths</c> replaces it and gives it back on the way down.
    /// </summary>
    public const string Follow = """
        CREATE OR REPLACE FUNCTION adilsoz_public_registry_follow() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
        DECLARE
            regions text[] := '{}';
            categories text[] := '{}';
            deltas bigint[] := '{}';
            total bigint;
            changed timestamp with time zone;
            differs boolean := false;
        BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                UPDATE public_registry_totals
                   SET "Published" = 0, "ChangedAt" = greatest(now(), "ChangedAt" + interval '1 microsecond');
                DELETE FROM public_registry_counts;
                RETURN NULL;
            END IF;

            IF TG_OP = 'INSERT' THEN
                SELECT coalesce(array_agg(r ORDER BY r, c), '{}'), coalesce(array_agg(c ORDER BY r, c), '{}'), coalesce(array_agg(n ORDER BY r, c), '{}')
                  INTO regions, categories, deltas
                  FROM (SELECT "RegionCode" AS r, "CategoryCode" AS c, count(*) AS n
                          FROM new_rows WHERE "PublishedAt" IS NOT NULL GROUP BY 1, 2) g;
                SELECT max(CASE WHEN "PublishedAt" IS NOT NULL THEN greatest("UpdatedAt", "PublishedAt") ELSE "WithdrawnAt" END)
                  INTO changed FROM new_rows;
                differs := cardinality(deltas) > 0;
            ELSIF TG_OP = 'DELETE' THEN
                SELECT coalesce(array_agg(r ORDER BY r, c), '{}'), coalesce(array_agg(c ORDER BY r, c), '{}'), coalesce(array_agg(-n ORDER BY r, c), '{}')
                  INTO regions, categories, deltas
                  FROM (SELECT "RegionCode" AS r, "CategoryCode" AS c, count(*) AS n
                          FROM old_rows WHERE "PublishedAt" IS NOT NULL GROUP BY 1, 2) g;
                differs := cardinality(deltas) > 0;
            ELSE
                SELECT coalesce(array_agg(r ORDER BY r, c), '{}'), coalesce(array_agg(c ORDER BY r, c), '{}'), coalesce(array_agg(n ORDER BY r, c), '{}')
                  INTO regions, categories, deltas
                  FROM (SELECT r, c, sum(n) AS n
                          FROM (SELECT "RegionCode" AS r, "CategoryCode" AS c, 1 AS n FROM new_rows WHERE "PublishedAt" IS NOT NULL
                                UNION ALL
                                SELECT "RegionCode", "CategoryCode", -1 FROM old_rows WHERE "PublishedAt" IS NOT NULL) d
                         GROUP BY 1, 2 HAVING sum(n) <> 0) g;
                SELECT max(CASE WHEN "PublishedAt" IS NOT NULL THEN greatest("UpdatedAt", "PublishedAt") ELSE "WithdrawnAt" END)
                  INTO changed FROM new_rows;
                SELECT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n."Id" = o."Id"
                                WHERE (o."PublishedAt" IS NOT NULL OR n."PublishedAt" IS NOT NULL) AND o IS DISTINCT FROM n)
                  INTO differs;
            END IF;

            total := coalesce((SELECT sum(x) FROM unnest(deltas) AS x), 0);
            IF NOT differs AND changed IS NULL THEN
                RETURN NULL;
            END IF;

            -- The one row first: concurrent writers of published incidents queue here, so the counts below are
            -- always taken in the same order.
            UPDATE public_registry_totals
               SET "Published" = "Published" + total,
                   "ChangedAt" = CASE WHEN changed > coalesce("ChangedAt", '-infinity') THEN changed
                                      WHEN differs THEN greatest(now(), "ChangedAt" + interval '1 microsecond')
                                      ELSE "ChangedAt" END
             WHERE differs OR changed > coalesce("ChangedAt", '-infinity');

            IF cardinality(deltas) > 0 THEN
                INSERT INTO public_registry_counts AS t ("RegionCode", "CategoryCode", "Published")
                SELECT r, c, n FROM unnest(regions, categories, deltas) AS d(r, c, n)
                    ON CONFLICT ("RegionCode", "CategoryCode") DO UPDATE SET "Published" = t."Published" + excluded."Published";
            END IF;

            RETURN NULL;
        END
        $fn$;
        """;

    public const string Up = $"""
        LOCK TABLE "Incidents" IN SHARE ROW EXCLUSIVE MODE;

        CREATE TABLE public_registry_totals (
            "Id" boolean PRIMARY KEY DEFAULT true CHECK ("Id"),
            "Published" bigint NOT NULL,
            "ChangedAt" timestamp with time zone);

        CREATE TABLE public_registry_counts (
            "RegionCode" character varying(64),
            "CategoryCode" character varying(64),
            "Published" bigint NOT NULL,
            CONSTRAINT public_registry_counts_key UNIQUE NULLS NOT DISTINCT ("RegionCode", "CategoryCode"));

        {Follow}

        INSERT INTO public_registry_totals ("Published", "ChangedAt")
        SELECT count(*) FILTER (WHERE "PublishedAt" IS NOT NULL),
               max(CASE WHEN "PublishedAt" IS NOT NULL THEN greatest("UpdatedAt", "PublishedAt") ELSE "WithdrawnAt" END)
          FROM "Incidents"
         WHERE "PublishedAt" IS NOT NULL OR "WithdrawnAt" IS NOT NULL;

        INSERT INTO public_registry_counts ("RegionCode", "CategoryCode", "Published")
        SELECT "RegionCode", "CategoryCode", count(*) FROM "Incidents" WHERE "PublishedAt" IS NOT NULL GROUP BY 1, 2;

        CREATE TRIGGER public_registry_after_insert AFTER INSERT ON "Incidents"
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adilsoz_public_registry_follow();
        CREATE TRIGGER public_registry_after_update AFTER UPDATE ON "Incidents"
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adilsoz_public_registry_follow();
        CREATE TRIGGER public_registry_after_delete AFTER DELETE ON "Incidents"
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION adilsoz_public_registry_follow();
        CREATE TRIGGER public_registry_after_truncate AFTER TRUNCATE ON "Incidents"
            FOR EACH STATEMENT EXECUTE FUNCTION adilsoz_public_registry_follow();

        CREATE OR REPLACE VIEW public_registry_state AS
        SELECT "Published", "ChangedAt" FROM public_registry_totals;

        CREATE VIEW public_incident_counts AS
        SELECT "RegionCode", "CategoryCode", "Published" FROM public_registry_counts WHERE "Published" > 0;
        """;

    public const string Down = """
        DROP VIEW IF EXISTS public_incident_counts;

        CREATE OR REPLACE VIEW public_registry_state AS
        SELECT count(*) FILTER (WHERE "PublishedAt" IS NOT NULL) AS "Published",
               max(CASE WHEN "PublishedAt" IS NOT NULL THEN greatest("UpdatedAt", "PublishedAt") ELSE "WithdrawnAt" END) AS "ChangedAt"
          FROM "Incidents"
         WHERE "PublishedAt" IS NOT NULL OR "WithdrawnAt" IS NOT NULL;

        DROP TRIGGER IF EXISTS public_registry_after_truncate ON "Incidents";
        DROP TRIGGER IF EXISTS public_registry_after_delete ON "Incidents";
        DROP TRIGGER IF EXISTS public_registry_after_update ON "Incidents";
        DROP TRIGGER IF EXISTS public_registry_after_insert ON "Incidents";
        DROP FUNCTION IF EXISTS adilsoz_public_registry_follow();
        DROP TABLE IF EXISTS public_registry_counts;
        DROP TABLE IF EXISTS public_registry_totals;
        """;
}
