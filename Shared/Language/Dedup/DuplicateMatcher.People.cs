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
        if (besideA.Count == 0)
        {
            return true;
        }

        var besideB = Beside(b, keyB);
        if (besideB.Count == 0)
        {
            return true;
        }

        foreach (var x in besideA)
        {
            foreach (var y in besideB)
            {
                if (SameBeside(x, y))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"A / B" when both reports name people (surnames) and share no one; null otherwise.</summary>
    private static string? PeopleConflictOf(Fingerprint a, Fingerprint b)
    {
        NameMention? firstA = null, firstB = null;
        var shared = false;
        for (var i = 0; i < a.Names.Count && !shared; i++)
        {
            if (!IsSurnameKey(a.Names[i].Key))
            {
                continue;
            }

            firstA ??= a.Names[i];
            for (var j = 0; j < b.Names.Count; j++)
            {
                if (IsSurnameKey(b.Names[j].Key))
                {
                    firstB ??= b.Names[j];
                    if (SamePerson(a, a.Names[i].Key, b, b.Names[j].Key))
                    {
                        shared = true;
                        break;
                    }
                }
            }
        }

        return firstA is not null && firstB is not null && !shared ? firstA.Display + " / " + firstB.Display : null;
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
        if (fp.Pairs is not { Count: > 0 } pairs)
        {
            return beside;
        }

        foreach (var pair in pairs)
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
