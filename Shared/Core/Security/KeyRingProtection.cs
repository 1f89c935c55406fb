using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdilSoz.Intake.Core.Security;

/// <summary>
/// Encryption of the Data Protection key rings at rest. The keys live in the database next to the data
/// they protect; with <c>DataProtection:CertificatePath</c> (a PFX file, password in
/// <c>DataProtection:CertificatePassword</c>) new keys are written encrypted with the certificate, so a
/// copy of the database alone opens neither reporters' identities nor sign-in cookies. Keys written
/// before stay readable. Outside Development a process without a certificate does not start, unless
/// the operator sets <c>DataProtection:AllowUnprotected=true</c>.
/// </summary>
public static class KeyRingProtection
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";
    public const string AllowUnprotectedKey = "DataProtection:AllowUnprotected";

    public static string MissingCertificateError =>
        $"{CertificatePathKey} (DataProtection__CertificatePath) is not set: without a key-encryption certificate a copy of the " +
        $"database opens reporters' identities. Set it (and {CertificatePasswordKey}), or set {AllowUnprotectedKey}=true to run without one.";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[CertificatePathKey]);

    public static string UnencryptedWarning =>
        "Data-protection keys are stored in the database without encryption: anyone with a copy of the database can read " +
        $"reporters' identities. Set {CertificatePathKey} (a PFX certificate) to encrypt them.";

    /// <summary>
    /// The <see cref="KeyRingOptions"/>, validated: a certificate is required outside Development unless
    /// unprotected keys are allowed explicitly. <see cref="Data.IntakeDatabase.MigrateAsync"/> reads them
    /// first, before any key is made.
    /// </summary>
    public static IHostApplicationBuilder AddKeyRingOptions(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<KeyRingOptions>()
            .BindConfiguration(KeyRingOptions.SectionName)
            .Validate(o => development || o.AllowUnprotected || !string.IsNullOrWhiteSpace(o.CertificatePath), MissingCertificateError)
            .ValidateOnStart();
        return builder;
    }

    public static IDataProtectionBuilder ProtectKeysIfConfigured(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        if (!IsConfigured(configuration))
        {
            return builder;
        }

        var path = configuration[CertificatePathKey]!;
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{CertificatePathKey}: the certificate {path} cannot be loaded ({e.Message}).", e);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{CertificatePathKey}: the certificate {path} has no private key; the key ring could not be read back.");
        }

        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
