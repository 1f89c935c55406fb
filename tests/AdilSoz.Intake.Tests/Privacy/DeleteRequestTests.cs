using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Privacy;

/// <summary>Which mails are the "delete my data" command (pure).</summary>
public sealed class DeleteRequestTests
{
    [Theory]
    [InlineData("DELETE MY DATA", true)]
    [InlineData("Delete my data.", true)]
    [InlineData("Please delete my data!", true)]
    [InlineData("УДАЛИТЬ МОИ ДАННЫЕ", true)]
    [InlineData("Удалите мои данные, пожалуйста", true)]
    [InlineData("Прошу удалить мои данные", true)]
    [InlineData("МЕНІҢ ДЕРЕКТЕРІМДІ ЖОЮ", true)]
    [InlineData("Деректерімді жойыңыз", true)]
    [InlineData("Журналист попросил удалить мои данные из протокола задержания", false)]
    [InlineData("delete", false)]
    [InlineData("", false)]
    public void Command_text(string text, bool expected) => Assert.Equal(expected, DeleteRequest.IsCommand(text));

    [Theory]
    [InlineData("Re: УДАЛИТЬ МОИ ДАННЫЕ", "", true)]
    [InlineData("Без темы", "delete my data", true)]
    [InlineData("Задержание в Уральске", "Вчера задержали журналиста. Удалить мои данные из заявки не нужно.", false)]
    public void Command_in_subject_or_whole_text(string subject, string text, bool expected) =>
        Assert.Equal(expected, DeleteRequest.IsRequest(new ParsedMail { Subject = subject, Text = text }));
}
