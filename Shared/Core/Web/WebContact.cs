using System.Text.RegularExpressions;

namespace AdilSoz.Intake.Core.Web;

/// <summary>
/// The optional contact a web reporter leaves: a mail address, a Telegram username or a phone number. Only a
/// mail address can be written to first; the bot cannot start a chat with a username, and nothing sends SMS.
/// </summary>
public static partial class WebContact
{
    /// <summary>Whether the typed contact is one of the three accepted forms.</summary>
    public static bool IsValid(string contact) => ContactPattern().IsMatch(contact);

    /// <summary>The contact when it is a mail address, else null (a username, a phone number, nothing).</summary>
    public static string? MailAddress(string? contact) =>
        contact is not null && MailPattern().IsMatch(contact) ? contact : null;

    /// <summary>An e-mail address, a Telegram username (@ and 5–32 letters, digits, _) or a phone number.</summary>
    [GeneratedRegex(@"^([^@\s]+@[^@\s]+\.[^@\s]+|@[A-Za-z][A-Za-z0-9_]{4,31}|\+?[0-9][0-9 ()\-]{5,24})$")]
    private static partial Regex ContactPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex MailPattern();
}
