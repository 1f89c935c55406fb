using System.Collections;
using System.Globalization;
using System.Resources;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Intake;
using PluralRules = AdilSoz.Intake.Language.Text.Plural;

namespace AdilSoz.Intake.Bot.Texts;

/// <summary>
/// The bot's texts in Kazakh, Russian and English, from Texts.resx (English, neutral),
/// Texts.ru.resx and Texts.kk.resx, read with an explicit culture (never the thread's).
/// </summary>
public static class BotTexts
{
    /// <summary>Supported languages, in the order the language buttons show them.</summary>
    public static readonly IReadOnlyList<string> Languages = ["kk", "ru", "en"];

    private static readonly ResourceManager Resources = new("AdilSoz.Intake.Bot.Texts.Texts", typeof(BotTexts).Assembly);

    private static readonly Dictionary<string, CultureInfo> Cultures = new()
    {
        ["kk"] = CultureInfo.GetCultureInfo("kk"),
        ["ru"] = CultureInfo.GetCultureInfo("ru"),
        ["en"] = CultureInfo.InvariantCulture,
    };

    /// <summary>The culture of a language (the invariant culture reads the neutral English texts).</summary>
    public static CultureInfo Culture(string language) => Cultures.GetValueOrDefault(language, CultureInfo.GetCultureInfo("ru"));

    /// <summary>kk, ru or en from a Telegram language_code ("kk", "ru-RU", "en-GB"); anything else is ru.</summary>
    public static string DefaultLanguage(string? languageCode)
    {
        var code = languageCode?.Split('-', '_')[0].ToLowerInvariant();
        return code is "kk" or "ru" or "en" ? code : "ru";
    }

    /// <summary>The text of <paramref name="key"/>; throws for an unknown key so that a typo fails the tests.</summary>
    public static string Get(string language, string key) =>
        Resources.GetString(key, Culture(language)) ?? throw new InvalidOperationException($"No bot text '{key}'.");

    public static string Format(string language, string key, params object[] args) =>
        args.Length == 0 ? Get(language, key) : string.Format(Culture(language), Get(language, key), args);

    /// <summary>"1 файл", "2 файла", "5 файлов"; "1 file", "2 files"; "3 файл".</summary>
    public static string Files(string language, int count) => Plural(language, "Files", count);

    /// <summary>"1 сообщение", "2 сообщения", "5 сообщений"; "1 report", "2 reports".</summary>
    public static string Reports(string language, int count) => Plural(language, "Reports", count);

    public static string Plural(string language, string stem, int count) =>
        Format(language, stem + PluralRules.Form(language, count), count);

    /// <summary>One line of the /status answer, with the moderator's message when there is one.</summary>
    public static string StatusLine(string language, string reference, SubmissionStatus status, DateTimeOffset receivedAt, string? moderatorNote)
    {
        var key = status switch
        {
            SubmissionStatus.Pending => "StatusInReview",
            SubmissionStatus.Approved => "StatusIncluded",
            SubmissionStatus.Rejected => "StatusDeclined",
            _ => "StatusReceived",
        };
        var line = Format(language, key, reference, FoundationClock.DayOf(receivedAt).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        return string.IsNullOrWhiteSpace(moderatorNote) ? line : line + "\n" + Format(language, "StatusModeratorNote", moderatorNote.Trim());
    }

    /// <summary>The answer in a group chat, in the language of the sender's Telegram client.</summary>
    public static string GroupChat(string? languageCode) => Get(DefaultLanguage(languageCode), "GroupChat");

    /// <summary>Every key with its text in one language, read from that language's resources only (no fallback).</summary>
    public static IReadOnlyDictionary<string, string> AllTexts(string language)
    {
        var set = Resources.GetResourceSet(Culture(language), createIfNotExists: true, tryParents: false);
        var result = new Dictionary<string, string>();
        if (set is null)
        {
            return result;
        }

        foreach (DictionaryEntry entry in set)
        {
            result[(string)entry.Key] = entry.Value as string ?? "";
        }

        return result;
    }
}
