using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>One message of "what happened", kept by message id so that an edit can replace it.</summary>
public sealed class DraftText
{
    public long MessageId { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Origin of a forwarded message (provenance), or null.</summary>
    public string? ForwardedFrom { get; set; }
}

/// <summary>A file of the draft: only its Telegram ids and metadata; the caller downloads it later.</summary>
public sealed class DraftFile
{
    public long MessageId { get; set; }

    public required string FileId { get; set; }

    public required string FileUniqueId { get; set; }

    public long? Size { get; set; }

    public string? FileName { get; set; }

    public string? MimeType { get; set; }

    public FileKind Kind { get; set; }

    public string? MediaGroupId { get; set; }

    /// <summary>Over the Bot API download limit (20 MB): recorded, not downloadable.</summary>
    public bool TooLarge { get; set; }

    /// <summary>The name to store: the sent name, or one made from the kind (photos and voice have none).</summary>
    [JsonIgnore]
    public string StoredFileName => !string.IsNullOrWhiteSpace(FileName) ? FileName : Kind switch
    {
        FileKind.Photo => $"photo_{FileUniqueId}.jpg",
        FileKind.Voice => $"voice_{FileUniqueId}.ogg",
        FileKind.VideoNote => $"video_note_{FileUniqueId}.mp4",
        FileKind.Video => $"video_{FileUniqueId}.mp4",
        FileKind.Audio => $"audio_{FileUniqueId}.mp3",
        FileKind.Animation => $"animation_{FileUniqueId}.mp4",
        _ => $"file_{FileUniqueId}",
    };

    [JsonIgnore]
    public string StoredContentType => !string.IsNullOrWhiteSpace(MimeType) ? MimeType : Kind switch
    {
        FileKind.Photo => "image/jpeg",
        FileKind.Voice => "audio/ogg",
        FileKind.VideoNote or FileKind.Video or FileKind.Animation => "video/mp4",
        FileKind.Audio => "audio/mpeg",
        _ => "application/octet-stream",
    };
}

/// <summary>The report being put together in the dialogue; stored as JSON in DialogueState.DraftJson.</summary>
public sealed class ReportDraft
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public List<DraftText> Texts { get; set; } = [];

    public List<DraftFile> Files { get; set; } = [];

    public DateOnly? OccurredOn { get; set; }

    public string? RegionCode { get; set; }

    public string? Settlement { get; set; }

    /// <summary>me / colleague / outlet / other.</summary>
    public string? Affected { get; set; }

    public bool? MayNameReporter { get; set; }

    /// <summary>Steps answered or skipped (what, evidence, when, region, settlement, affected, naming).</summary>
    public List<string> Answered { get; set; } = [];

    /// <summary>The report started from content sent outside the dialogue.</summary>
    public bool Quick { get; set; }

    /// <summary>Media group of the last album message, to take the rest of the album silently.</summary>
    public string? LastMediaGroupId { get; set; }

    /// <summary>Step to return to after /lang or /delete_my_data.</summary>
    public DialogueStep? ResumeStep { get; set; }

    [JsonIgnore]
    public bool IsEmpty => Texts.Count == 0 && Files.Count == 0 && Answered.Count == 0;

    /// <summary>All text of the report, messages separated by blank lines.</summary>
    [JsonIgnore]
    public string Text => string.Join("\n\n", Texts.Where(t => t.Text.Length > 0).Select(t => t.Text));

    [JsonIgnore]
    public int TextLength => Texts.Sum(t => t.Text.Length);

    /// <summary>Distinct origins of forwarded messages, joined by "; ", or null.</summary>
    [JsonIgnore]
    public string? ForwardedFrom
    {
        get
        {
            var origins = Texts.Select(t => t.ForwardedFrom).OfType<string>().Distinct().ToList();
            return origins.Count == 0 ? null : string.Join("; ", origins);
        }
    }

    public bool IsAnswered(string step) => Answered.Contains(step);

    public void MarkAnswered(string step)
    {
        if (!Answered.Contains(step))
        {
            Answered.Add(step);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static ReportDraft FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ReportDraft();
        }

        try
        {
            return JsonSerializer.Deserialize<ReportDraft>(json, JsonOptions) ?? new ReportDraft();
        }
        catch (JsonException)
        {
            return new ReportDraft();
        }
    }

    public ReportDraft Clone() => FromJson(ToJson());
}
