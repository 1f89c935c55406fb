using Microsoft.Extensions.Options;
using Npgsql;

namespace AdilSoz.Intake.Core.Data;

/// <summary>Turns the usual start-up failures into one readable line for stderr.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception e) => e switch
    {
        StartupException s => s.Message,
        OptionsValidationException o => "Configuration error: " + string.Join("; ", o.Failures),
        NpgsqlException { InnerException: System.Net.Sockets.SocketException } n =>
            $"Cannot reach PostgreSQL ({n.InnerException!.Message}); check ConnectionStrings__Intake.",
        PostgresException { SqlState: "28P01" } => "PostgreSQL refused the password; check ConnectionStrings__Intake.",
        PostgresException p => $"PostgreSQL error {p.SqlState}: {p.MessageText}",
        NpgsqlException n => $"PostgreSQL error: {n.Message}; check ConnectionStrings__Intake.",
        AggregateException { InnerExceptions.Count: 1 } a => Describe(a.InnerExceptions[0]),
        InvalidOperationException { InnerException: { } inner } when Describe(inner) is { } m => m,
        InvalidOperationException i when i.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            "Configuration error: " + i.Message,
        _ => null,
    };
}

/// <summary>A start-up failure whose message is already the one line for the operator.</summary>
public sealed class StartupException(string message) : Exception(message);
