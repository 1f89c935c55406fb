using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>
/// <c>Admin public</c> as a real process on a free loopback port, connected as the public role (granted by
/// <c>Admin migrate --public-role</c> with the owner's connection). The role comes from
/// <c>ADILSOZ_TEST_PG_PUBLIC</c> (scripts/lib/common.sh), or is made here when the test server's role may.
/// Everything the process writes (stdout and stderr) is kept in <see cref="Output"/>.
/// </summary>
public sealed class PublicProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    private PublicProcess(string connectionString, string? madeRole)
    {
        ConnectionString = connectionString;
        MadeRole = madeRole;
    }

    /// <summary>The public role's connection string to the test database.</summary>
    public string ConnectionString { get; }

    private string? MadeRole { get; }

    private string OwnerConnectionString { get; init; } = "";

    public string BaseUrl { get; private set; } = "";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<PublicProcess> StartAsync(PostgresDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        string connection;
        string? made = null;
        if (Environment.GetEnvironmentVariable("ADILSOZ_TEST_PG_PUBLIC") is { Length: > 0 } role)
        {
            connection = new NpgsqlConnectionStringBuilder(role) { Database = database.Name }.ConnectionString;
        }
        else
        {
            made = "test_public_" + Guid.NewGuid().ToString("N")[..12];
            var password = Guid.NewGuid().ToString("N");
            await ExecuteAsync(database.ConnectionString, $"CREATE ROLE {made} LOGIN PASSWORD '{password}'");
            connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = made, Password = password }.ConnectionString;
        }

        var grant = await HostProcess.RunAsync("Admin", new Dictionary<string, string?> { ["ConnectionStrings__Intake"] = database.ConnectionString }, null,
            TimeSpan.FromMinutes(2), "migrate", "--public-role", new NpgsqlConnectionStringBuilder(connection).Username!);
        Assert.True(grant.ExitCode == 0, grant.StdErr);
        var process = new PublicProcess(connection, made) { OwnerConnectionString = database.ConnectionString };
        await process.StartAsync(settings);
        return process;
    }

    /// <summary>Starts (or starts again, after <see cref="Kill"/>) the process and waits until <c>/healthz</c> answers.</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Intake"] = ConnectionString };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        _process = Process.Start(HostProcess.StartInfo("Admin", environment, "public", "--urls", BaseUrl))!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            Assert.False(_process.HasExited, "The public process stopped: " + Output);
            try
            {
                return (await http.GetAsync(BaseUrl + "/healthz")).StatusCode;
            }
            catch (HttpRequestException)
            {
                return HttpStatusCode.ServiceUnavailable;
            }
        }, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(90));
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>A client for the process's pages with cookies, that does not follow redirects.</summary>
    public HttpClient CreateClient(string language = "en", CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl),
        };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        if (MadeRole is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(OwnerConnectionString, $"DROP OWNED BY {MadeRole}");
            await ExecuteAsync(OwnerConnectionString, $"DROP ROLE {MadeRole}");
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
