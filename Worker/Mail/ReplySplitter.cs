using System.Text.RegularExpressions;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Separates what the sender wrote now from the mail they quote and from their signature, in the
/// ways Gmail, Outlook, Thunderbird, Yandex, Mail.ru and phones write them, in English, Russian and
/// Kazakh. Interleaved "> " lines go to the quote; lines the sender wrote between them stay.
/// </summary>
public static partial class ReplySplitter
{
    /// <summary>Returns the new text and the quoted text (quotes first, then signature).</summary>
    public static (string NewText, string Quoted) Split(string text)
    {
        var lines = MailTextCleanup.Normalise(text).Split('\n');
        var cut = FindQuoteHeader(lines);
        var fresh = new List<string>();
        var quoted = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i >= cut || lines[i].StartsWith('>'))
            {
                quoted.Add(lines[i]);
            }
            else
            {
                fresh.Add(lines[i]);
            }
        }

        var signatureAt = FindSignature(fresh);
        var signature = signatureAt < 0 ? [] : fresh.Skip(signatureAt).ToList();
        if (signatureAt >= 0)
        {
            fresh.RemoveRange(signatureAt, fresh.Count - signatureAt);
        }

        var quotedText = MailTextCleanup.Normalise(string.Join("\n", quoted));
        var signatureText = MailTextCleanup.Normalise(string.Join("\n", signature));
        var allQuoted = string.Join("\n\n", new[] { quotedText, signatureText }.Where(s => s.Length > 0));
        return (MailTextCleanup.Normalise(string.Join("\n", fresh)), allQuoted);
    }

    /// <summary>Index of the first line of an attribution ("On … wrote:") or original-message header, or the line count.</summary>
    private static int FindQuoteHeader(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('>'))
            {
                continue;
            }

            if (OriginalMessage().IsMatch(line) || Attribution().IsMatch(line))
            {
                return i;
            }

            // "On Mon, 3 Feb 2026 at 10:00, Name <a@b.kz>\nwrote:" — attribution wrapped onto two lines.
            if (i + 1 < lines.Length && Attribution().IsMatch(line + " " + lines[i + 1].Trim()) && AttributionStart().IsMatch(line))
            {
                return i;
            }

            // Outlook: "From: …" followed by "Sent:/Date:" within a few lines, often after a ruler.
            if (OutlookFrom().IsMatch(line))
            {
                for (var j = i + 1; j < Math.Min(lines.Length, i + 5); j++)
                {
                    if (OutlookSent().IsMatch(lines[j].Trim()))
                    {
                        return i > 0 && Ruler().IsMatch(lines[i - 1].Trim()) ? i - 1 : i;
                    }
                }
            }
        }

        return lines.Length;
    }

    /// <summary>Index of the signature's first line within the new text, or -1.</summary>
    private static int FindSignature(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            // The "-- " delimiter (RFC 3676), often trimmed to "--" by clients.
            if (lines[i] is "-- " or "--")
            {
                return i;
            }
        }

        // A closing phrase counts as the start of a signature only near the end of the text.
        var from = Math.Max(0, lines.Count - 10);
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length <= 60 && Closing().IsMatch(line))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Исходное сообщение|Бастапқы хат|Ursprüngliche Nachricht)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(On\s.+\swrote|.+\s(пишет|писал|писала|написал|написала|написал\(а\)|жазды|жазған)|\d{1,2}[./]\d{1,2}[./]\d{2,4}.*\s(пишет|жазды|wrote))\s*:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(On\s|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\p{L}{2,3},\s*\d)", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"^\*?(From|От|Кімнен|Жіберуші)\s*:\*?\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookFrom();

    [GeneratedRegex(@"^\*?(Sent|Date|Отправлено|Дата|Жіберілді|Күні)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookSent();

    [GeneratedRegex(@"^(_{10,}|-{10,})$")]
    private static partial Regex Ruler();

    [GeneratedRegex(@"^(С уважением|С наилучшими пожеланиями|Всего доброго|Құрметпен|Ізгі тілекпен|Best regards|Kind regards|Regards|Best wishes|Sincerely|Sent from my \w+|Sent from Mail for Windows|Get Outlook for \w+|Отправлено (с|из) .+|Отправлено с моего .+|Менің .+ жіберілді)\b[,.!]?", RegexOptions.IgnoreCase)]
    private static partial Regex Closing();
}
