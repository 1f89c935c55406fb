using AdilSoz.Intake.Core.Moderation;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>Which text of a saved reply fills a message, and how the reference goes into it.</summary>
public sealed class SavedReplyTests
{
    private static SavedReply Reply(string? kk, string? ru, string? en) =>
        new() { Name = "date and place", UpdatedBy = "editor", TextKk = kk, TextRu = ru, TextEn = en };

    [Theory]
    [InlineData("kk", "kk", "{reference} хабарламаңыз")]
    [InlineData("ru", "ru", "Сообщение {reference}")]
    [InlineData("en", "en", "Report {REFERENCE}")]
    public void The_chosen_language_has_its_text_with_the_reference_filled_in(string language, string used, string expected)
    {
        var filled = Reply("{reference} хабарламаңыз", "Сообщение {reference}", "Report {REFERENCE}").Fill(language, "AS-2021-17");
        Assert.Equal((used, expected.Replace("{reference}", "AS-2021-17", StringComparison.OrdinalIgnoreCase)), filled);
    }

    [Theory]
    [InlineData("kk", null, "Сообщение {reference}", null, "ru")]
    [InlineData("en", "Хабарлама", "Сообщение", "", "kk")]
    [InlineData(null, null, null, "Report", "en")]
    [InlineData("de", null, "Сообщение", "Report", "ru")]
    public void A_language_without_a_text_falls_back_to_the_first_that_has_one(string? language, string? kk, string? ru, string? en, string used)
    {
        Assert.Equal(used, Reply(kk, ru, en).Fill(language, "AS-2021-17")?.Language);
    }

    [Fact]
    public void A_reply_for_all_messages_is_usable_in_each_and_one_for_rejections_only_there()
    {
        var all = Reply("a", null, null);
        var reject = Reply("a", null, null);
        reject.Use = SavedReplyUse.Reject;
        Assert.All(new[] { SavedReplyUse.Ask, SavedReplyUse.Reject, SavedReplyUse.Approve }, u => Assert.True(all.UsableFor(u)));
        Assert.True(reject.UsableFor(SavedReplyUse.Reject));
        Assert.False(reject.UsableFor(SavedReplyUse.Ask));
        Assert.False(reject.UsableFor(SavedReplyUse.Approve));
    }
}
