using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Suggest;

namespace AdilSoz.Intake.Admin.Pages.Submissions;

/// <summary>The "approve as a new incident" form, prefilled from what the reporter said and what the pipeline suggests.</summary>
public sealed class IncidentForm
{
    public string? Title { get; set; }

    public DateOnly? OccurredOn { get; set; }

    public string? Region { get; set; }

    public string? Settlement { get; set; }

    public string? Category { get; set; }

    /// <summary>One victim per line.</summary>
    public string? Victims { get; set; }

    /// <summary>The victims agreed to be named; unticked, they are not named in publications.</summary>
    public bool VictimsMayBeNamed { get; set; }

    /// <summary>One outlet per line.</summary>
    public string? Outlets { get; set; }

    public string? Summary { get; set; }

    public static IncidentForm Prefill(Submission s, Suggestions? suggested) => new()
    {
        Title = Shorten(string.IsNullOrWhiteSpace(s.Subject) ? FirstLine(s.Text) : s.Subject.Trim(), 120),
        OccurredOn = s.OccurredOn ?? DateOnly.FromDateTime(s.ReceivedAt.UtcDateTime),
        Region = s.RegionCode ?? s.SuggestedRegion ?? suggested?.Region?.Code ?? suggested?.Settlement?.Region,
        Settlement = s.Settlement ?? s.SuggestedSettlement ?? suggested?.Settlement?.Name,
        Category = s.SuggestedCategory ?? suggested?.Category?.Code,
        Summary = Shorten(s.Text.Trim(), 1500),
    };

    public IncidentInput ToInput() => new()
    {
        Title = Title,
        OccurredOn = OccurredOn,
        Region = Region,
        Settlement = Settlement,
        Category = Category,
        Summary = Summary,
        Victims = Lines(Victims).Select(v => new IncidentInput.VictimInput(v, MayBeNamed: VictimsMayBeNamed)).ToList(),
        Outlets = Lines(Outlets).ToList(),
    };

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string FirstLine(string text) => text.Trim().Split('\n', 2)[0].Trim();

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
