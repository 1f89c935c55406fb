using System.Diagnostics;
using AdilSoz.Intake.Tests.Infrastructure;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>
/// One host (Bot or Worker) run as a real process that can be killed with SIGKILL and started again
/// with the same settings. Its output goes to <c>artifacts/logs/reliability/{run}-{host}.log</c>.
/// </summary>
public sealed class HostRun : IAsyncDisposable
{
    private readonly string _host;
    private readonly IDictionary<string, string?> _environment;
    private readonly string _logPath;
    private readonly Lock _logGate = new();
    private Process? _process;

    public HostRun(string host, IDictionary<string, string?> environment, string run)
    {
        _host = host;
        _environment = environment;
        _logPath = Path.Combine(Artifacts.Folder(Path.Combine("logs", "reliability")), $"{run}-{host.ToLowerInvariant()}.log");
    }

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

    /// <summary>How many times it was killed with SIGKILL.</summary>
    public int Kills { get; private set; }

    public bool Running => _process is { HasExited: false };

    public int? ProcessId => Running ? _process!.Id : null;

    public void Start()
    {
        if (Running)
        {
            return;
        }

        _process?.Dispose();
        var process = Process.Start(HostProcess.StartInfo(_host, _environment))
            ?? throw new InvalidOperationException($"{_host} did not start.");
        Starts++;
        Log($"--- start {Starts} (pid {process.Id}) ---");
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly as a crash or an OOM kill.</summary>
    public Task KillAsync() => KillCoreAsync(counted: true);

    public async ValueTask DisposeAsync()
    {
        await KillCoreAsync(counted: false);
        _process?.Dispose();
    }

    private async Task KillCoreAsync(bool counted)
    {
        if (!Running)
        {
            return;
        }

        Kills += counted ? 1 : 0;
        Log(counted ? $"--- kill -9 {Kills} ---" : "--- end of run ---");
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            File.AppendAllText(_logPath, line + "\n");
        }
    }
}
