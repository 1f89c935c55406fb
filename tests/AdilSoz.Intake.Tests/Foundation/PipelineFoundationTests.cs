using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Pipeline;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Foundation;

public sealed class PipelineFoundationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_received_submission_reaches_pending_through_a_real_Hangfire_server()
    {
        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.AddJobServer();
            b.AddPipelineJobs();
        });
        await worker.StartAsync();
        try
        {
            long id;
            await using (var db = database.CreateDbContext())
            {
                var s = new Submission
                {
                    Channel = Channel.Email, Text = "Задержали журналиста", ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                };
                db.Submissions.Add(s);
                await db.SaveChangesAsync();
                id = s.Id;
            }

            worker.Services.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None));

            var status = await Poll.UntilAsync(async () =>
            {
                await using var db = database.CreateDbContext();
                return await db.Submissions.Where(s => s.Id == id).Select(s => s.Status).SingleAsync();
            }, s => s == SubmissionStatus.Pending, TimeSpan.FromSeconds(30));
            Assert.Equal(SubmissionStatus.Pending, status);
        }
        finally
        {
            await worker.StopAsync();
        }
    }
}
