using System.Globalization;

namespace AdilSoz.Intake.Core.Reports;

/// <summary>
/// Sums in tenge as the foundation writes them: "5 million 50 thousand tenge", "5 млн 50 тыс. тенге",
/// "5 млн 50 мың теңге". Units that are zero are left out; a sum under a thousand keeps its digits.
/// </summary>
public static class Money
{
    public static string Format(long kzt, string lang)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(kzt);
        var (billion, million, thousand, currency) = ReportLanguage.Normalize(lang) switch
        {
            ReportLanguage.English => ("billion", "million", "thousand", "tenge"),
            ReportLanguage.Russian => ("млрд", "млн", "тыс.", "тенге"),
            _ => ("млрд", "млн", "мың", "теңге"),
        };

        if (kzt == 0)
        {
            return $"0 {currency}";
        }

        var parts = new List<string>(5);
        Add(parts, kzt / 1_000_000_000, billion);
        Add(parts, kzt / 1_000_000 % 1000, million);
        Add(parts, kzt / 1000 % 1000, thousand);
        Add(parts, kzt % 1000, null);
        parts.Add(currency);
        return string.Join(' ', parts);
    }

    private static void Add(List<string> parts, long amount, string? unit)
    {
        if (amount == 0)
        {
            return;
        }

        var digits = amount.ToString(CultureInfo.InvariantCulture);
        parts.Add(unit is null ? digits : $"{digits} {unit}");
    }
}
