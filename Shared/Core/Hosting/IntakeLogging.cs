using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdilSoz.Intake.Core.Hosting;

/// <summary>Log levels shared by every process: operators' events, no SQL, no personal data.</summary>
public static class IntakeLogging
{
    public static IHostApplicationBuilder AddIntakeLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Failed commands surface as exceptions to the code that ran them; the command log would
        // repeat them with SQL text (and, on the first migration, report the missing history table).
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.None);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        // Without a key-encryption certificate the framework warns about every unencrypted key it
        // writes; the start-up migration says it once, clearly (KeyRingProtection.UnencryptedWarning).
        // With a certificate, the framework's key-management warnings are shown as they come.
        if (!Security.KeyRingProtection.IsConfigured(builder.Configuration))
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        }
        return builder;
    }
}
