namespace AdilSoz.Intake.Language.Dedup;

// What happened: two reports that each say what was done, and say nothing alike, are about two incidents.
public static partial class DuplicateMatcher
{
    /// <summary>
    /// The concepts that say what was done to a journalist or an outlet (a detention, a beating, a seizure, a
    /// lawsuit, a search, threats, being kept out, a blocked site, a hacked account, a deportation, a fine). Other
    /// concepts (police, camera, court, akimat …) are where or with what, and shared by different incidents.
    /// </summary>
    private static readonly string[] IncidentConcepts =
        ["detain", "assault", "seize", "lawsuit", "search", "threat", "prevent", "block", "hack", "deport", "fine"];

    // A fingerprint keeps its concepts as hashed terms ("c:" + concept), old fingerprints included.
    private static readonly (int Hash, string Concept)[] IncidentTerms =
        [.. IncidentConcepts.Select(c => (StableHash.Of32("c:" + c), c))];

    /// <summary>The kinds of incident a fingerprint's text names, from its concept terms.</summary>
    internal static List<string> Incidents(Fingerprint fp) =>
        [.. IncidentTerms.Where(t => Array.BinarySearch(fp.Terms, t.Hash) >= 0).Select(t => t.Concept)];

    /// <summary>"A / B" when both reports name what happened and no kind of incident is named by both; null otherwise.</summary>
    private static string? DifferentIncidents(Fingerprint a, Fingerprint b)
    {
        var x = IncidentsMask(a);
        var y = IncidentsMask(b);
        return x != 0 && y != 0 && (x & y) == 0 ? string.Join(", ", Incidents(a)) + " / " + string.Join(", ", Incidents(b)) : null;
    }

    // The kinds named, one bit each in the order of IncidentTerms: compared for every candidate, spelt out only for a conflict.
    private static int IncidentsMask(Fingerprint fp)
    {
        var mask = 0;
        for (var i = 0; i < IncidentTerms.Length; i++)
        {
            if (Array.BinarySearch(fp.Terms, IncidentTerms[i].Hash) >= 0)
            {
                mask |= 1 << i;
            }
        }

        return mask;
    }
}
