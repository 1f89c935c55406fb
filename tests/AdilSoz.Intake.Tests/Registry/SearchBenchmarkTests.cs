using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Registry;

/// <summary>
/// Server time of typical registry queries over a bulk-loaded registry (INSERT … SELECT generate_series),
/// printed as p50/p95; timings are not asserted. 20,000 incidents by default; set
/// <c>ADILSOZ_BENCH_INCIDENTS=1000000</c> for the measurement the issue asks for (minutes to load).
/// </summary>
public sealed class SearchBenchmarkTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private const int Runs = 40;

    [Fact]
    public async Task Typical_registry_queries_are_timed_over_a_large_registry()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("ADILSOZ_BENCH_INCIDENTS"), CultureInfo.InvariantCulture, out var n) ? n : 20_000;
        var load = Stopwatch.StartNew();
        await BulkLoadAsync(count);
        load.Stop();

        using var app = new AdminApp(database);
        var client = await RegistryTestData.ApiClientAsync(app, database, Roles.Monitor);
        var first = JsonDocument.Parse(await client.GetStringAsync("/api/v1/incidents?limit=50")).RootElement;
        var cursor = first.GetProperty("next").GetString()!;

        (string Name, string Query)[] queries =
        [
            ("newest 50", "limit=50"),
            ("page 2 by cursor", "limit=50&cursor=" + cursor),
            ("period (one month)", "from=2019-03-01&to=2019-03-31&limit=50"),
            ("region + year", "region=almaty&from=2019-01-01&to=2019-12-31&limit=50"),
            ("category group", "category=criminal_attack&limit=50"),
            ("outlet", "outlet=" + Uri.EscapeDataString("Уральская неделя") + "&limit=50"),
            ("case kind civil", "caseKind=civil&limit=50"),
            ("text, common word", "q=" + Uri.EscapeDataString("журналист") + "&limit=50"),
            ("text, rare word", "q=" + Uri.EscapeDataString("тариф") + "&limit=50"),
            ("text, russian stem", "q=" + Uri.EscapeDataString("задержанные журналисты") + "&limit=50"),
            ("text, kazakh", "q=" + Uri.EscapeDataString("тілшісі") + "&limit=50"),
            ("text + region + period", "q=" + Uri.EscapeDataString("полиция") + "&region=pavlodar&from=2018-01-01&to=2020-12-31&limit=50"),
        ];

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Registry of {count:N0} incidents (loaded in {load.Elapsed.TotalSeconds:0} s); {Runs} runs per query, server time through the API (in-process):");
        foreach (var (name, query) in queries)
        {
            var url = "/api/v1/incidents?" + query;
            var times = new List<double>();
            var items = 0;
            for (var i = 0; i < Runs + 3; i++)
            {
                var sw = Stopwatch.StartNew();
                var body = await client.GetStringAsync(url);
                sw.Stop();
                if (i >= 3)
                {
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }

                items = JsonDocument.Parse(body).RootElement.GetProperty("items").GetArrayLength();
            }

            times.Sort();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"  {name,-26} p50 {times[times.Count / 2],7:0.0} ms   p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1],7:0.0} ms   ({items} items)");
            Assert.True(items > 0, $"{name} found nothing");
        }

        output.WriteLine(report.ToString());
        var dir = Artifacts.Folder("bench");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, $"registry-search-{count}.txt"), report.ToString());
    }

    private async Task BulkLoadAsync(int count)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var sql = """
            INSERT INTO "Incidents" ("Title", "OccurredOn", "DatePrecision", "RegionCode", "Settlement", "CategoryCode", "PerpetratorType",
                "Summary", "Narrative", "IsPublic", "Outlets", "Links", "CreatedAt", "UpdatedAt", "Victims")
            SELECT
                (ARRAY['Журналиста задержали у здания акимата', 'Редактору угрожают после публикации о тарифах', 'Тілшісі сотқа шақырылды',
                       'Blogger fined over a post', 'Полиция изъяла камеру оператора', 'Сайт заблокирован без решения суда'])[1 + g % 6] || ' №' || g,
                DATE '2016-01-01' + (g % 3650),
                'Day',
                (ARRAY['astana','almaty','shymkent','pavlodar','karaganda','aktobe','atyrau','west_kazakhstan','kostanay','turkistan'])[1 + g % 10],
                'Город ' || (g % 97),
                (ARRAY['detention','assault','threat','equipment_seizure','honor_dignity','information_denial','internet_restriction','other'])[1 + (g / 7) % 8],
                (ARRAY['police','akimat','court','unknown'])[1 + g % 4],
                'Сообщение ' || g || ': ' || (ARRAY['полиция задержала журналиста', 'журналисту угрожали', 'Ақпарат беруден бас тартты', 'the reporter was denied information'])[1 + g % 4],
                CASE WHEN g % 3 = 0 THEN 'Подробности инцидента номер ' || g || '. Журналисты были задержаны на трассе, полиция не объяснила причин. Редакция направила жалобу в прокуратуру.' END,
                g % 2 = 0,
                ARRAY[(ARRAY['Уральская неделя','Ак Жайык','Vlast.kz','Azattyq','KazTAG','Орда.kz','Exclusive.kz'])[1 + g % 7] || CASE WHEN g % 50 = 0 THEN '' ELSE ' ' || (g % 400) END],
                ARRAY[]::text[],
                now(), now(),
                jsonb_build_array(jsonb_build_object('Name', 'Журналист ' || g, 'Role', 'journalist', 'Outlet', NULL, 'MayBeNamed', true))
            FROM generate_series(1, @count) AS g;
            INSERT INTO "LegalCases" ("IncidentId", "Kind", "FiledOn", "HonorDignity", "InCourt", "ClaimedKzt")
            SELECT "Id", (ARRAY['Civil','Administrative','Criminal'])[1 + "Id" % 3], "OccurredOn", "Id" % 2 = 0, true, ("Id" % 10) * 100000
            FROM "Incidents" WHERE "Id" % 10 = 0;
            ANALYZE "Incidents"; ANALYZE "LegalCases";
            """;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        command.Parameters.AddWithValue("count", count);
        await command.ExecuteNonQueryAsync();
    }

}
