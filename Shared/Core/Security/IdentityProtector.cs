using System.Security.Cryptography;
using System.Text;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Core.Security;

/// <summary>
/// Encrypts what identifies a reporter (identities, contacts, raw inbound items) with ASP.NET Core
/// Data Protection, whose key ring lives in the database and is shared by all processes, and computes
/// the keyed hash that recognises the same reporter without keeping the identity in clear.
/// </summary>
public sealed class IdentityProtector(IDataProtectionProvider provider, IServiceScopeFactory scopes)
{
    private const string HashKeyName = "reporter-hash-key";
    private readonly IDataProtector _identity = provider.CreateProtector("AdilSoz.Intake.ReporterIdentity.v1");
    private readonly IDataProtector _raw = provider.CreateProtector("AdilSoz.Intake.InboundRaw.v1");
    private readonly IDataProtector _secrets = provider.CreateProtector("AdilSoz.Intake.Secrets.v1");
    private byte[]? _hashKey;

    public string Protect(string clear) => _identity.Protect(clear);

    /// <summary>Encrypts a value that may identify someone; null for nothing to keep (null, empty or blank).</summary>
    public string? ProtectOrNull(string? clear) => string.IsNullOrWhiteSpace(clear) ? null : _identity.Protect(clear);

    public string? Unprotect(string? protectedValue) =>
        protectedValue is null ? null : _identity.Unprotect(protectedValue);

    public byte[] ProtectRaw(byte[] clear) => _raw.Protect(clear);

    public byte[] UnprotectRaw(byte[] protectedBytes) => _raw.Unprotect(protectedBytes);

    /// <summary>Keyed hash (hex) of a channel identity: the same person gets the same hash, nobody can reverse it.</summary>
    public string KeyHash(Channel channel, string identity)
    {
        var key = _hashKey ??= LoadHashKey();
        var data = Encoding.UTF8.GetBytes($"{channel}:{identity.Trim().ToLowerInvariant()}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, data));
    }

    /// <summary>Creates the installation secrets when missing; called once under the migration lock.</summary>
    public async Task EnsureSecretsAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.AppSecrets.AnyAsync(s => s.Name == HashKeyName, cancellationToken))
        {
            var key = RandomNumberGenerator.GetBytes(32);
            db.AppSecrets.Add(new AppSecret { Name = HashKeyName, ValueEncrypted = _secrets.Protect(Convert.ToBase64String(key)) });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private byte[] LoadHashKey()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var secret = db.AppSecrets.AsNoTracking().SingleOrDefault(s => s.Name == HashKeyName)
            ?? throw new InvalidOperationException("The reporter hash key is missing: the database was not migrated.");
        return Convert.FromBase64String(_secrets.Unprotect(secret.ValueEncrypted));
    }
}
