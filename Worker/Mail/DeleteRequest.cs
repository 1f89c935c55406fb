using System.Globalization;
using System.Text;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// The mail equivalent of the bot's /delete_my_data: a mail whose subject, or whole new text, is a
/// clear "delete my data" in Russian, Kazakh or English. Anything longer is a report, not a command,
/// so a report that merely mentions deletion is never taken for one.
/// </summary>
public static class DeleteRequest
{
    private static readonly string[] Commands =
    [
        "delete my data", "delete my personal data", "erase my data", "remove my data",
        "удалить мои данные", "удалите мои данные", "удалить мои персональные данные", "удалите мои персональные данные",
        "менің деректерімді жою", "деректерімді жою", "менің деректерімді жойыңыз", "деректерімді жойыңыз",
        "менің деректерімді өшіру", "деректерімді өшіріңіз",
    ];

    public static bool IsRequest(ParsedMail mail) =>
        IsCommand(StripReplyPrefix(mail.Subject)) || IsCommand(mail.Text);

    public static bool IsCommand(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return false;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture).Replace('ё', 'е'))
        {
            if (char.IsLetter(c))
            {
                builder.Append(c);
            }
            else if (char.IsWhiteSpace(c) && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var words = builder.ToString().Trim();
        foreach (var polite in new[] { "please", "пожалуйста", "прошу", "өтінемін" })
        {
            if (words.StartsWith(polite + " ", StringComparison.Ordinal))
            {
                words = words[(polite.Length + 1)..];
            }

            if (words.EndsWith(" " + polite, StringComparison.Ordinal))
            {
                words = words[..^(polite.Length + 1)];
            }
        }

        return Commands.Contains(words, StringComparer.Ordinal);
    }

    private static string StripReplyPrefix(string subject)
    {
        var s = subject.Trim();
        foreach (var prefix in new[] { "re:", "fw:", "fwd:", "ответ:", "на:" })
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return StripReplyPrefix(s[prefix.Length..]);
            }
        }

        return s;
    }

    /// <summary>The confirmation: subject and body in the sender's language (ru when unknown).</summary>
    public static (string Subject, string Body) Confirmation(string? language) => language switch
    {
        "kk" => ("Деректеріңіз жойылды", """
            Сәлеметсіз бе!

            Сіздің өтінішіңіз бойынша «Әділ сөз» қоры сіздің электрондық пошта мекенжайыңыз бен атыңызды жояды. Бұл хат осы мекенжайға жіберілетін соңғы хат. Бұрын жіберген хабарламаларыңыз жасырын түрде сақталады, өйткені олар сөз бостандығының бұзылуын тіркейді.

            Бұл хат автоматты түрде жіберілді.
            """),
        "en" => ("Your data has been deleted", """
            Hello,

            As you asked, the Adil Soz foundation is deleting your e-mail address and name. This is the last message sent to this address. The reports you sent are kept, anonymously, because they record violations of freedom of speech.

            This message was sent automatically.
            """),
        _ => ("Ваши данные удалены", """
            Здравствуйте!

            По вашей просьбе фонд «Әділ сөз» удаляет ваш адрес электронной почты и имя. Это последнее письмо на этот адрес. Присланные вами сообщения сохраняются анонимно, потому что они фиксируют нарушения свободы слова.

            Это письмо отправлено автоматически.
            """),
    };
}
