using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Worker.Registry;

/// <summary>The <c>Registry</c> section of the Worker.</summary>
public sealed class HearingReminderOptions
{
    public const string SectionName = "Registry";

    /// <summary>Editors are reminded of a hearing this many days ahead (0: on the day only).</summary>
    [Range(0, 60)]
    public int HearingReminderDays { get; set; } = 3;
}
