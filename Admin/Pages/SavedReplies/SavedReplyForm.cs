using AdilSoz.Intake.Core.Moderation;

namespace AdilSoz.Intake.Admin.Pages.SavedReplies;

/// <summary>The fields of a saved reply as the Editors' form posts them.</summary>
public sealed class SavedReplyForm
{
    public string? Name { get; set; }

    public SavedReplyUse Use { get; set; }

    public string? TextKk { get; set; }

    public string? TextRu { get; set; }

    public string? TextEn { get; set; }

    public static SavedReplyForm Of(SavedReply r) => new() { Name = r.Name, Use = r.Use, TextKk = r.TextKk, TextRu = r.TextRu, TextEn = r.TextEn };

    /// <summary>The problems, keyed by field, as text keys of the site.</summary>
    public Dictionary<string, string> Validate()
    {
        var problems = new Dictionary<string, string>();
        if (Trimmed(Name) is not { Length: <= SavedReply.NameLength })
        {
            problems["Name"] = "SavedReplyNameRequired";
        }

        if (Trimmed(TextKk) is null && Trimmed(TextRu) is null && Trimmed(TextEn) is null)
        {
            problems["Text"] = "SavedReplyTextRequired";
        }
        else if (new[] { TextKk, TextRu, TextEn }.Any(t => Trimmed(t)?.Length > SavedReply.TextLength))
        {
            problems["Text"] = "SavedReplyTextTooLong";
        }

        if (!Enum.IsDefined(Use))
        {
            problems["Use"] = "SavedReplyUseRequired";
        }

        return problems;
    }

    public void ApplyTo(SavedReply r, string actor, DateTimeOffset now)
    {
        r.Name = Trimmed(Name)!;
        r.Use = Use;
        r.TextKk = Trimmed(TextKk);
        r.TextRu = Trimmed(TextRu);
        r.TextEn = Trimmed(TextEn);
        r.UpdatedBy = actor;
        r.UpdatedAt = now;
    }

    /// <summary>What an audit entry records of a reply: its name, use and texts (no reporter's data is in them).</summary>
    public static object Audited(SavedReply r) => new { r.Name, r.Use, r.TextKk, r.TextRu, r.TextEn };

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
