using AdilSoz.Intake.Bot.Texts;
using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Tests.Telegram;

public sealed class BotTextsTests
{
    [Fact]
    public void Every_text_exists_in_all_three_languages_and_is_not_empty()
    {
        var english = BotTexts.AllTexts("en");
        Assert.True(english.Count > 50, $"only {english.Count} texts found; are the .resx files embedded?");
        foreach (var language in new[] { "kk", "ru" })
        {
            var texts = BotTexts.AllTexts(language);
            Assert.Equal(english.Keys.Order(), texts.Keys.Order());
            Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"{language}:{t.Key} is empty"));
        }

        Assert.All(english, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"en:{t.Key} is empty"));
    }

    [Fact]
    public void The_languages_really_differ()
    {
        Assert.StartsWith("Здравствуйте", BotTexts.Get("ru", "Welcome"));
        Assert.StartsWith("Сәлеметсіз бе", BotTexts.Get("kk", "Welcome"));
        Assert.StartsWith("Hello", BotTexts.Get("en", "Welcome"));
    }

    [Fact]
    public void Placeholders_match_across_languages()
    {
        var english = BotTexts.AllTexts("en");
        foreach (var language in new[] { "kk", "ru" })
        {
            foreach (var (key, text) in BotTexts.AllTexts(language))
            {
                Assert.True(Placeholders(english[key]).SetEquals(Placeholders(text)), $"{language}:{key} placeholders differ");
            }
        }
    }

    [Theory]
    [InlineData(1, "1 файл")]
    [InlineData(2, "2 файла")]
    [InlineData(4, "4 файла")]
    [InlineData(5, "5 файлов")]
    [InlineData(11, "11 файлов")]
    [InlineData(12, "12 файлов")]
    [InlineData(21, "21 файл")]
    [InlineData(22, "22 файла")]
    [InlineData(25, "25 файлов")]
    [InlineData(111, "111 файлов")]
    public void Russian_file_counts_use_the_right_plural(int count, string expected)
    {
        Assert.Equal(expected, BotTexts.Files("ru", count));
    }

    [Theory]
    [InlineData("en", 1, "1 file")]
    [InlineData("en", 3, "3 files")]
    [InlineData("kk", 1, "1 файл")]
    [InlineData("kk", 5, "5 файл")]
    [InlineData("ru", 3, "3 сообщения")]
    public void Counts_in_other_languages(string language, int count, string expected)
    {
        Assert.StartsWith(expected, count == 3 && language == "ru" ? BotTexts.Reports(language, count) : BotTexts.Files(language, count));
    }

    [Theory]
    [InlineData(SubmissionStatus.Received, null, "AS-2021-5 от 03.02.2021 — получено, ждёт прочтения")]
    [InlineData(SubmissionStatus.Pending, null, "AS-2021-5 от 03.02.2021 — на рассмотрении у монитора")]
    [InlineData(SubmissionStatus.Approved, null, "AS-2021-5 от 03.02.2021 — включено в реестр нарушений фонда")]
    [InlineData(SubmissionStatus.Rejected, "Не относится к журналистской деятельности.",
        "AS-2021-5 от 03.02.2021 — не включено в реестр\nСообщение монитора: Не относится к журналистской деятельности.")]
    public void Status_lines_name_the_state_and_the_moderators_message(SubmissionStatus status, string? note, string expected)
    {
        var line = BotTexts.StatusLine("ru", "AS-2021-5", status, new DateTimeOffset(2021, 2, 3, 10, 0, 0, TimeSpan.Zero), note);
        Assert.Equal(expected, line);
    }

    [Theory]
    [InlineData("kk", "жеке чатта")]
    [InlineData("ru-RU", "только в личных сообщениях")]
    [InlineData("en", "only work in private chats")]
    [InlineData(null, "только в личных сообщениях")]
    public void The_group_chat_answer_follows_the_sender_language(string? code, string expected)
    {
        Assert.Contains(expected, BotTexts.GroupChat(code));
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value)];
}

public sealed class StatusMessageTests
{
    [Fact]
    public void Status_lists_every_report_under_a_header()
    {
        var message = AdilSoz.Intake.Bot.Dialogue.DialogueEngine.StatusMessage("en",
        [
            new("AS-2021-12", SubmissionStatus.Pending, new DateTimeOffset(2021, 2, 5, 20, 30, 0, TimeSpan.Zero), null),
            new("AS-2021-3", SubmissionStatus.Approved, new DateTimeOffset(2021, 1, 20, 8, 0, 0, TimeSpan.Zero), "Thank you, included."),
        ]);

        Assert.Equal(
            "Your reports:\n\nAS-2021-12 of 06.02.2021 — a monitor is reviewing it\n\n"
            + "AS-2021-3 of 20.01.2021 — included in the foundation's register of violations\nMessage from the monitor: Thank you, included.",
            message.Text);
    }

    [Fact]
    public void Status_without_reports_says_so()
    {
        Assert.Equal(BotTexts.Get("kk", "StatusNone"), AdilSoz.Intake.Bot.Dialogue.DialogueEngine.StatusMessage("kk", []).Text);
    }

    [Theory]
    [InlineData("ru", 5, "Сегодня вы уже отправили 5 сообщений — это дневной предел.")]
    [InlineData("ru", 3, "Сегодня вы уже отправили 3 сообщения — это дневной предел.")]
    [InlineData("en", 5, "You've already sent 5 reports today — that's the daily limit.")]
    [InlineData("kk", 5, "Бүгін 5 хабарлама жібердіңіз — бұл бір күндік шек.")]
    public void The_daily_limit_message_counts_reports(string language, int count, string expected)
    {
        Assert.StartsWith(expected, BotTexts.Format(language, "RateLimitReports", BotTexts.Reports(language, count)));
    }
}
