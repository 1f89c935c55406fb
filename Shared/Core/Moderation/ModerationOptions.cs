using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Core.Moderation;

/// <summary>The <c>Moderation</c> section: how the team's mail links back to the admin site.</summary>
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

    /// <summary>The address of a page of the admin site, e.g. <c>/submissions/42</c>.</summary>
    public string Link(string path) => AdminUrl.TrimEnd('/') + path;
}
