using AdilSoz.Intake.Language.Dedup;

namespace AdilSoz.Intake.Language.Tests.Dedup;

/// <summary>Outlets named in quotes tell apart journalists who share a surname, a city and a kind of incident.</summary>
public sealed class OutletTests
{
    private static readonly DateTimeOffset Received = new(2021, 2, 4, 10, 0, 0, TimeSpan.FromHours(5));

    private static Fingerprint Of(string text) =>
        Fingerprinter.Compute(new DedupInput(1, text, null, null, Received, null, null, [], null));

    [Theory]
    // Same surname (alone, in its case form), same city and day, another outlet: another journalist.
    [InlineData("3 февраля в Уральске полиция изъяла технику у журналиста «Степной вестник» Серикбаева: камеру и телефон.",
                "3 февраля в Уральске полиция изъяла технику у журналиста «Северная правда» Серикбаева: камеру и телефон.", false)]
    [InlineData("3 февраля в Уральске полиция изъяла технику у журналиста «Степной вестник» Серикбаева: камеру и телефон.",
                "Оралда полиция «Северная правда» тілшісі Серікбаевтың камерасы мен телефонын тартып алды, 3 ақпанда.", false)]
    // English writes outlets without quotes, beside a role.
    [InlineData("3 февраля в Уральске полиция изъяла технику у журналиста «Северная правда» Серикбаева: камеру и телефон.",
                "On 3 February police in Uralsk seized the camera and phone of Stepnoy Vestnik reporter Serikbayev.", false)]
    [InlineData("3 февраля в Уральске полиция изъяла технику у журналиста «Северная правда» Серикбаева: камеру и телефон.",
                "The equipment of Serikbayev, a journalist of Stepnoy Vestnik, was confiscated in Uralsk on 3 February.", false)]
    // The same outlet in another case form, or unquoted in English: the same event.
    [InlineData("3 февраля в Уральске полиция изъяла технику у журналиста «Степного вестника» Серикбаева: камеру и телефон.",
                "3 февраля в Уральске полиция изъяла технику у журналиста «Степной вестник» Серикбаева: камеру и телефон.", true)]
    [InlineData("3 февраля в Уральске полиция изъяла технику у журналиста «Степной вестник» Серикбаева: камеру и телефон.",
                "On 3 February police in Uralsk seized the camera and phone of Stepnoy Vestnik reporter Serikbayev.", true)]
    // A quoted statement is no outlet.
    [InlineData("3 февраля в Уральске полиция изъяла технику у журналиста «Степной вестник» Серикбаева: камеру и телефон.",
                "3 февраля в Уральске полиция изъяла у журналиста Серикбаева камеру и телефон, «Мы это так не оставим», сказал он.", true)]
    public void Another_outlet_is_another_journalist(string a, string b, bool sameEvent)
    {
        var result = DuplicateMatcher.Compare(Of(a), Of(b));

        Assert.True((result.Level == LinkLevel.SameEvent) == sameEvent, $"{result.Score}: {result.Explanation}");
    }

    [Fact]
    public void The_explanation_names_both_outlets()
    {
        var result = DuplicateMatcher.Compare(
            Of("3 февраля в Уральске у журналиста «Степной вестник» Серикбаева изъяли камеру."),
            Of("3 февраля в Уральске у журналиста «Северная правда» Серикбаева изъяли камеру."));

        Assert.Contains("different outlets: Stepnoy Vestnik / Severnaya Pravda", result.Explanation, StringComparison.Ordinal);
    }
}
