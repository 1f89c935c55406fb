using AdilSoz.Intake.Core.Intake;
using MimeKit.Cryptography;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Whether a mail's From can be believed, from the <c>Authentication-Results</c> header (RFC 8601) our own
/// mail server adds (<see cref="MailboxOptions.TrustedAuthServId"/>). Anyone can write such a header into a
/// mail, so only one with our authserv-id counts, and of those only the topmost: our server prepends its
/// own above everything the sender wrote. The From is believed when DMARC passed for its domain, or a DKIM
/// signature of that very domain verified.
/// </summary>
public static class SenderVerification
{
    /// <summary>Headers looked at, from the top; a mail with more is not better verified.</summary>
    public const int MaxHeaders = 50;

    public sealed record Verdict(bool Verified, string? Reason);

    public static Verdict Check(IReadOnlyList<byte[]> authenticationResults, string? fromAddress, string? trustedAuthServId)
    {
        if (string.IsNullOrWhiteSpace(trustedAuthServId))
        {
            return new(false, Submission.SenderVerificationOff);
        }

        var at = fromAddress?.LastIndexOf('@') ?? -1;
        if (fromAddress is null || at < 0 || at == fromAddress.Length - 1)
        {
            return new(false, "The mail has no sender address to verify.");
        }

        var domain = fromAddress[(at + 1)..].Trim().TrimEnd('.');
        foreach (var raw in authenticationResults.Take(MaxHeaders))
        {
            if (!AuthenticationResults.TryParse(raw, out var results)
                || !string.Equals(results.AuthenticationServiceIdentifier?.Trim(), trustedAuthServId.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (results.Results.Any(r => Is(r, "dmarc") && Passed(r) && (Property(r, "header", "from") is not { } d || SameDomain(d, domain))))
            {
                return new(true, null);
            }

            if (results.Results.Any(r => Is(r, "dkim") && Passed(r)
                && (Property(r, "header", "d") is { } d ? SameDomain(d, domain) : Property(r, "header", "i") is { } i && SameDomain(i[(i.LastIndexOf('@') + 1)..], domain))))
            {
                return new(true, null);
            }

            var dmarc = results.Results.FirstOrDefault(r => Is(r, "dmarc"))?.Result?.ToLowerInvariant() ?? "none";
            return new(false, $"Our mail server found no aligned DMARC pass (dmarc={Clip(dmarc)}) and no DKIM signature of the sender's domain.");
        }

        return new(false, "No authentication result from our mail server.");
    }

    private static bool Is(AuthenticationMethodResult result, string method) =>
        string.Equals(result.Method, method, StringComparison.OrdinalIgnoreCase);

    private static bool Passed(AuthenticationMethodResult result) =>
        string.Equals(result.Result, "pass", StringComparison.OrdinalIgnoreCase);

    private static string? Property(AuthenticationMethodResult result, string type, string name) =>
        result.Properties.FirstOrDefault(p => string.Equals(p.PropertyType, type, StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.Property, name, StringComparison.OrdinalIgnoreCase))?.Value;

    private static bool SameDomain(string a, string b) =>
        string.Equals(a.Trim().TrimEnd('.'), b, StringComparison.OrdinalIgnoreCase);

    private static string Clip(string value) => value.Length <= 20 ? value : value[..20];
}
