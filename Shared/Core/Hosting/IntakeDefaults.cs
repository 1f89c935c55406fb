using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Operations;
using AdilSoz.Intake.Core.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace AdilSoz.Intake.Core.Hosting;

/// <summary>
/// What every process of the system runs on: logging, the database, Hangfire's client, the clocks, the
/// standard health checks and metrics, the Telegram client; and how a process starts (<see cref="RunIntakeAsync"/>)
/// and how a sub-command does (<see cref="CreateCommandBuilder"/>, <see cref="RunCommandAsync"/>).
/// </summary>
public static class IntakeDefaults
{
    public static IHostApplicationBuilder AddIntakeDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddIntakeLogging();
        builder.AddIntakeTexts();
        builder.AddIntakeDatabase();
        builder.AddIntakeHangfire();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<FoundationClock>();
        builder.AddIntakeOperations();
        builder.AddTelegramClient();
        return builder;
    }

    /// <summary>
    /// The one Telegram Bot API client, from the <c>Telegram</c> section (token and API base URL, the same
    /// variables for the Bot and the Worker), registered only when a token is set: without one the Bot does not
    /// start and the Worker keeps Telegram messages queued. The Bot validates the section at start; the Worker
    /// does not, so it runs on without a token.
    /// </summary>
    private static void AddTelegramClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName);
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.BotToken)}"]))
        {
            return;
        }

        // Longer than a long poll (25 s) with room for a slow answer to a send.
        builder.Services.AddHttpClient(TelegramOptions.SectionName, c => c.Timeout = TimeSpan.FromSeconds(90));
        builder.Services.AddSingleton(sp => Client(sp, TelegramOptions.SectionName));

        // A file of up to 20 MB over a slow link needs minutes, more than any other call may take.
        builder.Services.AddHttpClient(TelegramOptions.Downloads, c => c.Timeout = TimeSpan.FromMinutes(5));
        builder.Services.AddKeyedSingleton(TelegramOptions.Downloads, (sp, _) => Client(sp, TelegramOptions.Downloads));

        static ITelegramBotClient Client(IServiceProvider sp, string httpClientName)
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName);
            return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken!, o.ApiBaseUrl.TrimEnd('/')), http);
        }
    }

    /// <summary>
    /// Migrates under the advisory lock (or checks the schema, for the application role), runs
    /// <paramref name="afterMigration"/>, then runs until stopped. A bad setting or an unreachable database ends
    /// the process with one readable line on stderr and exit code 1.
    /// </summary>
    public static async Task<int> RunIntakeAsync(this IHost host, Func<IServiceProvider, Task>? afterMigration = null)
    {
        try
        {
            await IntakeDatabase.MigrateAsync(host.Services);
            if (afterMigration is not null)
            {
                await afterMigration(host.Services);
            }

            await host.RunAsync();
            return 0;
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return 1;
        }
    }

    /// <summary>
    /// The host of a sub-command (<c>Admin users …</c>, <c>Worker import …</c>): the same defaults as the
    /// processes, and only warnings logged, to stderr, so that stdout carries the command's own answer.
    /// </summary>
    public static HostApplicationBuilder CreateCommandBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddIntakeDefaults();
        return builder;
    }

    /// <summary>
    /// Builds the command's host, runs <paramref name="beforeMigration"/> if any (a change to the migration history
    /// itself), migrates as a process does at start, and runs <paramref name="command"/> (its exit code). A start-up
    /// failure is one line on stderr and exit code 1.
    /// </summary>
    public static async Task<int> RunCommandAsync(this HostApplicationBuilder builder, Func<IServiceProvider, Task<int>> command,
        Func<IServiceProvider, Task>? beforeMigration = null)
    {
        try
        {
            using var host = builder.Build();
            if (beforeMigration is not null)
            {
                await beforeMigration(host.Services);
            }

            await IntakeDatabase.MigrateAsync(host.Services);
            return await command(host.Services);
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return 1;
        }
    }
}
