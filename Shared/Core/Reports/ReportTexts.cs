using System.Globalization;
using System.Resources;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Core.Reports;

/// <summary>
/// The wording of the monthly report in one language, from ReportTexts.resx (Russian) and its .kk and .en
/// satellites. The code picks which sentence fits the figures (the plural form, "all", "none", "one of one");
/// the files say it in each language.
/// </summary>
internal sealed class ReportTexts
{
    private static readonly ResourceManager Texts = new(typeof(ReportTexts));

    private readonly CultureInfo _culture;

    private ReportTexts(string language)
    {
        Language = language;
        _culture = TextCulture.Of(language);
    }

    public static IReadOnlyList<string> FoundationNames { get; } =
    [
        "Сөз бостандығын қорғау халықаралық қоры",
        "Международный фонд защиты свободы слова",
        "The International Foundation for Freedom of Speech Protection",
    ];

    public string Language { get; }

    public string IncidentsHeading => Text("IncidentsHeading");

    public string YearToDateHeading => Text("YearToDateHeading");

    public string NothingFiledThisYear => Text("NothingFiledThisYear");

    public static ReportTexts For(string lang) => new(ReportLanguage.Normalize(lang));

    /// <summary>"Not translated into English; original in Russian." for an incident shown in its source language.</summary>
    public string NotTranslated(string sourceLanguage) => Text("NotTranslated." + sourceLanguage);

    public string Title(int year, int month) => Format("Title", Text($"MonthTitle{month}"), year);

    /// <summary>"Февраль 2021", "2021 жылғы ақпан", "February 2021".</summary>
    public string MonthAndYear(int year, int month) => Format("MonthAndYear", Text($"MonthTitle{month}"), year);

    public string Introduction(int year, int month) => Format("Introduction", When(year, month));

    public string FiledHeading(int year, int month) => Sentence("FiledHeading", When(year, month));

    public string NothingFiled(int year, int month) => Sentence("NothingFiled", When(year, month));

    public string JudicialActs(JudicialActsFigures acts, int year, int month)
    {
        var when = When(year, month);
        if (acts.Total == 0)
        {
            return Sentence("JudicialActsNone", when);
        }

        var count = Sentence("JudicialActs" + Plural.Form(Language, acts.Total), when, Words(acts.Total), NumberWords.Capitalize(Words(acts.Total)));
        string favor;
        if (acts.Total == 1)
        {
            favor = Text(acts.InFavorOfMedia == 1 ? "JudicialActFavorable" : "JudicialActUnfavorable");
        }
        else
        {
            favor = acts.InFavorOfMedia switch
            {
                0 => Text("JudicialActsFavorableNone"),
                var n when n == acts.Total => Text("JudicialActsFavorableAll"),
                var n => Sentence("JudicialActsFavorableSome" + Plural.Form(Language, n), OfThem(n, "JudicialActNoun")),
            };
        }

        return $"{count} {favor}";
    }

    public string Criminal(CriminalFigures criminal)
    {
        var total = criminal.Total;
        var detail = criminal.InCourt switch
        {
            0 => Text(total == 1 ? "CriminalInCourtNoneOfOne" : "CriminalInCourtNone"),
            var n when n == total => Text(total == 1 ? "CriminalInCourtTheOne" : "CriminalInCourtAll"),
            var n => Format("CriminalInCourtSome" + Plural.Form(Language, n), Lower(OfThem(n, "CriminalNoun", RussianGender.Neuter))),
        };
        return Format("Criminal" + Plural.Form(Language, total), Digits(total), detail);
    }

    public string Civil(CivilFigures civil, bool yearToDate)
    {
        if (civil.Total == 0)
        {
            return Format("CivilNone", Money(civil.CollectedKzt));
        }

        var detail = (civil.Total, civil.HonorDignity) switch
        {
            (1, 1) => Text("CivilHonorDignityTheOne"),
            (1, 0) => "",
            (_, 0) => Text("CivilHonorDignityNone"),
            var (t, h) when t == h => Text("CivilHonorDignityAll"),
            var (_, h) => Format("CivilHonorDignitySome", Lower(OfThem(h, "CivilNoun"))),
        };
        var claimed = civil.ClaimedKzt > 0 ? Format("CivilClaimed", Money(civil.ClaimedKzt)) : Text("CivilNothingClaimed");
        var collected = civil.CollectedKzt > 0 ? Format("CivilCollected", Money(civil.CollectedKzt)) : Text("CivilNothingCollected");
        var key = (yearToDate ? "CivilYearToDate" : "Civil") + Plural.Form(Language, civil.Total);
        return Format(key, Digits(civil.Total), detail, claimed, collected);
    }

    public string Administrative(AdministrativeFigures administrative) =>
        Format("Administrative" + Plural.Form(Language, administrative.Total), Digits(administrative.Total));

    public ReportFooter Footer(ReportSignatory signatory)
    {
        var name = Language switch
        {
            ReportLanguage.English => signatory.NameEn,
            ReportLanguage.Russian => signatory.NameRu,
            _ => signatory.NameKk,
        };
        return new(Text("FooterSources"), [Text("FooterSignatoryTitle"), name, $"e-mail: {signatory.Email}"], Format("FooterContact", signatory.ContactEmail));
    }

    /// <summary>
    /// The bullet items of a block of figures, criminal first, leaving out kinds with no cases (as the foundation
    /// does); the civil line stays when courts collected sums in suits filed earlier.
    /// </summary>
    public IReadOnlyList<string> Items(CaseFigures figures, bool yearToDate)
    {
        var items = new List<string>(3);
        if (figures.Criminal.Total > 0)
        {
            items.Add(Criminal(figures.Criminal));
        }

        if (figures.Civil.Total > 0 || figures.Civil.CollectedKzt > 0)
        {
            items.Add(Civil(figures.Civil, yearToDate));
        }

        if (figures.Administrative.Total > 0)
        {
            items.Add(Administrative(figures.Administrative));
        }

        return items;
    }

    /// <summary>"в феврале 2021 года", "2021 жылғы ақпанда", "February 2021".</summary>
    private string When(int year, int month) => Format("When", Text($"MonthIn{month}"), year);

    /// <summary>
    /// "N of them" opening a sentence: "Три из них", "Three of them", "Оның үшеуі"; Kazakh has a word up to ten
    /// and counts with the noun above ("Оның ішінде 12 сот актісі").
    /// </summary>
    private string OfThem(long n, string nounKey, RussianGender gender = RussianGender.Masculine) =>
        NumberWords.Capitalize(NumberWords.KazakhOfThem(n) is { } collective
            ? Format("OfThem", Words(n, gender), collective, Digits(n), Text(nounKey))
            : Format("OfThemCounted", Words(n, gender), "", Digits(n), Text(nounKey)));

    private string Text(string key) =>
        Texts.GetString(key, _culture) ?? throw new InvalidOperationException($"No report text '{key}'.");

    private string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, Text(key), args);

    /// <summary>A sentence that may open with a lower-case word in some language ("в феврале" → "В феврале").</summary>
    private string Sentence(string key, params object[] args) => NumberWords.Capitalize(Format(key, args));

    private string Money(long kzt) => Reports.Money.Format(kzt, Language);

    private string Words(long n, RussianGender gender = RussianGender.Masculine) => NumberWords.Cardinal(n, Language, gender);

    private static string Digits(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Lower(string text) => char.ToLowerInvariant(text[0]) + text[1..];
}
