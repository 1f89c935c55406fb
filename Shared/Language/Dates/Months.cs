namespace AdilSoz.Intake.Language.Dates;

/// <summary>
/// The one table of month names in Russian, Kazakh and English, and of the words for today and
/// yesterday, shared by the Bot's date answers and the dates a report mentions.
/// </summary>
public static class Months
{
    // Russian stems carry every case ending (февраля, феврале); Kazakh names take theirs after the
    // whole name (ақпанда, ақпанның); English names stand alone. May is listed by its forms: "ма" alone
    // would take in far too many words.
    private static readonly string[][] Names =
    [
        ["январ", "қаңтар", "january"],
        ["феврал", "ақпан", "february"],
        ["март", "наурыз", "march"],
        ["апрел", "сәуір", "april"],
        ["мамыр", "may"],
        ["июн", "маусым", "june"],
        ["июл", "шілде", "july"],
        ["август", "тамыз", "august"],
        ["сентябр", "қыркүйек", "september"],
        ["октябр", "қазан", "october"],
        ["ноябр", "қараша", "november"],
        ["декабр", "желтоқсан", "december"],
    ];

    private static readonly HashSet<string> RussianMay = new(StringComparer.Ordinal) { "май", "мая", "мае", "маю", "маем" };

    // Days back from the day of writing.
    private static readonly Dictionary<string, int> RelativeDays = new(StringComparer.Ordinal)
    {
        ["сегодня"] = 0, ["бүгін"] = 0, ["бугин"] = 0, ["бугін"] = 0, ["today"] = 0,
        ["вчера"] = 1, ["кеше"] = 1, ["yesterday"] = 1,
        ["позавчера"] = 2,
    };

    /// <summary>
    /// The month (1–12) a lower-case word names: a form of a month's name ("февраля", "ақпанда", "february")
    /// or its abbreviation of at least three letters ("фев", "дек", "сент", "қаң", "feb"); otherwise null.
    /// </summary>
    public static int? Of(string word) => Of(word, latinOnly: false);

    /// <summary>The month an English word names ("February", "Feb"), or null.</summary>
    public static int? OfEnglish(string word) => Of(word, latinOnly: true);

    private static int? Of(string word, bool latinOnly)
    {
        if (word.Length < 3)
        {
            return null;
        }

        if (!latinOnly && RussianMay.Contains(word))
        {
            return 5;
        }

        for (var m = 0; m < Names.Length; m++)
        {
            foreach (var name in Names[m])
            {
                // An English name is matched whole or shortened ("mayor" is no month); a Cyrillic one also with its endings.
                var latin = char.IsAsciiLetter(name[0]);
                if (latinOnly && !latin)
                {
                    continue;
                }

                if (name.StartsWith(word, StringComparison.Ordinal) || (!latin && word.StartsWith(name, StringComparison.Ordinal)))
                {
                    return m + 1;
                }
            }
        }

        return null;
    }

    /// <summary>How many days before the day of writing a lower-case word points to ("вчера" 1, "бүгін" 0), or null.</summary>
    public static int? DaysBack(string word) => RelativeDays.TryGetValue(word, out var days) ? days : null;

    /// <summary>Short English form for explanations: "3 Feb".</summary>
    public static string Display(DateOnly date)
    {
        var name = Names[date.Month - 1][^1];
        return date.Day + " " + char.ToUpperInvariant(name[0]) + name[1..3];
    }
}
