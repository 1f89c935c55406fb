namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>An inline keyboard button.</summary>
public sealed record Button(string Text, string CallbackData);

/// <summary>
/// A message for the reporter. With <see cref="EditMessageId"/> it edits that message instead:
/// its text when <see cref="Text"/> is set (editMessageText), otherwise only its keyboard
/// (editMessageReplyMarkup; an empty keyboard removes the buttons).
/// </summary>
public sealed record OutgoingMessage(string? Text, IReadOnlyList<IReadOnlyList<Button>> Keyboard, long? EditMessageId = null)
{
    public static OutgoingMessage Plain(string text) => new(text, []);

    public static OutgoingMessage RemoveKeyboard(long messageId) => new(null, [], messageId);

    public IEnumerable<Button> Buttons => Keyboard.SelectMany(r => r);
}

/// <summary>Something the caller must do after the dialogue step.</summary>
public abstract record DialogueEffect;

/// <summary>Store the report; then send <see cref="DialogueEngine.Confirmation"/> with its reference.</summary>
public sealed record SubmitReport(ReportDraft Draft, string Language) : DialogueEffect;

/// <summary>List the reporter's reports (format lines with <see cref="Texts.BotTexts.StatusLine"/>).</summary>
public sealed record ShowStatus(string Language) : DialogueEffect;

/// <summary>Remove the reporter's identity and contact from all their reports.</summary>
public sealed record DeleteMyData : DialogueEffect;

/// <summary>Remember the reporter's language (Reporter.Language).</summary>
public sealed record SetLanguage(string Language) : DialogueEffect;

/// <summary>The outcome of one event: what to send, the new state, and what the caller must do.</summary>
public sealed record DialogueResult(
    IReadOnlyList<OutgoingMessage> Messages,
    DialogueSnapshot State,
    IReadOnlyList<DialogueEffect> Effects);
