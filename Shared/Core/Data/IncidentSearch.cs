namespace AdilSoz.Intake.Core.Data;

/// <summary>
/// The incidents' full-text search column: a stored generated <c>tsvector</c> (shadow property, GIN index)
/// over title, summary, narrative, settlement and outlets, with the 'simple' and 'russian' configurations.
/// Query it with <c>EF.Property&lt;NpgsqlTsVector&gt;(i, IncidentSearch.Column).Matches(…)</c>.
/// </summary>
/// <remarks>
/// The column's expression calls <c>adilsoz_join_text(text[])</c>, an IMMUTABLE wrapper of <c>array_to_string</c>
/// (which is only STABLE, and a generated column may call IMMUTABLE functions only). The migration
/// <c>Initial</c> creates that function with its SQL written out; a migration that creates the table anew
/// must carry the same SQL before it.
/// </remarks>
public static class IncidentSearch
{
    public const string Column = "SearchVector";
}
