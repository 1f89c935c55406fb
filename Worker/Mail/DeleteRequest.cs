using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// The mail equivalent of the bot's /delete_my_data: a mail whose subject, or whole new text, is a
/// clear "delete my data" in Russian, Kazakh or English. Anything longer is a report, not a command,
/// so a report that merely mentions deletion is never taken for one. A From can be forged, so the
/// request only sends a code to the address we hold; a reply from it carrying the code erases.
/// </summary>
public static partial class DeleteRequest
{
    /// <summary>A new confirmation code: 8 random digits.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public static string CodeHash(long submissionId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{submissionId}:{code}")));

    /// <summary>The 8-digit numbers a reply carries (subject, new text, quoted text), at most a few.</summary>
    public static IReadOnlyList<string> Codes(ParsedMail mail) =>
        [.. CodePattern().Matches(string.Join("\n", mail.Subject, Clip(mail.Text), Clip(mail.QuotedText))).Select(m => m.Value).Distinct().Take(10)];

    private static string Clip(string text) => text.Length <= 20_000 ? text : text[..20_000];

    [GeneratedRegex(@"(?<![0-9])[0-9]{8}(?![0-9])")]
    private static partial Regex CodePattern();

    /// <summary>The mail with the code, to the stored address: subject and body in the sender's language (ru when unknown).</summary>
    public static (string Subject, string Body) CodeMail(string? language, string code) => language switch
    {
        "kk" => ($"Деректерді жоюды растау коды: {code}", $$"""
            Сәлеметсіз бе!

            «Әділ сөз» қорына осы мекенжайдың атынан деректерді жою туралы өтініш келді. Егер оны сіз жіберсеңіз, осы хатқа жауап беріңіз: жауапта мына код болуы керек (тақырыпта ол бар):

            {{code}}

            Код 7 күн жарамды. Содан кейін ғана сіздің электрондық пошта мекенжайыңыз бен атыңыз жойылады; хабарламаларыңыз жасырын түрде сақталады. Өтінішті сіз жібермесеңіз, ештеңе істемеңіз: ештеңе жойылмайды.

            Бұл хат автоматты түрде жіберілді.
            """),
        "en" => ($"Code to confirm the deletion of your data: {code}", $$"""
            Hello,

            The Adil Soz foundation received a request, in the name of this address, to delete your data. If you sent it, reply to this message; the reply must carry this code (the subject already does):

            {{code}}

            The code is valid for 7 days. Only then are your e-mail address and name deleted; the reports you sent are kept, anonymously. If you did not send the request, do nothing: nothing will be deleted.

            This message was sent automatically.
            """),
        _ => ($"Код подтверждения удаления данных: {code}", $$"""
            Здравствуйте!

            В фонд «Әділ сөз» пришла просьба от имени этого адреса удалить ваши данные. Если её отправили вы, ответьте на это письмо; в ответе должен быть этот код (в теме он уже есть):

            {{code}}

            Код действует 7 дней. Только после этого ваш адрес электронной почты и имя будут удалены; присланные вами сообщения сохранятся анонимно. Если вы ничего не просили, ничего не делайте: ничего не будет удалено.

            Это письмо отправлено автоматически.
            """),
    };

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
