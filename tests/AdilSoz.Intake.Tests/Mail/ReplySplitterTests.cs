using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Mail;

public sealed class ReplySplitterTests
{
    /// <summary>A mail body, what must stay as new text, and what must move to the quote.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "Новый текст.\n\n-----Original Message-----\nFrom: Adil Soz\nSent: Monday\nСтарый текст.",
            "Новый текст.", "Старый текст."
        },
        {
            "Новый текст.\n\n________________________________\nОт: Әділ сөз <info@adilsoz.kz>\nОтправлено: 23 ноября 2026 г. 10:00\nТема: Ваше сообщение\n\nСтарый текст.",
            "Новый текст.", "Старый текст."
        },
        {
            "Жаңа мәтін.\n\n2026 ж. 23 қар., 10:00 Әділ сөз <info@adilsoz.kz> жазды:\n> Ескі мәтін.",
            "Жаңа мәтін.", "Ескі мәтін."
        },
        {
            "New text.\n\nOn Mon, 23 Nov 2026 at 10:15, Adil Soz <info@adilsoz.kz>\nwrote:\n> Old text.",
            "New text.", "Old text."
        },
        {
            "> Вопрос первый?\nОтвет первый.\n> Вопрос второй?\nОтвет второй.",
            "Ответ первый.\nОтвет второй.", "> Вопрос первый?\n> Вопрос второй?"
        },
        {
            "Фото приложены.\n\nSent from my iPhone",
            "Фото приложены.", "Sent from my iPhone"
        },
        {
            "Фотосуреттер тіркелген.\n\nҚұрметпен,\nАйгүл",
            "Фотосуреттер тіркелген.", "Құрметпен,\nАйгүл"
        },
        {
            "С уважением к вашей работе, сообщаю о новом случае давления на редакцию. Подробности ниже.\nРедактора вызвали в акимат.",
            "С уважением к вашей работе, сообщаю о новом случае давления на редакцию. Подробности ниже.\nРедактора вызвали в акимат.", ""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Separates_new_text_from_quote_and_signature(string body, string fresh, string quoted)
    {
        var (newText, quotedText) = ReplySplitter.Split(body);

        Assert.Equal(fresh, newText);
        if (quoted.Length == 0)
        {
            Assert.Equal("", quotedText);
        }
        else
        {
            Assert.Contains(quoted, quotedText, StringComparison.Ordinal);
        }
    }
}
