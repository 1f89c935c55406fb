using AdilSoz.Intake.Language.Dedup;

namespace AdilSoz.Intake.Language.Tests.Dedup;

public sealed class MatcherTests
{
    private static readonly DateTimeOffset Received = new(2021, 2, 4, 10, 0, 0, TimeSpan.FromHours(5));

    private static Fingerprint Of(string text, int daysLater = 0, string? settlement = null, params string[] files) =>
        Fingerprinter.Compute(new DedupInput(1, text, null, null, Received.AddDays(daysLater), null, settlement, files, null));

    private const string DetentionRu = "3 февраля на трассе полиция задержала главного редактора «Уральской недели» Лукпана Ахмедьярова и его заместителя Раула Упорова в Уральске.";
    private const string DetentionEn = "On February 3 police detained Uralskaya Nedelya editor Lukpan Akhmedyarov and his deputy Raul Uporov on the highway near Uralsk.";
    private const string DetentionKk = "3 ақпанда Оралда полиция «Уральская неделя» бас редакторы Лұқпан Ахмедьяровты және орынбасары Раул Упоровты ұстады.";
    private const string OtherDetentionRu = "10 марта в Шымкенте полиция задержала корреспондента «Оңтүстік Online» Айгерим Тулегенову на митинге.";

    [Fact]
    public void Same_text_is_an_exact_duplicate()
    {
        var result = DuplicateMatcher.Compare(Of(DetentionRu), Of(DetentionRu.ToUpperInvariant() + "!!", 1));
        Assert.Equal(LinkLevel.Exact, result.Level);
        Assert.Equal("same text", result.Explanation);
    }

    [Fact]
    public void The_same_event_across_scripts_is_one_event_and_says_why()
    {
        var result = DuplicateMatcher.Compare(Of(DetentionRu), Of(DetentionEn, 1));
        Assert.Equal(LinkLevel.SameEvent, result.Level);
        Assert.Contains("names: ", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("Akhmedyarov", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("Uporov", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("Uralsk", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("3 Feb", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_event_in_Kazakh_and_Russian_is_one_event() =>
        Assert.Equal(LinkLevel.SameEvent, DuplicateMatcher.Compare(Of(DetentionKk), Of(DetentionRu)).Level);

    [Fact]
    public void Two_detentions_in_two_cities_on_two_dates_are_kept_apart()
    {
        var result = DuplicateMatcher.Compare(Of(DetentionRu), Of(OtherDetentionRu, 30));
        Assert.Null(result.Level);
        Assert.Contains("different places", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("different dates", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_conflict_alone_lowers_the_score()
    {
        const string text = "3 февраля в Уральске полиция задержала журналиста Раула Упорова на трассе.";
        var baseline = DuplicateMatcher.Compare(Of(text), Of(text.Replace("задержала", "остановила", StringComparison.Ordinal))).Score;
        var otherDate = DuplicateMatcher.Compare(Of(text), Of(text.Replace("3 февраля", "17 февраля", StringComparison.Ordinal))).Score;
        var otherCity = DuplicateMatcher.Compare(Of(text), Of(text.Replace("в Уральске", "в Актобе", StringComparison.Ordinal))).Score;
        Assert.True(otherDate < baseline * 0.6, $"{otherDate} vs {baseline}");
        Assert.True(otherCity < baseline * 0.7, $"{otherCity} vs {baseline}");
    }

    [Fact]
    public void A_shared_photo_is_a_strong_signal_and_is_named()
    {
        var without = DuplicateMatcher.Compare(Of("Журналиста задержали у акимата."), Of("Reporter detained outside the akimat."));
        var with = DuplicateMatcher.Compare(Of("Журналиста задержали у акимата.", 0, null, "f00d"), Of("Reporter detained outside the akimat.", 0, null, "f00d"));
        Assert.True(with.Score >= without.Score + 0.3);
        Assert.StartsWith("same photo", with.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_files_without_text_are_an_exact_duplicate() =>
        Assert.Equal(LinkLevel.Exact, DuplicateMatcher.Compare(Of("", 0, null, "a1", "b2"), Of("", 1, null, "b2", "a1")).Level);

    [Fact]
    public void Shared_names_raise_the_score()
    {
        var a = Of("Лукпан Ахмедьяров провел пикет.");
        var withName = DuplicateMatcher.Compare(a, Of("Lukpan Akhmediarov held a picket.")).Score;
        var withoutName = DuplicateMatcher.Compare(a, Of("Журналист провел пикет.")).Score;
        Assert.True(withName > withoutName + 0.1, $"{withName} vs {withoutName}");
    }

    [Fact]
    public void Reports_received_months_apart_without_a_common_date_are_less_alike()
    {
        const string text = "Бизнесмен подал иск к газете «Звезда Прииртышья» о защите чести и достоинства.";
        var near = DuplicateMatcher.Compare(Of(text), Of(text + " Требует миллион.", 2)).Score;
        var far = DuplicateMatcher.Compare(Of(text), Of(text + " Требует миллион.", 90));
        Assert.True(far.Score < near);
        Assert.Contains("days apart", far.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.2, 0.9, LinkLevel.Suggested)]
    [InlineData(0.2, 0.3, LinkLevel.SameEvent)]
    [InlineData(0.95, 0.99, null)]
    public void Thresholds_decide_the_level(double suggested, double sameEvent, LinkLevel? expected)
    {
        var t = new MatchThresholds { Suggested = suggested, SameEvent = sameEvent };
        var result = DuplicateMatcher.Compare(Of(DetentionRu), Of(DetentionEn, 1), t);
        Assert.InRange(result.Score, 0.31, 0.94);
        Assert.Equal(expected, result.Level);
    }

    [Fact]
    public void Default_thresholds_put_suggested_below_same_event() =>
        Assert.True(MatchThresholds.Default.Suggested < MatchThresholds.Default.SameEvent);
}
