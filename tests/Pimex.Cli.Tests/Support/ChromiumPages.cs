using Microsoft.Playwright;

namespace Pimex.Cli.Tests.Support;

/// <summary>
/// One headless Chromium (Debian's, at <c>/usr/bin/chromium</c>, driven by Microsoft.Playwright,
/// which downloads no browser here) for every test of the tool's HTML pages: launched once for
/// all languages and viewports; each page opens in a context of its own. The pages and their
/// screenshots are written under <c>artifacts/html-report/</c> (ignored by git) for a person to
/// look at.
/// </summary>
public sealed class ChromiumPages : IAsyncLifetime
{
    private IPlaywright? playwright;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the pages and screenshots go: <c>artifacts/html-report/</c> in the repository, else beside the tests.</summary>
    public static string Folder { get; } = FindFolder();

    public async Task InitializeAsync()
    {
        (playwright, Browser) = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>Writes a page under <see cref="Folder"/> and opens it at a viewport; the list gathers what the page logs to its console.</summary>
    public async Task<(IPage Page, List<string> Console)> OpenAsync(string name, string html, int width, int height)
    {
        var file = Path.Combine(Folder, name);
        await File.WriteAllTextAsync(file, html);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Add("error: " + error);
        var response = await page.GotoAsync(new Uri(file).AbsoluteUri);
        Assert.True(response is null || response.Ok, $"Chromium could not open {file}.");
        return (page, console);
    }

    private static string FindFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pimex.Core.sln")))
        {
            dir = dir.Parent;
        }

        var folder = dir is null ? Path.Combine(AppContext.BaseDirectory, "html-report") : Path.Combine(dir.FullName, "artifacts", "html-report");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>The tests that share <see cref="ChromiumPages"/>: one browser for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumGroup : ICollectionFixture<ChromiumPages>
{
    public const string Name = "Chromium";
}
