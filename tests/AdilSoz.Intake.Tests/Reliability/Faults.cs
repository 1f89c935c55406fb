using System.Diagnostics;
using AdilSoz.Intake.Tests.Infrastructure;
using Npgsql;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>Faults done to the servers a <see cref="ReliabilityWorld"/> runs against.</summary>
public static class Faults
{
    /// <summary>
    /// Ends every connection to the test database (pg_terminate_backend), as a PostgreSQL restart or a
    /// network cut does to the processes; other test classes' databases are untouched. Returns how many.
    /// Only client sessions are ended: an autovacuum worker busy in the same database is a superuser
    /// process the test role may not signal, and a restart is not what it would see anyway.
    /// </summary>
    public static async Task<int> TerminateConnectionsAsync(PostgresDatabase database)
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND backend_type = 'client backend' AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("db", database.Name);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Kills (SIGKILL) every IMAP session process of this Dovecot instance: each client's connection
    /// drops in the middle of whatever it was doing (a fetch, a move, IDLE). Returns how many.
    /// </summary>
    public static int DropImapSessions(DovecotServer dovecot)
    {
        var config = Path.Combine(Path.GetDirectoryName(dovecot.LogPath)!, "dovecot.conf");
        var master = Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d))
            .Where(d => d.All(char.IsAsciiDigit)).Select(int.Parse)
            .FirstOrDefault(pid => Read($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains(config, StringComparison.Ordinal)
                && Read($"/proc/{pid}/comm").Trim() == "dovecot");
        if (master == 0)
        {
            throw new InvalidOperationException("The Dovecot master process of this test was not found.");
        }

        var killed = 0;
        foreach (var pid in Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d)).Where(d => d.All(char.IsAsciiDigit)).Select(int.Parse))
        {
            var stat = Read($"/proc/{pid}/stat");
            var fields = stat.Length == 0 ? [] : stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && fields[1] == master.ToString(System.Globalization.CultureInfo.InvariantCulture) && Read($"/proc/{pid}/comm").Trim() == "imap")
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                    killed++;
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
            }
        }

        return killed;
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
