using System.Text;
using AdilSoz.Intake.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Core.Operations;

/// <summary>One condition for taking work; <c>/readyz</c> answers 200 when all of them hold.</summary>
public interface IReadinessCheck
{
    string Name { get; }

    /// <summary>Null when ready, else why not (one line, no personal data).</summary>
    Task<string?> ProblemAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>The database answers and every migration of this build is applied.</summary>
public sealed class DatabaseReadiness : IReadinessCheck
{
    public string Name => "database";

    public async Task<string?> ProblemAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<IntakeDbContext>();
        if (!await db.Database.CanConnectAsync(ct))
        {
            return "the database does not answer";
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        return pending == 0 ? null : $"{pending} migration(s) not applied";
    }
}

/// <summary>Runs the registered checks (each within a time limit) and writes their results.</summary>
public static class Readiness
{
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static async Task<IResult> ProbeAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var text = new StringBuilder();
        var ready = true;
        foreach (var check in scope.ServiceProvider.GetServices<IReadinessCheck>())
        {
            string? problem;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(CheckTimeout);
            try
            {
                problem = await check.ProblemAsync(scope.ServiceProvider, timeout.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                problem = $"check failed ({e.GetType().Name})";
            }

            ready &= problem is null;
            text.Append(check.Name).Append(": ").AppendLine(problem ?? "ok");
        }

        return Results.Text(text.ToString(), "text/plain; charset=utf-8", Encoding.UTF8,
            ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
