using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdilSoz.Intake.Admin.Api;

/// <summary>
/// Conventions of the JSON API (CONTRACT.md): camelCase, enums in snake_case (<c>needs_attention</c>,
/// <c>auto_reply</c>), ISO-8601 UTC times, errors as RFC 7807 problem+json, lists as
/// <c>{ items, next }</c> with an opaque keyset cursor.
/// </summary>
public static class ApiConventions
{
    public static void ConfigureJson(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    }

    public static IHostApplicationBuilder AddApiConventions(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>A page of a list endpoint.</summary>
    public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

    /// <summary>Encodes a keyset position (e.g. the last row's sort values) as an opaque cursor.</summary>
    public static string EncodeCursor(params object[] values) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(values))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a cursor; null when absent; throws <see cref="FormatException"/> when malformed.</summary>
    public static JsonElement[]? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            return JsonSerializer.Deserialize<JsonElement[]>(Encoding.UTF8.GetString(Convert.FromBase64String(b64)))
                ?? throw new FormatException("Empty cursor.");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new FormatException("Malformed cursor.", e);
        }
    }

    /// <summary>A 400 problem with a title and details, e.g. the accepted codes of a reference list.</summary>
    public static IResult BadRequest(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest, extensions: extensions);

    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static int ClampLimit(int? limit) => Math.Clamp(limit ?? 50, 1, 500);
}
