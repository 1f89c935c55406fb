using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Core.Reports;

/// <summary>Russian, with numerals agreeing in case and gender (вынесен один судебный акт, четыре иска, пять исков).</summary>
internal sealed class RussianReportTexts : ReportTexts
{
    private const string Context =
        "в связи с реализацией права на свободу выражения, получение и распространение информации";

    private const string HonorDignity = "о защите чести, достоинства и деловой репутации";

    private static readonly string[] s_monthsNominative =
        ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];

    private static readonly string[] s_monthsPrepositional =
        ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"];

    public override string Language => ReportLanguage.Russian;

    public override string IncidentsHeading => "Фонд сообщает:";

    public override string YearToDateHeading => "С начала года поступили:";

    public override string NothingFiledThisYear =>
        "С начала года обвинений и исков в связи с реализацией права на свободу выражения не поступало.";

    public override string Title(int year, int month) =>
        $"Нарушения свободы слова в Казахстане. {NumberWords.Capitalize(s_monthsNominative[month - 1])} {year} года";

    public override string Introduction(int year, int month) =>
        "Международный фонд защиты свободы слова «Әділ сөз» провёл исследование ситуации с правом на свободу выражения, " +
        $"получение и распространение информации в Казахстане {In(year, month)}.";

    public override string JudicialActs(JudicialActsFigures acts, int year, int month)
    {
        var when = NumberWords.Capitalize(In(year, month));
        if (acts.Total == 0)
        {
            return $"{when} судебных актов против СМИ {Context} не выносилось.";
        }

        var verb = Plural.IsRussianSingular(acts.Total) ? "вынесен" : "вынесено";
        var count = $"{Words(acts.Total)} {Plural.Choose(Language, acts.Total, "судебный акт", "судебных акта", "судебных актов")}";
        string favor;
        if (acts.Total == 1)
        {
            favor = acts.InFavorOfMedia == 1 ? "Он вынесен в пользу ответчика." : "Он вынесен не в пользу ответчика.";
        }
        else
        {
            favor = acts.InFavorOfMedia switch
            {
                0 => "Ни один из них не вынесен в пользу ответчиков.",
                var n when n == acts.Total => "Все они вынесены в пользу ответчиков.",
                var n => $"{NumberWords.Capitalize(Words(n))} из них {(Plural.IsRussianSingular(n) ? "вынесен" : "вынесены")} в пользу ответчиков.",
            };
        }

        return $"{when} против СМИ {Context} {verb} {count}. {favor}";
    }

    public override string FiledHeading(int year, int month) =>
        $"{NumberWords.Capitalize(In(year, month))} в связи с реализацией права на свободу выражения поступили:";

    public override string NothingFiled(int year, int month) =>
        $"{NumberWords.Capitalize(In(year, month))} обвинений и исков в связи с реализацией права на свободу выражения не поступало.";

    public override string Criminal(CriminalFigures criminal)
    {
        var total = criminal.Total;
        var detail = criminal.InCourt switch
        {
            0 => total == 1 ? "в суд не передано" : "ни одно не передано в суд",
            var n when n == total => total == 1 ? "передано в суд" : "все переданы в суд",
            var n => $"{Words(n, RussianGender.Neuter)} из них {(Plural.IsRussianSingular(n) ? "передано" : "переданы")} в суд",
        };
        var noun = Plural.Choose(Language, total, "уголовное обвинение", "уголовных обвинения", "уголовных обвинений");
        return $"{Digits(total)} {noun} ({detail}).";
    }

    public override string Civil(CivilFigures civil, bool yearToDate)
    {
        if (civil.Total == 0)
        {
            return $"Гражданских исков не поступало. Суды взыскали {Money(civil.CollectedKzt)}.";
        }

        var noun = Plural.Choose(Language, civil.Total, "гражданский иск", "гражданских иска", "гражданских исков");
        var detail = (civil.Total, civil.HonorDignity) switch
        {
            (1, 1) => $" ({HonorDignity})",
            (1, 0) => "",
            (_, 0) => $" (ни один из них не касается защиты чести, достоинства и деловой репутации)",
            var (t, h) when t == h => $" (все — {HonorDignity})",
            var (_, h) => $" ({Words(h)} из них — {HonorDignity})",
        };
        var claimed = civil.ClaimedKzt > 0
            ? $"Сумма исков о компенсации морального вреда составила {Money(civil.ClaimedKzt)}."
            : "Требований о компенсации морального вреда не заявлено.";
        var collected = civil.CollectedKzt > 0
            ? $"Суды взыскали {Money(civil.CollectedKzt)}."
            : "Суды ничего не взыскали.";
        return $"{Digits(civil.Total)} {noun}{detail}. {claimed} {collected}";
    }

    public override string Administrative(AdministrativeFigures administrative) =>
        $"{Digits(administrative.Total)} " +
        Plural.Choose(Language, administrative.Total, "административное обвинение", "административных обвинения", "административных обвинений");

    public override ReportFooter Footer(ReportSignatory signatory) => new(
        "Мониторинг проведён по сообщениям корреспондентов Фонда «Әділ сөз», СМИ и других источников.",
        ["Руководитель службы мониторинга Фонда «Әділ сөз»", signatory.NameRu, $"e-mail: {signatory.Email}"],
        $"По всем вопросам мониторинга можно также обращаться по адресу {signatory.ContactEmail}");

    /// <summary>"в феврале 2021 года".</summary>
    private static string In(int year, int month) => $"в {s_monthsPrepositional[month - 1]} {year} года";
}
