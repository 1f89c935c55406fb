using System.Globalization;

namespace AdilSoz.Intake.Language.Text;

/// <summary>
/// The culture that reads a language's texts from the <c>.resx</c> files: kk and en read their satellites;
/// ru, and any other or unknown language, reads the neutral (Russian) file.
/// </summary>
public static class TextCulture
{
    private static readonly CultureInfo Kazakh = CultureInfo.GetCultureInfo("kk");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru");

    public static CultureInfo Of(string? language) => language switch
    {
        "kk" => Kazakh,
        "en" => English,
        _ => Russian,
    };
}
