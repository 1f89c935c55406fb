using System.Globalization;
using System.Text.RegularExpressions;

namespace AdilSoz.Intake.Language.Dates;

public enum DateParseOutcome
{
    Parsed,
    Future,
    Invalid,
}

/// <summary>
/// Reads a date as reporters type it: 03.02.2021, 3.2.21, 3/2/2021, 2021-02-03, "3 февраля",
/// "3 ақпан 2021", "February 3", "3 Feb", "сегодня", "кеше". A date without a year is the latest
/// such date not after today.
/// </summary>
public static partial class DateParser
{
    // Kazakh stems first: "мам"/"мау" must not fall into the Russian "ма…" (май).
    private static readonly (string Stem, int Month)[] MonthStems =
    [
        ("қаң", 1), ("ақп", 2), ("нау", 3), ("сәу", 4), ("мам", 5), ("мау", 6),
        ("шіл", 7), ("там", 8), ("қыр", 9), ("қаз", 10), ("қар", 11), ("жел", 12),
        ("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("ма", 5), ("июн", 6),
        ("июл", 7), ("авг", 8), ("сен", 9), ("окт", 10), ("ноя", 11), ("дек", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6),
        ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ];

    private static readonly string[] Today = ["today", "сегодня", "бүгін", "бугин", "бугін"];
    private static readonly string[] Yesterday = ["yesterday", "вчера", "кеше"];

    public static DateParseOutcome TryParse(string? text, DateOnly today, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return DateParseOutcome.Invalid;
        }

        var s = text.Trim().ToLowerInvariant();
        DateOnly? parsed = null;
        if (Today.Any(w => s.StartsWith(w, StringComparison.Ordinal)))
        {
            parsed = today;
        }
        else if (Yesterday.Any(w => s.StartsWith(w, StringComparison.Ordinal)))
        {
            parsed = today.AddDays(-1);
        }
        else if (IsoDate().Match(s) is { Success: true } iso)
        {
            parsed = Make(Int(iso, 1), Int(iso, 2), Int(iso, 3));
        }
        else if (NumericDate().Match(s) is { Success: true } num)
        {
            var year = num.Groups[3].Success ? FullYear(Int(num, 3)) : (int?)null;
            parsed = MakeWithoutYear(Int(num, 1), Int(num, 2), year, today);
        }
        else
        {
            parsed = ParseWords(s, today);
        }

        if (parsed is not { } d)
        {
            return DateParseOutcome.Invalid;
        }

        date = d;
        return d > today ? DateParseOutcome.Future : DateParseOutcome.Parsed;
    }

    private static DateOnly? ParseWords(string s, DateOnly today)
    {
        int? month = null;
        int? day = null;
        int? year = null;
        foreach (Match token in Token().Matches(s))
        {
            var t = token.Value;
            if (char.IsDigit(t[0]))
            {
                var n = int.Parse(t, CultureInfo.InvariantCulture);
                if (t.Length == 4)
                {
                    year ??= n;
                }
                else if (t.Length <= 2)
                {
                    day ??= n;
                }
            }
            else if (month is null && t.Length >= 3)
            {
                month = MonthStems.Where(m => t.StartsWith(m.Stem, StringComparison.Ordinal)).Select(m => (int?)m.Month).FirstOrDefault();
            }
        }

        return month is { } mo && day is { } dd ? MakeWithoutYear(dd, mo, year, today) : null;
    }

    private static DateOnly? MakeWithoutYear(int day, int month, int? year, DateOnly today)
    {
        if (year is { } y)
        {
            return Make(y, month, day);
        }

        var thisYear = Make(today.Year, month, day);
        return thisYear is { } d && d > today ? Make(today.Year - 1, month, day) : thisYear;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int FullYear(int y) => y < 100 ? 2000 + y : y;

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{4}|\d{2}))?(?!\d)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\d+|\p{L}+")]
    private static partial Regex Token();
}
