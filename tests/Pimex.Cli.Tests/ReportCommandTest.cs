using System.Text.Json;
using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

public class ReportCommandTest
{
    private static readonly InMemoryFiles Files = new InMemoryFiles()
        .With("2016.jsonl", Tool.Ledger2016)
        .With("podravje.json", Fixtures.Partner)
        .With("unknown.jsonl", Fixtures.Ledger(Fixtures.Open(), "{\"command\":\"promote\"}"));

    [Fact]
    public void Report_WithoutArguments_PrintsThe2016ReportWithItsBudgetAndThreeLines()
    {
        var run = Tool.Run("report");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("88,280", run.Out, StringComparison.Ordinal);
        Assert.Contains("75,000", run.Out, StringComparison.Ordinal);
        Assert.Contains("5,000", run.Out, StringComparison.Ordinal);
        Assert.Contains("8,280", run.Out, StringComparison.Ordinal);
        Assert.Contains(run.OutLines, l => l.Contains("actions", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(run.OutLines, l => l.Contains("training", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(run.OutLines, l => l.Contains("consultancy", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("5 of", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_AsJson_Parses()
    {
        var run = Tool.Run("report", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        Assert.Contains("88280", run.Out.Replace(",", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OfTheEmbeddedLedgerFile_IsTheDefaultReport()
    {
        var embedded = Tool.Run("report");
        var file = Tool.Run(Files, "report", "--ledger", "2016.jsonl");

        Assert.Equal(0, file.ExitCode);
        Assert.Equal(embedded.Out, file.Out);
    }

    [Fact]
    public void Report_UnderAPartnerRulebook_RunsTheEditionUnderItsRules()
    {
        var run = Tool.Run(Files, "report", "--rulebook", "podravje.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("podravje-2016", run.Out, StringComparison.Ordinal);
        Assert.Contains("refused", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WhenTheLedgerIsMalformed_ExitsTwoAndPrintsNoReport()
    {
        var run = Tool.Run(Files, "report", "--ledger", "unknown.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("line 2: PIMEX-LEDGER-003", run.Error, StringComparison.Ordinal);
    }
}
