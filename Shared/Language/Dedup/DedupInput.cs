namespace AdilSoz.Intake.Language.Dedup;

/// <summary>What duplicate detection needs to know of one submission.</summary>
/// <param name="Id">Submission id.</param>
/// <param name="Text">The new text of the report (quotes and signatures already split off).</param>
/// <param name="Subject">Mail subject, if any.</param>
/// <param name="OccurredOn">When it happened, as the reporter said.</param>
/// <param name="ReceivedAt">When it was received, at the foundation's local offset of that date (the caller's clock): relative dates ("yesterday", "3 February") are read from its date.</param>
/// <param name="RegionCode">Region code from the reference list, as the reporter said.</param>
/// <param name="Settlement">Settlement as the reporter wrote it.</param>
/// <param name="AttachmentSha256">Lower-case hex SHA-256 of each stored attachment.</param>
/// <param name="Language">The language decided for the submission when it was received (it picks the stemmer);
/// null lets <see cref="Text.LanguageDetector"/> decide from the text.</param>
public sealed record DedupInput(
    long Id,
    string Text,
    string? Subject,
    DateOnly? OccurredOn,
    DateTimeOffset ReceivedAt,
    string? RegionCode,
    string? Settlement,
    IReadOnlyList<string> AttachmentSha256,
    string? Language);
