namespace AdilSoz.Intake.Core.Security;

/// <summary>The <c>DataProtection</c> section: the certificate that encrypts the key ring at rest.</summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PFX file with a private key; without it the keys are stored in clear in the database.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>An operator's explicit choice to run without a certificate outside Development.</summary>
    public bool AllowUnprotected { get; set; }
}
