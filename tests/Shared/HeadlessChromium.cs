using Microsoft.Playwright;

namespace Pimex.Tests.Support;

/// <summary>
/// Debian's Chromium launched headless through Microsoft.Playwright, as every browser test here
/// needs it: never a browser download (the executable is <see cref="DebianChromium"/>'s), no
/// sandbox and no GPU (containers and CI machines have neither), no background traffic. Linked
/// into each test project that renders pages.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>Starts Playwright and launches the browser; the caller closes the browser and disposes Playwright.</summary>
    /// <returns>Playwright and the browser.</returns>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var chromium = DebianChromium.Ensure();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        return (playwright, browser);
    }
}
