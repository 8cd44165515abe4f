using System.Text.RegularExpressions;
using Pimex.Cli.Tests.Support;

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
