using System.Globalization;
using AdilSoz.Intake.Core.Registry;
using Microsoft.Extensions.Localization;

namespace AdilSoz.Intake.Worker.Registry;

/// <summary>
/// The reminder mail. The wording is in HearingReminderTexts.resx: Editors read Russian and English, so
/// the mail carries both, and each text holds both languages (no satellite).
/// </summary>
public sealed class HearingReminderTexts(IStringLocalizer<HearingReminderTexts> texts)
{
    public string Subject(string incidentTitle, DateOnly hearingOn) =>
        Format("Subject", Ru(hearingOn), En(hearingOn), Shorten(incidentTitle, 120));

    public string Body(long incidentId, string incidentTitle, LegalCaseKind kind, string? article, string? stage, DateOnly hearingOn)
    {
        var link = $"/incidents/{incidentId}";
        var kindKey = kind switch
        {
            LegalCaseKind.Criminal => "KindCriminal",
            LegalCaseKind.Civil => "KindCivil",
            _ => "KindAdministrative",
        };
        var articleText = string.IsNullOrWhiteSpace(article) ? "—" : article.Trim();
        var stageText = string.IsNullOrWhiteSpace(stage) ? "—" : stage.Trim();
        return Format("Body", Ru(hearingOn), En(hearingOn), incidentTitle,
            texts[kindKey + "Ru"].Value, texts[kindKey + "En"].Value, articleText, stageText, link);
    }

    // The localizer's own formatting follows the thread's culture; the dates here are written invariantly.
    private string Format(string key, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, texts[key].Value, args);

    private static string Ru(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string En(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Shorten(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");
}
