using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Data;
using AdilSoz.Intake.Intake;
using AdilSoz.Intake.Jobs;
using AdilSoz.Intake.Reporters;
using Hangfire;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AdilSoz.Intake.Bot.Conversation;

/// <summary>
/// The simplest useful conversation: a private text message becomes a report and the reporter gets
/// its reference. (The full dialogue replaces this.)
/// </summary>
public sealed class QuickReportHandler(
    IntakeDbContext db, ReporterDirectory reporters, ITelegramBotClient bot, IBackgroundJobClient jobs, AfterCommit afterCommit) : ITelegramUpdateHandler
{
    public async Task HandleAsync(Update update, long inboundItemId, CancellationToken cancellationToken)
    {
        if (update is not { Message: { Chat.Type: ChatType.Private, From: { } from, Text: { Length: > 0 } text } message })
        {
            return;
        }

        var language = from.LanguageCode is "kk" or "ru" or "en" ? from.LanguageCode : null;
        var reporter = await reporters.GetOrCreateAsync(Channel.Telegram, from.Id.ToString(), message.Chat.Id.ToString(),
            from.Username ?? from.FirstName, language, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var submission = new Submission
        {
            Channel = Channel.Telegram, Kind = SubmissionKind.Report, Status = SubmissionStatus.Received,
            Text = text, Language = language, Reporter = reporter, InboundItemId = inboundItemId, ReceivedAt = now, UpdatedAt = now,
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(cancellationToken);
        afterCommit.Add(() => jobs.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(submission.Id, CancellationToken.None)));
        await bot.SendMessage(message.Chat.Id, $"Thank you. Your report is registered as {submission.Reference}.", cancellationToken: cancellationToken);
    }
}
