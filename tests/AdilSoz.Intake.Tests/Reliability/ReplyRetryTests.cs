using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Telegram.Integration;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>
/// A Bot API that answers 500 several times in a row: the reply is sent again after a pause, the
/// update is handled (not put in "needs attention" after five quick failures), and the reporter
/// gets each message once.
/// </summary>
public sealed class ReplyRetryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private BotSystem _system = null!;

    public async Task InitializeAsync() => _system = await BotSystem.StartAsync(database, worker: false);

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Five_server_errors_in_a_row_are_waited_out_and_each_reply_arrives_once()
    {
        const long user = 9301;
        _system.Api.FailWithServerError(5, 500, "sendMessage");
        var update = _system.Api.EnqueueText(user, "В Актобе журналиста не пустили на сессию маслихата");

        var status = await _system.WaitForInboundAsync(update.UpdateId, TimeSpan.FromSeconds(60));

        Assert.Equal(InboundStatus.Processed, status);
        Assert.Equal(5, _system.Api.Calls("sendMessage").Count(c => c.StatusCode == 500));
        var sent = _system.Api.SentMessages(user);
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent.Count, sent.Select(m => m.Text).Distinct().Count());
    }
}
