using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;

namespace AdilSoz.Intake.Tests.Telegram.Integration;

/// <summary>Webhook mode: the secret is checked, the update is stored before 200, a repeated POST is a no-op.</summary>
public sealed class WebhookTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Secret = "webhook-secret-for-tests";
    private BotSystem _system = null!;

    public async Task InitializeAsync() => _system = await BotSystem.StartAsync(database, new Dictionary<string, string?>
    {
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookSecret"] = Secret,
    }, worker: false);

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Without_the_secret_401_with_it_200_stored_once_and_answered()
    {
        const long user = 9101;
        var body = new JsonObject
        {
            ["update_id"] = 555_000_001,
            ["message"] = new JsonObject
            {
                ["message_id"] = 1,
                ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Reporter", ["language_code"] = "ru" },
                ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private", ["first_name"] = "Reporter" },
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["text"] = "/start",
            },
        }.ToJsonString();
        using var http = new HttpClient { BaseAddress = new Uri(_system.BotUrl) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, body, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, body, "wrong")).StatusCode);
        Assert.Null(await _system.InboundStatusAsync(555_000_001));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, body, Secret)).StatusCode);
        Assert.NotNull(await _system.InboundStatusAsync(555_000_001));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, body, Secret)).StatusCode);

        await new ChatView(_system.Api, user).NextAsync("Выберите язык");
        Assert.Equal(InboundStatus.Processed, await _system.WaitForInboundAsync(555_000_001));
        await using var db = database.CreateDbContext();
        Assert.Single(await _system.InboundOfAsync(db, 555_000_001));
        Assert.Single(_system.Api.SentMessages(user));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await http.SendAsync(request);
    }
}

/// <summary>The Bot as a real process, killed (SIGKILL) mid-report: after a restart the dialogue goes on.</summary>
public sealed class RestartTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_bot_killed_mid_report_resumes_the_dialogue_after_restart()
    {
        await using var api = await BotApiStandIn.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Intake"] = database.ConnectionString,
            ["Telegram__BotToken"] = api.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };
        const long user = 9201;
        var chat = new ChatView(api, user);

        using (var first = StartBot(environment))
        {
            try
            {
                api.EnqueueText(user, "/start");
                await api.PressButtonAsync(user, "lang:ru", timeout: TimeSpan.FromMinutes(3));
                await api.PressButtonAsync(user, "menu:report");
                await chat.NextAsync("Расскажите, что произошло");
                api.EnqueueText(user, "В Уральске неизвестные разбили машину редакции");
                await chat.NextAsync("«");
            }
            finally
            {
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }
        }

        using var second = StartBot(environment);
        try
        {
            // The first answer waits for a whole process start (build output loaded, schema checked, polling begun):
            // a hang guard, not a speed bound.
            await api.PressButtonAsync(user, "done");
            await chat.NextAsync("PDF", TimeSpan.FromMinutes(3));
            api.PressButton(user, "skip");
            await api.PressButtonAsync(user, "when:today");
            await api.PressButtonAsync(user, "region:astana");
            await api.PressButtonAsync(user, "aff:outlet");
            await api.PressButtonAsync(user, "name:no");
            var summary = await chat.NextAsync("разбили машину редакции");
            Assert.Contains("submit", api.SentMessages(user).Single(m => m.MessageId == summary.MessageId).CallbackData);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    private static Process StartBot(IDictionary<string, string?> environment)
    {
        var process = Process.Start(HostProcess.StartInfo("Bot", environment))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
