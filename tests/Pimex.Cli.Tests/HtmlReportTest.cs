using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>
/// <c>pimex report --html</c> rendered by headless Chromium (Debian's <c>chromium</c>, which
/// <c>.ci/run</c> installs, shared by <see cref="ChromiumPages"/>): the page loads without a
/// console message, its charts carry the report's figures, and a screenshot is kept under
/// <c>artifacts/html-report/</c>. <see cref="HtmlFirstScreenTest"/> checks its layout.
/// </summary>
[Collection(ChromiumGroup.Name)]
public partial class HtmlReportTest(ChromiumPages chromium)
{
    [Theory]
    [InlineData("es", "88.280,00\u00a0€")]
    [InlineData("sl", "88.280,00\u00a0€")]
    [InlineData("en", "€88,280.00")]
    public async Task Html_WhenRenderedInChromium_ShowsTheReportsFiguresWithoutErrors(string lang, string budget)
    {
        var files = new InMemoryFiles();
        var run = Tool.Run(files, "report", "--html", "report.html", "--lang", lang);
        Assert.Equal(0, run.ExitCode);
        var html = files.Written["report.html"];
        using var json = JsonDocument.Parse(Tool.Run("report", "--format", "json").Out);
        var report = json.RootElement;
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var (page, console) = await chromium.OpenAsync($"report.{lang}.html", html, 1280, 900);
        var screenshot = Path.Combine(ChromiumPages.Folder, $"report.{lang}.png");
        File.Delete(screenshot);
        string dom;
        try
        {
            dom = await page.EvaluateAsync<string>("() => document.documentElement.outerHTML");
            Assert.Equal(budget, await page.Locator("dl.key-figures dd").First.EvaluateAsync<string>("e => e.firstChild.textContent"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        Assert.Empty(console);
        Assert.Equal(["budget", "funnel", "satisfaction", "support"], ChartIds().Matches(dom).Select(m => m.Groups[1].Value));
        Assert.Equal(4, Regex.Count(dom, "<svg", RegexOptions.None, TimeSpan.FromSeconds(5)));

        var lines = report.GetProperty("budget").GetProperty("lines").EnumerateArray()
            .SelectMany(l => new[] { "allocated", "reserved", "spent", "available" }.Select(f => l.GetProperty(f).GetDecimal()));
        Assert.Equal(lines, Values(dom, "budget"));
        var p = report.GetProperty("participants");
        var d = report.GetProperty("deliverables");
        var companies = report.GetProperty("companies").EnumerateArray().ToList();
        Assert.Equal(
            new decimal[] { p.GetProperty("completed").GetInt32(), d.GetProperty("roadmapAccepted").GetInt32(), d.GetProperty("swotAccepted").GetInt32(), companies.Count(c => c.GetProperty("trained").GetBoolean()), p.GetProperty("admitted").GetInt32() },
            Values(dom, "funnel"));
        Assert.Equal(report.GetProperty("satisfaction").GetProperty("distribution").EnumerateArray().Select(s => (decimal)s.GetProperty("count").GetInt32()), Values(dom, "satisfaction"));
        Assert.Equal(companies.Select(c => c.GetProperty("granted").GetDecimal()), Values(dom, "support"));
        Assert.Contains($"data-cap=\"{report.GetProperty("support").GetProperty("capPerCompany").GetDecimal().ToString(CultureInfo.InvariantCulture)}\"", dom, StringComparison.Ordinal);

        var png = File.ReadAllBytes(screenshot);
        Assert.True(png.Length > 10_000, $"The screenshot {screenshot} has {png.Length} bytes.");
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
