using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdilSoz.Intake.Benchmarks.Bot;

/// <summary>
/// Counts what the process asks of PostgreSQL through EF Core, from EF's diagnostic events (nothing in the
/// product is changed to be counted): round trips (commands, savepoints, commits, rollbacks) and commits
/// (explicit ones, and every command outside a transaction, which commits on its own).
/// </summary>
internal sealed class DatabaseCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private long _commands;
    private long _autocommits;
    private long _savepoints;
    private long _commits;

    public DatabaseCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public (long RoundTrips, long Commits, long Commands, long Savepoints) Snapshot() =>
        (Interlocked.Read(ref _commands) + Interlocked.Read(ref _savepoints) + Interlocked.Read(ref _commits),
         Interlocked.Read(ref _commits) + Interlocked.Read(ref _autocommits),
         Interlocked.Read(ref _commands),
         Interlocked.Read(ref _savepoints));

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key == RelationalEventId.CommandExecuted.Name)
        {
            Interlocked.Increment(ref _commands);
            if (e.Value is CommandExecutedEventData { Command.Transaction: null })
            {
                Interlocked.Increment(ref _autocommits);
            }
        }
        else if (e.Key == RelationalEventId.CreatedTransactionSavepoint.Name || e.Key == RelationalEventId.ReleasedTransactionSavepoint.Name
            || e.Key == RelationalEventId.RolledBackToTransactionSavepoint.Name)
        {
            Interlocked.Increment(ref _savepoints);
        }
        else if (e.Key == RelationalEventId.TransactionCommitted.Name || e.Key == RelationalEventId.TransactionRolledBack.Name)
        {
            Interlocked.Increment(ref _commits);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var s in _subscriptions)
            {
                s.Dispose();
            }
        }
    }
}
