using System.Globalization;
using System.Text;
using AdilSoz.Intake.Core.Intake;
using Microsoft.Extensions.Localization;

namespace AdilSoz.Intake.Worker.Digest;

/// <summary>
/// Writes the digest's subject and plain-text body. The wording is in DigestComposer.resx: staff mail is
/// written in Russian and English at once (the desk reads both), so each text holds both and has no satellite.
/// </summary>
public sealed class DigestComposer(IStringLocalizer<DigestComposer> texts)
{
    public const int ExcerptLength = 120;

    public (string Subject, string Body) Compose(
        DateOnly day, IReadOnlyList<DigestItem> urgent, IReadOnlyDictionary<SubmissionStatus, int> countsOfDay, TimeZoneInfo zone, int overdue = 0)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var subject = Format("Subject", date, urgent.Count);
        var body = new StringBuilder();
        body.Append(Format("Heading", date, zone.Id, urgent.Count)).Append("\n\n");
        foreach (var item in urgent.OrderBy(i => i.ReceivedAt))
        {
            var local = TimeZoneInfo.ConvertTime(item.ReceivedAt, zone);
            var place = string.Join(", ", new[] { item.Region, item.Settlement }.Where(p => !string.IsNullOrWhiteSpace(p)));
            body.Append(CultureInfo.InvariantCulture,
                $"{item.Reference}  {local:HH:mm}  {item.Category ?? "?"}  {(place.Length > 0 ? place : "?")}  [{item.Status}]\n");
            body.Append("  ").Append(Excerpt(item.Text)).Append('\n');
        }

        body.Append('\n').Append(texts["ByStatus"].Value).Append('\n');
        foreach (var (status, count) in countsOfDay.Where(c => c.Value > 0).OrderBy(c => c.Key))
        {
            body.Append(CultureInfo.InvariantCulture, $"  {status}: {count}\n");
        }

        if (overdue > 0)
        {
            body.Append('\n').Append(Format("Overdue", overdue)).Append('\n');
        }

        return (subject, body.ToString());
    }

    /// <summary>The text's beginning on one line, at most <see cref="ExcerptLength"/> characters.</summary>
    public static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= ExcerptLength ? line : line[..(ExcerptLength - 1)].TrimEnd() + "…";
    }

    // The localizer's own formatting follows the thread's culture; numbers and dates here are invariant.
    private string Format(string key, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, texts[key].Value, args);
}
