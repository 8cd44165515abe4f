using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>
/// <c>pimex report --html</c> rendered by headless Chromium (Debian's <c>chromium</c>, which
/// <c>.ci/run</c> installs): the page loads without a console message, its charts carry the
/// report's figures, and a screenshot is kept under the test output (<c>html-report/</c>).
/// </summary>
public partial class HtmlReportTest
{
    [Theory]
    [InlineData("es", "88.280,00 €")]
    [InlineData("sl", "88.280,00 €")]
    [InlineData("en", "€88,280.00")]
    public void Html_WhenRenderedInChromium_ShowsTheReportsFiguresWithoutErrors(string lang, string budget)
    {
        var files = new InMemoryFiles();
        var run = Tool.Run(files, "report", "--html", "report.html", "--lang", lang);
        Assert.Equal(0, run.ExitCode);
        var html = files.Written["report.html"];
        using var json = JsonDocument.Parse(Tool.Run("report", "--format", "json").Out);
        var report = json.RootElement;
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "html-report")).FullName;
        var page = Path.Combine(folder, $"report.{lang}.html");
        File.WriteAllText(page, html);
        var (dom, log) = Chromium.Run(folder, "--dump-dom", new Uri(page).AbsoluteUri);
        var screenshot = Path.Combine(folder, $"report.{lang}.png");
        File.Delete(screenshot);
        Chromium.Run(folder, "--window-size=1280,5200", "--screenshot=" + screenshot, new Uri(page).AbsoluteUri);

        Assert.DoesNotContain(log.Split('\n'), l => l.Contains(":CONSOLE", StringComparison.Ordinal));
        Assert.Contains(budget, dom, StringComparison.Ordinal);
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

/// <summary>
/// Runs Debian's headless Chromium from the command line. Where it is missing and the tests run as
/// root (CI, a fresh machine), it installs Debian's <c>chromium</c> package first, so the README's
/// one test command needs no manual step; elsewhere it fails clearly.
/// </summary>
internal static class Chromium
{
    /// <summary>Runs Chromium once on a page, with a fresh profile; returns its standard output and its log.</summary>
    public static (string Out, string Log) Run(string folder, params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("pimex-chromium-");
        try
        {
            var start = new ProcessStartInfo(DebianChromium.Ensure())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder,
            };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile.FullName, "--enable-logging=stderr", "--v=0" }.Concat(args))
            {
                start.ArgumentList.Add(a);
            }

            using var chromium = Process.Start(start)!;
            var output = chromium.StandardOutput.ReadToEndAsync();
            var log = chromium.StandardError.ReadToEndAsync();
            if (!chromium.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                chromium.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish within two minutes.");
            }

            Assert.True(chromium.ExitCode == 0, $"Chromium exited with {chromium.ExitCode}: {log.Result}");
            return (output.Result, log.Result);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
