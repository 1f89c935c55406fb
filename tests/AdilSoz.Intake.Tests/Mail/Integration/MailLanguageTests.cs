using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Language.Suggest;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AdilSoz.Intake.Tests.Mail.Integration;

/// <summary>One language decision per mail, from the mailbox through the parser to the pipeline.</summary>
[Collection(MailIntegration.Name)]
public sealed class MailLanguageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_mail_mixing_Kazakh_and_Russian_has_one_language_in_the_submission_the_suggestion_and_the_fingerprint()
    {
        await using var world = await MailWorld.StartAsync();
        // Russian text around a Kazakh newspaper name and a Kazakh thank-you: about one letter in twenty-five is
        // Kazakh-only, enough for a letter-share rule to call it Kazakh, while every function word is Russian.
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse("korrespondent@mail.kz"));
        mail.To.Add(MailboxAddress.Parse("info@adilsoz.kz"));
        mail.Subject = "Нападение на корреспондента «Оңтүстік»";
        mail.MessageId = "mixed.language@mail.kz";
        mail.Body = new TextPart("plain")
        {
            Text = "Здравствуйте! Сегодня утром в Шымкенте на корреспондента газеты «Оңтүстік» напали двое неизвестных, " +
                "разбили камеру и отобрали телефон. Редакция просит помощи фонда. Рақмет!\n",
        };
        using (var stream = new MemoryStream())
        {
            await mail.WriteToAsync(stream);
            await world.Dovecot.AppendAsync(stream.ToArray());
        }

        var worker = world.CreateWorker();
        await worker.StartAsync();
        await world.WaitUntilSettledAsync(1, Timeout);

        var submission = await world.QueryAsync(db => db.Submissions.AsNoTracking().SingleAsync());
        Assert.Equal(SubmissionStatus.Pending, submission.Status);
        Assert.Equal("ru", submission.Language);
        Assert.Equal("ru", Suggestions.FromJson(submission.SuggestionEvidence)!.Language!.Code);
        var fingerprint = Fingerprint.FromJson(submission.Fingerprint!);
        Assert.Equal("ru", fingerprint.Language);

        // The stored terms are the Russian stemmer's, not the Kazakh one's.
        DedupInput Input(string language) => new(submission.Id, submission.Text, submission.Subject, submission.OccurredOn,
            submission.ReceivedAt, submission.SuggestedRegion, submission.SuggestedSettlement, [], language);
        Assert.Equal(Fingerprinter.Compute(Input("ru")).Terms, fingerprint.Terms);
        Assert.NotEqual(Fingerprinter.Compute(Input("kk")).Terms, fingerprint.Terms);
    }
}
