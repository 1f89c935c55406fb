using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Core.Reporters;

/// <summary>
/// A pseudonymous reporter. The channel identity (Telegram user id, mail address), the contact
/// (chat id, reply address) and the display name are stored only encrypted; <see cref="KeyHash"/>
/// is a keyed hash of the identity so the same person is recognised without storing it in clear.
/// </summary>
public sealed class Reporter
{
    public long Id { get; set; }

    public required Channel Channel { get; set; }

    /// <summary>HMAC-SHA256 (hex) of "channel:identity" with the installation's key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>
    /// For a reporter made from a mail whose sender could not be verified, or a web reporter who left a mail
    /// address as contact: the keyed hash of that address. Never used to link reports by itself; only to limit
    /// automatic replies to that address, to know an answer to our mail to it (in its thread) as the reporter's,
    /// and to erase along with the address's verified reporter when its owner asks.
    /// </summary>
    public string? ClaimedKeyHash { get; set; }

    /// <summary>Encrypted identity (Telegram user id, mail address); null once deleted.</summary>
    public string? IdentityEncrypted { get; set; }

    /// <summary>Encrypted contact (Telegram chat id, reply address); null once deleted.</summary>
    public string? ContactEncrypted { get; set; }

    /// <summary>Encrypted display name (Telegram name/username, mail display name).</summary>
    public string? DisplayNameEncrypted { get; set; }

    /// <summary>kk, ru or en.</summary>
    public string? Language { get; set; }

    /// <summary>The reporter blocked the bot or the address bounced permanently.</summary>
    public bool Unreachable { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? IdentityDeletedAt { get; set; }
}

/// <summary>Where a reporter is in the Telegram dialogue; survives restarts.</summary>
public sealed class DialogueState
{
    public long ReporterId { get; set; }

    public string Step { get; set; } = "start";

    /// <summary>JSON of the draft report being put together.</summary>
    public string DraftJson { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }
}
