using System.Collections.Concurrent;
using AdilSoz.Intake.Bot.Dialogue;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Bot.Texts;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace AdilSoz.Intake.Bot.Conversation;

/// <summary>
/// Runs the dialogue for one stored update inside the update's transaction: finds the reporter,
/// loads the dialogue state, runs <see cref="DialogueEngine"/>, stores the new state and a submitted
/// report, sends the replies, and after the commit enqueues the pipeline and the file downloads.
/// </summary>
public sealed class DialogueHandler(
    IntakeDbContext db,
    ReporterDirectory reporters,
    IdentityProtector protector,
    ReplySender replies,
    MessageRateLimiter rateLimiter,
    IBackgroundJobClient jobs,
    PipelineWakeUp pipeline,
    AfterCommit afterCommit,
    IOptions<BotOptions> options,
    TimeProvider clock,
    ILogger<DialogueHandler> logger) : ITelegramUpdateHandler
{
    private const int StatusListLength = 20;

    // Note: groups get the "private chats only" answer once per Bot instance, not on every message.
    private static readonly ConcurrentDictionary<long, bool> AnsweredGroups = new();

    private readonly DialogueEngine _engine = new(options.Value.OnionAddress);

    public async Task HandleAsync(Update update, InboundItem item, CancellationToken cancellationToken)
    {
        if (update.CallbackQuery is { } query)
        {
            await replies.AnswerCallbackAsync(query.Id, cancellationToken);
        }

        if (TelegramEvents.IsGroupMessage(update))
        {
            await db.SaveChangesAsync(cancellationToken);
            await AnswerGroupAsync(update.Message!, cancellationToken);
            return;
        }

        if (TelegramEvents.FromUpdate(update) is not { } ev || Sender(update) is not { } from)
        {
            // Channel posts, inline queries, unknown update types: stored, nothing to do.
            return;
        }

        var chatId = update.Message?.Chat.Id ?? update.EditedMessage?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? from.Id;
        var displayName = from.Username is { Length: > 0 } u ? "@" + u : string.Join(' ', new[] { from.FirstName, from.LastName }.Where(n => !string.IsNullOrEmpty(n)));
        // A /start is nearly always a newcomer's first message: their reporter is created first and looked up only
        // when it exists (one round trip less before a newcomer's first reply).
        var (reporter, isNew) = await reporters.FindOrCreateAsync(Channel.Telegram, from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            chatId.ToString(System.Globalization.CultureInfo.InvariantCulture), displayName, language: null, cancellationToken, likelyNew: ev.Command == "start");
        reporter.Unreachable = false;

        // The update is theirs: it goes with everything else of theirs if they ask for erasure.
        item.ReporterId = reporter.Id;

        // Over the per-minute limit: buttons and commands are dropped; content (text, files) is still
        // added to the draft, silently, so that "nothing you've sent is lost" holds. One notice per window.
        var verdict = rateLimiter.Hit(reporter.Id);
        var limited = verdict != MessageRateLimiter.Verdict.Allowed;
        var notice = verdict == MessageRateLimiter.Verdict.LimitedTell
            ? OutgoingMessage.Plain(BotTexts.Get(reporter.Language ?? BotTexts.DefaultLanguage(ev.LanguageCode), "RateLimitMessages"))
            : null;
        if (limited && (ev.CallbackData is not null || ev.Command is not null))
        {
            await db.SaveChangesAsync(cancellationToken);
            await SendAsync(reporter, chatId, notice is null ? [] : [notice], cancellationToken);
            return;
        }

        // A reporter created just now has no dialogue yet: one round trip less before a newcomer's first reply.
        var state = isNew ? null : await db.DialogueStates.SingleOrDefaultAsync(s => s.ReporterId == reporter.Id, cancellationToken);
        if (state is null)
        {
            state = new DialogueState { ReporterId = reporter.Id };
            db.DialogueStates.Add(state);
        }

        var snapshot = DialogueSnapshot.FromStored(state.Step, state.DraftJson, reporter.Language);
        var now = clock.GetUtcNow();
        var result = _engine.Handle(snapshot, ev, now);
        var outgoing = new List<OutgoingMessage>(result.Messages);
        var next = result.State;

        var deleteData = false;
        foreach (var effect in limited ? result.Effects.Where(e => e is SetLanguage) : result.Effects)
        {
            switch (effect)
            {
                case SubmitReport submit:
                    if (await SubmittedTodayAsync(reporter.Id, now, cancellationToken) >= options.Value.ReportsPerDay)
                    {
                        // Over the daily limit: the draft and its summary (with «Send») stay, so nothing is lost.
                        next = snapshot;
                        outgoing.Clear();
                        outgoing.Add(OutgoingMessage.Plain(BotTexts.Format(submit.Language, "RateLimitReports",
                            BotTexts.Reports(submit.Language, options.Value.ReportsPerDay))));
                        break;
                    }

                    var reference = await SubmitAsync(submit, reporter.Id, item, now, cancellationToken);
                    outgoing.Add(DialogueEngine.Confirmation(submit.Language, reference));
                    break;
                case ShowStatus show:
                    outgoing.Add(DialogueEngine.StatusMessage(show.Language, await StatusesAsync(reporter.Id, cancellationToken)));
                    break;
                case DeleteMyData:
                    deleteData = true;
                    break;
            }
        }

        reporter.Language = next.Language;
        if (deleteData)
        {
            db.DialogueStates.Remove(state);
            await db.SaveChangesAsync(cancellationToken);
            await reporters.DeleteIdentityAsync(reporter.Id, cancellationToken);
            // The request itself carries who sent it; it is being handled, so the purge above left it.
            item.RawEncrypted = [];
            item.PurgedAt = now;
        }
        else
        {
            state.Step = next.StepName;
            state.DraftJson = next.DraftJson;
            state.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        await SendAsync(reporter, chatId, limited ? (notice is null ? [] : [notice]) : outgoing, cancellationToken);
    }

    private static User? Sender(Update update) =>
        update.Message?.From ?? update.EditedMessage?.From ?? update.CallbackQuery?.From;

    private async Task SendAsync(Reporter reporter, long chatId, IReadOnlyList<OutgoingMessage> messages, CancellationToken ct)
    {
        if (await replies.SendAsync(chatId, messages, ct) == ReplySender.Outcome.Blocked)
        {
            logger.LogInformation("Reporter {ReporterId} blocked the bot; marked unreachable", reporter.Id);
            reporter.Unreachable = true;
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task AnswerGroupAsync(Message message, CancellationToken ct)
    {
        if (!AnsweredGroups.TryAdd(message.Chat.Id, true))
        {
            return;
        }

        var outcome = await replies.SendAsync(message.Chat.Id, [OutgoingMessage.Plain(BotTexts.GroupChat(message.From?.LanguageCode))], ct);
        if (outcome == ReplySender.Outcome.Blocked)
        {
            logger.LogInformation("The bot may not write in a group; not answered");
        }
    }

    private Task<int> SubmittedTodayAsync(long reporterId, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddHours(-24);
        return db.Submissions.CountAsync(s => s.ReporterId == reporterId && s.Channel == Channel.Telegram && s.ReceivedAt > since, ct);
    }

    private async Task<string> SubmitAsync(SubmitReport submit, long reporterId, InboundItem item, DateTimeOffset now, CancellationToken ct)
    {
        if (item.Id == 0)
        {
            // The update's own item is inserted first: the report refers to it.
            await db.SaveChangesAsync(ct);
        }

        var submission = submit.Draft.ToSubmission(submit.Language, now);
        submission.ReporterId = reporterId;
        submission.InboundItemId = item.Id;
        submission.ForwardedFromEncrypted = protector.ProtectOrNull(submit.Draft.ForwardedFrom);
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(ct);

        var submissionId = submission.Id;
        var pending = submission.Attachments.Where(a => a.Status == AttachmentStatus.Pending).Select(a => a.Id).ToList();
        afterCommit.Add(() =>
        {
            foreach (var attachmentId in pending)
            {
                jobs.Enqueue<ITelegramFileJob>(JobQueues.Intake, j => j.DownloadAsync(attachmentId, CancellationToken.None));
            }

            pipeline.Received();
        });
        logger.LogInformation("Telegram report stored as submission {SubmissionId} with {Files} files", submissionId, submission.Attachments.Count);
        return submission.Reference;
    }

    private async Task<IReadOnlyList<ReportStatus>> StatusesAsync(long reporterId, CancellationToken ct)
    {
        var rows = await db.Submissions
            .Where(s => s.ReporterId == reporterId && (s.Kind == SubmissionKind.Report || s.Kind == SubmissionKind.Followup))
            .OrderByDescending(s => s.ReceivedAt)
            .Take(StatusListLength)
            .Select(s => new { s.Reference, s.Status, s.ReceivedAt, s.DecisionNote })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ReportStatus(r.Reference, r.Status, r.ReceivedAt, r.DecisionNote))];
    }
}
