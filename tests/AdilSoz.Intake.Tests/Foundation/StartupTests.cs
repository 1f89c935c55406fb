using AdilSoz.Intake.Tests.Infrastructure;

namespace AdilSoz.Intake.Tests.Foundation;

public sealed class StartupTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_wrong_setting_stops_the_worker_with_one_readable_line()
    {
        var result = await HostProcess.RunAsync("Worker", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Intake"] = database.ConnectionString,
            ["Worker__JobWorkers"] = "0",
        }, null, Limit);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("JobWorkers", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_admin_with_one_readable_line()
    {
        var result = await HostProcess.RunAsync("Admin", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Intake"] = "Host=127.0.0.1;Port=1;Database=nothing;Username=x;Password=y;Timeout=3",
        }, null, Limit, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Cannot reach PostgreSQL", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_without_a_token_says_so_and_exits()
    {
        var result = await HostProcess.RunAsync("Bot", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Intake"] = database.ConnectionString,
        }, null, Limit);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Telegram:BotToken is not set", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_without_a_secret_is_a_configuration_error()
    {
        var result = await HostProcess.RunAsync("Bot", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Intake"] = database.ConnectionString,
            ["Telegram__BotToken"] = "123456:TEST-token",
            ["Telegram__Mode"] = "Webhook",
        }, null, Limit, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("WebhookSecret", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_commands_add_a_user_and_an_api_key_and_refuse_bad_input()
    {
        var env = new Dictionary<string, string?> { ["ConnectionStrings__Intake"] = database.ConnectionString };
        var user = await HostProcess.RunAsync("Admin", env, "a long enough password", Limit, "users", "add", "--email", "editor@adilsoz.test", "--role", "Editor");
        Assert.Equal(0, user.ExitCode);

        var again = await HostProcess.RunAsync("Admin", env, "a long enough password", Limit, "users", "add", "--email", "editor@adilsoz.test", "--role", "Editor");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already exists", again.StdErr, StringComparison.Ordinal);

        var badRole = await HostProcess.RunAsync("Admin", env, "x", Limit, "api-keys", "add", "--name", "ci", "--role", "Root");
        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Single(badRole.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var key = await HostProcess.RunAsync("Admin", env, null, Limit, "api-keys", "add", "--name", "ci", "--role", "Monitor");
        Assert.Equal(0, key.ExitCode);
        var printed = key.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        Assert.StartsWith("asi_", printed, StringComparison.Ordinal);

        await using var db = database.CreateDbContext();
        var stored = Assert.Single(db.ApiKeys.Where(k => k.Name == "ci"));
        Assert.NotEqual(printed, stored.KeyHash);
        Assert.Equal(AdilSoz.Intake.Core.Security.ApiKeys.Hash(printed), stored.KeyHash);
    }
}
