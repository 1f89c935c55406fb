using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Mail;

public sealed class HtmlTextTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "<p>Первый&nbsp;абзац</p><p>Второй &amp; последний</p>", "Первый абзац\n\nВторой & последний" },
        { "строка 1<br>строка 2<br/>строка 3", "строка 1\nстрока 2\nстрока 3" },
        { "<ul><li>один</li><li>два</li></ul>", "• один\n• два" },
        { "<script>var a = '<p>не текст</p>';</script><style>p{}</style>Текст", "Текст" },
        { "<div onclick=\"evil()\" style=\"color:red\">Текст</div><img src=\"https://t.example/p.gif\" width=1 height=1>", "Текст" },
        { "<!-- комментарий -->Видимо<![CDATA[скрыто]]>", "Видимо" },
        { "<a href=\"https://adilsoz.kz/\">https://adilsoz.kz/</a>", "https://adilsoz.kz/" },
        { "<a href=\"javascript:alert(1)\">ссылка</a>", "ссылка" },
        { "<div>Ответ</div><blockquote><div>Вопрос</div></blockquote>", "Ответ\n\n> Вопрос" },
        { "<pre>строка  1\n  строка 2</pre>", "строка  1\n  строка 2" },
        { "<p>незакрытый <b>тег", "незакрытый тег" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Html_becomes_plain_text(string html, string text)
    {
        Assert.Equal(text, HtmlText.ToPlainText(html));
    }
}
