using System.Xml.Linq;
using AdilSoz.Intake.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdilSoz.Intake.Core.Security;

/// <summary>
/// The key ring of the staff sign-in cookies, apart from the one that protects reporters' data: its own
/// application name and its own master keys, stored in their own table (<c>SessionKeys</c>) and encrypted
/// with the same key-encryption certificate. A key of the reporters' ring (all the Worker and the Bot
/// ever hold) cannot forge a session, and a session key cannot open an identity; deleting the rows of
/// <c>SessionKeys</c> ends every session without touching reporters' data.
/// </summary>
public sealed class SessionKeyRing : IDisposable
{
    public const string ApplicationName = "AdilSoz.Intake.Sessions";

    private readonly ServiceProvider _services;
    private readonly TimeProvider _clock;

    public SessionKeyRing(IServiceScopeFactory scopes, IConfiguration configuration, ILoggerFactory loggerFactory, TimeProvider clock)
    {
        _clock = clock;
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .ProtectKeysIfConfigured(configuration)
            .AddKeyManagementOptions(o => o.XmlRepository = new SessionKeyRepository(scopes));
        _services = services.BuildServiceProvider();
        Provider = _services.GetRequiredService<IDataProtectionProvider>();
    }

    public IDataProtectionProvider Provider { get; }

    /// <summary>Makes the first key when the ring has no usable one; called under the migration lock.</summary>
    public void EnsureKey()
    {
        var keys = _services.GetRequiredService<IKeyManager>();
        var now = _clock.GetUtcNow();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ExpirationDate > now.AddDays(2)))
        {
            keys.CreateNewKey(now, now.AddDays(90));
        }
    }

    public void Dispose() => _services.Dispose();

    private sealed class SessionKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            return [.. db.SessionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(x => XElement.Parse(x))];
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            db.SessionKeys.Add(new SessionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            db.SaveChanges();
        }
    }
}

/// <summary>One key of <see cref="SessionKeyRing"/>, as Data Protection writes it (encrypted with a certificate when one is set).</summary>
public sealed class SessionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
