using System.Globalization;
using System.Resources;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Core.Reporters;

/// <summary>
/// Everything the foundation writes to a reporter, in the reporter's language (Russian when unknown): the
/// acknowledgement, a monitor's decision or question, the erasure code and its confirmation. The wording is in
/// ReporterMail.resx (Russian) and its .kk and .en satellites, read with the reporter's culture, never the thread's.
/// </summary>
public static class ReporterMail
{
    private static readonly ResourceManager Texts = new(typeof(ReporterMail));

    public static (string Subject, string Body) Approved(string? language, string reference, string? note) =>
        (Format(language, "ApprovedSubject", reference), Format(language, "ApprovedBody", reference) + Note(note));

    public static (string Subject, string Body) Rejected(string? language, string reference, RejectReason reason, string? note) =>
        (Format(language, "RejectedSubject", reference), Format(language, "RejectedBody", reference, Reason(language, reason)) + Note(note));

    public static (string Subject, string Body) Question(string? language, string reference, string question) =>
        (Format(language, "QuestionSubject", reference), Format(language, "QuestionBody", reference, question));

    /// <summary>The line under a question mailed to a web reporter: the status page answers too (the receipt is never in a mail).</summary>
    public static string AlsoOnStatusPage(string? language) => Text(language, "AlsoOnStatusPage");

    /// <summary>Why a report was not recorded, as the reporter reads it.</summary>
    public static string Reason(string? language, RejectReason reason) => Text(language, reason switch
    {
        RejectReason.Spam => "ReasonSpam",
        RejectReason.OutOfScope => "ReasonOutOfScope",
        RejectReason.Insufficient => "ReasonInsufficient",
        _ => "ReasonOther",
    });

    /// <summary>The subject of an acknowledgement when the reporter's mail had none.</summary>
    public static string AcknowledgementEmptySubject(string? language) => Text(language, "AcknowledgementEmptySubject");

    /// <summary>
    /// The acknowledgement's text with the reference; when the mail was over the size limit, a paragraph
    /// saying so with both sizes as given (already formatted, in MB).
    /// </summary>
    public static string AcknowledgementBody(string? language, string reference, (string Size, string Limit)? tooLarge)
    {
        var paragraph = tooLarge is var (size, limit) ? Format(language, "AcknowledgementTooLarge", size, limit) : "";
        return Format(language, "AcknowledgementBody", reference, paragraph);
    }

    /// <summary>The mail with the code that confirms an erasure, to the address we hold.</summary>
    public static (string Subject, string Body) ErasureCode(string? language, string code) =>
        (Format(language, "ErasureCodeSubject", code), Format(language, "ErasureCodeBody", code));

    /// <summary>The last mail to an address whose owner's data is being erased.</summary>
    public static (string Subject, string Body) ErasureDone(string? language) =>
        (Text(language, "ErasureDoneSubject"), Text(language, "ErasureDoneBody"));

    private static string Note(string? note) => string.IsNullOrWhiteSpace(note) ? "" : "\n\n" + note.Trim();

    private static string Text(string? language, string key) =>
        Texts.GetString(key, TextCulture.Of(language)) ?? throw new InvalidOperationException($"No reporter mail text '{key}'.");

    private static string Format(string? language, string key, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Text(language, key), args);
}
