using System.Diagnostics;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>Runs one of the built hosts (AdilSoz.Intake.*.dll beside the tests) as a real process.</summary>
public static class HostProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static string DllPath(string host) => Path.Combine(AppContext.BaseDirectory, $"AdilSoz.Intake.{host}.dll");

    public static ProcessStartInfo StartInfo(string host, IDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(DllPath(host));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // A clean slate: no settings inherited from the developer's shell.
        foreach (var key in info.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in TestKeyRing.Environment)
        {
            info.Environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Runs a host to completion (with a time limit) and returns its exit code and output.</summary>
    public static async Task<Result> RunAsync(string host, IDictionary<string, string?> environment, string? stdin, TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(host, environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{host} did not exit within {timeout}: {await stderr}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
