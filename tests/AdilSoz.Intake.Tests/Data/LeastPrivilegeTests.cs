using AdilSoz.Intake.Tests.Infrastructure;
using Npgsql;

namespace AdilSoz.Intake.Tests.Data;

/// <summary>
/// The processes' PostgreSQL role: the owner migrates and grants (<c>Admin migrate --app-role</c>), the
/// application role reads and writes and can do nothing a superuser could. The role comes from
/// <c>ADILSOZ_TEST_PG_APP</c> (set by scripts/test.sh), or is made here when the test server's role may.
/// </summary>
public sealed class LeastPrivilegeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private string _appConnection = "";
    private string? _madeRole;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("ADILSOZ_TEST_PG_APP") is { Length: > 0 } app)
        {
            _appConnection = new NpgsqlConnectionStringBuilder(app) { Database = database.Name }.ConnectionString;
            return;
        }

        _madeRole = "test_app_" + Guid.NewGuid().ToString("N")[..12];
        var password = Guid.NewGuid().ToString("N");
        await ExecuteAsync(database.ConnectionString, $"CREATE ROLE {_madeRole} LOGIN PASSWORD '{password}'");
        _appConnection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = _madeRole, Password = password }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_madeRole is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(database.ConnectionString, $"DROP OWNED BY {_madeRole}");
            // The role's grants in the other databases of this class are gone with them; its default privileges too.
            await ExecuteAsync(database.ConnectionString, $"DROP ROLE {_madeRole}");
        }
    }

    private string AppRole => new NpgsqlConnectionStringBuilder(_appConnection).Username!;

    [Fact]
    public async Task The_app_role_runs_the_processes_but_cannot_run_programs_create_extensions_roles_or_tables()
    {
        var grant = await HostProcess.RunAsync("Admin", Env(database.ConnectionString), null, TimeSpan.FromMinutes(2), "migrate", "--app-role", AppRole);
        Assert.True(grant.ExitCode == 0, grant.StdErr);

        // The processes work as the app role: start-up on an up-to-date schema, then writes.
        var key = await HostProcess.RunAsync("Admin", Env(_appConnection), null, TimeSpan.FromMinutes(2), "api-keys", "add", "--name", "least-privilege", "--role", "Monitor");
        Assert.True(key.ExitCode == 0, key.StdErr);
        Assert.Equal(1L, await ScalarAsync(_appConnection, """SELECT count(*) FROM "ApiKeys" WHERE "Name" = 'least-privilege'"""));
        Assert.True(await ScalarAsync(_appConnection, "SELECT count(*) FROM hangfire.job") >= 0);

        await AssertRefusedAsync("COPY (SELECT 1) TO PROGRAM 'true'");
        await AssertRefusedAsync("CREATE EXTENSION hstore");
        await AssertRefusedAsync("CREATE ROLE intruder LOGIN SUPERUSER");
        await AssertRefusedAsync("CREATE TABLE public.intruder (id int)");
        await AssertRefusedAsync("""DROP TABLE "ApiKeys" """);
        await AssertRefusedAsync("SELECT pg_read_file('/etc/passwd')");
    }

    [Fact]
    public async Task The_app_role_on_a_schema_that_is_behind_stops_with_one_line_and_changes_nothing()
    {
        var grant = await HostProcess.RunAsync("Admin", Env(database.ConnectionString), null, TimeSpan.FromMinutes(2), "migrate", "--app-role", AppRole);
        Assert.True(grant.ExitCode == 0, grant.StdErr);
        var last = (string)(await ScalarObjectAsync(database.ConnectionString, """SELECT max("MigrationId") FROM "__EFMigrationsHistory" """))!;
        await ExecuteAsync(database.ConnectionString, $"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '{last}'""");
        try
        {
            var result = await HostProcess.RunAsync("Admin", Env(_appConnection), null, TimeSpan.FromMinutes(2), "migrate");
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains("run `Admin migrate` with the owner", line, StringComparison.Ordinal);
            Assert.Equal(0L, await ScalarAsync(database.ConnectionString, $"""SELECT count(*) FROM "__EFMigrationsHistory" WHERE "MigrationId" = '{last}'"""));
        }
        finally
        {
            await ExecuteAsync(database.ConnectionString, $"""INSERT INTO "__EFMigrationsHistory" VALUES ('{last}', '10.0.0')""");
        }
    }

    private async Task AssertRefusedAsync(string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(_appConnection, sql));
        Assert.True(error.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {error.SqlState} {error.MessageText}");
    }

    private static Dictionary<string, string?> Env(string connectionString) => new() { ["ConnectionStrings__Intake"] = connectionString };

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarObjectAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql) => (long)(await ScalarObjectAsync(connectionString, sql))!;
}
