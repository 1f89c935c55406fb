using AdilSoz.Intake.Language.Dates;
using AdilSoz.Intake.Language.Places;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Dedup;

/// <summary>
/// Decides whether two fingerprints describe the same event. Signals: text overlap (stems and
/// concepts, across scripts through transliteration), shared names of people and outlets, the same
/// place, dates close together and shared files. Different places or different dates push apart.
/// </summary>
public static partial class DuplicateMatcher
{
    /// <summary>Weights of the signals in the score.</summary>
    private const double TextWeight = 0.55;
    private const double NameWeight = 0.30;
    private const double PlaceWeight = 0.08;
    private const double DateWeight = 0.07;
    private const double FileWeight = 0.40;

    /// <summary>Text overlap at which the text signal is full: paraphrases rarely share more than this.</summary>
    private const double TextSaturation = 0.6;

    /// <summary>Multipliers applied when both reports name places (or dates) and none agree.</summary>
    private const double PlaceConflict = 0.5;
    private const double DateConflict = 0.5;
    private const double PeopleConflict = 0.5;
    private const double OutletConflict = 0.5;

    /// <summary>
    /// Multiplier when both reports say what happened and name no kind of incident in common (a seizure / being
    /// kept out of a session): as strong as another place or other people, and for the same reason — one report
    /// may tell only part of what happened, as it may name only one of the people, but both telling something
    /// and nothing alike is most often two incidents.
    /// </summary>
    private const double IncidentConflict = 0.5;

    /// <summary>Multiplier when the dates the reports give are <see cref="DateFarDays"/> apart: neither close nor clearly other.</summary>
    private const double DateNearMiss = 0.8;

    /// <summary>Dates at most this many days apart are "close together"; more than <see cref="DateFarDays"/> apart conflict.</summary>
    private const int DateCloseDays = 1;
    private const int DateFarDays = 2;

    /// <summary>Reports received further apart than this, with no date in common, are less likely one event.</summary>
    private const int ReceiptGapDays = 21;
    private const double ReceiptGapFactor = 0.7;

    public static MatchResult Compare(Fingerprint a, Fingerprint b, MatchThresholds? thresholds = null)
    {
        var t = thresholds ?? MatchThresholds.Default;
        var sharedFiles = a.Files.Count == 0 || b.Files.Count == 0 ? 0 : a.Files.Intersect(b.Files, StringComparer.Ordinal).Count();

        if (a.ExactTextHash is not null && a.ExactTextHash == b.ExactTextHash)
        {
            return new MatchResult(1, LinkLevel.Exact, sharedFiles > 0 ? "same text; " + FilesPhrase(sharedFiles) : "same text");
        }

        if (a.ExactTextHash is null && b.ExactTextHash is null && a.Files.Count > 0 && a.Files.SequenceEqual(b.Files))
        {
            return new MatchResult(1, LinkLevel.Exact, FilesPhrase(sharedFiles));
        }

        var text = TextSimilarity(a.Terms, b.Terms);
        var names = SharedNames(a, b);
        var (placeSignal, places, placeConflict) = ComparePlaces(a.Places, b.Places);
        var (dateSignal, dates, dateConflict, dateNearMiss) = CompareDates(a.Dates, b.Dates);

        var score = (TextWeight * Math.Min(1.0, text / TextSaturation))
            + (NameWeight * Math.Min(1.0, names.Count / 2.0))
            + (placeSignal ? PlaceWeight : 0)
            + (dateSignal ? DateWeight : 0)
            + (sharedFiles > 0 ? FileWeight : 0);
        if (placeConflict is not null)
        {
            score *= PlaceConflict;
        }

        if (dateConflict is not null)
        {
            score *= DateConflict;
        }
        else if (dateNearMiss is not null)
        {
            score *= DateNearMiss;
        }

        // Both name people (surnames) and share no name at all: most likely other people.
        var peopleConflict = PeopleConflictOf(a, b);
        if (peopleConflict is not null)
        {
            score *= PeopleConflict;
        }

        // Both name an outlet in quotes and not the same one: a journalist of another outlet.
        var outletConflict = DifferentOutlets(a, b);
        if (outletConflict is not null)
        {
            score *= OutletConflict;
        }

        // Both say what was done and nothing alike (a seizure / threats): most likely two incidents.
        var incidentConflict = DifferentIncidents(a, b);
        if (incidentConflict is not null)
        {
            score *= IncidentConflict;
        }

        var receiptGap = (int)Math.Abs((a.ReceivedAt - b.ReceivedAt).TotalDays);
        var farApart = !dateSignal && receiptGap > ReceiptGapDays;
        if (farApart)
        {
            score *= ReceiptGapFactor;
        }

        score = Math.Round(Math.Min(1.0, score), 3);
        LinkLevel? level = score >= t.SameEvent ? LinkLevel.SameEvent : score >= t.Suggested ? LinkLevel.Suggested : null;

        var parts = new List<string>();
        if (sharedFiles > 0)
        {
            parts.Add(FilesPhrase(sharedFiles));
        }

        if (names.Count > 0)
        {
            // Surnames first: they say more than first names or outlet words.
            var shown = names.OrderBy(n => LooksLikeSurname(n) ? 0 : 1).Take(4);
            parts.Add("names: " + string.Join(", ", shown));
        }

        if (places.Count > 0)
        {
            parts.Add(string.Join(", ", places.Take(3)));
        }

        if (dates.Count > 0)
        {
            parts.Add(string.Join(", ", dates.Take(2)));
        }

        if (text >= 0.2)
        {
            parts.Add($"text {Math.Round(text * 100)}% alike");
        }

        if (placeConflict is not null)
        {
            parts.Add("different places: " + placeConflict);
        }

        if (dateConflict is not null)
        {
            parts.Add("different dates: " + dateConflict);
        }

        if (dateNearMiss is not null)
        {
            parts.Add($"dates {DateFarDays} days apart: " + dateNearMiss);
        }

        if (peopleConflict is not null)
        {
            parts.Add("different people: " + peopleConflict);
        }

        if (incidentConflict is not null)
        {
            parts.Add("different incidents: " + incidentConflict);
        }

        if (outletConflict is not null)
        {
            parts.Add("different outlets: " + outletConflict);
        }

        if (farApart)
        {
            parts.Add($"received {receiptGap} days apart");
        }

        return new MatchResult(score, level, parts.Count > 0 ? string.Join("; ", parts) : "nothing in common");
    }

    /// <summary>Overlap of two sorted term sets: |A∩B| / √(|A|·|B|).</summary>
    public static double TextSimilarity(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common / Math.Sqrt((double)a.Length * b.Length);
    }

    private static readonly string[] SurnameEndings = ["ov", "ev", "in", "uli", "kizi", "enko", "ski"];

    /// <summary>A name whose base ends like a surname (-ov, -eva, -uly, -enko, -sky), in any of its forms.</summary>
    private static bool LooksLikeSurname(string display) => IsSurnameKey(Transliterator.PhoneticKey(display));

    private static bool IsSurnameKey(string key)
    {
        var variants = NameKeys.Variants(key);
        for (var i = 0; i < variants.Count; i++)
        {
            foreach (var e in SurnameEndings)
            {
                if (variants[i].Length > e.Length + 2 && variants[i].EndsWith(e, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string FilesPhrase(int count) => count == 1 ? "same photo" : $"same files ({count})";

    private static List<string> SharedNames(Fingerprint fa, Fingerprint fb)
    {
        var shared = new List<string>();
        var a = fa.Names;
        var b = fb.Names;
        for (var i = 0; i < a.Count; i++)
        {
            var x = a[i];
            for (var j = 0; j < b.Count; j++)
            {
                var match = b[j];
                if (SamePerson(fa, x.Key, fb, match.Key))
                {
                    // The shorter written form is usually the nominative ("Akhmedyarov", not "Akhmedyarova").
                    shared.Add(match.Display.Length < x.Display.Length ? match.Display : x.Display);
                    break;
                }
            }
        }

        return shared;
    }

    private static (bool Shared, List<string> Names, string? Conflict) ComparePlaces(IReadOnlyList<PlaceMention> a, IReadOnlyList<PlaceMention> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return (false, [], null);
        }

        var shared = new List<string>();
        for (var i = 0; i < a.Count; i++)
        {
            var x = a[i];
            for (var j = 0; j < b.Count; j++)
            {
                if ((x.Region is not null && x.Region == b[j].Region) || NameKeys.Same(x.Key, b[j].Key))
                {
                    if (!shared.Contains(x.Display))
                    {
                        shared.Add(x.Display);
                    }

                    break;
                }
            }
        }

        return shared.Count > 0
            ? (true, shared, null)
            : (false, [], a[0].Display + " / " + b[0].Display);
    }

    /// <summary>
    /// Dates of two reports: close together (at most <see cref="DateCloseDays"/> apart, shown), a conflict (all more
    /// than <see cref="DateFarDays"/> apart: "A / B"), or a near miss (the closest exactly <see cref="DateFarDays"/> apart).
    /// </summary>
    private static (bool Close, List<string> Dates, string? Conflict, string? NearMiss) CompareDates(IReadOnlyList<DateOnly> a, IReadOnlyList<DateOnly> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return (false, [], null, null);
        }

        var best = int.MaxValue;
        (DateOnly A, DateOnly B) closest = default;
        var close = new List<string>();
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                var gap = Math.Abs(a[i].DayNumber - b[j].DayNumber);
                if (gap < best)
                {
                    (best, closest) = (gap, (a[i], b[j]));
                }

                if (gap <= DateCloseDays)
                {
                    var shown = Months.Display(a[i]);
                    if (!close.Contains(shown))
                    {
                        close.Add(shown);
                    }
                }
            }
        }

        return best > DateFarDays ? (false, [], Months.Display(a[0]) + " / " + Months.Display(b[0]), null)
            : best == DateFarDays ? (false, [], null, Months.Display(closest.A) + " / " + Months.Display(closest.B))
            : (close.Count > 0, close, null, null);
    }
}
