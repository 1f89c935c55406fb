using AdilSoz.Intake.Language.Dedup;

namespace AdilSoz.Intake.Language.Tests.Dedup;

/// <summary>
/// Two reports about one surname in one city are told apart by what they say happened and when: another date
/// or another kind of incident counts against a same-event link, a date a day off does not.
/// </summary>
public sealed class DatesAndIncidentsTests
{
    private static readonly DateTimeOffset Received = new(2025, 12, 26, 10, 0, 0, TimeSpan.FromHours(5));

    private static Fingerprint Of(string text) =>
        Fingerprinter.Compute(new DedupInput(1, text, null, null, Received, null, null, [], null));

    private const string Threats = "{date} в Кызылорде журналисту Сейтказханову позвонили с угрозами после публикации. Редакция требует наказать виновных.";
    private const string ThreatsRetold = "Журналист Ерлан Сейтказханов из Кызылорды получил угрозы в мессенджере {date}. Юрист фонда уже ознакомился с материалами.";

    [Theory]
    // One surname, one city, threats both times: a day off is one event told twice, other dates are two.
    [InlineData("10 февраля", "10 февраля", true)]
    [InlineData("10 февраля", "11 февраля", true)]
    [InlineData("10 февраля", "12 февраля", false)]
    [InlineData("10 февраля", "25 февраля", false)]
    public void Another_date_is_another_event(string dateA, string dateB, bool sameEvent)
    {
        var result = DuplicateMatcher.Compare(Of(Threats.Replace("{date}", dateA, StringComparison.Ordinal)), Of(ThreatsRetold.Replace("{date}", dateB, StringComparison.Ordinal)));

        Assert.True((result.Level == LinkLevel.SameEvent) == sameEvent, $"{result.Score}: {result.Explanation}");
    }

    [Theory]
    // One surname, one city, one day: a seizure and being kept out of a session are two incidents ...
    [InlineData("В Караганде полиция изъяла технику у журналиста «Ак правда» Елубаева 15 декабря: камеру и телефон. Редактор заявил, что издание продолжит работу. Редакция требует наказать виновных и вернуть изъятое.",
                "В Караганде корреспонденту Шынар Елубаевой не дали пройти на заседание акимата 15 декабря. Редактор заявил, что издание продолжит работу. В полиции пока не дали комментариев. Свидетели сняли произошедшее на видео.", false)]
    [InlineData("В Караганде полиция изъяла технику у журналиста «Ак правда» Елубаева 15 декабря: камеру и телефон. Редактор заявил, что издание продолжит работу.",
                "15 желтоқсанда Қарағандыда Шынар Елубаева отырысқа кіргізілмеді. Редакция кінәлілерді жазалауды талап етеді.", false)]
    // ... a seizure told in other words is one, and so is a report that does not say what happened.
    [InlineData("В Караганде полиция изъяла технику у журналиста «Ак правда» Елубаева 15 декабря: камеру и телефон. Редактор заявил, что издание продолжит работу.",
                "15 декабря у корреспондента Елубаева в Караганде отобрали камеру и ноутбук. Редактор заявил, что издание продолжит работу.", true)]
    [InlineData("В Караганде полиция изъяла технику у журналиста «Ак правда» Елубаева 15 декабря: камеру и телефон. Редактор заявил, что издание продолжит работу.",
                "15 декабря в Караганде полиция приехала к журналисту «Ак правда» Елубаеву, редактор заявил, что издание продолжит работу.", true)]
    public void Another_kind_of_incident_is_another_event(string a, string b, bool sameEvent)
    {
        var result = DuplicateMatcher.Compare(Of(a), Of(b));

        Assert.True((result.Level == LinkLevel.SameEvent) == sameEvent, $"{result.Score}: {result.Explanation}");
    }

    [Fact]
    public void The_explanation_names_the_incidents_and_the_dates()
    {
        var incidents = DuplicateMatcher.Compare(
            Of("15 декабря в Караганде у журналиста Елубаева изъяли камеру."),
            Of("15 декабря в Караганде журналиста Елубаева не пустили на сессию маслихата."));
        var dates = DuplicateMatcher.Compare(Of(Threats.Replace("{date}", "10 февраля", StringComparison.Ordinal)), Of(ThreatsRetold.Replace("{date}", "12 февраля", StringComparison.Ordinal)));

        Assert.Contains("different incidents: seize / prevent", incidents.Explanation, StringComparison.Ordinal);
        Assert.Contains("dates 2 days apart: 10 Feb / 12 Feb", dates.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_fingerprint_names_its_incidents()
    {
        // Fingerprints keep concepts as hashed terms, so those stored before incidents were compared compare too.
        var stored = Fingerprint.FromJson(Of("15 декабря в Караганде у журналиста Елубаева изъяли камеру.").ToJson());
        var result = DuplicateMatcher.Compare(stored, Of("15 декабря в Караганде журналиста Елубаева не пустили на сессию маслихата."));

        Assert.Contains("different incidents", result.Explanation, StringComparison.Ordinal);
    }
}
