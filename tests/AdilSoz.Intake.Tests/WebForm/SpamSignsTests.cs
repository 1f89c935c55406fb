using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>The signs of advertising that mail and web reports are both checked for.</summary>
public sealed class SpamSignsTests
{
    [Theory]
    [InlineData(null, "Онлайн казино! Бонус и ставки на спорт каждый день")]
    [InlineData("Free spins", "Best online casino, register now: https://win.example")]
    [InlineData(null, "a https://a.example b https://b.example c https://c.example d https://d.example e www.e.example")]
    [InlineData("Табыс", "Табыс табу оңай: ұтыс ойындары, тіркеліңіз")]
    [InlineData(null, "Продвижение сайтов и SEO-продвижение, быстрый заработок")]
    public void Advertising_is_suspected(string? subject, string text) =>
        Assert.StartsWith(SpamSigns.ReasonPrefix, SpamSigns.Of(subject, text), StringComparison.Ordinal);

    [Theory]
    [InlineData(null, "Полиция задержала журналиста у здания акимата в Уральске, вот видео: https://youtu.be/abc и статья https://uralskweek.kz/x")]
    [InlineData("Casino investigation", "Our reporter was threatened after writing about an illegal online casino in Almaty.")]
    [InlineData(null, "Журналисту не дали пройти в суд; секретарь сказал, что заседание закрытое.")]
    [InlineData(null, "")]
    public void A_report_is_not(string? subject, string text) => Assert.Null(SpamSigns.Of(subject, text));
}
