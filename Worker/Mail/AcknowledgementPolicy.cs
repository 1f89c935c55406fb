using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Whether a mail may get an automatic acknowledgement. Answering machines, lists and our own
/// mailbox are never answered, so two auto-responders can never talk to each other forever.
/// (Rate limiting per sender and once-only per message need storage; the pipeline job does those.)
/// </summary>
public static partial class AcknowledgementPolicy
{
    /// <param name="mail">The parsed mail.</param>
    /// <param name="ourAddress">The intake address (never answered).</param>
    /// <param name="kind">What the mail became, when it differs from what it looked like (a reference of someone else's report makes a new report).</param>
    public static (bool Acknowledge, string Reason) ShouldAcknowledge(ParsedMail mail, string ourAddress, SubmissionKind? kind = null)
    {
        if (mail.Error is not null && !mail.TooLarge)
        {
            return (false, "The message could not be read; an operator will look at it.");
        }

        switch (kind ?? mail.Kind)
        {
            case SubmissionKind.AutoReply:
                return (false, "Automatic reply: answering it could start a mail loop.");
            case SubmissionKind.Bounce:
                return (false, "Delivery failure notice from a mail server.");
            case SubmissionKind.Bulk:
                return (false, "Newsletter or mailing-list message.");
            case SubmissionKind.Spam:
                return (false, "Marked as spam.");
            case SubmissionKind.Followup:
                return (false, "Follow-up to an existing report: it joins that report's thread without a new acknowledgement.");
            case SubmissionKind.Report:
                break;
        }

        var recipient = Recipient(mail);
        if (recipient is null)
        {
            return (false, "The message has no sender address.");
        }

        foreach (var address in new[] { recipient })
        {
            if (string.Equals(address.Trim(), ourAddress.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (false, "Sent from our own address: answering it would loop.");
            }

            if (IsNoReply(address))
            {
                return (false, $"The sender address ({LocalPart(address)}@…) does not accept replies.");
            }
        }

        return (true, mail.TooLarge
            ? "New report over the size limit: the reporter is told to send the files another way."
            : "New report from a person: acknowledge with its reference.");
    }

    /// <summary>
    /// Where an acknowledgement goes: the From, never a Reply-To. Anyone can write a Reply-To, and a reply
    /// there would tell a stranger that this address reported, and what about.
    /// </summary>
    public static string? Recipient(ParsedMail mail) =>
        mail.From?.Address is { Length: > 0 } from && from.Contains('@') ? from : null;

    /// <summary>True for addresses of machines: noreply, mailer-daemon, postmaster, bounce handlers.</summary>
    public static bool IsNoReply(string address) => NoReply().IsMatch(LocalPart(address));

    private static string LocalPart(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? address : address[..at];
    }

    [GeneratedRegex(@"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?|.*[-_.+]bounces?|bounces?[-_.+].*|no[-_.]?reply[-_.+].*|.*[-_.+]no[-_.]?reply|notifications?|daemon|auto[-_.]?reply|autoresponder)$", RegexOptions.IgnoreCase)]
    private static partial Regex NoReply();
}
