namespace AdilSoz.Intake.Core.Moderation;

/// <summary>Where a saved reply may be used on a submission's page.</summary>
public enum SavedReplyUse
{
    /// <summary>Any message to the reporter.</summary>
    All,

    /// <summary>A question (ask the reporter).</summary>
    Ask,

    /// <summary>The message with a rejection.</summary>
    Reject,

    /// <summary>The message with an approval.</summary>
    Approve,
}

/// <summary>
/// A message to reporters that the team reuses, kept by Editors in Kazakh, Russian and English (any of them may be
/// empty). A monitor picks one on a submission's page: its text in the reporter's language fills the message,
/// with <see cref="ReferencePlaceholder"/> replaced by the report's reference.
/// </summary>
public sealed class SavedReply
{
    public const string ReferencePlaceholder = "{reference}";

    public const int NameLength = 100;

    /// <summary>As long as the longest message a monitor may send (a question).</summary>
    public const int TextLength = 2000;

    /// <summary>The languages of the texts, in the order the pages show them.</summary>
    public static readonly IReadOnlyList<string> Languages = ["kk", "ru", "en"];

    public long Id { get; set; }

    /// <summary>A short name the team knows it by, unique.</summary>
    public required string Name { get; set; }

    public SavedReplyUse Use { get; set; }

    public string? TextKk { get; set; }

    public string? TextRu { get; set; }

    public string? TextEn { get; set; }

    /// <summary>The account name of who last created or changed it.</summary>
    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool UsableFor(SavedReplyUse use) => Use == SavedReplyUse.All || Use == use;

    /// <summary>The text in <paramref name="language"/> (kk, ru or en), null when it has none.</summary>
    public string? Text(string? language) => language switch
    {
        "kk" => TextKk,
        "en" => TextEn,
        "ru" => TextRu,
        _ => null,
    } is { Length: > 0 } text ? text : null;

    /// <summary>
    /// The message for a report: the text in <paramref name="language"/>, else in the first language that has one
    /// (the language used is returned), with the placeholder replaced by <paramref name="reference"/>.
    /// </summary>
    public (string Language, string Text)? Fill(string? language, string reference)
    {
        var used = Text(language) is not null ? language! : Languages.FirstOrDefault(l => Text(l) is not null);
        return used is null ? null : (used, Text(used)!.Replace(ReferencePlaceholder, reference, StringComparison.OrdinalIgnoreCase));
    }
}
