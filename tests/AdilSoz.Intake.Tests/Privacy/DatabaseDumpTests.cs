using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AdilSoz.Intake.Tests.Privacy;

/// <summary>
/// What a stolen database gives away. A <c>pg_dump</c> of a running installation (made by scripts/backup.sh),
/// restored elsewhere without the key-encryption certificate, opens no identity, tests no guessed address
/// and forges no staff session; and the reporters' key ring, even decrypted, forges no session either.
/// </summary>
public sealed class DatabaseDumpTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string ReporterAddress = "journalist@example.kz";

    [Fact]
    public async Task A_dump_restored_without_the_certificate_opens_no_identity_and_forges_no_admin_session()
    {
        using var site = new AdminApp(database);
        var adminEmail = await site.CreateUserAsync(Roles.Admin);
        string identityEncrypted;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var reporter = await new ReporterDirectory(db, scope.ServiceProvider.GetRequiredService<IdentityProtector>(), TimeProvider.System)
                .GetOrCreateAsync(Channel.Email, ReporterAddress, ReporterAddress, "Айгуль Н.", "ru", CancellationToken.None);
            await db.SaveChangesAsync();
            identityEncrypted = reporter.IdentityEncrypted!;
        }

        // A real sign-in, so that the session ring has been used before the dump.
        using (var browser = site.CreateBrowser())
        {
            await AdminApp.LogInAsync(browser, adminEmail);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync("/api/v1/submissions")).StatusCode);
        }

        var folder = Directory.CreateTempSubdirectory("adilsoz-dump-");
        var restored = "test_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            var dump = Path.Combine(folder.FullName, "stolen.dump");
            await RunScriptAsync("scripts/backup.sh", dump);
            await RunScriptAsync("scripts/restore.sh", dump, restored);

            // The thief's own process on the restored copy, without the certificate.
            using var thief = ThiefHost(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = restored }.ConnectionString);
            var protector = thief.Services.GetRequiredService<IdentityProtector>();
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(identityEncrypted));
            // Nor can guessed addresses be tested against the reporters' keyed hashes: the hash secret is sealed too.
            Assert.ThrowsAny<CryptographicException>(() => protector.KeyHash(Channel.Email, ReporterAddress));

            // A cookie forged from the restored users (id, security stamp, role), with either of the thief's key rings.
            var admin = await AdminRowAsync(thief.Services, adminEmail);
            using var thiefSessions = new SessionKeyRing(
                thief.Services.GetRequiredService<IServiceScopeFactory>(), thief.Services.GetRequiredService<IConfiguration>(), thief.Services.GetRequiredService<ILoggerFactory>(),
                thief.Services.GetRequiredService<TimeProvider>());
            Assert.False(await OpensTheSiteAsync(site, Forge(thiefSessions.Provider, admin)));
            Assert.False(await OpensTheSiteAsync(site, Forge(thief.Services.GetRequiredService<IDataProtectionProvider>(), admin)));

            // The recipe is right: made with the site's own session keys, the same cookie opens the site.
            Assert.True(await OpensTheSiteAsync(site, Forge(site.Services.GetRequiredService<SessionKeyRing>().Provider, admin)));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restored}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_reporters_key_ring_forges_no_session_and_the_session_ring_opens_no_identity()
    {
        using var site = new AdminApp(database);
        var adminEmail = await site.CreateUserAsync(Roles.Admin);
        var admin = await AdminRowAsync(site.Services, adminEmail);

        // Whoever holds the reporters' keys (every Worker and Bot, or a decrypted copy of that ring) cannot sign in as an Admin.
        var reporterKeys = site.Services.GetRequiredService<IDataProtectionProvider>();
        Assert.False(await OpensTheSiteAsync(site, Forge(reporterKeys, admin)));

        // And the session keys open no reporter.
        var identity = site.Services.GetRequiredService<IdentityProtector>().Protect(ReporterAddress);
        var sessionKeys = site.Services.GetRequiredService<SessionKeyRing>().Provider;
        Assert.ThrowsAny<CryptographicException>(() => sessionKeys.CreateProtector("AdilSoz.Intake.ReporterIdentity.v1").Unprotect(identity));

        Assert.True(await OpensTheSiteAsync(site, Forge(sessionKeys, admin)));
    }

    private sealed record AdminRow(string Id, string UserName, string SecurityStamp);

    private static async Task<AdminRow> AdminRowAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalized);
        return new AdminRow(user.Id, user.UserName!, user.SecurityStamp!);
    }

    /// <summary>The sign-in cookie ASP.NET Core Identity would issue for this user, protected with <paramref name="keys"/>.</summary>
    private static string Forge(IDataProtectionProvider keys, AdminRow admin)
    {
        var scheme = IdentityConstants.ApplicationScheme;
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, admin.Id),
            new Claim(ClaimTypes.Name, admin.UserName),
            new Claim("AspNet.Identity.SecurityStamp", admin.SecurityStamp),
            new Claim(ClaimTypes.Role, Roles.Admin),
            new Claim(AdilSoz.Intake.Admin.Security.StaffClaimsFactory.Amr, AdilSoz.Intake.Admin.Security.StaffClaimsFactory.Mfa),
        ], scheme));
        var protector = keys.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", scheme, "v2");
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties
        {
            IssuedUtc = DateTimeOffset.UtcNow,
            ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1),
            // What a real sign-in records: when it happened (the absolute session lifetime counts from it).
            Items = { [".adilsoz.signedin"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }, scheme);
        return new TicketDataFormat(protector).Protect(ticket);
    }

    private static async Task<bool> OpensTheSiteAsync(AdminApp site, string cookie)
    {
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/users");
        request.Headers.Add("Cookie", "adilsoz.auth=" + cookie);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.Redirect, $"unexpected {(int)response.StatusCode}");
        return response.StatusCode == System.Net.HttpStatusCode.OK;
    }

    /// <summary>A process of someone who has the restored database and nothing else.</summary>
    private static IHost ThiefHost(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Intake"] = connectionString,
            [KeyRingProtection.CertificatePathKey] = "",
            [KeyRingProtection.CertificatePasswordKey] = "",
            [KeyRingProtection.AllowUnprotectedKey] = "true",
        });
        builder.AddIntakeLogging();
        builder.AddIntakeDatabase();
        return builder.Build();
    }

    private async Task RunScriptAsync(string script, params string[] args)
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo("bash", [Path.Combine(Artifacts.RepoRoot, script), .. args])
        {
            WorkingDirectory = Artifacts.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        start.Environment["PGDATABASE"] = database.Name;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"{script} exited {process.ExitCode}: {await error}{await output}");
    }
}
