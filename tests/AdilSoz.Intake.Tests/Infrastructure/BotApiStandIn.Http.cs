using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>The HTTP side: routing, body parsing, faults and Bot API responses.</summary>
public sealed partial class BotApiStandIn
{
    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        var filePrefix = $"/file/bot{Token}/";
        if (HttpMethods.IsGet(ctx.Request.Method) && path.StartsWith(filePrefix, StringComparison.Ordinal))
        {
            await ServeFileAsync(ctx, Uri.UnescapeDataString(path[filePrefix.Length..]));
            return;
        }

        var apiPrefix = $"/bot{Token}/";
        if (!path.StartsWith(apiPrefix, StringComparison.Ordinal))
        {
            var unauthorized = path.StartsWith("/bot", StringComparison.Ordinal) || path.StartsWith("/file/bot", StringComparison.Ordinal);
            await WriteAsync(ctx, unauthorized ? 401 : 404, Error(unauthorized ? 401 : 404, unauthorized ? "Unauthorized" : "Not Found"));
            return;
        }

        var method = path[apiPrefix.Length..].Trim('/');
        var body = await ReadBodyAsync(ctx.Request);
        var (status, response) = InjectedFault(method, body) ?? await DispatchAsync(method, body, ctx.RequestAborted);
        lock (_gate)
        {
            _calls.Add(new BotApiCall(method, body, status, DateTimeOffset.UtcNow));
        }

        Pulse();
        await WriteAsync(ctx, status, response);
    }

    private (int, JsonObject)? InjectedFault(string method, JsonObject body)
    {
        lock (_gate)
        {
            var chat = ChatIdOf(body);
            if (chat is { } c && _blockedChats.Contains(c))
            {
                return (403, Error(403, "Forbidden: bot was blocked by the user"));
            }

            var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && (f.Method is null
                ? !method.Equals("getUpdates", StringComparison.OrdinalIgnoreCase)
                : f.Method.Equals(method, StringComparison.OrdinalIgnoreCase)));
            if (fault is null)
            {
                return null;
            }

            fault.Remaining--;
            var error = Error(fault.StatusCode, fault.Description);
            if (fault.RetryAfter is { } retry)
            {
                error["parameters"] = new JsonObject { ["retry_after"] = retry };
            }

            return (fault.StatusCode, error);
        }
    }

    private async Task ServeFileAsync(HttpContext ctx, string filePath)
    {
        BotApiFile? file;
        lock (_gate)
        {
            _filesByPath.TryGetValue(filePath, out file);
            _calls.Add(new BotApiCall("file", new JsonObject { ["file_path"] = filePath }, file is null ? 404 : 200, DateTimeOffset.UtcNow));
        }

        Pulse();
        if (file is null)
        {
            await WriteAsync(ctx, 404, Error(404, "Not Found"));
            return;
        }

        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/octet-stream";
        ctx.Response.ContentLength = file.Content.Length;
        await ctx.Response.Body.WriteAsync(file.Content, ctx.RequestAborted);
    }

    /// <summary>JSON, urlencoded and multipart bodies (and the query string) as one JSON object.</summary>
    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        var body = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            body[key] = Scalar(value.ToString());
        }

        if (request.HasJsonContentType())
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            if (text.Length > 0 && JsonNode.Parse(text) is JsonObject json)
            {
                foreach (var (key, value) in json.ToList())
                {
                    json.Remove(key);
                    body[key] = value;
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                body[key] = Scalar(value.ToString());
            }

            foreach (var file in form.Files)
            {
                body[file.Name] = new JsonObject { ["attached_file"] = file.FileName, ["size"] = file.Length };
            }
        }

        return body;
    }

    /// <summary>Form fields are strings; numbers and embedded JSON (reply_markup) are read back as such.</summary>
    private static JsonNode? Scalar(string value)
    {
        if (long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        if (value.StartsWith('{') || value.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                return value;
            }
        }

        return value;
    }

    private static long? ChatIdOf(JsonObject body) => body["chat_id"] switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static JsonObject Ok(JsonNode? result) => new() { ["ok"] = true, ["result"] = result };

    private static JsonObject Error(int code, string description) =>
        new() { ["ok"] = false, ["error_code"] = code, ["description"] = description };

    private static async Task WriteAsync(HttpContext ctx, int status, JsonObject response)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(response.ToJsonString());
    }
}
