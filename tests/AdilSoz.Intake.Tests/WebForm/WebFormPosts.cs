using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AdilSoz.Intake.Tests.Infrastructure;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>The web form and the status page as a browser without JavaScript posts them, and sample files.</summary>
public static partial class WebFormPosts
{
    /// <summary>A JPEG photo's first bytes (SOI, APP1 Exif) and some body.</summary>
    public static byte[] Photo(int size = 4096)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        byte[] head = [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0];
        head.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Pdf(string text = "statement") =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A Windows program (MZ header, PE signature) whatever its name says.</summary>
    public static byte[] Program()
    {
        var bytes = new byte[1024];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        bytes[0x3C] = 0x80;
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        return bytes;
    }

    /// <summary>Posts the report form (after reading it for its antiforgery token); returns the response and its page.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> SubmitAsync(HttpClient client, string text, IDictionary<string, string>? fields = null,
        params (string Name, byte[] Bytes)[] files)
    {
        var form = await client.GetStringAsync("/report");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(AdminApp.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(text), "Text" },
        };
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Files", name);
        }

        var response = await client.PostAsync("/report", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A report stored: its reference and receipt as the page shows them.</summary>
    public static async Task<(string Reference, string Receipt)> ReportAsync(HttpClient client, string text, params (string Name, byte[] Bytes)[] files)
    {
        var (status, html) = await SubmitAsync(client, text, null, files);
        Assert.Equal(HttpStatusCode.OK, status);
        return (Shown(html, "reference"), Shown(html, "receipt"));
    }

    /// <summary>Opens /status with a reference and a receipt; returns the page.</summary>
    public static async Task<string> OpenStatusAsync(HttpClient client, string reference, string receipt)
    {
        var form = await client.GetStringAsync("/status");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(form),
            ["Reference"] = reference,
            ["Receipt"] = receipt,
        });
        var response = await client.PostAsync("/status", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The text of the element with this id, or fails.</summary>
    public static string Shown(string html, string id) =>
        Regex.Match(html, $"id=\"{id}\"[^>]*>([^<]*)<") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim()
            : throw new Xunit.Sdk.XunitException($"No #{id} in the page:\n{html}");

    public static bool Has(string html, string id) => html.Contains($"id=\"{id}\"", StringComparison.Ordinal);

    [GeneratedRegex(@"^\d{4} \d{4} \d{4} \d{4}$")]
    public static partial Regex ReceiptFormat();

    [GeneratedRegex(@"^AS-\d{4}-\d{5,}$")]
    public static partial Regex ReferenceFormat();
}
