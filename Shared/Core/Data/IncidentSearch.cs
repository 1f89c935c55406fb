namespace AdilSoz.Intake.Core.Data;

/// <summary>
/// The incidents' full-text search column: a stored generated <c>tsvector</c> (shadow property, GIN index)
/// over title, summary, narrative, settlement and outlets, with the 'simple' and 'russian' configurations.
/// Query it with <c>EF.Property&lt;NpgsqlTsVector&gt;(i, IncidentSearch.Column).Matches(…)</c>.
/// </summary>
public static class IncidentSearch
{
    public const string Column = "SearchVector";

    /// <summary>Created by migration IncidentSearch: <c>array_to_string</c> is only STABLE, a generated column needs IMMUTABLE.</summary>
    public const string JoinFunctionSql =
        "CREATE OR REPLACE FUNCTION adilsoz_join_text(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE " +
        "AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$";
}
