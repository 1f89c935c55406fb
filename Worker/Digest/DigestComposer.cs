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

    /// <summary>At most this many overdue reports are listed, the longest past their target first; the rest are counted.</summary>
    public const int OverdueListed = 50;

    /// <param name="overdueCount">How many reports are past their response target now.</param>
    /// <param name="overdue">The first of them, the longest past the target first (at most <see cref="OverdueListed"/> are shown).</param>
    public (string Subject, string Body) Compose(
        DateOnly day, IReadOnlyList<DigestItem> urgent, IReadOnlyDictionary<SubmissionStatus, int> countsOfDay, TimeZoneInfo zone,
        int overdueCount = 0, IReadOnlyList<OverdueItem>? overdue = null)
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

        if (overdueCount > 0)
        {
            body.Append('\n').Append(Format("Overdue", overdueCount)).Append('\n');
            var listed = (overdue ?? []).Take(OverdueListed).ToList();
            if (listed.Count > 0)
            {
                body.Append(texts["OverdueColumns"].Value).Append('\n');
            }

            var width = listed.Count == 0 ? 0 : listed.Max(i => i.Reference.Length);
            foreach (var item in listed)
            {
                body.Append("  ").Append(item.Reference.PadRight(width))
                    .Append("  ").Append(PastTarget(item.PastTarget).PadLeft(8))
                    .Append("  ").Append(item.Urgent ? texts["OverdueUrgent"].Value : "")
                    .Append(item.Urgent ? "  " : "").Append(item.AssignedTo ?? texts["OverdueUnassigned"].Value).Append('\n');
            }

            if (overdueCount > listed.Count)
            {
                body.Append(Format("OverdueMore", overdueCount - listed.Count)).Append('\n');
            }
        }

        return (subject, body.ToString());
    }

    /// <summary>The text's beginning on one line, at most <see cref="ExcerptLength"/> characters.</summary>
    public static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= ExcerptLength ? line : line[..(ExcerptLength - 1)].TrimEnd() + "…";
    }

    /// <summary>How long past its target a report is, to the hour: <c>3d 04h</c>, <c>5h</c>, or <c>&lt;1h</c>.</summary>
    public static string PastTarget(TimeSpan past) => past switch
    {
        { TotalHours: < 1 } => "<1h",
        { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)past.TotalHours}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)past.TotalDays}d {past.Hours:00}h"),
    };

    // The localizer's own formatting follows the thread's culture; numbers and dates here are invariant.
    private string Format(string key, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, texts[key].Value, args);
}
