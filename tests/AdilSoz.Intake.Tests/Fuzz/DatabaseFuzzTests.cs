using System.Diagnostics;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Mail;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Fuzz;

/// <summary>
/// A sample of mutated inputs through the real entry points with the database: the mail store and
/// ingest job, the update store and processor (dialogue, Bot API stand-in). Every input ends stored and
/// processed or in needs attention; none stays waiting, none is lost (a duplicate is folded into the
/// item already stored). <c>ADILSOZ_FUZZ_DB_INPUTS</c> raises the count for the by-hand run.
/// </summary>
public sealed class DatabaseFuzzTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private static int Count(int ci) =>
        int.TryParse(Environment.GetEnvironmentVariable("ADILSOZ_FUZZ_DB_INPUTS"), out var n) && n > 0 ? n : ci;

    [Fact]
    public async Task Mutated_mails_are_stored_and_end_processed_or_in_needs_attention()
    {
        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.AddMailIntake();
        });
        var recipes = Gen.Sample(FuzzGenerators.Mail, Count(40), Random.Shared.Next());
        var clock = Stopwatch.StartNew();
        var duplicates = 0;
        var items = new HashSet<long>();
        foreach (var recipe in recipes)
        {
            var raw = MailMutator.Build(recipe);
            await using var scope = worker.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<MailStore>().StoreAsync("fuzz:" + Guid.NewGuid(), raw, CancellationToken.None);
            duplicates += stored.Duplicate ? 1 : 0;
            items.Add(stored.InboundItemId);
            try
            {
                await scope.ServiceProvider.GetRequiredService<MailIngestJob>().IngestAsync(stored.InboundItemId, live: true, CancellationToken.None);
            }
            catch (Exception e)
            {
                Assert.Fail($"{recipe}: the ingest job threw {e.GetType().Name}: {e.Message}");
            }
        }

        await using var db = database.CreateDbContext();
        var rows = await db.InboundItems.Where(i => items.Contains(i.Id)).Select(i => new { i.Id, i.Status, i.SubmissionId }).ToListAsync();
        Assert.Equal(items.Count, rows.Count);
        Assert.All(rows, r => Assert.True(r.Status == InboundStatus.NeedsAttention || (r.Status == InboundStatus.Processed && r.SubmissionId is not null), $"item {r.Id}: {r.Status}"));
        Report($"mail (database): {recipes.Length:N0} inputs, {items.Count:N0} items, {duplicates:N0} folded duplicates, " +
            $"{rows.Count(r => r.Status == InboundStatus.NeedsAttention):N0} needs attention, {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Mutated_updates_are_stored_and_end_processed_or_in_needs_attention()
    {
        await using var api = await BotApiStandIn.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Intake"] = database.ConnectionString,
            ["Telegram:BotToken"] = api.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
        });
        await using var bot = builder.BuildBot();

        var recipes = Gen.Sample(FuzzGenerators.Update, Count(100), Random.Shared.Next());
        var clock = Stopwatch.StartNew();
        var since = DateTimeOffset.UtcNow;
        int stored = 0, duplicates = 0;
        var processor = bot.Services.GetRequiredService<UpdateProcessor>();
        foreach (var recipe in recipes)
        {
            await using (var scope = bot.Services.CreateAsyncScope())
            {
                var result = await scope.ServiceProvider.GetRequiredService<UpdateStore>().StoreAsync(UpdateMutator.Build(recipe), CancellationToken.None);
                _ = result.IsNew ? stored++ : duplicates++;
            }

            try
            {
                while (await processor.ProcessNextAsync(CancellationToken.None))
                {
                }
            }
            catch (Exception e)
            {
                Assert.Fail($"{recipe}: the update processor threw {e.GetType().Name}: {e.Message}");
            }
        }

        await using var db = database.CreateDbContext();
        var rows = await db.InboundItems.Where(i => i.Channel == Channel.Telegram && i.ReceivedAt >= since).Select(i => new { i.Id, i.Status }).ToListAsync();
        Assert.Equal(stored, rows.Count);
        Assert.DoesNotContain(rows, r => r.Status == InboundStatus.Stored);
        Report($"updates (database): {recipes.Length:N0} inputs, {stored:N0} stored, {duplicates:N0} folded duplicates, " +
            $"{rows.Count(r => r.Status == InboundStatus.NeedsAttention):N0} needs attention, {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private void Report(string figures)
    {
        output.WriteLine(figures);
        if (FuzzRun.ByHand || Environment.GetEnvironmentVariable("ADILSOZ_FUZZ_DB_INPUTS") is { Length: > 0 })
        {
            FuzzRun.Progress(figures);
        }
    }
}
