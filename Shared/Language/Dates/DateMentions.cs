using System.Text.RegularExpressions;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Dates;

/// <summary>
/// Dates a report mentions: "3 февраля", "3-го февраля", "3 ақпанда", "February 3rd", "3 Feb",
/// "03.02.2021", "вчера"/"кеше"/"yesterday" — read against the time the report was received
/// (a date without a year is the latest such date not after the receipt, plus a week of slack).
/// </summary>
public static partial class DateMentions
{

    private static readonly HashSet<string> OrdinalFillers = new(StringComparer.Ordinal)
    {
        "го", "е", "ого", "ші", "шы", "нші", "ншы", "інші", "ыншы", "th", "st", "nd", "rd", "of",
    };

    [GeneratedRegex(@"(?<![\d.])(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2}))?(?![\d])")]
    private static partial Regex NumericDate();

    /// <param name="text">The report's text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="received">The day it was received, in the foundation's time zone (the caller's clock).</param>
    public static List<DateOnly> Find(string text, IReadOnlyList<Token> tokens, DateOnly received)
    {
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

                if (j < tokens.Count && Months.Of(tokens[j].Value) is { } month)
                {
                    Add(found, day, month, Year(tokens, j + 1), received);
                }
            }
            else if (!tokens[i].IsNumber && Months.OfEnglish(value) is { } month && i + 1 < tokens.Count && Day(tokens[i + 1].Value) is { } d)
            {
                Add(found, d, month, Year(tokens, i + 2), received);
            }
            else if (Months.DaysBack(value) is { } back)
            {
                found.Add(received.AddDays(-back));
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
}
