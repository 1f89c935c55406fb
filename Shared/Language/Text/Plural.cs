namespace AdilSoz.Intake.Language.Text;

/// <summary>Which form a noun takes after a number.</summary>
public enum PluralForm
{
    One,
    Few,
    Many,
}

/// <summary>
/// The plural rules of the three languages, in one place: Russian 1, 21, 101 take One (иск), 2–4, 22–24 take Few
/// (иска), 0, 5–20, 11–14, 111 take Many (исков); English One for 1 and Many otherwise; a Kazakh noun stays
/// singular after a numeral (бес талап-арыз), so always One.
/// </summary>
public static class Plural
{
    public static PluralForm Form(string language, long count)
    {
        var n = Math.Abs(count);
        return language switch
        {
            "ru" when n % 100 is >= 11 and <= 14 => PluralForm.Many,
            "ru" => (n % 10) switch
            {
                1 => PluralForm.One,
                2 or 3 or 4 => PluralForm.Few,
                _ => PluralForm.Many,
            },
            "en" => n == 1 ? PluralForm.One : PluralForm.Many,
            _ => PluralForm.One,
        };
    }

    /// <summary>The form of <paramref name="count"/> among the three given (English never uses <paramref name="few"/>).</summary>
    public static string Choose(string language, long count, string one, string few, string many) => Form(language, count) switch
    {
        PluralForm.One => one,
        PluralForm.Few => few,
        _ => many,
    };

    /// <summary>True where Russian agrees a verb with a singular: 1, 21, 101 (not 11, 111).</summary>
    public static bool IsRussianSingular(long count) => Form("ru", count) == PluralForm.One;
}
