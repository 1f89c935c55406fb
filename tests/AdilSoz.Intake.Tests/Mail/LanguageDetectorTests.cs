using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Mail;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("Сәлеметсіз бе! Біздің тілшіміз отырысқа кіргізілмеді.", "kk")]
    [InlineData("Автожауап: Сіздің хатыңыз", "kk")]
    [InlineData("Здравствуйте! Пишу в фонд «Әділ сөз» о нападении на нашего корреспондента в Шымкенте вчера вечером.", "ru")]
    [InlineData("Нападение на журналиста", "ru")]
    [InlineData("Attack on a journalist in Almaty", "en")]
    [InlineData("Journalist detained. Подробности: https://example.com/news/2026/11/detained-journalist", "ru")]
    [InlineData("", "ru")]
    public void Picks_the_language_to_answer_in(string text, string language)
    {
        Assert.Equal(language, LanguageDetector.Detect(text));
    }
}
