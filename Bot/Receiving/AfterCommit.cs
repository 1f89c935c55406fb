namespace AdilSoz.Intake.Bot.Receiving;

/// <summary>
/// Work that must wait until the update's transaction is committed (enqueueing jobs that read what
/// it wrote). One per DI scope, i.e. per update.
/// </summary>
public sealed class AfterCommit
{
    private readonly List<Action> _actions = [];

    public void Add(Action action) => _actions.Add(action);

    public void Run()
    {
        foreach (var action in _actions)
        {
            action();
        }

        _actions.Clear();
    }

    public void Discard() => _actions.Clear();
}
