using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Dedup;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Dedup;

/// <summary>The key index and candidate verification against a real PostgreSQL with the real schema.</summary>
public sealed class NearDuplicateIndexTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2021, 2, 5, 12, 0, 0, TimeSpan.Zero);

    private async Task<(long Id, Fingerprint Fp)> AddAsync(string text, DateTimeOffset receivedAt, params string[] files)
    {
        await using var db = database.CreateDbContext();
        var submission = new Submission { Channel = Channel.Telegram, Text = text, ReceivedAt = receivedAt, UpdatedAt = receivedAt };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        var fp = Fingerprinter.Compute(new DedupInput(submission.Id, text, null, null, receivedAt, null, null, files, null));
        submission.Fingerprint = fp.ToJson();
        submission.TextHash = fp.ExactTextHash;
        await db.SaveChangesAsync();
        await new NearDuplicateIndex().AddAsync(db, [(submission.Id, fp, receivedAt)], CancellationToken.None);
        return (submission.Id, fp);
    }

    private static async Task<LookupResult> LookUpAsync(IntakeDbContext db, Fingerprint fp, DateTimeOffset since, long id) =>
        Assert.Single(await new NearDuplicateIndex().FindAsync(db, [new LookupRequest(id, fp, since)], CancellationToken.None));

    [Fact]
    public async Task Finds_the_same_event_in_another_script_and_not_the_distractor()
    {
        var ru = await AddAsync("3 февраля на трассе в Уральске полиция задержала редактора «Уральской недели» Лукпана Ахмедьярова.", Now.AddHours(-5));
        var distractor = await AddAsync("10 января в Шымкенте полиция задержала журналиста Айгерим Тулегенову на митинге у акимата.", Now.AddDays(-20));
        var en = await AddAsync("Police detained Uralskaya Nedelya editor Lukpan Akhmedyarov on the highway near Uralsk on February 3.", Now);

        await using var db = database.CreateDbContext();
        var found = (await LookUpAsync(db, en.Fp, Now.AddYears(-1), en.Id)).Near;

        var (id, _, result) = Assert.Single(found, f => f.SubmissionId == ru.Id);
        Assert.Equal(LinkLevel.SameEvent, result.Level);
        Assert.Contains("Akhmedyarov", result.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(found, f => f.SubmissionId == distractor.Id || f.SubmissionId == en.Id);
    }

    [Fact]
    public async Task Looks_only_within_the_window()
    {
        var old = await AddAsync("Акимат Костаная отказал журналисту Елене Швец в информации о ремонте школ.", Now.AddYears(-2));
        var fresh = await AddAsync("Kostanay akimat refused journalist Yelena Shvets information on school repairs.", Now);

        await using var db = database.CreateDbContext();
        Assert.Contains((await LookUpAsync(db, fresh.Fp, Now.AddYears(-3), fresh.Id)).Near, f => f.SubmissionId == old.Id);
        Assert.DoesNotContain((await LookUpAsync(db, fresh.Fp, Now.AddYears(-1), fresh.Id)).Near, f => f.SubmissionId == old.Id);
    }

    [Fact]
    public async Task A_shared_photo_finds_a_report_with_no_words_in_common()
    {
        var photo = await AddAsync("Смотрите, что происходит!", Now.AddHours(-1), "0123abcd");
        var other = await AddAsync("Look at this.", Now, "0123abcd");

        await using var db = database.CreateDbContext();
        var found = (await LookUpAsync(db, other.Fp, Now.AddYears(-1), other.Id)).Near;
        Assert.Contains(found, f => f.SubmissionId == photo.Id && f.Result.Explanation.StartsWith("same photo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_crowd_sharing_a_first_name_an_outlet_and_a_city_does_not_hide_the_duplicate()
    {
        // Five years back, out of the other tests' windows.
        var at = Now.AddYears(-5);
        var answer = await AddAsync("3 февраля в Актобе полиция задержала журналиста «Наша газета» Айгерим Жаксылыкову на митинге.", at);
        string[] roots = ["Ахмет", "Бекет", "Дауле", "Ержан", "Жумаб", "Калие", "Мурат", "Нурла", "Омарб", "Сапар"];
        string[] middles = ["", "ба", "кул", "тас", "жан", "хан"];
        var crowd = new List<long>();
        for (var i = 0; i < roots.Length * middles.Length; i++)
        {
            // More reports than a key reads rows, all more recent than the answer, on other days and of other people.
            var day = 10 + (i % 15);
            crowd.Add((await AddAsync(
                $"{day} февраля в Актобе журналиста «Наша газета» Айгерим {roots[i % roots.Length]}{middles[i / roots.Length]}ову не пустили на сессию маслихата.",
                at.AddDays(day - 3).AddMinutes(i))).Id);
        }

        var asked = await AddAsync("Aigerim Zhaksylykova of Nasha Gazeta was detained by police at a rally in Aktobe on February 3.", at.AddDays(1));

        await using var db = database.CreateDbContext();
        var found = (await LookUpAsync(db, asked.Fp, at.AddYears(-1), asked.Id)).Near;
        Assert.Contains(found, f => f.SubmissionId == answer.Id && f.Result.Level == LinkLevel.SameEvent);
        Assert.DoesNotContain(found, f => crowd.Contains(f.SubmissionId) && f.Result.Level == LinkLevel.SameEvent);
    }

    [Fact]
    public async Task Adding_twice_changes_nothing()
    {
        var (id, fp) = await AddAsync("В Таразе журналиста не пустили на сессию маслихата.", Now);
        await using var db = database.CreateDbContext();
        var before = await db.DedupKeys.CountAsync(k => k.SubmissionId == id);
        await new NearDuplicateIndex().AddAsync(db, [(id, fp, Now)], CancellationToken.None);
        Assert.Equal(before, await db.DedupKeys.CountAsync(k => k.SubmissionId == id));
        Assert.Equal(fp.IndexKeys().Count(), before);
    }

    [Fact]
    public async Task A_deleted_submission_takes_its_keys_along_and_is_never_found_again()
    {
        var text = "В Таразе корреспондента «Тараз таймс» Асель Нурланову не пустили на сессию маслихата 4 февраля.";
        var gone = await AddAsync(text, Now.AddHours(-3));
        var also = await AddAsync(text + " Её выставили из зала.", Now.AddHours(-2));
        var kept = await AddAsync(text + " Полиция не вмешалась.", Now.AddHours(-1));
        var asked = await AddAsync(text + " Редакция обратилась в прокуратуру.", Now);

        await using var db = database.CreateDbContext();
        var before = (await LookUpAsync(db, asked.Fp, Now.AddYears(-1), asked.Id)).Near.Select(f => f.SubmissionId).ToList();
        Assert.Contains(gone.Id, before);
        Assert.Contains(kept.Id, before);

        // One statement deleting two submissions, as an erasure or a purge by hand would.
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "Submissions" WHERE "Id" = ANY({new[] { gone.Id, also.Id }})""");

        Assert.Equal(0, await db.DedupKeys.CountAsync(k => k.SubmissionId == gone.Id || k.SubmissionId == also.Id));
        Assert.Equal(kept.Fp.IndexKeys().Count(), await db.DedupKeys.CountAsync(k => k.SubmissionId == kept.Id));
        var after = (await LookUpAsync(db, asked.Fp, Now.AddYears(-1), asked.Id)).Near.Select(f => f.SubmissionId).ToList();
        Assert.DoesNotContain(gone.Id, after);
        Assert.DoesNotContain(also.Id, after);
        Assert.Contains(kept.Id, after);
    }

    [Fact]
    public async Task Lookups_in_one_call_each_find_the_report_they_share_and_leave_the_connection_as_it_was()
    {
        // Seven years back, out of the other tests' windows.
        var at = Now.AddYears(-7);
        var first = await AddAsync("5 февраля в Костанае полиция задержала корреспондента «Наш Костанай» Елену Швец у здания суда.", at);
        var second = await AddAsync("Корреспондента «Наш Костанай» Елену Швец задержали у суда в Костанае 5 февраля.", at.AddHours(2));
        var third = await AddAsync("Police detained Nash Kostanay correspondent Yelena Shvets outside the court in Kostanay on February 5.", at.AddHours(3));

        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var since = at.AddYears(-1);
        var index = new NearDuplicateIndex();
        var results = await index.FindAsync(db, [new LookupRequest(second.Id, second.Fp, since), new LookupRequest(third.Id, third.Fp, since)], CancellationToken.None);

        // The first report is a candidate of both: each request gets it, with its own verdict.
        Assert.Contains(results[0].Near, f => f.SubmissionId == first.Id && f.Result.Level == LinkLevel.SameEvent);
        Assert.Contains(results[1].Near, f => f.SubmissionId == first.Id && f.Result.Level == LinkLevel.SameEvent);
        Assert.Contains(results[1].Near, f => f.SubmissionId == second.Id);
        Assert.DoesNotContain(results[0].Near, f => f.SubmissionId == second.Id);

        // The lookup turns bitmap scans off for its key queries only: not for what the connection runs next, with or
        // without a transaction of the caller's.
        Assert.Equal("on", await SettingAsync(db, "enable_bitmapscan"));
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await index.FindAsync(db, [new LookupRequest(third.Id, third.Fp, since)], CancellationToken.None);
            Assert.Equal("on", await SettingAsync(db, "enable_bitmapscan"));
            await transaction.CommitAsync();
        }

        Assert.Equal("on", await SettingAsync(db, "enable_bitmapscan"));
    }

    [Fact]
    public async Task The_key_table_is_vacuumed_after_every_ten_thousand_new_keys()
    {
        // A lookup reads each key's newest rows from the index alone only once a vacuum has marked their pages
        // all-visible; by default an insert-only table is vacuumed only after it grows by a fifth.
        await using var db = database.CreateDbContext();
        var options = await db.Database
            .SqlQuery<string>($"""SELECT unnest(reloptions) AS "Value" FROM pg_class WHERE relname = 'DedupKeys'""")
            .ToListAsync();
        Assert.Contains("autovacuum_vacuum_insert_threshold=10000", options);
        Assert.Contains("autovacuum_vacuum_insert_scale_factor=0", options);
    }

    private static async Task<string> SettingAsync(IntakeDbContext db, string name) =>
        await db.Database.SqlQuery<string>($"""SELECT current_setting({name}) AS "Value" """).SingleAsync();

    [Fact]
    public async Task Exact_duplicate_is_found_by_text_hash()
    {
        var first = await AddAsync("Сайт Jaqsy News заблокирован!", Now.AddMinutes(-3));
        var again = await AddAsync("сайт jaqsy news заблокирован", Now);

        await using var db = database.CreateDbContext();
        Assert.Equal(first.Id, (await LookUpAsync(db, again.Fp, Now.AddYears(-1), again.Id)).Exact?.SubmissionId);
        Assert.Null((await LookUpAsync(db, again.Fp with { ExactTextHash = "0000" }, Now.AddYears(-1), again.Id)).Exact);
    }
}
