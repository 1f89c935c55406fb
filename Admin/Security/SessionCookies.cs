using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Admin.Security;

/// <summary>Every cookie scheme of the site (sign-in, two-factor steps) protects its ticket with <see cref="SessionKeyRing"/>.</summary>
public static class SessionCookies
{
    public static IHostApplicationBuilder AddSessionKeyRing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SessionKeyRing>();
        builder.Services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, UseSessionKeyRing>();
        return builder;
    }

    private sealed class UseSessionKeyRing(SessionKeyRing ring) : IConfigureNamedOptions<CookieAuthenticationOptions>
    {
        public void Configure(string? name, CookieAuthenticationOptions options) => options.DataProtectionProvider = ring.Provider;

        public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
    }
}
