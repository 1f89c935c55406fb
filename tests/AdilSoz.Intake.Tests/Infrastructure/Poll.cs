using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>
/// A bounded poll for an observable condition: no fixed sleeps in tests. A wait that runs out throws a
/// <see cref="TimeoutException"/> that says what was awaited and what was last seen, so a failing test
/// reads "the ingest job did not finish in 30 s; last seen: …" instead of a null dereference later.
/// </summary>
public static class Poll
{
    private static readonly JsonSerializerOptions Json = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        MaxDepth = 8,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads until <paramref name="done"/> holds and returns that value; throws on timeout.</summary>
    /// <param name="what">What the wait is for, in words (default: the condition's source text).</param>
    /// <param name="explain">More to say on timeout, e.g. the state of the job that should have run.</param>
    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> read,
        Func<T, bool> done,
        TimeSpan timeout,
        TimeSpan? interval = null,
        string? what = null,
        Func<Task<string>>? explain = null,
        [CallerArgumentExpression(nameof(done))] string condition = "")
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                var more = explain is null ? "" : "; " + await explain();
                throw new TimeoutException($"{what ?? "the wait for " + condition} did not happen in {timeout.TotalSeconds:0.#} s; last seen: {Describe(value)}{more}");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>A value as a test failure shows it: plain values as they print, rows and lists as JSON.</summary>
    public static string Describe(object? value)
    {
        var text = value switch
        {
            null => "null",
            string s => $"\"{s}\"",
            IFormattable or bool or Enum => value.ToString()!,
            ITuple or IStructuralEquatable => value.ToString()!,
            _ when value.GetType().GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType != typeof(object) && value is not IEnumerable => value.ToString()!,
            _ => Serialize(value),
        };
        return text.Length <= 2000 ? text : text[..2000] + "…";
    }

    private static string Serialize(object value)
    {
        try
        {
            return JsonSerializer.Serialize(value, value.GetType(), Json);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            return $"{value} (not printable: {e.GetType().Name})";
        }
    }
}
