using System.Text.Json.Nodes;
using AdilSoz.Intake.Bot.Dialogue;
using AdilSoz.Intake.Bot.Texts;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Telegram.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdilSoz.Intake.Tests.Privacy;

/// <summary>
/// A reporter who said "do not name me" forwards their own message and a source's message to the bot:
/// the report names neither of them in clear (the reporter's own forward is not described by their
/// name at all), and the source is kept encrypted for the Admins.
/// </summary>
public sealed class ForwardOriginTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const long ReporterId = 8_731_002;
    private const long SourceId = 8_731_555;
    private static readonly string[] ReporterNames = ["Асель", "Жумабаева", "asel_zh_77"];
    private static readonly string[] SourceNames = ["Марат", "Секретов", "marat_source_kz"];

    private BotSystem _system = null!;

    public async Task InitializeAsync() => _system = await BotSystem.StartAsync(database);

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Forwarded_messages_name_neither_the_reporter_nor_the_source_in_clear()
    {
        var api = _system.Api;
        var chat = new ChatView(api, ReporterId);
        api.EnqueueMessage(ReporterId, m =>
        {
            m["from"] = User(ReporterId, "Асель", "Жумабаева", "asel_zh_77");
            m["forward_origin"] = Origin(User(ReporterId, "Асель", "Жумабаева", "asel_zh_77"));
            m["text"] = "Сегодня в Таразе полиция задержала нашего оператора у здания акимата.";
        });
        await chat.NextAsync(BotTexts.Get("ru", "QuickStarted"));
        await api.PressButtonAsync(ReporterId, "skip");
        await api.PressButtonAsync(ReporterId, "when:today");
        await api.PressButtonAsync(ReporterId, "region:almaty");
        await api.PressButtonAsync(ReporterId, "aff:me");
        await api.WaitForMessageAsync(ReporterId, m => m.CallbackData.Contains("name:no"), TimeSpan.FromSeconds(30));
        api.EnqueueMessage(ReporterId, m =>
        {
            m["from"] = User(ReporterId, "Асель", "Жумабаева", "asel_zh_77");
            m["forward_origin"] = Origin(User(SourceId, "Марат", "Секретов", "marat_source_kz"));
            m["text"] = "Оператора увезли в отдел полиции, камеру изъяли.";
        });
        await chat.NextAsync(BotTexts.Get("ru", "AddedToDraft"));
        await api.PressButtonAsync(ReporterId, "name:no");
        await api.PressButtonAsync(ReporterId, "submit");
        await chat.NextAsync($"AS-{DateTime.UtcNow.Year}-");

        var submission = await Poll.UntilAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            return await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Text.Contains("камеру изъяли"));
        }, s => s is not null, TimeSpan.FromSeconds(30));
        Assert.NotNull(submission);
        Assert.False(submission.MayNameReporter);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT row_to_json(t)::text FROM "Submissions" t WHERE "Id" = @id""", connection);
        command.Parameters.AddWithValue("id", submission.Id);
        var row = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains("задержала нашего оператора", row, StringComparison.Ordinal);
        foreach (var name in ReporterNames.Concat(SourceNames))
        {
            Assert.False(row.Contains(name, StringComparison.Ordinal), $"the stored submission holds \"{name}\" in clear");
        }

        var protector = _system.Bot!.Services.GetRequiredService<IdentityProtector>();
        var origin = protector.Unprotect(submission.ForwardedFromEncrypted);
        Assert.Equal($"{TelegramEvents.OwnMessage}; user Марат Секретов (@marat_source_kz)", origin);
    }

    private static JsonObject User(long id, string first, string last, string username) => new()
    {
        ["id"] = id, ["is_bot"] = false, ["first_name"] = first, ["last_name"] = last, ["username"] = username, ["language_code"] = "ru",
    };

    private static JsonObject Origin(JsonObject user) => new()
    {
        ["type"] = "user", ["date"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds(), ["sender_user"] = user,
    };
}
