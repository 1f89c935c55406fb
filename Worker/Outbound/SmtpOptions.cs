using System.ComponentModel.DataAnnotations;
using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Worker.Outbound;

/// <summary>The <c>Smtp</c> section: outgoing mail. Without a host, mail waits in the outbox (Queued) and is retried.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    [Range(0, 65535)]
    public int Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender of outgoing mail, e.g. <c>Әділ сөз &lt;info@adilsoz.kz&gt;</c>; default: the mailbox address.</summary>
    public string? From { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port > 0 ? Port : Security switch
    {
        MailSecurity.SslOnConnect => 465,
        MailSecurity.StartTls => 587,
        _ => 25,
    };
}
