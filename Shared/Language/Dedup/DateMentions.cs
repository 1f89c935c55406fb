using System.Text.RegularExpressions;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Dedup;

/// <summary>
/// Dates a report mentions: "3 февраля", "3-го февраля", "3 ақпанда", "February 3rd", "3 Feb",
/// "03.02.2021", "вчера"/"кеше"/"yesterday" — read against the time the report was received
/// (a date without a year is the latest such date not after the receipt, plus a week of slack).
/// </summary>
public static partial class DateMentions
{
    private static readonly TimeSpan KazakhstanOffset = TimeSpan.FromHours(5);

    private static readonly (string Prefix, int Month)[] MonthPrefixes =
    [
        ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("июн", 6), ("июл", 7), ("август", 8),
        ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
        ("қаңтар", 1), ("ақпан", 2), ("наурыз", 3), ("сәуір", 4), ("мамыр", 5), ("маусым", 6), ("шілде", 7),
        ("тамыз", 8), ("қыркүйек", 9), ("қазан", 10), ("қараша", 11), ("желтоқсан", 12),
    ];

    private static readonly string[] EnglishMonths =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly HashSet<string> OrdinalFillers = new(StringComparer.Ordinal)
    {
        "го", "е", "ого", "ші", "шы", "нші", "ншы", "інші", "ыншы", "th", "st", "nd", "rd", "of",
    };

    [GeneratedRegex(@"(?<![\d.])(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2}))?(?![\d])")]
    private static partial Regex NumericDate();

    public static List<DateOnly> Find(string text, IReadOnlyList<Token> tokens, DateTimeOffset receivedAt)
    {
        var received = DateOnly.FromDateTime(receivedAt.ToOffset(KazakhstanOffset).DateTime);
        var found = new List<DateOnly>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var value = tokens[i].Value;
            if (tokens[i].IsNumber && Day(value) is { } day)
            {
                var j = i + 1;
                if (j < tokens.Count && OrdinalFillers.Contains(tokens[j].Value))
                {
                    j++;
                }

                if (j < tokens.Count && Month(tokens[j].Value) is { } month)
                {
                    Add(found, day, month, Year(tokens, j + 1), received);
                }
            }
            else if (!tokens[i].IsNumber && EnglishMonth(value) is { } month && i + 1 < tokens.Count && Day(tokens[i + 1].Value) is { } d)
            {
                Add(found, d, month, Year(tokens, i + 2), received);
            }
            else
            {
                switch (value)
                {
                    case "вчера" or "кеше" or "yesterday":
                        found.Add(received.AddDays(-1));
                        break;
                    case "сегодня" or "бүгін" or "today":
                        found.Add(received);
                        break;
                    case "позавчера":
                        found.Add(received.AddDays(-2));
                        break;
                }
            }
        }

        foreach (Match m in NumericDate().Matches(text))
        {
            var day = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            int? year = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            if (year is < 100)
            {
                year += 2000;
            }

            if (month is >= 1 and <= 12 && day is >= 1 and <= 31)
            {
                Add(found, day, month, year, received);
            }
        }

        return found.Distinct().Order().ToList();
    }

    /// <summary>Short English form for explanations: "3 Feb".</summary>
    public static string Display(DateOnly date) =>
        date.Day + " " + EnglishMonths[date.Month - 1][..1].ToUpperInvariant() + EnglishMonths[date.Month - 1][1..3];

    private static void Add(List<DateOnly> found, int day, int month, int? year, DateOnly received)
    {
        var y = year ?? received.Year;
        if (day > DateTime.DaysInMonth(y, month))
        {
            return;
        }

        var date = new DateOnly(y, month, day);
        if (year is null && date > received.AddDays(7))
        {
            if (day > DateTime.DaysInMonth(y - 1, month))
            {
                return;
            }

            date = new DateOnly(y - 1, month, day);
        }

        found.Add(date);
    }

    private static int? Day(string value)
    {
        var digits = 0;
        while (digits < value.Length && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        // "3", "3rd", "3th"; not "2021" or "3km".
        if (digits is 0 or > 2 || (digits < value.Length && !OrdinalFillers.Contains(value[digits..])))
        {
            return null;
        }

        var day = int.Parse(value.AsSpan(0, digits), System.Globalization.CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 ? day : null;
    }

    private static int? Year(IReadOnlyList<Token> tokens, int index)
    {
        if (index < tokens.Count && tokens[index].Value.Length == 4 && int.TryParse(tokens[index].Value, out var year) && year is >= 1990 and <= 2100)
        {
            return year;
        }

        return null;
    }

    /// <summary>True for a month name in any of the three languages and its forms.</summary>
    public static bool IsMonth(string value) => Month(value) is not null;

    private static int? Month(string value)
    {
        if (value is "мая" or "май" or "мае")
        {
            return 5;
        }

        foreach (var (prefix, month) in MonthPrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return month;
            }
        }

        return EnglishMonth(value);
    }

    private static int? EnglishMonth(string value)
    {
        if (value.Length < 3)
        {
            return null;
        }

        for (var m = 0; m < EnglishMonths.Length; m++)
        {
            if (EnglishMonths[m].StartsWith(value, StringComparison.Ordinal) && (value.Length >= 3))
            {
                return m + 1;
            }
        }

        return null;
    }
}
