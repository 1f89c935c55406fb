using System.Security.Cryptography;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace AdilSoz.Intake.Worker.Telegram;

/// <summary>
/// Downloads one Telegram attachment through getFile into content-addressed storage (a Blob per
/// SHA-256, shared by every attachment with the same bytes). Idempotent: an attachment that is not
/// pending is left alone. A file over the download limit becomes TooLarge (recorded, never retried);
/// network and API failures throw so that Hangfire retries with back-off.
/// </summary>
public sealed class TelegramFileJob(
    IntakeDbContext db,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramFileJob> logger,
    [FromKeyedServices(TelegramOptions.Downloads)] ITelegramBotClient? downloads = null) : ITelegramFileJob
{

    public async Task DownloadAsync(long attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is null || attachment.Status != AttachmentStatus.Pending)
        {
            return;
        }

        var o = options.Value;
        if (attachment.TelegramFileId is not { Length: > 0 } fileId)
        {
            await FinishAsync(attachment, AttachmentStatus.Failed, "No Telegram file_id to download.", cancellationToken);
            return;
        }

        if (downloads is not { } bot)
        {
            throw new InvalidOperationException(
                "Telegram:BotToken is not configured in the Worker (Telegram__BotToken); the attachment stays pending and the download is retried.");
        }

        if (attachment.Size > o.MaxDownloadBytes)
        {
            await TooLargeAsync(attachment, o.MaxDownloadBytes, cancellationToken);
            return;
        }

        global::Telegram.Bot.Types.TGFile file;
        try
        {
            file = await bot.GetFile(fileId, cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("too big", StringComparison.OrdinalIgnoreCase))
        {
            await TooLargeAsync(attachment, o.MaxDownloadBytes, cancellationToken);
            return;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            // Note: a file_id Telegram does not know will not become valid by retrying.
            await FinishAsync(attachment, AttachmentStatus.Failed, $"getFile refused the file: {e.Message}", cancellationToken);
            return;
        }

        if (file.FileSize > o.MaxDownloadBytes)
        {
            await TooLargeAsync(attachment, o.MaxDownloadBytes, cancellationToken);
            return;
        }

        if (file.FilePath is not { Length: > 0 } path)
        {
            throw new InvalidOperationException("getFile answered without a file_path; retrying later.");
        }

        using var content = new LimitedMemoryStream(o.MaxDownloadBytes);
        try
        {
            await bot.DownloadFile(path, content, cancellationToken);
        }
        catch (LimitedMemoryStream.LimitExceededException)
        {
            await TooLargeAsync(attachment, o.MaxDownloadBytes, cancellationToken);
            return;
        }

        var bytes = content.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var now = clock.GetUtcNow();

        // Content-addressed and concurrency-safe: two jobs with the same bytes insert one row.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "Blobs" ("Sha256", "Size", "Bytes", "CreatedAt") VALUES ({sha}, {(long)bytes.Length}, {bytes}, {now}) ON CONFLICT ("Sha256") DO NOTHING""",
            cancellationToken);
        attachment.Sha256 = sha;
        attachment.Size = bytes.Length;
        await FinishAsync(attachment, AttachmentStatus.Stored, null, cancellationToken);
        logger.LogInformation("Attachment {AttachmentId} stored ({Size} bytes)", attachmentId, bytes.Length);
    }

    private Task TooLargeAsync(SubmissionAttachment attachment, long limit, CancellationToken ct) =>
        FinishAsync(attachment, AttachmentStatus.TooLarge,
            $"Over the Bot API download limit of {limit / (1024 * 1024)} MB; recorded, not downloaded.", ct);

    private async Task FinishAsync(SubmissionAttachment attachment, AttachmentStatus status, string? error, CancellationToken ct)
    {
        attachment.Status = status;
        attachment.Error = error;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A memory stream that refuses to grow past a limit (a download larger than announced).</summary>
internal sealed class LimitedMemoryStream(long limit) : MemoryStream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        Check(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Check(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Check(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    public override void WriteByte(byte value)
    {
        Check(1);
        base.WriteByte(value);
    }

    private void Check(int count)
    {
        if (Length + count > limit)
        {
            throw new LimitExceededException();
        }
    }

    public sealed class LimitExceededException() : IOException("The download is larger than the limit.");
}
