using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>How a mail connection is secured.</summary>
public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The <c>Mailbox</c> section: the IMAP account of the intake address. Without a host the watcher does not run.</summary>
public sealed class MailboxOptions : IValidatableObject
{
    public const string SectionName = "Mailbox";

    public string? Host { get; set; }

    [Range(0, 65535)]
    public int Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.SslOnConnect;

    public string? Username { get; set; }

    public string? Password { get; set; }

    [Required]
    public string Folder { get; set; } = "INBOX";

    [Required]
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>The public intake address: never acknowledged, the sender of acknowledgements by default.</summary>
    [Required]
    [EmailAddress]
    public string Address { get; set; } = "info@adilsoz.kz";

    /// <summary>
    /// The authserv-id our own mail server writes into <c>Authentication-Results</c> (e.g. mx.adilsoz.kz).
    /// Only its results are believed; unset, no sender is verified and no mail joins an earlier reporter.
    /// </summary>
    [RegularExpression(@"^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$", ErrorMessage = "Mailbox:TrustedAuthServId must be a host name such as mx.adilsoz.kz.")]
    public string? TrustedAuthServId { get; set; }

    /// <summary>IDLE is restarted after this many minutes (servers drop idle clients after 29, some after 10).</summary>
    [Range(1, 9)]
    public int IdleRenewMinutes { get; set; } = 9;

    /// <summary>Poll interval for servers without IDLE.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The port to connect to: the configured one, else the usual one for the security mode.</summary>
    public int EffectivePort => Port > 0 ? Port : Security == MailSecurity.SslOnConnect ? 993 : 143;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password)))
        {
            yield return new ValidationResult("Mailbox:Username and Mailbox:Password are required when Mailbox:Host is set.", [nameof(Username), nameof(Password)]);
        }

        if (string.Equals(Folder, ProcessedFolder, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("Mailbox:ProcessedFolder must differ from Mailbox:Folder.", [nameof(ProcessedFolder)]);
        }
    }
}
