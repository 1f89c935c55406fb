using AdilSoz.Intake.Language.Dedup;

namespace AdilSoz.Intake.Language.Tests.Dedup;

/// <summary>Namesakes: a shared surname with another first name beside it is another person.</summary>
public sealed class PeopleTests
{
    private static readonly DateTimeOffset Received = new(2021, 2, 4, 10, 0, 0, TimeSpan.FromHours(5));

    private static Fingerprint Of(string text) =>
        Fingerprinter.Compute(new DedupInput(1, text, null, null, Received, null, null, [], null));

    [Theory]
    // Same surname, same day and city, other first names: two people.
    [InlineData("3 февраля в Уральске полиция задержала журналиста «Азаттыка» Лукпана Серикбаева.",
                "3 февраля в Уральске полиция задержала журналиста «Азаттыка» Нурлана Серикбаева.", false)]
    [InlineData("On 3 February police in Uralsk detained Azattyq journalist Lukpan Serikbayev.",
                "3 февраля в Уральске полиция задержала журналиста «Азаттыка» Нурлана Серикбаева.", false)]
    // The same person in other word forms, scripts and spellings, with and without a patronymic.
    [InlineData("On 3 February police in Uralsk detained Azattyq journalist Lukpan Serikbayev.",
                "3 февраля в Уральске полиция задержала журналиста «Азаттыка» Лукпана Серикбаева.", true)]
    [InlineData("3 февраля в Уральске полиция задержала журналистку Елену Швец из «Азаттыка».",
                "On 3 February police in Uralsk detained Yelena Shvets, an Azattyq journalist.", true)]
    [InlineData("3 февраля в Уральске полиция задержала журналиста Лукпана Каирбековича Серикбаева.",
                "3 февраля в Уральске полиция задержала журналиста «Азаттыка» Лукпана Серикбаева.", true)]
    // A surname alone says nothing against: still the same event.
    [InlineData("3 февраля в Уральске полиция задержала журналиста «Азаттыка» Серикбаева.",
                "3 февраля в Уральске полиция задержала журналиста «Азаттыка» Лукпана Серикбаева.", true)]
    public void A_namesake_is_not_the_same_event(string a, string b, bool sameEvent)
    {
        var result = DuplicateMatcher.Compare(Of(a), Of(b));
        Assert.True((result.Level == LinkLevel.SameEvent) == sameEvent, $"{result.Score}: {result.Explanation}");
    }
}
