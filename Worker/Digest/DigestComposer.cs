using System.Globalization;
using System.Text;
using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Worker.Digest;

/// <summary>One urgent submission as the digest shows it: no reporter, only what a monitor needs to triage.</summary>
public sealed record DigestItem(
    string Reference, DateTimeOffset ReceivedAt, SubmissionStatus Status, string? Category, string? Region, string? Settlement, string Text);

/// <summary>Writes the digest's subject and plain-text body.</summary>
public static class DigestComposer
{
    public const int ExcerptLength = 120;

    public static (string Subject, string Body) Compose(
        DateOnly day, IReadOnlyList<DigestItem> urgent, IReadOnlyDictionary<SubmissionStatus, int> countsOfDay, TimeZoneInfo zone)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var subject = $"Срочные сообщения за {date} / Urgent reports of {date}: {urgent.Count}";
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Срочные сообщения за {date} / Urgent reports of {date} ({zone.Id}): {urgent.Count}\n\n");
        foreach (var item in urgent.OrderBy(i => i.ReceivedAt))
        {
            var local = TimeZoneInfo.ConvertTime(item.ReceivedAt, zone);
            var place = string.Join(", ", new[] { item.Region, item.Settlement }.Where(p => !string.IsNullOrWhiteSpace(p)));
            body.Append(CultureInfo.InvariantCulture,
                $"{item.Reference}  {local:HH:mm}  {item.Category ?? "?"}  {(place.Length > 0 ? place : "?")}  [{item.Status}]\n");
            body.Append("  ").Append(Excerpt(item.Text)).Append('\n');
        }

        body.Append("\nЗа день по статусам / Received that day, by status:\n");
        foreach (var (status, count) in countsOfDay.Where(c => c.Value > 0).OrderBy(c => c.Key))
        {
            body.Append(CultureInfo.InvariantCulture, $"  {status}: {count}\n");
        }

        return (subject, body.ToString());
    }

    /// <summary>The text's beginning on one line, at most <see cref="ExcerptLength"/> characters.</summary>
    public static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= ExcerptLength ? line : line[..(ExcerptLength - 1)].TrimEnd() + "…";
    }
}
