using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AdilSoz.Intake.Tests.Privacy;

/// <summary>Data-protection keys: rotation without losing old data, and the key ring encrypted with a certificate.</summary>
public sealed class KeyRingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task After_a_new_key_becomes_default_old_data_still_decrypts_and_new_data_uses_the_new_key()
    {
        // Data written under the first key.
        long reporterId;
        byte[] oldRaw;
        Guid oldKey;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var protector = scope.ServiceProvider.GetRequiredService<IdentityProtector>();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var reporter = await new ReporterDirectory(db, protector, TimeProvider.System).GetOrCreateAsync(Channel.Telegram, "246813579", "246813579", "@old_key_user", "ru", CancellationToken.None);
            await db.SaveChangesAsync();
            reporterId = reporter.Id;
            oldRaw = protector.ProtectRaw("""{"update_id":1,"message":{"text":"старый ключ"}}"""u8.ToArray());
            oldKey = KeyIdOf(oldRaw);
            Assert.Equal(oldKey, KeyIdOf(reporter.IdentityEncrypted!));

            // Rotation: a new key, active now, as the key manager makes it every 90 days (or an operator at once).
            var keys = scope.ServiceProvider.GetRequiredService<IKeyManager>();
            keys.CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(90));
        }

        // A process started after the rotation (a new host reads the ring afresh).
        using var after = PostgresDatabase.CreateHost(database.ConnectionString);
        await using var scope2 = after.Services.CreateAsyncScope();
        var protector2 = scope2.ServiceProvider.GetRequiredService<IdentityProtector>();
        var db2 = scope2.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var stored = await db2.Reporters.SingleAsync(r => r.Id == reporterId);
        Assert.Equal("246813579", protector2.Unprotect(stored.IdentityEncrypted));
        Assert.Equal("@old_key_user", protector2.Unprotect(stored.DisplayNameEncrypted));
        Assert.Contains("старый ключ", System.Text.Encoding.UTF8.GetString(protector2.UnprotectRaw(oldRaw)), StringComparison.Ordinal);

        var newRaw = protector2.ProtectRaw("""{"update_id":2}"""u8.ToArray());
        var newIdentity = protector2.Protect("135792468");
        Assert.NotEqual(oldKey, KeyIdOf(newRaw));
        Assert.Equal(KeyIdOf(newRaw), KeyIdOf(newIdentity));
        Assert.Equal(2, await db2.DataProtectionKeys.CountAsync());

        // The keyed hash (its secret is itself protected) still recognises the same person.
        var again = await new ReporterDirectory(db2, protector2, TimeProvider.System).GetOrCreateAsync(Channel.Telegram, "246813579", "246813579", null, null, CancellationToken.None);
        Assert.Equal(reporterId, again.Id);
    }

    [Fact]
    public async Task With_a_certificate_the_key_ring_is_encrypted_at_rest()
    {
        var folder = Directory.CreateTempSubdirectory("adilsoz-cert-");
        var pfx = Path.Combine(folder.FullName, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=AdilSoz key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-pass"));
        }

        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Database = name }.ConnectionString;
        var withCertificate = new Dictionary<string, string?>
        {
            [KeyRingProtection.CertificatePathKey] = pfx,
            [KeyRingProtection.CertificatePasswordKey] = "test-pass",
        };
        try
        {
            string protectedIdentity;
            using (var host = HostWith(connectionString, withCertificate))
            {
                await IntakeDatabase.MigrateAsync(host.Services);
                protectedIdentity = host.Services.GetRequiredService<IdentityProtector>().Protect("reporter@example.kz");
            }

            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("""SELECT string_agg("Xml", '') FROM "DataProtectionKeys" """, connection);
                var xml = (string)(await command.ExecuteScalarAsync())!;
                Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            }

            // Another process with the certificate reads it back.
            using (var reader = HostWith(connectionString, withCertificate))
            {
                Assert.Equal("reporter@example.kz", reader.Services.GetRequiredService<IdentityProtector>().Unprotect(protectedIdentity));
            }

            // Without it, the database alone does not open the identities.
            using var thief = HostWith(connectionString, Unprotected());
            Assert.ThrowsAny<CryptographicException>(() => thief.Services.GetRequiredService<IdentityProtector>().Unprotect(protectedIdentity));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_unreadable_certificate_stops_the_process_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HostWith(database.ConnectionString,
            new Dictionary<string, string?> { [KeyRingProtection.CertificatePathKey] = "/nonexistent/keyring.pfx" }));
        Assert.Contains(KeyRingProtection.CertificatePathKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_a_process_without_a_certificate_does_not_start_and_writes_nothing()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        var result = await HostProcess.RunAsync("Worker", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Intake"] = new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Database = name }.ConnectionString,
            ["DataProtection__CertificatePath"] = "",
        }, stdin: null, TimeSpan.FromMinutes(2));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(KeyRingProtection.CertificatePathKey, line, StringComparison.Ordinal);
        Assert.Contains(KeyRingProtection.AllowUnprotectedKey + "=true", line, StringComparison.Ordinal);
        // Refused before anything was written: not even the database was created.
        Assert.False(await DatabaseExistsAsync(name));
    }

    [Theory]
    [InlineData("Testing", "true")]
    [InlineData("Development", "false")]
    public async Task An_explicit_choice_or_Development_runs_without_a_certificate_with_the_keys_in_clear(string environment, string allowUnprotected)
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Database = name }.ConnectionString;
        try
        {
            var result = await HostProcess.RunAsync("Admin", new Dictionary<string, string?>
            {
                ["ConnectionStrings__Intake"] = connectionString,
                ["DOTNET_ENVIRONMENT"] = environment,
                ["DataProtection__CertificatePath"] = "",
                ["DataProtection__AllowUnprotected"] = allowUnprotected,
            }, stdin: null, TimeSpan.FromMinutes(2), "migrate");

            Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
            Assert.Contains("without encryption", result.StdOut + result.StdErr, StringComparison.Ordinal);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT string_agg("Xml", '') FROM "DataProtectionKeys" """, connection);
            Assert.Contains("<value>", (string)(await command.ExecuteScalarAsync())!, StringComparison.Ordinal);
        }
        finally
        {
            await DropAsync(name);
        }
    }

    private static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The settings of a process that runs without a certificate by the operator's explicit choice.</summary>
    private static Dictionary<string, string?> Unprotected() => new()
    {
        [KeyRingProtection.CertificatePathKey] = "",
        [KeyRingProtection.CertificatePasswordKey] = "",
        [KeyRingProtection.AllowUnprotectedKey] = "true",
    };

    /// <summary>A host configured before the database services are added (as Program.cs does).</summary>
    private static IHost HostWith(string connectionString, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        settings["ConnectionStrings:Intake"] = connectionString;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIntakeLogging();
        builder.AddIntakeDatabase();
        return builder.Build();
    }

    /// <summary>The key id a Data Protection payload was made with (magic header, then the key's GUID).</summary>
    private static Guid KeyIdOf(byte[] payload) => new(payload.AsSpan(4, 16));

    private static Guid KeyIdOf(string payload) => KeyIdOf(WebEncoders.Base64UrlDecode(payload));
}
