using System.Security.Cryptography;
using System.Text;

namespace AdilSoz.Intake.Core.Security;

/// <summary>Makes API keys and their stored hashes.</summary>
public static class ApiKeys
{
    public const string Prefix = "asi_";

    public static string NewKey() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
