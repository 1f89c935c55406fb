using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>
/// A registry as the public tests meet it: a published incident with a victim who consented to be named, one whose
/// victim did not (named in its title and texts, also in a declined form), one never published, one to withdraw, and
/// enough in Kostanay to need a second page; and a web report by a reporter (name, contact, text) attached to the
/// redacted incident. <see cref="Secrets"/> is what no public response may carry.
/// </summary>
public sealed class PublicRegistryData
{
    public const string NamedVictim = "Daniyar Ospanov";
    public const string WithheldRole = "journalist of a regional newspaper";
    public const string ReporterName = "Gulnara Secretova";
    public const string ReporterContact = "reporter.secret@example.org";
    public const string ReporterNote = "SOURCE-NOTE the editor met me behind the bazaar";
    public const int KostanayCount = 21;

    /// <summary>Words that must never reach the public: the unconsented victim's name (and her outlet), the unpublished incident, the reporter.</summary>
    public static readonly string[] Secrets = ["Aigerim", "Nurlanov", "Uralsk Week", "Serik Bekov", "Secretova", "reporter.secret", "SOURCE-NOTE", "bazaar"];

    public long Named { get; private init; }

    public long Redacted { get; private init; }

    public long Unpublished { get; private init; }

    public long ToWithdraw { get; private init; }

    public string Reference { get; set; } = "";

    public static async Task<PublicRegistryData> SeedAsync(PostgresDatabase database, PublicProcess site)
    {
        var published = new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await using var db = database.CreateDbContext();
        Incident Add(string title, DateOnly on, string region, string category, string summary, bool publish, params Victim[] victims)
        {
            var incident = new Incident
            {
                Title = title, OccurredOn = on, RegionCode = region, CategoryCode = category, Summary = summary, IsPublic = true,
                Victims = [.. victims], Outlets = ["Kostanay Today"], CreatedAt = published, UpdatedAt = published,
                PublishedAt = publish ? published : null,
            };
            db.Incidents.Add(incident);
            return incident;
        }

        var named = Add($"Blogger {NamedVictim} detained in Shymkent", new DateOnly(2021, 2, 10), "shymkent", "detention",
            "Police held the blogger for six hours after a live stream.", true,
            new Victim { Name = NamedVictim, Role = "blogger", MayBeNamed = true });
        var redacted = Add("Journalist Aigerim Nurlanova sued for honour and dignity", new DateOnly(2021, 2, 15), "almaty", "threat",
            "An akim's deputy sued the journalist; Nurlanovoy's editor was warned too.", true,
            new Victim { Name = "Aigerim Nurlanova", Role = WithheldRole, Outlet = "Uralsk Week", MayBeNamed = false });
        redacted.Narrative = "The claim names Aigerim Nurlanova and asks 5,000,000 tenge.";
        redacted.LegalCases.Add(new LegalCase
        {
            Kind = LegalCaseKind.Civil, FiledOn = new DateOnly(2021, 2, 16), HonorDignity = true, InCourt = true, ClaimedKzt = 5_000_000,
            Rulings = [new Ruling { On = new DateOnly(2021, 2, 25), InFavorOfMedia = false, CollectedKzt = 50_000 }],
        });
        var unpublished = Add("Editor Serik Bekov threatened by phone", new DateOnly(2021, 2, 20), "almaty", "threat",
            "Not yet checked.", false, new Victim { Name = "Serik Bekov", Role = "editor", MayBeNamed = true });
        var toWithdraw = Add("Cameraman beaten at a rally in Karaganda", new DateOnly(2021, 2, 18), "karaganda", "violence",
            "The camera was broken.", true);
        for (var n = 1; n <= KostanayCount; n++)
        {
            Add($"Kostanay newsroom inspection {n:00}", new DateOnly(2020, 1, n), "kostanay", "obstruction", "An inspection of the newsroom.", true);
        }

        await db.SaveChangesAsync();

        using var client = site.CreateClient();
        var (status, html) = await WebFormPosts.SubmitAsync(client, ReporterNote,
            new Dictionary<string, string> { ["Name"] = ReporterName, ["Contact"] = ReporterContact, ["MayName"] = "false" });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var data = new PublicRegistryData { Named = named.Id, Redacted = redacted.Id, Unpublished = unpublished.Id, ToWithdraw = toWithdraw.Id };
        var submission = await db.Submissions.SingleAsync(s => s.Text.Contains("SOURCE-NOTE"));
        submission.IncidentId = redacted.Id;
        await db.SaveChangesAsync();
        data.Reference = submission.Reference;
        Assert.Contains(data.Reference, html, StringComparison.Ordinal);
        return data;
    }
}

/// <summary>A test class's database with <see cref="PublicRegistryData"/> in it and the public process over it, made once per class.</summary>
public sealed class PublicRegistrySite : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public PublicProcess Public { get; private set; } = null!;

    public PublicRegistryData Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Public = await PublicProcess.StartAsync(Database);
        Data = await PublicRegistryData.SeedAsync(Database, Public);
    }

    public async Task DisposeAsync()
    {
        await Public.DisposeAsync();
        await Database.DisposeAsync();
    }
}
