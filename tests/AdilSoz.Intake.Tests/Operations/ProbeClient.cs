using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AdilSoz.Intake.Tests.Operations;

/// <summary>Reads /healthz, /readyz and Prometheus values of a process, as an orchestrator or a scraper would.</summary>
public static partial class ProbeClient
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, string url)
    {
        try
        {
            using var response = await http.GetAsync(url);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            return (0, "");
        }
    }

    /// <summary>The value of a sample of <paramref name="metric"/> whose labels include <paramref name="label"/> (e.g. <c>channel="telegram"</c>); 0 when absent.</summary>
    public static double Value(string exposition, string metric, string? label = null)
    {
        foreach (var line in exposition.Split('\n'))
        {
            var m = SampleRegex().Match(line);
            if (m.Success && m.Groups["name"].Value == metric && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            {
                return double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    [GeneratedRegex("^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?<labels>[^}]*)\\})? (?<value>[-+0-9.eE]+|NaN)")]
    private static partial Regex SampleRegex();
}
