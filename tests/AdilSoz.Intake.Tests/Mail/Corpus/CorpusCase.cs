using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Tests.Mail.Corpus;

/// <summary>A file a corpus message carries, with the exact bytes it must decode to.</summary>
public sealed record ExpectedFile(string Name, byte[] Content, bool Inline = false);

/// <summary>One message of the corpus and everything a reader of the admin queue should see of it.</summary>
public sealed record CorpusCase(string Name, byte[] Raw)
{
    public SubmissionKind Kind { get; init; } = SubmissionKind.Report;

    public string Subject { get; init; } = "";

    public string[] TextContains { get; init; } = [];

    public string[] TextExcludes { get; init; } = [];

    public string[] QuotedContains { get; init; } = [];

    /// <summary>The senders of forwarded messages, kept apart from the text (they are stored encrypted).</summary>
    public string ForwardedFrom { get; init; } = "";

    public ExpectedFile[] Files { get; init; } = [];

    public bool Acknowledge { get; init; } = true;

    public string? Reference { get; init; }

    public string Language { get; init; } = "ru";

    public bool HasMessageId { get; init; } = true;

    public bool Error { get; init; }

    public string? BounceRecipient { get; init; }

    public bool BouncePermanent { get; init; }

    public override string ToString() => Name;
}
