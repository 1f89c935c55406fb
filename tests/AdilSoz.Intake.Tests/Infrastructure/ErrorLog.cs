using Microsoft.Extensions.Logging;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>
/// Errors logged by in-process hosts, appended to <c>artifacts/host-errors.log</c> so a failing
/// test's server-side cause can be read after the run.
/// </summary>
public sealed class ErrorLog : ILoggerProvider
{
    private static readonly object Gate = new();
    private static readonly string PathName = Path.Combine(Artifacts.Folder("logs"), "host-errors.log");

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (Gate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(PathName)!);
                File.AppendAllText(PathName, $"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}\n{exception}\n\n");
            }
        }
    }
}
