using System.Security.Cryptography;
using AdilSoz.Intake.Core.Security;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>Decrypts a reporter's name or identity for display; a value that cannot be decrypted shows as null instead of failing the page.</summary>
public static class SafeUnprotect
{
    public static string? Value(IdentityProtector protector, string? protectedValue)
    {
        try
        {
            return protector.Unprotect(protectedValue);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
