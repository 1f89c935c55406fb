using AdilSoz.Intake.Admin.Moderation;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>Who a note mentions: <c>@</c> and an account name, or its part before the address's own <c>@</c> when only one account has it.</summary>
public sealed class NoteMentionTests
{
    private static readonly string[] Staff = ["aigerim@adilsoz.kz", "marat@adilsoz.kz", "marat@almaty.adilsoz.kz", "Dana.K@adilsoz.kz"];

    [Theory]
    [InlineData("@aigerim please look", "aigerim@adilsoz.kz")]
    [InlineData("Ask @AIGERIM, then decide.", "aigerim@adilsoz.kz")]
    [InlineData("@aigerim@adilsoz.kz: yours", "aigerim@adilsoz.kz")]
    [InlineData("cc @marat@almaty.adilsoz.kz.", "marat@almaty.adilsoz.kz")]
    [InlineData("@dana.k and @aigerim, and @aigerim again", "Dana.K@adilsoz.kz|aigerim@adilsoz.kz")]
    [InlineData("@marat is two people: nobody is guessed", "")]
    [InlineData("write to aigerim@adilsoz.kz by mail", "")]
    [InlineData("@nobody here", "")]
    public void Finds_the_colleagues_a_note_names(string text, string expected) =>
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), Notes.MentionsIn(text, Staff));
}
