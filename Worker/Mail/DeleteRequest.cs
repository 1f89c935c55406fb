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
}
