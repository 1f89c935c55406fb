using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Telegram.Integration;

/// <summary>The Bot rehearses a newcomer's /start at start-up, many times, and leaves no trace of it.</summary>
public sealed class WarmUpTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_rehearsals_leave_nothing_in_the_database_and_write_to_nobody_and_the_first_reporter_is_answered()
    {
        await using var system = await BotSystem.StartAsync(database, worker: false);

        // The Bot has started: its warm-up ran before the receivers.
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(0, await db.Reporters.CountAsync());
            Assert.Equal(0, await db.InboundItems.CountAsync());
            Assert.Equal(0, await db.DialogueStates.CountAsync());
        }

        Assert.Empty(system.Api.Calls("sendMessage"));
        Assert.NotEmpty(system.Api.Calls("getMe"));

        const long user = 7301;
        var chat = new ChatView(system.Api, user);
        var start = system.Api.EnqueueText(user, "/start");
        await chat.NextAsync("");
        // The reply goes out before the update's commit: wait for the commit.
        Assert.Equal(Core.Intake.InboundStatus.Processed, await system.WaitForInboundAsync(start.UpdateId));
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(1, await db.Reporters.CountAsync());
            Assert.Equal(1, await db.DialogueStates.CountAsync());
        }

        Assert.All(system.Api.Calls("sendMessage"), c => Assert.Equal(user.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Body["chat_id"]?.ToString()));
    }
}
