using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Pipeline;
using AdilSoz.Intake.Worker.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdilSoz.Intake.Tests.Telegram.Integration;

/// <summary>
/// The Telegram side of the system for one test class: the Bot API stand-in, the Bot host built
/// exactly as Program.cs builds it (in process), and a Worker host with the Hangfire server, the
/// pipeline and the file job, all on the class's fresh database.
/// </summary>
public sealed class BotSystem : IAsyncDisposable
{
    private BotSystem(PostgresDatabase database, BotApiStandIn api)
    {
        Database = database;
        Api = api;
    }

    public PostgresDatabase Database { get; }

    /// <summary>
    /// When this system started. The stand-in numbers updates from the same value in every test, as
    /// Telegram may after a quiet week, so a test looks only at what was stored since it started.
    /// </summary>
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    public BotApiStandIn Api { get; }

    public WebApplication? Bot { get; private set; }

    public IHost? Worker { get; private set; }

    /// <summary>http://127.0.0.1:{port} of the Bot (webhook and health).</summary>
    public string BotUrl { get; private set; } = "";

    public static async Task<BotSystem> StartAsync(PostgresDatabase database, IDictionary<string, string?>? botSettings = null, bool worker = true)
    {
        var system = new BotSystem(database, await BotApiStandIn.StartAsync());
        await system.StartBotAsync(botSettings);
        if (worker)
        {
            system.Worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
            {
                b.Configuration.AddInMemoryCollection(system.TelegramSettings());
                b.AddJobServer();
                b.AddPipelineJobs();
                b.AddTelegramJobs();
            });
            await system.Worker.StartAsync();
        }

        return system;
    }

    public Dictionary<string, string?> TelegramSettings() => new()
    {
        ["Telegram:BotToken"] = Api.Token,
        ["Telegram:ApiBaseUrl"] = Api.BaseUrl,
    };

    public async Task StartBotAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        var config = TelegramSettings();
        config["ConnectionStrings:Intake"] = Database.ConnectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.BuildBot();
        await IntakeDatabase.MigrateAsync(app.Services);
        await app.StartAsync();
        BotUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Bot = app;
    }

    public async Task StopBotAsync()
    {
        if (Bot is not null)
        {
            await Bot.StopAsync();
            await Bot.DisposeAsync();
            Bot = null;
        }
    }

    /// <summary>Waits until the stored update with this update_id is no longer waiting, and returns its status.</summary>
    public async Task<InboundStatus?> WaitForInboundAsync(long updateId, TimeSpan? timeout = null)
    {
        return await Poll.UntilAsync(() => InboundStatusAsync(updateId), s => s is InboundStatus.Processed or InboundStatus.NeedsAttention,
            timeout ?? TimeSpan.FromSeconds(30));
    }

    public async Task<InboundStatus?> InboundStatusAsync(long updateId)
    {
        await using var db = Database.CreateDbContext();
        var items = await InboundOfAsync(db, updateId);
        return items.Count == 0 ? null : items[0].Status;
    }

    public Task<List<InboundItem>> InboundOfAsync(IntakeDbContext db, long updateId)
    {
        var marker = $":{updateId}:";
        return db.InboundItems.Where(i => i.SourceKey.Contains(marker) && i.ReceivedAt >= Started).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopBotAsync();
        if (Worker is not null)
        {
            await Worker.StopAsync();
            Worker.Dispose();
        }

        await Api.DisposeAsync();
    }
}
