namespace AdilSoz.Intake.Core.Data;

/// <summary>
/// The public registry in SQL, called from the migration <c>PublicRegistry</c> (kept here so that the migration can be
/// made again by <c>dotnet ef</c> without losing it):
/// <list type="bullet">
/// <item><c>incident_public_fields</c>: every incident's public fields; victims who did not consent to be named keep
/// only their role, and their names (and the stems of the parts of their names, so that declined forms go too) are
/// masked as <c>[…]</c> in the title, summary and narrative; the search vector is made from the masked texts. The
/// staff site's redaction preview reads it, so an Editor sees exactly what the public will.</item>
/// <item><c>public_incidents</c>: the published ones. The public role may read this view and nothing under it.</item>
/// <item><c>public_registry_state</c>: how many are public and when the public data last changed (publication,
/// edit of a public incident, withdrawal), for ETag and Last-Modified.</item>
/// </list>
/// Views run with their owner's rights, so the public role needs no right on <c>Incidents</c> or the cases.
/// </summary>
public static class PublicRegistrySql
{
    public const string PublicIncidents = "public_incidents";
    public const string PreviewFields = "incident_public_fields";
    public const string State = "public_registry_state";

    public const string Up = """
        CREATE FUNCTION adilsoz_mask_names(t text, victims jsonb) RETURNS text
        LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $fn$
        DECLARE
            v jsonb;
            part text;
            stem text;
        BEGIN
            IF t IS NULL OR victims IS NULL OR jsonb_typeof(victims) <> 'array' THEN
                RETURN t;
            END IF;
            FOR v IN SELECT x FROM jsonb_array_elements(victims) AS x LOOP
                IF coalesce((v->>'MayBeNamed')::boolean, false) THEN
                    CONTINUE;
                END IF;
                IF length(btrim(coalesce(v->>'Name', ''))) > 0 THEN
                    t := regexp_replace(t, regexp_replace(btrim(v->>'Name'), '([.*+?^${}()|\[\]\\])', '\\\1', 'g'), '[…]', 'gi');
                END IF;
                FOR part IN SELECT p FROM regexp_split_to_table(coalesce(v->>'Name', ''), '[^[:alnum:]]+') AS p LOOP
                    CONTINUE WHEN length(part) < 3;
                    stem := CASE WHEN length(part) >= 6 THEN left(part, length(part) - 2) ELSE part END;
                    t := regexp_replace(t, '\m' || stem || '[[:alnum:]]*', '[…]', 'gi');
                END LOOP;
            END LOOP;
            RETURN t;
        END
        $fn$;

        CREATE VIEW incident_public_fields AS
        SELECT i."Id", m."Title", i."OccurredOn", i."DatePrecision", i."RegionCode", i."Settlement", i."CategoryCode",
               m."Summary", m."Narrative",
               coalesce((SELECT jsonb_agg(jsonb_build_object(
                           'name', CASE WHEN coalesce((v->>'MayBeNamed')::boolean, false) THEN v->>'Name' END,
                           'role', v->>'Role',
                           'outlet', CASE WHEN coalesce((v->>'MayBeNamed')::boolean, false) THEN v->>'Outlet' END) ORDER BY o)
                           FROM jsonb_array_elements(CASE WHEN jsonb_typeof(i."Victims") = 'array' THEN i."Victims" ELSE '[]'::jsonb END)
                                WITH ORDINALITY AS x(v, o)), '[]'::jsonb) AS "Victims",
               i."Outlets",
               ARRAY(SELECT DISTINCT c."Kind"::text FROM "LegalCases" c WHERE c."IncidentId" = i."Id" ORDER BY 1) AS "CaseKinds",
               coalesce((SELECT jsonb_agg(jsonb_build_object(
                           'kind', lower(c."Kind"), 'filedOn', c."FiledOn", 'honorDignity', c."HonorDignity", 'inCourt', c."InCourt",
                           'claimedKzt', c."ClaimedKzt",
                           'rulings', coalesce((SELECT jsonb_agg(jsonb_build_object('on', r."On", 'inFavorOfMedia', r."InFavorOfMedia",
                                                   'collectedKzt', r."CollectedKzt") ORDER BY r."On", r."Id")
                                                  FROM "Rulings" r WHERE r."LegalCaseId" = c."Id"), '[]'::jsonb))
                           ORDER BY c."FiledOn", c."Id")
                           FROM "LegalCases" c WHERE c."IncidentId" = i."Id"), '[]'::jsonb) AS "LegalCases",
               i."PublishedAt", i."UpdatedAt",
               to_tsvector('simple'::regconfig, m."Text") || to_tsvector('russian'::regconfig, m."Text") AS "SearchVector"
          FROM "Incidents" i
          CROSS JOIN LATERAL (SELECT adilsoz_mask_names(i."Title", i."Victims") AS "Title",
                                     adilsoz_mask_names(i."Summary", i."Victims") AS "Summary",
                                     adilsoz_mask_names(i."Narrative", i."Victims") AS "Narrative",
                                     adilsoz_mask_names(coalesce(i."Title", '') || ' ' || coalesce(i."Summary", '') || ' ' ||
                                         coalesce(i."Narrative", '') || ' ' || coalesce(i."Settlement", '') || ' ' ||
                                         adilsoz_join_text(i."Outlets"), i."Victims") AS "Text") m;

        CREATE VIEW public_incidents AS
        SELECT * FROM incident_public_fields WHERE "PublishedAt" IS NOT NULL;

        CREATE VIEW public_registry_state AS
        SELECT count(*) FILTER (WHERE "PublishedAt" IS NOT NULL) AS "Published",
               max(CASE WHEN "PublishedAt" IS NOT NULL THEN greatest("UpdatedAt", "PublishedAt") ELSE "WithdrawnAt" END) AS "ChangedAt"
          FROM "Incidents"
         WHERE "PublishedAt" IS NOT NULL OR "WithdrawnAt" IS NOT NULL;
        """;

    public const string Down = """
        DROP VIEW IF EXISTS public_registry_state;
        DROP VIEW IF EXISTS public_incidents;
        DROP VIEW IF EXISTS incident_public_fields;
        DROP FUNCTION IF EXISTS adilsoz_mask_names(text, jsonb);
        """;
}
