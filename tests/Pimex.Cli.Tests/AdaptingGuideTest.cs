using System.Text.Json;
using System.Text.RegularExpressions;
using Pimex.Cli.Tests.Support;
using Pimex.Localisation;

namespace Pimex.Cli.Tests;

/// <summary>
/// Docs as tests: every command of docs/adapting.md runs, in order and as written, through the
/// tool; the guide's ledgers run with no refusal, and each hint the tool prints can be followed
/// as written.
/// </summary>
public sealed partial class AdaptingGuideTest : IDisposable
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(DocsCommands.Root, "docs", "adapting.md"));

    private readonly GuideFiles files = new();

    public void Dispose() => Directory.Delete(files.WorkFolder, recursive: true);

    [Fact]
    public void Guide_HasTheCommandsOfEveryStep()
    {
        var commands = DocsCommands.Read(Guide).Select(c => string.Join(' ', c.Args.Take(2))).ToList();

        Assert.Contains("rules validate", commands);
        Assert.Contains("rules diff", commands);
        Assert.Contains("ledger new", commands);
        Assert.Contains("run my-2026-ledger.jsonl", commands);
        Assert.Contains("run docs/rulebooks/maribor-2026.jsonl", commands);
        Assert.True(commands.Count >= 15, $"{commands.Count} commands");
    }

    [Fact]
    public void Guide_EveryCommandRunsAsWrittenInOrder()
    {
        foreach (var command in DocsCommands.Read(Guide))
        {
            var run = Run(command.Args);

            Assert.True(run.ExitCode == 0, $"'{command.Line}' exited {run.ExitCode}: {run.Error}");
            if (command.RedirectTo is { } file)
            {
                files.Write(file, run.Out);
            }

            if (command.Args[0] == "run")
            {
                // The summary line is in the rulebook's language; it ends with the count refused.
                var expected = command.Args.Contains("--embedded") ? "7" : "0";
                var summary = run.Out.Split('\n')[0];
                Assert.True(Regex.Match(summary, @"(\d+)( refused)?\.$").Groups[1].Value == expected, $"'{command.Line}': {summary}");
            }

            // A hint on standard error names a command line: it must work as written too.
            foreach (Match hint in Hint().Matches(run.Error))
            {
                var followed = Run([.. hint.Groups[1].Value.Split(' ').Skip(1)]);
                Assert.True(followed.ExitCode == 0, $"The hint '{hint.Groups[1].Value}' of '{command.Line}' exited {followed.ExitCode}: {followed.Error}");
            }
        }
    }

    [Fact]
    public void Guide_TheMariborLedgerIsTheStarterLedgerOfItsRulebookForThreeCompanies()
    {
        var shipped = File.ReadAllText(Path.Combine(DocsCommands.Root, "docs", "rulebooks", "maribor-2026.jsonl"));

        var written = Run(["ledger", "new", "--rulebook", "docs/rulebooks/maribor.json", "--year", "2026", "--companies", "3"]);

        Assert.Equal(written.Out, shipped.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    // Section 10: a region outside the euro, writing in a language the library does not ship,
    // goes from its rulebook to its year's report with data only, restating no EU amount.
    [Fact]
    public void Guide_ARegionOutsideTheEuroInItsOwnLanguage_RestatesNoEuAmount_AndReportsInItsLanguageAndCurrency()
    {
        Assert.Contains("pimex rules validate docs/rulebooks/moravia.json", Guide, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportLanguage.All, l => l.Code == "cs");

        var validate = Run(["rules", "validate", "docs/rulebooks/moravia.json"]);
        Assert.Equal(0, validate.ExitCode);
        Assert.DoesNotContain("PIMEX-RB-010", validate.Out + validate.Error, StringComparison.Ordinal);
        using (var rulebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(DocsCommands.Root, "docs", "rulebooks", "moravia.json"))))
        {
            var overrides = rulebook.RootElement.GetProperty("overrides");
            Assert.Equal("CZK", rulebook.RootElement.GetProperty("currency").GetString());
            Assert.False(overrides.TryGetProperty("sme", out _), "The SME ceilings stay in euros: the rulebook restates none.");
            Assert.False(overrides.TryGetProperty("aid", out _), "The de minimis ceiling stays in euros: the rulebook restates none.");
        }

        var diff = Run(["rules", "diff", "extremadura", "docs/rulebooks/moravia.json", "--on", "2026-06-01"]);
        Assert.Equal(0, diff.ExitCode);
        Assert.DoesNotMatch(@"(?m)^(sme|aid)\.", diff.Out);
        Assert.Matches(@"(?m)^exchangeRates .*CZK", diff.Out);

        files.Write("moravia-2026.jsonl", Run(["ledger", "new", "--rulebook", "docs/rulebooks/moravia.json", "--year", "2026"]).Out);
        var run = Run(["run", "moravia-2026.jsonl", "--rulebook", "docs/rulebooks/moravia.json"]);
        var report = Run(["report", "--ledger", "moravia-2026.jsonl", "--rulebook", "docs/rulebooks/moravia.json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("odmítnuto: 0.", run.Out.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("Zpráva o ročníku", report.Out, StringComparison.Ordinal);
        Assert.Contains("1\u00a0860\u00a0000,00 Kč", report.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("EUR", report.Out, StringComparison.Ordinal);
        // What it reports to the funds is in euros too, at the monthly rate of the month each spend was
        // recorded in: CZK 24,000.00 of promotion support in September at 24.41 = EUR 983.20 (983.2036...),
        // of which the ERDF's 85 % = 835.72 and the state budget's 15 % = 147.48.
        Assert.Equal(string.Empty, report.Error);
        Assert.Contains("Výdaje v eurech pro fondy", report.Out, StringComparison.Ordinal);
        Assert.Matches(@"propagační aktivity  2026-09  24\u00a0000,00 Kč  24,41 +983,20 €", report.Out);
        Assert.Matches(@"všechny položky +EFRR +20\u00a0400,00 Kč +835,72 €", report.Out);
        foreach (var text in ReportLanguage.English.Terms.Values.Where(t => t.Length > 12 && !t.Contains('{', StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(text, report.Out, StringComparison.Ordinal);
        }
    }

    private CliResult Run(string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = PimexApp.Run(args, stdout, stderr, files);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    [GeneratedRegex("'(pimex [^']+)' lists them")]
    private static partial Regex Hint();
}
