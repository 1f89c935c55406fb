namespace AdilSoz.Intake.Core.Reports;

/// <summary>The grammatical gender a Russian numeral agrees with (один иск, одна жалоба, одно обвинение).</summary>
public enum RussianGender
{
    Masculine,
    Feminine,
    Neuter,
}

/// <summary>
/// Numbers up to ten as words, as the foundation writes them ("Four judicial acts", "три из них",
/// "оның үшеуі"); larger numbers stay digits.
/// </summary>
public static class NumberWords
{
    private static readonly string[] s_english =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    private static readonly string[] s_russian =
        ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"];

    private static readonly string[] s_kazakh =
        ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он"];

    /// <summary>"Of them" forms: оның біреуі, екеуі, үшеуі … оны.</summary>
    private static readonly string[] s_kazakhCollective =
        ["ешқайсысы", "біреуі", "екеуі", "үшеуі", "төртеуі", "бесеуі", "алтауы", "жетеуі", "сегізі", "тоғызы", "оны"];

    /// <summary>The cardinal in <paramref name="lang"/> (en, ru, kk); digits above ten.</summary>
    public static string Cardinal(long n, string lang, RussianGender gender = RussianGender.Masculine)
    {
        if (n is < 0 or > 10)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ReportLanguage.Normalize(lang) switch
        {
            ReportLanguage.English => s_english[n],
            ReportLanguage.Russian => (n, gender) switch
            {
                (1, RussianGender.Feminine) => "одна",
                (1, RussianGender.Neuter) => "одно",
                (2, RussianGender.Feminine) => "две",
                _ => s_russian[n],
            },
            _ => s_kazakh[n],
        };
    }

    /// <summary>The Kazakh possessive collective for "N of them" (үшеуі); digits with "-і/-сі" are avoided.</summary>
    public static string? KazakhOfThem(long n) => n is >= 0 and <= 10 ? s_kazakhCollective[n] : null;

    /// <summary>The first letter in upper case, for a numeral opening a sentence.</summary>
    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
