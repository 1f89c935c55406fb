using System.Text;
using AdilSoz.Intake.Bot.Dialogue;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Fuzz;

/// <summary>Where an input ends: processed into a submission/dialogue step, or kept in "needs attention".</summary>
public enum FuzzOutcome
{
    Processed,
    NeedsAttention,
}

/// <summary>
/// The product's own entry points, in process and without a database: what the mail ingest job and
/// the update processor do with a stored raw item before they write. A returned failure text (or an
/// exception) breaks the property "every input ends processed or in needs attention".
/// </summary>
public static partial class FuzzTargets
{
    /// <summary>Limits low enough that the fuzzer reaches the "too large" paths with inputs of a few MB.</summary>
    public static readonly MailParserOptions MailOptions = new()
    {
        MaxMessageBytes = 2 * 1024 * 1024,
        MaxAttachmentBytes = 1024 * 1024,
        MaxTotalDecodedBytes = 3 * 1024 * 1024,
    };

    private static readonly DialogueEngine Engine = new();

    private static readonly DialogueSnapshot[] Snapshots =
    [
        DialogueSnapshot.New,
        DialogueSnapshot.FromStored("Menu", "{}", "ru"),
        DialogueSnapshot.FromStored("What", """{"texts":["Журналиста задержали"]}""", "kk"),
        DialogueSnapshot.FromStored("Summary", """{"texts":["Журналиста задержали"],"region":"ALA"}""", "en"),
        DialogueSnapshot.FromStored("ConfirmDelete", "{}", "ru"),
    ];

    /// <summary>The mail path: Message-ID read at store time, then the parser the ingest job runs.</summary>
    public static (FuzzOutcome Outcome, string? Failure) Mail(byte[] raw, MailParserOptions? options = null)
    {
        _ = MailStore.ReadMessageId(raw);
        var mail = MailParser.Parse(raw, options ?? MailOptions);
        if (mail.Error is not null)
        {
            return (FuzzOutcome.NeedsAttention, null);
        }

        if (mail.KindReason.Length == 0)
        {
            return (FuzzOutcome.Processed, "parsed without an error but without a kind either");
        }

        // PostgreSQL text cannot hold U+0000: what the job stores must be free of it.
        var stored = new[] { mail.Subject, mail.Text, mail.QuotedText, mail.MessageId ?? "", mail.From?.DisplayName ?? "" }
            .Concat(mail.Attachments.Select(a => a.FileName + a.ContentType));
        if (stored.Any(s => s != AdilSoz.Intake.Language.Text.StorableText.Clean(s)))
        {
            return (FuzzOutcome.Processed, "a stored text contains U+0000 or a lone surrogate, which PostgreSQL refuses");
        }

        return (FuzzOutcome.Processed, null);
    }

    /// <summary>The update path: the key read at store time, the reader, and the dialogue engine in several states.</summary>
    public static (FuzzOutcome Outcome, string? Failure) Update(string json)
    {
        if (UpdateStore.TryReadUpdateId(json) is null)
        {
            return (FuzzOutcome.NeedsAttention, null);
        }

        if (UpdateProcessor.ReadUpdate(Encoding.UTF8.GetBytes(json)) is not { } update)
        {
            return (FuzzOutcome.NeedsAttention, null);
        }

        _ = TelegramEvents.IsGroupMessage(update);
        if (TelegramEvents.FromUpdate(update) is { } ev)
        {
            var now = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
            foreach (var snapshot in Snapshots)
            {
                var result = Engine.Handle(snapshot, ev, now);
                var draft = result.State.DraftJson;
                if (draft.Contains("\\u0000", StringComparison.Ordinal) || LoneSurrogateEscape().IsMatch(draft))
                {
                    return (FuzzOutcome.Processed, "the dialogue draft keeps U+0000 or a lone surrogate, which PostgreSQL's jsonb refuses");
                }
            }
        }

        return (FuzzOutcome.Processed, null);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial System.Text.RegularExpressions.Regex LoneSurrogateEscape();
}
