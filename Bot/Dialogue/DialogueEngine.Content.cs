using AdilSoz.Intake.Bot.Texts;

namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>Taking text, files and forwards into the draft, with the limits; edited messages.</summary>
public sealed partial class DialogueEngine
{
    /// <summary>
    /// Adds the event's text and files to the draft. Returns false when nothing was taken (the
    /// reporter was told why). With <paramref name="quiet"/> only problems are reported.
    /// </summary>
    private static bool AddContent(Turn turn, bool quiet)
    {
        var ev = turn.Event;
        var draft = turn.Draft;
        var taken = false;
        var text = ev.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            if (text.Length > MaxMessageLength)
            {
                turn.Say("TextTooLong", text.Length, MaxMessageLength);
            }
            else if (draft.TextLength + text.Length > MaxReportLength)
            {
                turn.Say("ReportTooLong");
            }
            else
            {
                draft.Texts.Add(new DraftText { MessageId = ev.MessageId, Text = text, ForwardedFrom = ev.ForwardOrigin });
                taken = true;
            }
        }
        else if (ev.ForwardOrigin is not null && ev.Files.Count > 0)
        {
            // A forwarded file without caption still keeps where it came from.
            draft.Texts.Add(new DraftText { MessageId = ev.MessageId, Text = "", ForwardedFrom = ev.ForwardOrigin });
        }

        foreach (var file in ev.Files)
        {
            if (file.Kind == FileKind.Sticker)
            {
                turn.Say("Unsupported");
                continue;
            }

            taken = true;
            if (draft.Files.Any(f => f.FileUniqueId == file.FileUniqueId))
            {
                continue;
            }

            var tooLarge = file.Size > MaxDownloadBytes;
            draft.Files.Add(new DraftFile
            {
                MessageId = ev.MessageId,
                FileId = file.FileId,
                FileUniqueId = file.FileUniqueId,
                Size = file.Size,
                FileName = file.FileName,
                MimeType = file.MimeType,
                Kind = file.Kind,
                MediaGroupId = ev.MediaGroupId,
                TooLarge = tooLarge,
            });
            if (tooLarge)
            {
                var megabytes = Math.Round(file.Size!.Value / (1024.0 * 1024.0), 1);
                turn.Say("FileTooLarge", file.FileName ?? BotTexts.Get(turn.Lang, "UnnamedFile"), megabytes.ToString(BotTexts.Culture(turn.Lang)));
            }
        }

        draft.LastMediaGroupId = ev.MediaGroupId ?? draft.LastMediaGroupId;
        if (!taken && !quiet && string.IsNullOrEmpty(text) && ev.Files.Count == 0)
        {
            turn.Say("UseButtons");
        }

        return taken;
    }

    private static void OnEdited(Turn turn)
    {
        var ev = turn.Event;
        var entry = turn.Draft.Texts.FirstOrDefault(t => t.MessageId == ev.MessageId);
        var hasFile = turn.Draft.Files.Any(f => f.MessageId == ev.MessageId);
        if (entry is null && !hasFile)
        {
            turn.Say("EditNotApplied");
            return;
        }

        var text = ev.Text?.Trim() ?? "";
        if (text.Length > MaxMessageLength)
        {
            turn.Say("TextTooLong", text.Length, MaxMessageLength);
            return;
        }

        if (turn.Draft.TextLength - (entry?.Text.Length ?? 0) + text.Length > MaxReportLength)
        {
            turn.Say("ReportTooLong");
            return;
        }

        if (entry is null)
        {
            turn.Draft.Texts.Add(new DraftText { MessageId = ev.MessageId, Text = text, ForwardedFrom = ev.ForwardOrigin });
        }
        else
        {
            entry.Text = text;
        }

        turn.Say("EditApplied");
        if (turn.Step == DialogueStep.Summary)
        {
            RepeatPrompt(turn);
        }
    }
}
