using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using AdilSoz.Intake.Bot.Texts;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Telegram.Integration;

/// <summary>
/// Reporters talk to the real Bot host (polling the stand-in) with a real Worker behind it: what
/// they see in the chat, and what lands in the database and the moderation queue.
/// </summary>
public sealed class ReportingTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private BotSystem _system = null!;

    private BotApiStandIn Api => _system.Api;

    public async Task InitializeAsync() => _system = await BotSystem.StartAsync(database);

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Theory]
    [InlineData("kk", 8001, "Жақсы, қазақша", "Не болғанын", "Альбом алынды", "4 файл", "қашан", "Рахмет. Хабарламаңыз қабылданды")]
    [InlineData("ru", 8002, "Хорошо, будем общаться на русском", "Расскажите, что произошло", "Альбом получен", "4 файла", "Когда", "Спасибо. Ваше сообщение принято")]
    [InlineData("en", 8003, "Fine, we'll talk in English", "Tell us what happened", "Album received", "4 files", "When did", "Thank you. Your report has been received")]
    public async Task A_new_reporter_reports_with_an_album_and_a_pdf_and_the_report_reaches_the_queue_with_its_files(
        string lang, long user, string languageSet, string askWhat, string albumAck, string fourFiles, string askWhen, string thanks)
    {
        var chat = new ChatView(Api, user);
        var clock = Stopwatch.StartNew();
        Api.EnqueueText(user, "/start", "de");
        await chat.NextAsync("Выберите язык");
        await Api.PressButtonAsync(user, "lang:" + lang);
        await chat.NextAsync(languageSet);
        await Api.PressButtonAsync(user, "menu:report");
        await chat.NextAsync(askWhat);

        Api.EnqueueText(user, $"Сотрудники полиции задержали нашего оператора во время съёмки митинга ({(user % 3) switch { 0 => "утром", 1 => "днём", _ => "вечером" }}).");
        await chat.NextAsync("«");
        await Api.PressButtonAsync(user, "done");
        await chat.NextAsync("PDF");

        var photos = Enumerable.Range(1, 3).Select(i => Api.RegisterFile(RandomBytes(5000 + i), $"photo{i}.jpg")).ToList();
        Api.EnqueueAlbum(user, photos);
        await chat.NextAsync(albumAck);
        var pdf = Api.RegisterFile([.. "%PDF-1.4\n"u8.ToArray(), .. RandomBytes(3000)], "protocol.pdf");
        Api.EnqueueDocument(user, pdf, "application/pdf");
        await chat.NextAsync(fourFiles);

        await Api.PressButtonAsync(user, "done");
        await chat.NextAsync(askWhen);
        Api.EnqueueText(user, "03.02.2021");
        await chat.NextAsync("?");
        await Api.PressButtonAsync(user, "region:karaganda");
        await chat.NextAsync("?");
        Api.EnqueueText(user, "Темиртау");
        await chat.NextAsync("?");
        await Api.PressButtonAsync(user, "aff:colleague");
        await chat.NextAsync("?");
        await Api.PressButtonAsync(user, "name:no");
        await chat.NextAsync("03.02.2021");
        await Api.PressButtonAsync(user, "submit");
        var confirmation = await chat.NextAsync($"AS-{DateTime.UtcNow.Year}-");
        var elapsed = clock.Elapsed;
        output.WriteLine($"{lang}: /start to reference through the stand-in in {elapsed.TotalSeconds:F1} s");
        Assert.Contains(thanks, confirmation.Text);
        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"took {elapsed}");

        var reference = System.Text.RegularExpressions.Regex.Match(confirmation.Text!, @"AS-\d{4}-\d+").Value;
        var submission = await Poll.UntilAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            return await db.Submissions.Include(s => s.Attachments).AsNoTracking().SingleOrDefaultAsync(s => s.Reference == reference);
        }, s => s?.Status == SubmissionStatus.Pending && s.Attachments.All(a => a.Status == AttachmentStatus.Stored), TimeSpan.FromSeconds(30));
        Assert.NotNull(submission);

        Assert.Equal(SubmissionStatus.Pending, submission.Status);
        // The report is written in Russian whatever language the dialogue was held in: the submission's language is its text's.
        Assert.Equal((Channel.Telegram, "ru", new DateOnly(2021, 2, 3), "karaganda", "Темиртау", "colleague", false),
            (submission.Channel, submission.Language, submission.OccurredOn, submission.RegionCode, submission.Settlement, submission.Affected, submission.MayNameReporter));
        Assert.Contains("задержали нашего оператора", submission.Text);
        Assert.NotNull(submission.ReporterId);
        Assert.NotNull(submission.InboundItemId);

        var expected = photos.Select(p => p.Content).Append(pdf.Content).Select(Sha).Order().ToList();
        Assert.Equal(expected, submission.Attachments.Select(a => a.Sha256!).Order().ToList());
        Assert.Contains(submission.Attachments, a => a.FileName == "protocol.pdf" && a.ContentType == "application/pdf");
        await using (var db = database.CreateDbContext())
        {
            var blobs = await db.Blobs.Where(b => expected.Contains(b.Sha256)).ToListAsync();
            Assert.Equal(expected, blobs.Select(b => Sha(b.Bytes)).Order().ToList());
            Assert.Equal(1, await db.Submissions.CountAsync(s => s.ReporterId == submission.ReporterId));

            // Replies still go out in the language the reporter chose.
            Assert.Equal(lang, await db.Reporters.Where(r => r.Id == submission.ReporterId).Select(r => r.Language).SingleAsync());
        }
    }

    [Fact]
    public async Task A_photo_with_a_caption_from_a_new_reporter_becomes_a_quick_report()
    {
        const long user = 8010;
        var chat = new ChatView(Api, user);
        var photo = Api.RegisterFile(RandomBytes(4000), "scene.jpg");
        Api.EnqueuePhoto(user, photo, "Сегодня у акимата охрана вытолкала нашего корреспондента и отобрала камеру");
        await chat.NextAsync(BotTexts.Get("ru", "QuickStarted"));
        await Api.PressButtonAsync(user, "when:today");
        await Api.PressButtonAsync(user, "region:almaty");
        await Api.PressButtonAsync(user, "aff:me");
        await Api.PressButtonAsync(user, "name:yes");
        await Api.PressButtonAsync(user, "submit");
        await chat.NextAsync($"AS-{DateTime.UtcNow.Year}-");

        var submission = await Poll.UntilAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            return await db.Submissions.Include(s => s.Attachments).AsNoTracking()
                .SingleOrDefaultAsync(s => s.Text.Contains("отобрала камеру"));
        }, s => s?.Attachments.SingleOrDefault()?.Status == AttachmentStatus.Stored, TimeSpan.FromSeconds(30));
        Assert.NotNull(submission);
        var attachment = Assert.Single(submission.Attachments);
        Assert.True(attachment.Status == AttachmentStatus.Stored, $"{attachment.Status}: {attachment.Error}; file calls: {Api.Calls("getFile").Count}");
        Assert.Equal(Sha(photo.Content), submission.Attachments.Single().Sha256);
        Assert.True(submission.MayNameReporter);
        Assert.Equal("almaty", submission.RegionCode);
    }

    [Fact]
    public async Task Status_lists_the_reporters_reports_with_the_moderators_message()
    {
        const long user = 8020;
        var chat = new ChatView(Api, user);
        Api.EnqueueText(user, "/start", "en");
        await Api.PressButtonAsync(user, "lang:en", "en");
        await Api.PressButtonAsync(user, "menu:report", "en");
        await chat.NextAsync("Tell us what happened");
        Api.EnqueueText(user, "Our website was blocked in Aktobe yesterday", "en");
        await chat.NextAsync("«");
        await Api.PressButtonAsync(user, "done", "en");
        await chat.NextAsync("PDF");
        Api.PressButton(user, "skip", "en");
        await Api.PressButtonAsync(user, "when:yesterday", "en");
        await Api.PressButtonAsync(user, "region:aktobe", "en");
        await chat.NextAsync("Which town or village?");
        Api.PressButton(user, "skip", "en");
        await Api.PressButtonAsync(user, "aff:outlet", "en");
        await Api.PressButtonAsync(user, "name:no", "en");
        await Api.PressButtonAsync(user, "submit", "en");
        var confirmation = await chat.NextAsync("AS-");
        var reference = System.Text.RegularExpressions.Regex.Match(confirmation.Text!, @"AS-\d{4}-\d+").Value;

        await Poll.UntilAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            return await db.Submissions.CountAsync(s => s.Reference == reference && s.Status == SubmissionStatus.Pending);
        }, n => n == 1, TimeSpan.FromSeconds(60));
        await using (var db = database.CreateDbContext())
        {
            await db.Submissions.Where(s => s.Reference == reference).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, SubmissionStatus.Rejected)
                .SetProperty(x => x.DecisionNote, "Please send the court ruling."));
        }

        Api.EnqueueText(user, "/status", "en");
        var status = await chat.NextAsync(reference);
        Assert.Contains("Please send the court ruling.", status.Text);
    }

    [Fact]
    public async Task Delete_my_data_removes_identity_contact_the_dialogue_state_and_every_update_of_the_dialogue()
    {
        const long user = 8030;
        var chat = new ChatView(Api, user);
        Api.EnqueueText(user, "/start", "ru");
        await chat.NextAsync("Выберите язык");
        var keyHash = _system.Bot!.Services.GetRequiredService<IdentityProtector>().KeyHash(Channel.Telegram, user.ToString(CultureInfo.InvariantCulture));
        var before = await Poll.UntilAsync(() => ReporterAsync(keyHash), r => r is not null, TimeSpan.FromSeconds(30));
        Assert.NotNull(before?.IdentityEncrypted);
        Assert.DoesNotContain(user.ToString(CultureInfo.InvariantCulture), before.IdentityEncrypted);
        Assert.NotNull(before.ContactEncrypted);

        Api.EnqueueText(user, "/delete_my_data", "ru");
        await Api.PressButtonAsync(user, "del:yes");
        await chat.NextAsync(BotTexts.Get("ru", "Deleted"));

        // Erasure also unlinks the keyed hash, so the reporter is found by id from here on.
        var after = await Poll.UntilAsync(() => ReporterByIdAsync(before.Id), r => r?.IdentityDeletedAt is not null, TimeSpan.FromSeconds(30));
        Assert.StartsWith("deleted:", after!.KeyHash, StringComparison.Ordinal);
        Assert.Equal((null, null, null), (after!.IdentityEncrypted, after.ContactEncrypted, after.DisplayNameEncrypted));
        await using var db = database.CreateDbContext();
        Assert.False(await db.DialogueStates.AnyAsync(d => d.ReporterId == after.Id));

        // Every update of the dialogue goes, with its "from": /start, the request and its confirmation.
        var items = await Poll.UntilAsync(
            () => db.InboundItems.AsNoTracking().Where(i => i.ReporterId == after.Id).ToListAsync(),
            l => l.Count >= 3 && l.All(i => i.Status != InboundStatus.Stored), TimeSpan.FromSeconds(10));
        Assert.All(items, i => Assert.True(i.PurgedAt is not null && i.RawEncrypted.Length == 0, $"update {i.Id} kept"));
    }

    private async Task<Reporter?> ReporterByIdAsync(long id)
    {
        await using var db = database.CreateDbContext();
        return await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
    }

    private async Task<Reporter?> ReporterAsync(string keyHash)
    {
        await using var db = database.CreateDbContext();
        return await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.KeyHash == keyHash);
    }

    private static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
