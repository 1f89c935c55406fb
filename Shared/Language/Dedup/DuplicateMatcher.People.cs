using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Dedup;

// People: names written side by side tell namesakes apart.
public static partial class DuplicateMatcher
{
    /// <summary>
    /// The same name, and not told apart by the name written beside it in both reports: "Lukpan
    /// Akhmedyarov" and "Nurlan Akhmedyarov" share a surname but are two people (and "Lukpan
    /// Akhmedyarov" and "Lukpan Serikbayev" share only a first name).
    /// </summary>
    private static bool SamePerson(Fingerprint a, string keyA, Fingerprint b, string keyB)
    {
        if (!NameKeys.Same(keyA, keyB))
        {
            return false;
        }

        var besideA = Beside(a, keyA);
        var besideB = Beside(b, keyB);
        return besideA.Count == 0 || besideB.Count == 0 || besideA.Any(x => besideB.Any(y => SameBeside(x, y)));
    }

    /// <summary>
    /// Names beside a name are compared loosely: first names are short and inflected ("Ольгу" / "Olga",
    /// "Руслана" / "Ruslan"), so keys that differ only after their first letters count as one — a
    /// conflict must be clear (Lukpan / Nurlan) before it splits two reports.
    /// </summary>
    private static bool SameBeside(string a, string b)
    {
        if (NameKeys.Same(a, b))
        {
            return true;
        }

        // An iotated initial is written both ways: Елена / Yelena, Юрий / Yuri.
        a = Deiotated(a);
        b = Deiotated(b);
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
        {
            common++;
        }

        return common >= 3 && common >= Math.Min(a.Length, b.Length) - 1 && Math.Abs(a.Length - b.Length) <= 2;
    }

    private static string Deiotated(string key) =>
        key.Length > 2 && key[0] == 'i' && "aeiou".Contains(key[1], StringComparison.Ordinal) ? key[1..] : key;

    private static List<string> Beside(Fingerprint fp, string key)
    {
        var beside = new List<string>();
        foreach (var pair in fp.Pairs ?? [])
        {
            if (NameKeys.Same(pair.A, key))
            {
                beside.Add(pair.B);
            }
            else if (NameKeys.Same(pair.B, key))
            {
                beside.Add(pair.A);
            }
        }

        return beside;
    }
}
