using System.Text.Json;
using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

public class ReportCommandTest
{
    private static readonly InMemoryFiles Files = new InMemoryFiles()
        .With("2016.jsonl", Tool.Ledger2016)
        .With("podravje.json", Fixtures.Partner)
        .With("unknown.jsonl", Fixtures.Ledger(Fixtures.Open(), "{\"command\":\"promote\"}"))
        .With("wide.json", Fixtures.Partner.Replace("\"overrides\": {", "\"overrides\": {\n    \"survey\": { \"scaleMax\": [ { \"from\": \"2002-01-01\", \"value\": 5000 } ] },", StringComparison.Ordinal));

    [Fact]
    public void Report_WithoutArguments_PrintsThe2016ReportInSpanishWithItsBudgetAndThreeLines()
    {
        var run = Tool.Run("report");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Informe de evaluación de la convocatoria: extremadura-2016\n", run.Out, StringComparison.Ordinal);
        Assert.Contains(run.OutLines, l => l.StartsWith("acciones de promoción  ", StringComparison.Ordinal) && l.Contains("75.000,00 €", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("formación  ", StringComparison.Ordinal) && l.Contains("5.000,00 €", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("consultoría  ", StringComparison.Ordinal) && l.Contains("8.280,00 €", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("total  ", StringComparison.Ordinal) && l.Contains("88.280,00 €", StringComparison.Ordinal));
        Assert.Equal(
            [
                "pimex: extremadura-2016 (embedded): No está en orden temporal: la línea 534 (2016-10-17T08:30:00Z) es anterior a la línea 533 (2016-10-17T10:00:00Z); las 628 órdenes se han aplicado por orden de \"at\" (las del mismo instante, en el orden del archivo); 4 de ellas, en otro lugar que el del archivo; los números de línea son los del archivo.",
                "pimex: extremadura-2016 (embedded): 7 of 628 commands were refused ('pimex run --embedded 2016' lists them).",
            ],
            run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Report_AsJson_Parses()
    {
        var run = Tool.Run("report", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var report = json.RootElement;
        Assert.Equal("extremadura-2016", report.GetProperty("edition").GetString());
        Assert.Equal(30, report.GetProperty("participants").GetProperty("admitted").GetInt32());
        Assert.Equal(1, report.GetProperty("participants").GetProperty("withdrawn").GetInt32());
        Assert.Equal(88280.00m, report.GetProperty("budget").GetProperty("total").GetProperty("allocated").GetDecimal());
        Assert.Equal(
            [("actions", 75000.00m), ("training", 5000.00m), ("consultancy", 8280.00m)],
            report.GetProperty("budget").GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("line").GetString(), l.GetProperty("allocated").GetDecimal())));
        Assert.InRange(report.GetProperty("satisfaction").GetProperty("mean").GetDecimal(), 7.6m, 8.4m);
        Assert.True(report.GetProperty("support").GetProperty("reachedCap").GetInt32() >= 3);
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
        Assert.StartsWith("Informe de evaluación de la convocatoria: podravje-2016", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"admitidas\s+0\n", run.Out);
        Assert.Contains("refused", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("report", "companies")]
    [InlineData("report", "programme")]
    public void Report_WhenTheLibraryRefusesTheReport_ExitsOneWithItsCodeAndPrintsNoReport(params string[] command)
    {
        var run = Tool.Run(Files, [.. command, "--rulebook", "wide.json"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("pimex: PIMEX-EVAL-001: The survey scale 0 to 5000 is not a scale of at most 1001 scores.", run.Error, StringComparison.Ordinal);
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
