using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>
/// A key-encryption certificate made once per test run, as <c>run.sh</c> makes one per installation: every
/// host of the run (in-process, through the environment, and the processes <see cref="HostProcess"/>
/// starts) encrypts its key rings with it, as production does.
/// </summary>
public static class TestKeyRing
{
    public static string CertificatePath { get; private set; } = "";

    public static string CertificatePassword { get; private set; } = "";

    /// <summary>The settings of a process, as environment variables.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Environment =>
    [
        new("DataProtection__CertificatePath", CertificatePath),
        new("DataProtection__CertificatePassword", CertificatePassword),
    ];

    // CA2255: the test assembly is the program here; its hosts read the environment when they are built.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install()
    {
        var folder = Directory.CreateTempSubdirectory("adilsoz-test-keyring-");
        CertificatePath = Path.Combine(folder.FullName, "keyring.pfx");
        CertificatePassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=AdilSoz key ring (test run)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(CertificatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        foreach (var (key, value) in Environment)
        {
            System.Environment.SetEnvironmentVariable(key, value);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Delete(recursive: true);
    }
}
