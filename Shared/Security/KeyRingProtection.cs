using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace AdilSoz.Intake.Security;

/// <summary>
/// Optional encryption of the Data Protection key ring at rest. The keys live in the database next to
/// the data they protect; with <c>DataProtection:CertificatePath</c> (a PFX file, password in
/// <c>DataProtection:CertificatePassword</c>) new keys are written encrypted with the certificate, so a
/// copy of the database alone no longer opens reporters' identities. Keys written before stay readable.
/// </summary>
public static class KeyRingProtection
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[CertificatePathKey]);

    public static string UnencryptedWarning =>
        "Data-protection keys are stored in the database without encryption: anyone with a copy of the database can read " +
        $"reporters' identities. Set {CertificatePathKey} (a PFX certificate) to encrypt them.";

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
