using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>Turns a submitted draft into the <see cref="Submission"/> the pipeline stores.</summary>
public static class DraftSubmission
{
    /// <summary>
    /// A Telegram report with the reporter's answers and one pending attachment per file (too-large
    /// files are recorded with <see cref="AttachmentStatus.TooLarge"/> and never downloaded).
    /// The caller sets the reporter, the inbound item and the encrypted forward origin (<see cref="ReportDraft.ForwardedFrom"/>)
    /// and saves it; the database gives the reference. Its language is decided once, here, from what the
    /// reporter wrote, as for a mail; the dialogue's language stands in when the text is too short to tell.
    /// </summary>
    public static Submission ToSubmission(this ReportDraft draft, string dialogueLanguage, DateTimeOffset receivedAt) => new()
    {
        Channel = Channel.Telegram,
        Kind = SubmissionKind.Report,
        Status = SubmissionStatus.Received,
        Language = LanguageDetector.Detect(draft.Text) ?? dialogueLanguage,
        Text = draft.Text,
        ReceivedAt = receivedAt,
        UpdatedAt = receivedAt,
        OccurredOn = draft.OccurredOn,
        RegionCode = draft.RegionCode,
        Settlement = string.IsNullOrWhiteSpace(draft.Settlement) ? null : draft.Settlement,
        Affected = draft.Affected,
        MayNameReporter = draft.MayNameReporter == true,
        Attachments = [.. draft.Files.Select(f => new SubmissionAttachment
        {
            FileName = f.StoredFileName,
            ContentType = f.StoredContentType,
            Size = f.Size ?? 0,
            Status = f.TooLarge ? AttachmentStatus.TooLarge : AttachmentStatus.Pending,
            TelegramFileId = f.FileId,
            TelegramFileUniqueId = f.FileUniqueId,
            Error = f.TooLarge ? "Over the Bot API download limit of 20 MB; the reporter was asked to send it by mail." : null,
        })],
    };
}
