using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Core.Moderation;

/// <summary>The <c>Moderation</c> section: the response targets, and how the team's mail links back to the admin site.</summary>
public sealed class ModerationOptions
{
    public const string SectionName = "Moderation";

    /// <summary>
    /// The admin site's address as the staff open it; mail to a staff member (an assignment, a mention in a
    /// note) links to the item there. Taken from configuration, never from a request's Host header.
    /// </summary>
    [Required]
    [Url]
    public string AdminUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Hours within which an urgent report should get a human response (a question, a decision or an assignment).</summary>
    [Range(1, 24 * 30)]
    public int UrgentResponseHours { get; set; } = 4;

    /// <summary>Hours within which any report should get a human response.</summary>
    [Range(1, 24 * 90)]
    public int ResponseHours { get; set; } = 72;

    /// <summary>
    /// The time before which a report of this urgency, received then and not yet answered, is overdue at <paramref name="now"/>.
    /// </summary>
    public DateTimeOffset OverdueBefore(bool urgent, DateTimeOffset now) => now.AddHours(-(urgent ? UrgentResponseHours : ResponseHours));

    /// <summary>The address of a page of the admin site, e.g. <c>/submissions/42</c>.</summary>
    public string Link(string path) => AdminUrl.TrimEnd('/') + path;
}
