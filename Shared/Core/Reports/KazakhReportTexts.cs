namespace AdilSoz.Intake.Core.Reports;

/// <summary>Kazakh: no plural after a numeral (бес азаматтық талап-арыз), "of them" as оның үшеуі.</summary>
internal sealed class KazakhReportTexts : ReportTexts
{
    private const string Context =
        "пікір білдіру бостандығы, ақпарат алу және тарату құқығын жүзеге асыруға байланысты";

    private const string HonorDignity = "ар-намысты, қадір-қасиетті және іскерлік беделді қорғау туралы";

    private static readonly string[] s_months =
        ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

    /// <summary>Locative: қаңтарда, ақпанда, сәуірде, қыркүйекте …</summary>
    private static readonly string[] s_monthsLocative =
        ["қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"];

    public override string Language => ReportLanguage.Kazakh;

    public override string IncidentsHeading => "Қор хабарлайды:";

    public override string YearToDateHeading => "Жыл басынан бері мыналар тіркелді:";

    public override string NothingFiledThisYear => "Жыл басынан бері айыптаулар мен талап-арыздар түскен жоқ.";

    public override string Title(int year, int month) =>
        $"Қазақстандағы сөз бостандығының бұзылуы. {year} жылғы {s_months[month - 1]}";

    public override string Introduction(int year, int month) =>
        $"«Әділ сөз» сөз бостандығын қорғау халықаралық қоры {In(year, month)} Қазақстандағы пікір білдіру бостандығы, " +
        "ақпарат алу және тарату құқығының жағдайына зерттеу жүргізді.";

    public override string JudicialActs(JudicialActsFigures acts, int year, int month)
    {
        var when = In(year, month);
        if (acts.Total == 0)
        {
            return $"{when} {Context} БАҚ-қа қарсы сот актілері шығарылған жоқ.";
        }

        string favor;
        if (acts.Total == 1)
        {
            favor = acts.InFavorOfMedia == 1 ? "Ол жауапкердің пайдасына шешілді." : "Ол жауапкердің пайдасына шешілген жоқ.";
        }
        else
        {
            favor = acts.InFavorOfMedia switch
            {
                0 => "Олардың ешқайсысы жауапкерлердің пайдасына шешілген жоқ.",
                var n when n == acts.Total => "Барлығы жауапкерлердің пайдасына шешілді.",
                var n => $"{OfThem(n, "сот актісі")} жауапкерлердің пайдасына шешілді.",
            };
        }

        return $"{when} {Context} БАҚ-қа қарсы {Words(acts.Total)} сот актісі шығарылды. {favor}";
    }

    public override string FiledHeading(int year, int month) =>
        $"{In(year, month)} пікір білдіру бостандығы құқығын жүзеге асыруға байланысты мыналар тіркелді:";

    public override string NothingFiled(int year, int month) =>
        $"{In(year, month)} пікір білдіру бостандығы құқығын жүзеге асыруға байланысты айыптаулар мен талап-арыздар түскен жоқ.";

    public override string Criminal(CriminalFigures criminal)
    {
        var total = criminal.Total;
        var detail = criminal.InCourt switch
        {
            0 => total == 1 ? "сотқа жіберілген жоқ" : "ешқайсысы сотқа жіберілген жоқ",
            var n when n == total => total == 1 ? "сотқа жіберілді" : "барлығы сотқа жіберілді",
            var n => $"{Lower(OfThem(n, "айыптау"))} сотқа жіберілді",
        };
        return $"{Digits(total)} қылмыстық айыптау ({detail}).";
    }

    public override string Civil(CivilFigures civil, bool yearToDate)
    {
        if (civil.Total == 0)
        {
            return $"Азаматтық талап-арыздар түскен жоқ. Соттар {Money(civil.CollectedKzt)} өндіріп алды.";
        }

        var detail = (civil.Total, civil.HonorDignity) switch
        {
            (1, 1) => $" ({HonorDignity})",
            (1, 0) => "",
            (_, 0) => $" (олардың ешқайсысы {HonorDignity} емес)",
            var (t, h) when t == h => $" (барлығы {HonorDignity})",
            var (_, h) => $" ({Lower(OfThem(h, "талап-арыз"))} {HonorDignity})",
        };
        var claimed = civil.ClaimedKzt > 0
            ? $"Моральдық зиянды өтеу туралы талаптардың сомасы {Money(civil.ClaimedKzt)} болды."
            : "Моральдық зиянды өтеу талап етілген жоқ.";
        var collected = civil.CollectedKzt > 0
            ? $"Соттар {Money(civil.CollectedKzt)} өндіріп алды."
            : "Соттар ешқандай сома өндіріп алған жоқ.";
        return $"{Digits(civil.Total)} азаматтық талап-арыз{detail}. {claimed} {collected}";
    }

    public override string Administrative(AdministrativeFigures administrative) =>
        $"{Digits(administrative.Total)} әкімшілік айыптау";

    public override ReportFooter Footer(ReportSignatory signatory) => new(
        "Мониторинг «Әділ сөз» қорының тілшілері, БАҚ және басқа да дереккөздер хабарлары бойынша жүргізілді.",
        ["«Әділ сөз» қорының мониторинг қызметінің басшысы", signatory.NameKk, $"e-mail: {signatory.Email}"],
        $"Мониторингке қатысты барлық сұрақтар бойынша {signatory.ContactEmail} мекенжайына да жазуға болады.");

    /// <summary>"2021 жылғы ақпанда".</summary>
    private static string In(int year, int month) => $"{year} жылғы {s_monthsLocative[month - 1]}";

    /// <summary>"Оның үшеуі"; above ten "Оның ішінде 12 сот актісі".</summary>
    private static string OfThem(long n, string noun) =>
        NumberWords.KazakhOfThem(n) is { } word ? $"Оның {word}" : $"Оның ішінде {Digits(n)} {noun}";

    private static string Lower(string text) => char.ToLowerInvariant(text[0]) + text[1..];
}
