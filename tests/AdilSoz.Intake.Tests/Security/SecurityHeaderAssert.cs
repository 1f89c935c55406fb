namespace AdilSoz.Intake.Tests.Security;

/// <summary>The headers every Admin response carries.</summary>
public static class SecurityHeaderAssert
{
    public static void Present(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} → {(int)response.StatusCode}";
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"nosniff missing on {what}");
        Assert.True(Header(response, "X-Frame-Options") == "DENY", $"X-Frame-Options missing on {what}");
        Assert.True(Header(response, "Referrer-Policy") == "no-referrer", $"Referrer-Policy missing on {what}");
        Assert.True(Header(response, "Permissions-Policy")?.Contains("camera=()", StringComparison.Ordinal) == true, $"Permissions-Policy missing on {what}");
        var csp = Header(response, "Content-Security-Policy");
        Assert.True(csp is not null, $"Content-Security-Policy missing on {what}");
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) || csp.Contains("sandbox", StringComparison.Ordinal),
            $"framing allowed on {what}: {csp}");
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
        : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : null;
}
