using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Dedup;

// Outlets: two reports that each name an outlet in quotes, and not the same one, are about other people.
public static partial class DuplicateMatcher
{
    /// <summary>
    /// One outlet written two ways: word by word the same names («Уральская неделя», «Уральской недели»,
    /// «Нашей газеты» / «Наша газета»), or one the start of the other («Власть» and «Власть kz»).
    /// </summary>
    internal static bool SameOutlet(string a, string b)
    {
        var x = a.Split(' ');
        var y = b.Split(' ');
        var shorter = Math.Min(x.Length, y.Length);
        for (var i = 0; i < shorter; i++)
        {
            if (!SameOutletWord(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Outlet words are often short and inflected (нашей / наша): compared as loosely as first names.
    private static bool SameOutletWord(string a, string b) => NameKeys.Same(a, b) || SameBeside(a, b);

    /// <summary>
    /// "A / B" when both reports name outlets in quotes, none of one is among the other's, and neither
    /// names the other's outlet at all (an English report writes «Уральская неделя» as Uralskaya Nedelya,
    /// without quotes); null otherwise.
    /// </summary>
    private static string? DifferentOutlets(Fingerprint a, Fingerprint b)
    {
        if (a.Outlets is not { Count: > 0 } x || b.Outlets is not { Count: > 0 } y)
        {
            return null;
        }

        if (x.Any(o => y.Any(p => SameOutlet(o.Key, p.Key))) || x.Any(o => Names(o, b)) || y.Any(o => Names(o, a)))
        {
            return null;
        }

        return x[0].Display + " / " + y[0].Display;
    }

    /// <summary>Every word of the outlet is among the names of the report.</summary>
    private static bool Names(NameMention outlet, Fingerprint report) =>
        outlet.Key.Split(' ').All(w => report.Names.Any(n => SameOutletWord(w, n.Key)));
}
