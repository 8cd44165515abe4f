using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>
/// <c>pimex report programme --html</c> rendered by headless Chromium, as the edition's page is
/// (<see cref="HtmlReportTest"/>): no console message, the chart carries the programme report's
/// figures, and a screenshot is kept under <c>artifacts/html-report/</c>.
/// </summary>
[Collection(ChromiumGroup.Name)]
public partial class ProgrammeHtmlTest(ChromiumPages chromium)
{
    [Theory]
    [InlineData("es", "Informe del programa: extremadura")]
    [InlineData("sl", "extremadura")]
    [InlineData("en", "extremadura")]
    public async Task ProgrammeHtml_WhenRenderedInChromium_ShowsTheProgrammesFiguresWithoutErrors(string lang, string title)
    {
        var files = new InMemoryFiles();
        var run = Tool.Run(files, "report", "programme", "--before", "120", "--html", "programme.html", "--lang", lang);
        Assert.Equal(0, run.ExitCode);
        var html = files.Written["programme.html"];
        using var json = JsonDocument.Parse(Tool.Run("report", "programme", "--before", "120", "--format", "json").Out);
        var report = json.RootElement;
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var (page, console) = await chromium.OpenAsync($"programme.{lang}.html", html, 1280, 900);
        var screenshot = Path.Combine(ChromiumPages.Folder, $"programme.{lang}.png");
        File.Delete(screenshot);
        string dom;
        try
        {
            dom = await page.EvaluateAsync<string>("() => document.documentElement.outerHTML");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        Assert.Empty(console);
        Assert.Contains(title, dom, StringComparison.Ordinal);
        Assert.Contains(report.GetProperty("totalParticipants").GetInt32().ToString(CultureInfo.InvariantCulture), dom, StringComparison.Ordinal);
        Assert.Equal(["programme"], ChartIds().Matches(dom).Select(m => m.Groups[1].Value));
        Assert.Equal(1, Regex.Count(dom, "<svg", RegexOptions.None, TimeSpan.FromSeconds(5)));
        var years = report.GetProperty("years").EnumerateArray()
            .SelectMany(y => new decimal[] { y.GetProperty("participants").GetInt32(), y.GetProperty("completed").GetInt32() });
        Assert.Equal(years, Values(dom, "programme"));

        var png = File.ReadAllBytes(screenshot);
        Assert.True(png.Length > 5_000, $"The screenshot {screenshot} has {png.Length} bytes.");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    /// <summary>The values of one chart's data table, in order.</summary>
    private static List<decimal> Values(string dom, string chart)
    {
        int start = dom.IndexOf($"data-chart=\"{chart}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"There is no chart '{chart}'.");
        int end = dom.IndexOf("</figure>", start, StringComparison.Ordinal);
        return ChartValues().Matches(dom[start..end]).Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
    }

    [GeneratedRegex("<figure class=\"chart\" id=\"chart-[a-z]+\" data-chart=\"([a-z]+)\"")]
    private static partial Regex ChartIds();

    [GeneratedRegex("data-value=\"([0-9.\\-]+)\"")]
    private static partial Regex ChartValues();
}
