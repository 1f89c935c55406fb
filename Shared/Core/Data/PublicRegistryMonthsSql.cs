namespace AdilSoz.Intake.Core.Data;

/// <summary>
/// The public registry's counts by month, called from the migration <c>PublicRegistryMonths</c> (kept here so that the
/// migration can be made again by <c>dotnet ef</c> without losing it), for the public chart by month:
/// <list type="bullet">
/// <item><c>public_registry_months</c>: the published incidents per month of <c>OccurredOn</c> (its first day), region
/// and category (null for none), read by the public site through the view <c>public_incident_months</c> (counts only,
/// those above zero).</item>
/// <item>The trigger function of <see cref="PublicRegistryCountsSql"/> is replaced by one that aggregates each
/// statement's changed rows once per month, region and category, and adds them to both this table and the counts per
/// region and category (the sums of the same deltas over the months), after the totals row as before. An update that
/// moves an incident to another month, region or category, a publication, a withdrawal, a deletion and a truncation
/// move the counts with it.</item>
/// </list>
/// The table starts from the incidents there are (under a lock that holds writers off meanwhile); the roles that read
/// the other public views may read the new one, and the public role reads nothing under it.
/// </summary>
public static class PublicRegistryMonthsSql
{
    public const string Months = "public_incident_months";

    private const string Follow = """
        CREATE OR REPLACE FUNCTION adilsoz_public_registry_follow() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
        DECLARE
            months date[] := '{}';
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
                DELETE FROM public_registry_months;
                RETURN NULL;
            END IF;

            IF TG_OP = 'INSERT' THEN
                SELECT coalesce(array_agg(m ORDER BY m, r, c), '{}'), coalesce(array_agg(r ORDER BY m, r, c), '{}'),
                       coalesce(array_agg(c ORDER BY m, r, c), '{}'), coalesce(array_agg(n ORDER BY m, r, c), '{}')
                  INTO months, regions, categories, deltas
                  FROM (SELECT date_trunc('month', "OccurredOn")::date AS m, "RegionCode" AS r, "CategoryCode" AS c, count(*) AS n
                          FROM new_rows WHERE "PublishedAt" IS NOT NULL GROUP BY 1, 2, 3) g;
                SELECT max(CASE WHEN "PublishedAt" IS NOT NULL THEN greatest("UpdatedAt", "PublishedAt") ELSE "WithdrawnAt" END)
                  INTO changed FROM new_rows;
                differs := cardinality(deltas) > 0;
            ELSIF TG_OP = 'DELETE' THEN
                SELECT coalesce(array_agg(m ORDER BY m, r, c), '{}'), coalesce(array_agg(r ORDER BY m, r, c), '{}'),
                       coalesce(array_agg(c ORDER BY m, r, c), '{}'), coalesce(array_agg(-n ORDER BY m, r, c), '{}')
                  INTO months, regions, categories, deltas
                  FROM (SELECT date_trunc('month', "OccurredOn")::date AS m, "RegionCode" AS r, "CategoryCode" AS c, count(*) AS n
                          FROM old_rows WHERE "PublishedAt" IS NOT NULL GROUP BY 1, 2, 3) g;
                differs := cardinality(deltas) > 0;
            ELSE
                SELECT coalesce(array_agg(m ORDER BY m, r, c), '{}'), coalesce(array_agg(r ORDER BY m, r, c), '{}'),
                       coalesce(array_agg(c ORDER BY m, r, c), '{}'), coalesce(array_agg(n ORDER BY m, r, c), '{}')
                  INTO months, regions, categories, deltas
                  FROM (SELECT m, r, c, sum(n) AS n
                          FROM (SELECT date_trunc('month', "OccurredOn")::date AS m, "RegionCode" AS r, "CategoryCode" AS c, 1 AS n
                                  FROM new_rows WHERE "PublishedAt" IS NOT NULL
                                UNION ALL
                                SELECT date_trunc('month', "OccurredOn")::date, "RegionCode", "CategoryCode", -1
                                  FROM old_rows WHERE "PublishedAt" IS NOT NULL) d
                         GROUP BY 1, 2, 3 HAVING sum(n) <> 0) g;
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
                -- A move to another month only adds nothing per region and category.
                INSERT INTO public_registry_counts AS t ("RegionCode", "CategoryCode", "Published")
                SELECT r, c, sum(n) FROM unnest(regions, categories, deltas) AS d(r, c, n) GROUP BY r, c HAVING sum(n) <> 0 ORDER BY r, c
                    ON CONFLICT ("RegionCode", "CategoryCode") DO UPDATE SET "Published" = t."Published" + excluded."Published";
                INSERT INTO public_registry_months AS t ("Month", "RegionCode", "CategoryCode", "Published")
                SELECT m, r, c, n FROM unnest(months, regions, categories, deltas) AS d(m, r, c, n)
                    ON CONFLICT ("Month", "RegionCode", "CategoryCode") DO UPDATE SET "Published" = t."Published" + excluded."Published";
            END IF;

            RETURN NULL;
        END
        $fn$;
        """;

    public const string Up = $"""
        LOCK TABLE "Incidents" IN SHARE ROW EXCLUSIVE MODE;

        CREATE TABLE public_registry_months (
            "Month" date NOT NULL,
            "RegionCode" character varying(64),
            "CategoryCode" character varying(64),
            "Published" bigint NOT NULL,
            CONSTRAINT public_registry_months_key UNIQUE NULLS NOT DISTINCT ("Month", "RegionCode", "CategoryCode"));

        {Follow}

        INSERT INTO public_registry_months ("Month", "RegionCode", "CategoryCode", "Published")
        SELECT date_trunc('month', "OccurredOn")::date, "RegionCode", "CategoryCode", count(*)
          FROM "Incidents" WHERE "PublishedAt" IS NOT NULL GROUP BY 1, 2, 3;

        CREATE VIEW public_incident_months AS
        SELECT "Month", "RegionCode", "CategoryCode", "Published" FROM public_registry_months WHERE "Published" > 0;

        DO $do$
        DECLARE r text;
        BEGIN
            FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants WHERE table_name = 'public_incident_counts' AND privilege_type = 'SELECT' LOOP
                EXECUTE format('GRANT SELECT ON public_incident_months TO %I', r);
            END LOOP;
        END
        $do$;
        """;

    public const string Down = $"""
        LOCK TABLE "Incidents" IN SHARE ROW EXCLUSIVE MODE;
        DROP VIEW IF EXISTS public_incident_months;
        {PublicRegistryCountsSql.Follow}
        DROP TABLE IF EXISTS public_registry_months;
        """;
}
