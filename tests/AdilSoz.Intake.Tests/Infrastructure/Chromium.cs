using Microsoft.Playwright;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>Debian's Chromium (package chromium), headless, as every browser test starts it; no browser is downloaded.</summary>
public static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
}
