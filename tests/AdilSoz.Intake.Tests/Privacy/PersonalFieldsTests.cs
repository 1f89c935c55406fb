using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Moderation;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdilSoz.Intake.Tests.Privacy;

/// <summary>
/// A mail report whose signature names its author (name, phone, address) and which forwards a source's
/// mail: the signature and the source are stored only encrypted, the source is not in the text every
/// monitor reads, an Admin sees both (page, and the API when asked), a Monitor sees neither, and an
/// erasure of the reporter clears them.
/// </summary>
public sealed class PersonalFieldsTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string SignatureName = "Асель Жумабаева";
    private const string SignaturePhone = "+7 701 555 12 34";
    private const string SignatureAddress = "ул. Абая 10, кв. 5";
    private const string SourceName = "Марат Секретов";
    private const string SourceAddress = "marat.sekretov@example.kz";

    // Note: pages encode '+', so the phone is looked for without it.
    private static readonly string[] Personal = [SignatureName, SignaturePhone[1..], SignatureAddress, SourceName, SourceAddress];

    private readonly PostgresDatabase _database;
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;

    public PersonalFieldsTests(PostgresDatabase database)
    {
        _database = database;
        _app = new AdminApp(database);
        _seed = new ModerationSeed(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_signature_and_a_forwarded_sender_are_stored_encrypted_shown_to_admins_only_and_erased_with_the_reporter()
    {
        var (admin, _) = await _seed.BrowserAsync(Roles.Admin);
        var (monitor, _) = await _seed.BrowserAsync(Roles.Monitor);
        using var worker = PostgresDatabase.CreateHost(_database.ConnectionString, b =>
        {
            b.AddJobServer();
            b.AddMailIntake();
        });

        long id;
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<MailStore>().StoreAsync("personal:1", Mail(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<MailIngestJob>().IngestAsync(stored.InboundItemId, live: false, CancellationToken.None);
            id = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Submissions
                .Where(s => s.InboundItemId == stored.InboundItemId).Select(s => s.Id).SingleAsync();
        }

        // At rest: the row as PostgreSQL holds it (text, quoted text, provenance, every column).
        var row = await RawRowAsync(id);
        Assert.Contains("полиция задержала оператора", row, StringComparison.Ordinal);
        foreach (var words in Personal)
        {
            Assert.False(row.Contains(words, StringComparison.Ordinal), $"the stored submission holds \"{words}\" in clear");
        }

        // A Monitor reads the report, not who signed or forwarded it.
        var seenByMonitor = await monitor.GetStringAsync($"/submissions/{id}");
        Assert.Contains("полиция задержала оператора", seenByMonitor, StringComparison.Ordinal);
        Assert.Contains("only Admins see them", seenByMonitor, StringComparison.Ordinal);
        AssertNonePersonal("the Monitor's page", seenByMonitor);

        var seenByAdmin = await admin.GetStringAsync($"/submissions/{id}");
        Assert.Contains(SignaturePhone[1..], seenByAdmin, StringComparison.Ordinal);
        Assert.Contains(SignatureName, seenByAdmin, StringComparison.Ordinal);
        Assert.Contains($"{SourceName} &lt;{SourceAddress}&gt;", seenByAdmin, StringComparison.Ordinal);

        // The API: only an Admin's key that asks for the reporter gets them.
        var monitorKey = await _seed.ApiClientAsync(Roles.Monitor);
        var adminKey = await _seed.ApiClientAsync(Roles.Admin);
        var forMonitor = await monitorKey.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{id}?includeReporter=true&reason=privacy%20test");
        Assert.Contains("полиция задержала оператора", forMonitor.GetProperty("text").GetString(), StringComparison.Ordinal);
        AssertNonePersonal("the API for a Monitor", Unescaped(forMonitor));
        AssertNonePersonal("the API for an Admin who did not ask", Unescaped(await adminKey.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{id}")));
        var asked = await adminKey.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{id}?includeReporter=true&reason=privacy%20test");
        Assert.Contains(SignatureAddress, asked.GetProperty("quotedText").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{SourceName} <{SourceAddress}>", asked.GetProperty("forwardedFrom").GetString());

        // Erasure of the reporter takes the signature and the source with the identity.
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var reporterId = await db.Submissions.Where(s => s.Id == id).Select(s => s.ReporterId).SingleAsync();
            Assert.NotNull(reporterId);
            await scope.ServiceProvider.GetRequiredService<ReporterDirectory>().DeleteIdentityAsync(reporterId.Value, CancellationToken.None);
        }

        var erased = await _seed.ReloadAsync(id);
        Assert.Null(erased.QuotedTextEncrypted);
        Assert.Null(erased.ForwardedFromEncrypted);
        var afterErasure = await admin.GetStringAsync($"/submissions/{id}");
        Assert.Contains("полиция задержала оператора", afterErasure, StringComparison.Ordinal);
        AssertNonePersonal("the Admin's page after erasure", afterErasure);
    }

    private static void AssertNonePersonal(string where, string text)
    {
        foreach (var words in Personal)
        {
            Assert.False(text.Contains(words, StringComparison.Ordinal) || text.Contains(System.Net.WebUtility.HtmlEncode(words), StringComparison.Ordinal),
                $"{where} shows \"{words}\"");
        }
    }

    /// <summary>The JSON with its strings as written (the API escapes non-ASCII letters and '+').</summary>
    private static string Unescaped(JsonElement json) =>
        JsonSerializer.Serialize(json, RelaxedJson);

    private async Task<string> RawRowAsync(long id)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT row_to_json(t)::text FROM "Submissions" t WHERE "Id" = @id""", connection);
        command.Parameters.AddWithValue("id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static byte[] Mail() => Encoding.UTF8.GetBytes($"""
        From: reporter.personal@example.kz
        To: info@adilsoz.kz
        Subject: Задержание оператора в Актобе
        Date: Mon, 1 Jun 2026 10:00:00 +0500
        Message-ID: <personal-{Guid.NewGuid():N}@example.kz>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Пересылаю письмо нашего источника: в Актобе полиция задержала оператора.

        -- 
        {SignatureName}
        {SignaturePhone}
        {SignatureAddress}
        --outer
        Content-Type: message/rfc822

        From: {SourceName} <{SourceAddress}>
        To: reporter.personal@example.kz
        Subject: Задержание
        Date: Mon, 1 Jun 2026 08:00:00 +0500
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Сегодня утром полиция задержала оператора телеканала у здания суда.
        --outer--

        """.Replace("\n", "\r\n", StringComparison.Ordinal));
}
