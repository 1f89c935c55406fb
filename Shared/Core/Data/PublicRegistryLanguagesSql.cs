namespace AdilSoz.Intake.Core.Data;

/// <summary>
/// The public registry in three languages, called from the migration <c>IncidentLanguages</c>: the function
/// <c>adilsoz_translation</c> reads one field of one language from an incident's <c>Translations</c>, and
/// <c>incident_public_fields</c> (with <c>public_incidents</c> over it) gains, after its existing columns, the source
/// language and the title, summary and narrative per language (kk, ru, en), each masked like the source texts
/// (<c>adilsoz_mask_names</c>); null where the incident has no version in that language. The views are replaced in
/// place (new columns at the end), so grants and <c>public_registry_state</c> are untouched.
/// </summary>
public static class PublicRegistryLanguagesSql
{
    public const string Up = """
        UPDATE "Incidents" SET "SourceLanguage" = 'en' WHERE "SourceLanguage" NOT IN ('kk', 'ru', 'en');
        UPDATE "Incidents" SET "Translations" = '[]'::jsonb WHERE "Translations" IS NULL;

        CREATE FUNCTION adilsoz_translation(translations jsonb, lang text, field text) RETURNS text
        LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $fn$
            SELECT nullif(btrim(t->>field), '')
              FROM jsonb_array_elements(CASE WHEN jsonb_typeof(translations) = 'array' THEN translations ELSE '[]'::jsonb END) AS t
             WHERE t->>'Language' = lang AND nullif(btrim(t->>'Title'), '') IS NOT NULL
             LIMIT 1
        $fn$;

        CREATE OR REPLACE VIEW incident_public_fields AS
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
               to_tsvector('simple'::regconfig, m."Text") || to_tsvector('russian'::regconfig, m."Text") AS "SearchVector",
               i."SourceLanguage",
               CASE WHEN i."SourceLanguage" = 'kk' THEN m."Title" ELSE adilsoz_mask_names(adilsoz_translation(i."Translations", 'kk', 'Title'), i."Victims") END AS "TitleKk",
               CASE WHEN i."SourceLanguage" = 'kk' THEN m."Summary" ELSE adilsoz_mask_names(adilsoz_translation(i."Translations", 'kk', 'Summary'), i."Victims") END AS "SummaryKk",
               CASE WHEN i."SourceLanguage" = 'kk' THEN m."Narrative" ELSE adilsoz_mask_names(adilsoz_translation(i."Translations", 'kk', 'Narrative'), i."Victims") END AS "NarrativeKk",
               CASE WHEN i."SourceLanguage" = 'ru' THEN m."Title" ELSE adilsoz_mask_names(adilsoz_translation(i."Translations", 'ru', 'Title'), i."Victims") END AS "TitleRu",
               CASE WHEN i."SourceLanguage" = 'ru' THEN m."Summary" ELSE adilsoz_mask_names(adilsoz_translation(i."Translations", 'ru', 'Summary'), i."Victims") END AS "SummaryRu",
               CASE WHEN i."SourceLanguage" = 'ru' THEN m."Narrative" ELSE adilsoz_mask_names(adilsoz_translation(i."Translations", 'ru', 'Narrative'), i."Victims") END AS "NarrativeRu",
               CASE WHEN i."SourceLanguage" = 'en' THEN m."Title" ELSE adilsoz_mask_names(adilsoz_translation(i."Translations", 'en', 'Title'), i."Victims") END AS "TitleEn",
               CASE WHEN i."SourceLanguage" = 'en' THEN m."Summary" ELSE adilsoz_mask_names(adilsoz_translation(i."Translations", 'en', 'Summary'), i."Victims") END AS "SummaryEn",
               CASE WHEN i."SourceLanguage" = 'en' THEN m."Narrative" ELSE adilsoz_mask_names(adilsoz_translation(i."Translations", 'en', 'Narrative'), i."Victims") END AS "NarrativeEn"
          FROM "Incidents" i
          CROSS JOIN LATERAL (SELECT adilsoz_mask_names(i."Title", i."Victims") AS "Title",
                                     adilsoz_mask_names(i."Summary", i."Victims") AS "Summary",
                                     adilsoz_mask_names(i."Narrative", i."Victims") AS "Narrative",
                                     adilsoz_mask_names(coalesce(i."Title", '') || ' ' || coalesce(i."Summary", '') || ' ' ||
                                         coalesce(i."Narrative", '') || ' ' || coalesce(i."Settlement", '') || ' ' ||
                                         adilsoz_join_text(i."Outlets"), i."Victims") AS "Text") m;

        CREATE OR REPLACE VIEW public_incidents AS
        SELECT * FROM incident_public_fields WHERE "PublishedAt" IS NOT NULL;

        """;

    // Note: a view cannot lose columns in place; the two views are made again as they were before (public_registry_state
    // reads "Incidents", not them), and the public role's right on public_incidents is given again.
    public const string Down = """
        DROP VIEW public_incidents;
        DROP VIEW incident_public_fields;
        DROP FUNCTION adilsoz_translation(jsonb, text, text);

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

        DO $do$
        DECLARE r text;
        BEGIN
            FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants WHERE table_name = 'public_registry_state' AND privilege_type = 'SELECT' LOOP
                EXECUTE format('GRANT SELECT ON public_incidents TO %I', r);
            END LOOP;
        END
        $do$;
        """;
}
