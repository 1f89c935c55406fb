namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>Where a reporter is in the dialogue. Persisted by name in DialogueState.Step.</summary>
public enum DialogueStep
{
    /// <summary>Never talked to the bot.</summary>
    Start,
    ChooseLanguage,

    /// <summary>Idle: the menu was shown; a message here starts a quick report.</summary>
    Menu,
    What,
    Evidence,
    When,
    Region,
    Settlement,
    Affected,
    Naming,
    Summary,
    EditChoice,
    ConfirmDelete,
}
