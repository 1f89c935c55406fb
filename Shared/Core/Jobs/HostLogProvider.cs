using System.Collections.Concurrent;
using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace AdilSoz.Intake.Core.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide, and its components take their loggers once, from whichever
/// provider was current then. Where several hosts share a process (tests, benchmarks), each log line goes
/// to the host whose server thread writes it (the threads inherit <see cref="RouteThisFlowTo"/> from the
/// server's start), else to the host that installed this provider; a host already disposed swallows it
/// instead of failing the job or request that logged.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private static readonly AsyncLocal<ILoggerFactory?> FlowFactory = new();

    /// <summary>Sends Hangfire's logging on this flow (and threads started from it) to <paramref name="hostFactory"/>.</summary>
    public static void RouteThisFlowTo(ILoggerFactory hostFactory) => FlowFactory.Value = hostFactory;

    public ILog GetLogger(string name) => new RoutedLog(name, factory);

    private sealed class RoutedLog(string name, ILoggerFactory fallback) : ILog
    {
        private readonly ConcurrentDictionary<ILoggerFactory, ILog> _logs = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var target = FlowFactory.Value ?? fallback;
            try
            {
                var log = _logs.GetOrAdd(target, f => new AspNetCoreLogProvider(f).GetLogger(name));
                return log.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
