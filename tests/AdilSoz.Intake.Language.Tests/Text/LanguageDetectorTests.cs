using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Language.Tests.Dedup;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("Сәлеметсіз бе! Біздің тілшіміз отырысқа кіргізілмеді.", "kk")]
    [InlineData("Автожауап: Сіздің хатыңыз", "kk")]
    [InlineData("Полиция журналисті Оралда ұстады", "kk")]
    [InlineData("Бугин полиция журналисти устады, бас редакторы туралы хабарлады", "kk")] // typed without Kazakh letters
    [InlineData("Здравствуйте! Пишу в фонд «Әділ сөз» о нападении на нашего корреспондента в Шымкенте вчера вечером.", "ru")]
    [InlineData("Нападение на журналиста", "ru")]
    [InlineData("Сегодня утром в Шымкенте на корреспондента газеты «Оңтүстік» напали, разбили камеру и отобрали телефон. Рақмет!", "ru")]
    [InlineData("Полиция задержала журналиста в Уральске", "ru")]
    [InlineData("Attack on a journalist in Almaty", "en")]
    [InlineData("Police detained a journalist in Uralsk", "en")]
    [InlineData("Journalist detained. Подробности: https://example.com/news/2026/11/detained-journalist", "ru")]
    [InlineData("Пишите на editor@example.com", "ru")]
    [InlineData("12345", null)]
    [InlineData("", null)]
    public void Decides_kk_ru_or_en(string text, string? language) =>
        Assert.Equal(language, LanguageDetector.Detect(text));

    [Fact]
    public void A_decision_says_why()
    {
        var decision = LanguageDetector.Decide("Бүгін таңертең полиция газетінің бас редакторын ұстады.")!;

        Assert.Equal("kk", decision.Code);
        Assert.Contains(decision.Evidence, e => e.StartsWith("Kazakh letters", StringComparison.Ordinal));
        Assert.InRange(decision.Confidence, 0.3, 1.0);
    }

    [Fact]
    public void Every_report_of_the_labelled_corpus_gets_its_label()
    {
        var wrong = LabeledCorpus.Load()
            .Where(r => LanguageDetector.Detect(r.Text) != r.Language)
            .Select(r => $"{r.Event}/{r.Language}: {LanguageDetector.Detect(r.Text)}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void The_fingerprint_uses_the_decided_language_and_decides_only_when_none_is_given()
    {
        const string text = "Журналист Оралда ұсталды. Полиция редакторов задержала.";
        var received = new DateTimeOffset(2021, 2, 4, 10, 0, 0, TimeSpan.FromHours(5));

        var decided = Fingerprinter.Compute(new DedupInput(1, text, null, null, received, null, null, [], "ru"));
        var undecided = Fingerprinter.Compute(new DedupInput(1, text, null, null, received, null, null, [], null));

        Assert.Equal("ru", decided.Language);
        Assert.Equal(LanguageDetector.Detect(text), undecided.Language);
        Assert.NotEqual(decided.Terms, undecided.Terms);
    }
}
