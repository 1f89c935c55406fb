using System.Text.RegularExpressions;

namespace AdilSoz.Intake.Core.Intake;

/// <summary>
/// The signs of spam in what a person would read (subject and text), the same for every channel that has no
/// spam filter of its own in front of it: mail and the web form. Signs only make a report suspected: it waits
/// for a monitor in "needs attention" with the reason, and is never dropped, because a real report can carry
/// links to the news or name a casino. Header verdicts of a mail server (X-Spam-Flag) are the mail
/// classifier's business.
/// </summary>
public static partial class SpamSigns
{
    /// <summary>Links in one message from which it reads as advertising rather than a report.</summary>
    public const int ManyLinks = 5;

    /// <summary>Starts every reason given here, so that pages can tell a suspected spam from other items needing attention.</summary>
    public const string ReasonPrefix = "Suspected spam: ";

    /// <summary>Why the text looks like spam, or null when it does not.</summary>
    public static string? Of(string? subject, string? text)
    {
        var all = (subject + "\n" + text).Trim();
        if (all.Length == 0)
        {
            return null;
        }

        var links = Links().Count(all);
        var phrases = Phrases().Matches(all).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        if (links >= ManyLinks)
        {
            return $"{ReasonPrefix}{links} links in the text. A monitor decides: approve it if a person wrote it, or reject it as spam.";
        }

        if (phrases.Count >= 2 || (phrases.Count == 1 && links >= 1))
        {
            var what = string.Join(", ", phrases.Select(p => $"\"{p}\""));
            return $"{ReasonPrefix}advertising phrases ({what}){(links > 0 ? " and a link" : "")}. A monitor decides: approve it if a person wrote it, or reject it as spam.";
        }

        return null;
    }

    /// <summary>Whether an attention reason is one of <see cref="Of"/>.</summary>
    public static bool IsSpamReason(string? reason) => reason?.StartsWith(ReasonPrefix, StringComparison.Ordinal) == true;

    [GeneratedRegex(@"\b(https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Links();

    // The phrases of the advertising that reaches the foundation's address, in Russian, Kazakh and English.
    [GeneratedRegex(
        @"онлайн[- ]казино|казино онлайн|ставки на спорт|букмекер\w*|заработ\w* (в интернете|без вложений|от \d+)|быстрый заработок|пассивный доход|" +
        @"бинарн\w+ опцион\w*|(продвижение|раскрутка) сайт\w*|seo[- ]продвижение|кредит без справок|займ онлайн|микрозайм\w*|" +
        @"табыс табу|ұтыс ойын\w*|" +
        @"online casino|casino bonus|free spins|sports betting|viagra|cialis|crypto(currency)? investment|make money (fast|online)|" +
        @"work from home|earn \$?\d+ (a|per) (day|week)|seo services|backlinks|weight loss|adult dating",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrases();
}
