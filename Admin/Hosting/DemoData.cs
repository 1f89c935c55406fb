using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Demo;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Moderation;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Hosting;

/// <summary>
/// <c>Admin demo</c>: loads the events of the foundation's February 2021 report (and January's, for
/// the year-to-date lines) as registry incidents, and sample reports about them as received
/// submissions that go through the pipeline like real ones. Loads once; a second run says so.
/// </summary>
public static class DemoData
{
    private const string Marker = "demo.load";

    public static async Task<int> LoadAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        if (await db.AuditEntries.AnyAsync(a => a.Action == Marker))
        {
            Console.WriteLine("Demo data is already loaded.");
            return 0;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var incidents = February2021.Incidents();
        foreach (var incident in incidents)
        {
            incident.CreatedAt = now;
            incident.UpdatedAt = now;
        }

        db.Incidents.AddRange(incidents);
        var submissions = February2021.Submissions.Select(d => new Submission
        {
            Channel = d.Channel,
            Kind = SubmissionKind.Report,
            Status = SubmissionStatus.Received,
            Language = d.Language,
            Subject = d.Subject,
            Text = d.Text,
            ReceivedAt = d.ReceivedAt.ToUniversalTime(),
            UpdatedAt = now,
            OccurredOn = d.OccurredOn,
            RegionCode = d.RegionCode,
            Settlement = d.Settlement,
        }).ToList();
        db.Submissions.AddRange(submissions);
        if (!await db.SavedReplies.AnyAsync())
        {
            db.SavedReplies.AddRange(SavedReplies(now));
        }

        Audit.Add(db, services.GetRequiredService<TimeProvider>(), "cli", Marker, "demo", null, new { incidents = incidents.Count, submissions = submissions.Count });
        await db.SaveChangesAsync();

        // Published as an Editor publishes (one audited publication each), so that the public site shows the demo registry.
        var clock = services.GetRequiredService<TimeProvider>();
        foreach (var incident in incidents.Where(i => i.IsPublic))
        {
            await Publication.PublishAsync(db, clock, incident.Id, "cli");
        }

        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
        foreach (var id in submissions.Select(s => s.Id))
        {
            jobs.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None));
        }

        Console.WriteLine($"Demo data loaded: {incidents.Count} incidents of January–February 2021 (published, in English, Russian and Kazakh), {submissions.Count} sample reports queued for processing.");
        return 0;
    }

    /// <summary>The replies the desk uses most, to start from.</summary>
    private static IEnumerable<SavedReply> SavedReplies(DateTimeOffset now) =>
    [
        new()
        {
            Name = "Date and place", Use = SavedReplyUse.Ask, UpdatedBy = "cli", UpdatedAt = now,
            TextKk = "Сәлеметсіз бе! {reference} хабарламаңыз үшін рахмет. Оқиға қай күні және қай жерде (елді мекен, мекенжай) болғанын жазыңызшы.",
            TextRu = "Здравствуйте! Спасибо за сообщение {reference}. Пожалуйста, напишите, когда (дата) и где (населённый пункт, адрес) это произошло.",
            TextEn = "Hello! Thank you for report {reference}. Please tell us when (the date) and where (the town, the address) it happened.",
        },
        new()
        {
            Name = "Thank you, recorded", Use = SavedReplyUse.Approve, UpdatedBy = "cli", UpdatedAt = now,
            TextKk = "Рахмет! {reference} хабарламаңыздағы оқиғаны тіркедік. Қосымша мәлімет болса, осы хатқа жауап беріңіз.",
            TextRu = "Спасибо! Мы зарегистрировали случай из вашего сообщения {reference}. Если появятся подробности, ответьте на это письмо.",
            TextEn = "Thank you! We have recorded the case from your report {reference}. If you learn more, reply to this message.",
        },
        new()
        {
            Name = "Outside our mandate", Use = SavedReplyUse.Reject, UpdatedBy = "cli", UpdatedAt = now,
            TextKk = "{reference} хабарламаңыз үшін рахмет. Қор сөз бостандығы мен журналистердің құқықтарын бұзу жағдайларын ғана тіркейді, сондықтан бұл жағдай біздің өкілеттігімізге кірмейді.",
            TextRu = "Спасибо за сообщение {reference}. Фонд регистрирует только нарушения свободы слова и прав журналистов, поэтому этот случай вне нашего мандата.",
            TextEn = "Thank you for report {reference}. The foundation records only violations of freedom of expression and of journalists' rights, so this case is outside our mandate.",
        },
        new()
        {
            Name = "Any documents", Use = SavedReplyUse.All, UpdatedBy = "cli", UpdatedAt = now,
            TextKk = "Құжаттар, фото немесе сілтемелер болса, {reference} нөмірін көрсетіп жіберіңіз.",
            TextRu = "Если у вас есть документы, фото или ссылки, пришлите их, указав номер {reference}.",
            TextEn = "If you have documents, photos or links, please send them with the reference {reference}.",
        },
    ];
}
