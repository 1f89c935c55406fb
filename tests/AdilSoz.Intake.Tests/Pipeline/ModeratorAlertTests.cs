using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Mail;
using AdilSoz.Intake.Worker.Pipeline;
using AdilSoz.Intake.Worker.Telegram;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Pipeline;

public sealed class ModeratorAlertTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const long ModeratorChat = -1001234567890;

    [Fact]
    public async Task An_urgent_report_alerts_the_moderators_chat_once()
    {
        await using var api = await BotApiStandIn.StartAsync();
        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = api.Token,
                ["Telegram:ApiBaseUrl"] = api.BaseUrl,
                ["Telegram:ModeratorChatId"] = ModeratorChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            b.AddJobServer();
            b.AddPipelineJobs();
            b.AddTelegramJobs();
            b.AddMailIntake();
        });
        await worker.StartAsync();
        try
        {
            long id;
            await using (var db = database.CreateDbContext())
            {
                var s = new Submission
                {
                    Channel = Channel.Email,
                    Text = "В Актау полицейские избили оператора телеканала и разбили его камеру во время съёмки митинга.",
                    ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                };
                db.Submissions.Add(s);
                await db.SaveChangesAsync();
                id = s.Id;
            }

            var jobs = worker.Services.GetRequiredService<IBackgroundJobClient>();
            jobs.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None));
            jobs.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None));

            var alert = await api.WaitForMessageAsync(ModeratorChat, m => m.Text?.Contains("AS-", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60));

            // What to open, not the reporter's words: the reference, the category and the region only.
            await using var check = database.CreateDbContext();
            var processed = await check.Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
            Assert.NotNull(processed.SuggestedCategory);
            Assert.NotNull(processed.SuggestedRegion);
            Assert.Equal($"⚠️ {processed.Reference} ({processed.SuggestedCategory}, {processed.SuggestedRegion})", alert.Text);
            Assert.DoesNotContain("оператора", alert.Text, StringComparison.Ordinal);

            var sent = await Poll.UntilAsync(
                () => check.OutboundMessages.AsNoTracking().Where(m => m.SubmissionId == id).ToListAsync(),
                list => list.All(m => m.Status == OutboundStatus.Sent), TimeSpan.FromSeconds(30));
            Assert.Equal(OutboundKind.ModeratorAlert, Assert.Single(sent).Kind);
            Assert.DoesNotContain("оператора", sent[0].Body, StringComparison.Ordinal);
            Assert.Single(api.SentMessages(ModeratorChat));
        }
        finally
        {
            await worker.StopAsync();
        }
    }
}
