using System.Globalization;
using AdilSoz.Intake.Core.Registry;

namespace AdilSoz.Intake.Worker.Registry;

/// <summary>The reminder mail, in Russian then English (Editors read both).</summary>
public static class HearingReminderTexts
{
    public static string Subject(string incidentTitle, DateOnly hearingOn) =>
        $"Заседание {Ru(hearingOn)} / Hearing on {En(hearingOn)}: {Shorten(incidentTitle, 120)}";

    public static string Body(long incidentId, string incidentTitle, LegalCaseKind kind, string? article, string? stage, DateOnly hearingOn)
    {
        var link = $"/incidents/{incidentId}";
        var (kindRu, kindEn) = kind switch
        {
            LegalCaseKind.Criminal => ("уголовное", "criminal"),
            LegalCaseKind.Civil => ("гражданское", "civil"),
            _ => ("административное", "administrative"),
        };
        var articleText = string.IsNullOrWhiteSpace(article) ? "—" : article.Trim();
        var stageText = string.IsNullOrWhiteSpace(stage) ? "—" : stage.Trim();
        return $"""
            Напоминание: судебное заседание {Ru(hearingOn)}.
            Инцидент: {incidentTitle}
            Дело: {kindRu}; статья или основание: {articleText}; стадия: {stageText}
            Карточка в реестре: {link}

            Reminder: court hearing on {En(hearingOn)}.
            Incident: {incidentTitle}
            Case: {kindEn}; article or basis: {articleText}; stage: {stageText}
            Registry page: {link}

            --
            Автоматическое письмо реестра «Әділ сөз» / Automatic message from the Adil Soz registry.
            """;
    }

    private static string Ru(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string En(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Shorten(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");
}
