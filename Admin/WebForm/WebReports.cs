using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Operations;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Core.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Admin.WebForm;

/// <summary>What a reporter typed into the web form, as read from the page.</summary>
public sealed record WebReportInput(
    string Text, DateOnly? OccurredOn, string? RegionCode, string? Settlement, string? Affected, bool MayName, string? Name,
    string? Contact, string Language, bool Honeypot);

/// <summary>A file of a web report or reply, its type already judged by its content.</summary>
public sealed record WebFile(string FileName, string ContentType, byte[] Bytes);

/// <summary>One line of a report's status page: the state, a monitor's question or decision, a reply of the reporter.</summary>
public sealed class StatusEntry
{
    public string Entry { get; init; } = "";

    public DateTimeOffset At { get; init; }

    public string? Body { get; init; }

    public long? ReporterId { get; init; }

    public string? Language { get; init; }
}

public enum ReceiptCheck
{
    Open,
    Wrong,
    Locked,
}

/// <summary>
/// The web channel's store. A report is kept whole or not at all: its reporter (a contact only if given,
/// encrypted), its files, the submission (which gets its reference from the database), the raw form as an
/// inbound item (encrypted) and the receipt's hash go in one transaction; the pipeline is woken after the
/// commit. Nothing about the sender's connection is stored. Runs as the public role, which may insert these
/// rows and read back only their ids and the reference.
/// </summary>
public sealed class WebReports(
    IntakeDbContext db, IdentityProtector protector, PipelineWakeUp wakeUp, IOptions<PublicOptions> options, TimeProvider clock,
    ILogger<WebReports> logger)
{
    private static readonly JsonSerializerOptions RawJson = new(JsonSerializerDefaults.Web);

    /// <summary>Stores a new report; returns its reference and the receipt (shown once, only its hash kept).</summary>
    public async Task<(string Reference, string Receipt)> SubmitAsync(WebReportInput input, IReadOnlyList<WebFile> files, CancellationToken ct)
    {
        var receipt = ReceiptCodes.New();
        var receiptHash = ReceiptCodes.Hash(receipt);
        var spam = SpamSigns.Of(null, input.Text);
        var (submission, waiting) = await StoreAsync(files, new { form = "report", input.Text, input.OccurredOn, input.RegionCode, input.Settlement, input.Affected,
            input.MayName, input.Name, input.Contact, input.Language, honeypot = input.Honeypot }, (now, overBudget) =>
        {
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var reporter = new Reporter
            {
                Channel = Channel.Web,
                KeyHash = protector.KeyHash(Channel.Web, "report:" + token),
                IdentityEncrypted = protector.Protect("web report " + token),
                ContactEncrypted = protector.ProtectOrNull(input.Contact),
                // A mail address left as contact: the monitors' questions go there too, and an answer from it that
                // threads to one of them joins this report (see MailThreads).
                ClaimedKeyHash = WebContact.MailAddress(input.Contact) is { } address ? protector.KeyHash(Channel.Email, address) : null,
                DisplayNameEncrypted = protector.ProtectOrNull(input.Name),
                Language = input.Language,
                CreatedAt = now,
            };
            return new Submission
            {
                Channel = Channel.Web,
                // A filled honeypot is a robot: kept and visible like mail spam, never queued.
                Kind = input.Honeypot ? SubmissionKind.Spam : SubmissionKind.Report,
                Status = input.Honeypot ? SubmissionStatus.Ignored : overBudget || spam is not null ? SubmissionStatus.NeedsAttention : SubmissionStatus.Received,
                // Text that reads like advertising waits for a monitor, as such a mail does.
                AttentionReason = input.Honeypot ? null : spam ?? (overBudget ? OverBudgetReason : null),
                Language = input.Language,
                Text = input.Text,
                OccurredOn = input.OccurredOn,
                RegionCode = input.RegionCode,
                Settlement = input.Settlement,
                Affected = input.Affected,
                MayNameReporter = input.MayName,
                Reporter = reporter,
            };
        }, (s, _) => db.WebReceipts.Add(new WebReceipt { SubmissionId = s.Id, Reference = s.Reference, ReceiptHash = receiptHash }), ct);
        if (waiting)
        {
            Wake();
        }

        logger.LogInformation("Web report {SubmissionId} stored with {Files} file(s)", submission.Id, files.Count);
        return (submission.Reference, receipt);
    }

    /// <summary>Stores the reporter's answer as a follow-up of the report, as a reply to our mail is.</summary>
    public async Task ReplyAsync(long reportId, long? reporterId, string language, string text, IReadOnlyList<WebFile> files, CancellationToken ct)
    {
        var (submission, waiting) = await StoreAsync(files, new { form = "reply", reportId, text, language }, (_, overBudget) => new Submission
        {
            Channel = Channel.Web,
            Kind = SubmissionKind.Followup,
            ParentId = reportId,
            ReporterId = reporterId,
            Status = overBudget ? SubmissionStatus.NeedsAttention : SubmissionStatus.Received,
            AttentionReason = overBudget ? OverBudgetReason : null,
            Language = language,
            Text = text,
        }, null, ct);
        if (waiting)
        {
            Wake();
        }

        logger.LogInformation("Web reply {SubmissionId} to {ParentId} stored with {Files} file(s)", submission.Id, reportId, files.Count);
    }

    /// <summary>
    /// Checks a receipt for a reference. A locked reference opens for no receipt; a wrong receipt counts, and the
    /// tenth locks the reference (only that one); a right one clears the count. An unknown reference costs the
    /// same hashing as a known one and answers the same as a wrong receipt.
    /// </summary>
    public async Task<(ReceiptCheck Result, long SubmissionId)> CheckAsync(string reference, string receipt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.WebReceipts.AsNoTracking().SingleOrDefaultAsync(r => r.Reference == reference, ct);
        if (row?.LockedUntil > now)
        {
            return (ReceiptCheck.Locked, 0);
        }

        if (ReceiptCodes.Verify(receipt, row?.ReceiptHash))
        {
            if (row!.FailedAttempts > 0)
            {
                await db.WebReceipts.Where(r => r.SubmissionId == row.SubmissionId)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.FailedAttempts, 0), ct);
            }

            return (ReceiptCheck.Open, row.SubmissionId);
        }

        if (row is not null)
        {
            var limit = options.Value.WrongReceiptsBeforeLock;
            var until = now.AddMinutes(options.Value.LockMinutes);
            // One statement: parallel guesses count one each, and the lock starts on the one that reaches the limit.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "WebReceipts"
                   SET "LockedUntil" = CASE WHEN "FailedAttempts" + 1 >= {limit} THEN {until} ELSE "LockedUntil" END,
                       "FailedAttempts" = CASE WHEN "FailedAttempts" + 1 >= {limit} THEN 0 ELSE "FailedAttempts" + 1 END
                 WHERE "SubmissionId" = {row.SubmissionId}
                """, ct);
        }

        return (ReceiptCheck.Wrong, 0);
    }

    /// <summary>The report's state and conversation, oldest first (the first entry is the state).</summary>
    public Task<List<StatusEntry>> StatusAsync(long submissionId, CancellationToken ct) =>
        db.Database.SqlQuery<StatusEntry>($"""
            SELECT entry AS "Entry", at AS "At", body AS "Body", reporter_id AS "ReporterId", language AS "Language"
              FROM web_report_status({submissionId})
            """).ToListAsync(ct);

    private const string OverBudgetReason =
        "More web reports came in this minute than Public:ReportsPerMinute allows: check it (a flood?) before it goes to the queue.";

    private async Task<(Submission Submission, bool Waiting)> StoreAsync(IReadOnlyList<WebFile> files, object raw,
        Func<DateTimeOffset, bool, Submission> make, Action<Submission, DateTimeOffset>? after, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new
        {
            raw,
            files = files.Select(f => new { name = f.FileName, type = f.ContentType, size = f.Bytes.Length, sha256 = Sha256(f.Bytes) }),
        }, RawJson);
        var strategy = db.Database.CreateExecutionStrategy();
        var stored = await strategy.ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var tx = await db.Database.BeginTransactionAsync(cancel);
            var overBudget = await db.InboundItems
                .CountAsync(i => i.Channel == Channel.Web && i.ReceivedAt > now.AddMinutes(-1), cancel) >= options.Value.ReportsPerMinute;
            foreach (var file in files.DistinctBy(f => Sha256(f.Bytes)))
            {
                // Content-addressed: the same file sent before is kept once (the public role may not read it to check).
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Blobs" ("Sha256", "Size", "Bytes", "CreatedAt") VALUES ({Sha256(file.Bytes)}, {file.Bytes.LongLength}, {file.Bytes}, {now})
                    ON CONFLICT DO NOTHING
                    """, cancel);
            }

            var itemId = await db.Database.SqlQuery<long>($"""SELECT nextval(pg_get_serial_sequence('"InboundItems"', 'Id')) AS "Value" """)
                .SingleAsync(cancel);
            var submission = make(now, overBudget);
            submission.ReceivedAt = now;
            submission.UpdatedAt = now;
            submission.InboundItemId = itemId;
            submission.Attachments = [.. files.Select(f => new SubmissionAttachment
            {
                FileName = f.FileName, ContentType = f.ContentType, Size = f.Bytes.LongLength, Sha256 = Sha256(f.Bytes), Status = AttachmentStatus.Stored,
            })];
            db.Submissions.Add(submission);
            await db.SaveChangesAsync(cancel);
            db.InboundItems.Add(new InboundItem
            {
                Id = itemId,
                Channel = Channel.Web,
                SourceKey = "web:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                ContentSha256 = Sha256(bytes),
                RawEncrypted = protector.ProtectRaw(bytes),
                RawSize = bytes.Length,
                Status = InboundStatus.Processed,
                ReceivedAt = now,
                ProcessedAt = now,
                SubmissionId = submission.Id,
                ReporterId = submission.ReporterId ?? submission.Reporter?.Id,
            });
            after?.Invoke(submission, now);
            await db.SaveChangesAsync(cancel);
            await tx.CommitAsync(cancel);
            return submission;
        }, ct);
        IntakeMetrics.ReportReceived(Channel.Web);
        return (stored, stored.Status == SubmissionStatus.Received);
    }

    /// <summary>Wakes the pipeline; when the enqueue fails, the Worker's sweeper takes the submission within minutes.</summary>
    private void Wake()
    {
        try
        {
            wakeUp.Received();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning("Waking the pipeline failed ({Error}); the sweeper takes the web report", e.GetType().Name);
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Text of a page field kept within bounds and without stray control characters.</summary>
    public static string? Clean(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(value.Length, max));
        foreach (var c in value.Trim())
        {
            if (builder.Length == max)
            {
                break;
            }

            // Line ends are kept as \n alone; other control characters are dropped.
            if (!char.IsControl(c) || c is '\n' or '\t')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
