namespace AdilSoz.Intake.Core.Data;

/// <summary>
/// The public registry in three languages, called from the migration <c>IncidentLanguages</c>: the function
/// <c>adilsoz_translation</c> reads one field of one language from an incident's <c>Translations</c>, and
/// <c>incident_public_fields</c> (with <c>public_incidents</c> over it) masks the names of victims who did not consent
/// under both scripts (<c>adilsoz_name_scripts</c>) and gains, after its existing columns, the source
/// language and the title, summary and narrative per language (kk, ru, en), each masked like the source texts
/// (<c>adilsoz_mask_names</c>, the names also in the other script: <c>adilsoz_name_scripts</c>); null where the incident
/// has no version in that language. The views are replaced in
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

        -- The victims who did not consent, each also under the name written in the other script (Cyrillic to Latin as
        -- English texts spell names, й as y and as i, Latin to Cyrillic letter by letter), so that a translation naming them is masked too.
        CREATE FUNCTION adilsoz_name_scripts(victims jsonb) RETURNS jsonb
        LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $fn$
            SELECT coalesce(jsonb_agg(jsonb_build_object('Name', x.name, 'MayBeNamed', false)), '[]'::jsonb)
              FROM (SELECT v->>'Name' AS n
                      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(victims) = 'array' THEN victims ELSE '[]'::jsonb END) AS v
                     WHERE NOT coalesce((v->>'MayBeNamed')::boolean, false) AND length(btrim(coalesce(v->>'Name', ''))) > 0) AS u
             CROSS JOIN LATERAL (VALUES
                   (u.n),
                   (translate(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(u.n),
                        'щ', 'shch'), 'ж', 'zh'), 'х', 'kh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'ю', 'yu'), 'я', 'ya'), 'ъ', ''), 'ь', ''),
                        'абвгдеёзийклмнопрстуфыэәғқңөұүһі', 'abvgdeeziyklmnoprstufyeagknouuhi')),
                   (translate(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(u.n), 'й', 'i'),
                        'щ', 'shch'), 'ж', 'zh'), 'х', 'kh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'ю', 'yu'), 'я', 'ya'), 'ъ', ''), 'ь', ''),
                        'абвгдеёзийклмнопрстуфыэәғқңөұүһі', 'abvgdeeziyklmnoprstufyeagknouuhi')),
                   (translate(replace(replace(replace(replace(replace(replace(replace(replace(lower(u.n),
                        'shch', 'щ'), 'zh', 'ж'), 'kh', 'х'), 'ts', 'ц'), 'ch', 'ч'), 'sh', 'ш'), 'yu', 'ю'), 'ya', 'я'),
                        'abvgdezijklmnoprstufyhcwq', 'абвгдезийклмнопрстуфйхквк'))) AS x(name)
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
               adilsoz_mask_names(CASE WHEN i."SourceLanguage" = 'kk' THEN i."Title" ELSE adilsoz_translation(i."Translations", 'kk', 'Title') END, n."Names") AS "TitleKk",
               adilsoz_mask_names(CASE WHEN i."SourceLanguage" = 'kk' THEN i."Summary" ELSE adilsoz_translation(i."Translations", 'kk', 'Summary') END, n."Names") AS "SummaryKk",
               adilsoz_mask_names(CASE WHEN i."SourceLanguage" = 'kk' THEN i."Narrative" ELSE adilsoz_translation(i."Translations", 'kk', 'Narrative') END, n."Names") AS "NarrativeKk",
               adilsoz_mask_names(CASE WHEN i."SourceLanguage" = 'ru' THEN i."Title" ELSE adilsoz_translation(i."Translations", 'ru', 'Title') END, n."Names") AS "TitleRu",
               adilsoz_mask_names(CASE WHEN i."SourceLanguage" = 'ru' THEN i."Summary" ELSE adilsoz_translation(i."Translations", 'ru', 'Summary') END, n."Names") AS "SummaryRu",
               adilsoz_mask_names(CASE WHEN i."SourceLanguage" = 'ru' THEN i."Narrative" ELSE adilsoz_translation(i."Translations", 'ru', 'Narrative') END, n."Names") AS "NarrativeRu",
               adilsoz_mask_names(CASE WHEN i."SourceLanguage" = 'en' THEN i."Title" ELSE adilsoz_translation(i."Translations", 'en', 'Title') END, n."Names") AS "TitleEn",
               adilsoz_mask_names(CASE WHEN i."SourceLanguage" = 'en' THEN i."Summary" ELSE adilsoz_translation(i."Translations", 'en', 'Summary') END, n."Names") AS "SummaryEn",
               adilsoz_mask_names(CASE WHEN i."SourceLanguage" = 'en' THEN i."Narrative" ELSE adilsoz_translation(i."Translations", 'en', 'Narrative') END, n."Names") AS "NarrativeEn"
          FROM "Incidents" i
          CROSS JOIN LATERAL (SELECT adilsoz_name_scripts(i."Victims") AS "Names") n
          CROSS JOIN LATERAL (SELECT adilsoz_mask_names(i."Title", n."Names") AS "Title",
                                     adilsoz_mask_names(i."Summary", n."Names") AS "Summary",
                                     adilsoz_mask_names(i."Narrative", n."Names") AS "Narrative",
                                     adilsoz_mask_names(coalesce(i."Title", '') || ' ' || coalesce(i."Summary", '') || ' ' ||
                                         coalesce(i."Narrative", '') || ' ' || coalesce(i."Settlement", '') || ' ' ||
                                         adilsoz_join_text(i."Outlets"), n."Names") AS "Text") m;

        CREATE OR REPLACE VIEW public_incidents AS
        SELECT * FROM incident_public_fields WHERE "PublishedAt" IS NOT NULL;

        """;

    // Note: a view cannot lose columns in place; the two views are made again as they were before (public_registry_state
    // reads "Incidents", not them), and the public role's right on public_incidents is given again.
    public const string Down = """
        DROP VIEW public_incidents;
        DROP VIEW incident_public_fields;
        DROP FUNCTION adilsoz_translation(jsonb, text, text);
        DROP FUNCTION adilsoz_name_scripts(jsonb);

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
