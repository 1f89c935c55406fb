using Hangfire.Logging;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Logging;

namespace AdilSoz.Intake.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide and points at the ILoggerFactory of the last host that
/// configured it. Where several hosts share a process (tests, benchmarks) that factory may already be
/// disposed; a logger that cannot be created then must not fail the request that wanted a job client.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
