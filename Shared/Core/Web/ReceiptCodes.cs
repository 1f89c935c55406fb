using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AdilSoz.Intake.Core.Web;

/// <summary>
/// Receipts of web reports: 16 decimal digits from the operating system's CSPRNG (10^16 ≈ 2^53), shown once
/// as four groups of four, stored only as PBKDF2-SHA256 with a per-receipt salt.
/// </summary>
public static class ReceiptCodes
{
    private const int Iterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    /// <summary>A hash of a receipt no one has, checked against when a reference is unknown so that the answer takes as long.</summary>
    private static readonly string Decoy = Hash("0000000000000000");

    /// <summary>A new receipt, formatted <c>1234 5678 9012 3456</c>.</summary>
    public static string New()
    {
        var digits = new StringBuilder(19);
        for (var i = 0; i < 16; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                digits.Append(' ');
            }

            digits.Append((char)('0' + RandomNumberGenerator.GetInt32(10)));
        }

        return digits.ToString();
    }

    /// <summary>The 16 digits of what a person typed (spaces, dashes ignored), or null when it is not 16 digits.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 64)
        {
            return null;
        }

        var digits = new string([.. typed.Where(char.IsAsciiDigit)]);
        return digits.Length == 16 && typed.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '\u00a0') ? digits : null;
    }

    public static string Hash(string receipt)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(Normalize(receipt) ?? throw new ArgumentException("Not a receipt.", nameof(receipt)), salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="typed"/> is the receipt of <paramref name="stored"/> (null: an unknown reference, checked against a decoy).</summary>
    public static bool Verify(string? typed, string? stored)
    {
        var parts = (stored ?? Decoy).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var digits = Normalize(typed);
        var actual = Derive(digits ?? "", Convert.FromBase64String(parts[2]), iterations);
        return CryptographicOperations.FixedTimeEquals(actual, Convert.FromBase64String(parts[3])) && digits is not null && stored is not null;
    }

    private static byte[] Derive(string digits, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(digits), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
