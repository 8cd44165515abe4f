using System.Text.Json;
using Json.Schema;
using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>The report's languages, its JSON against the published schema, its CSV, and the report's other commands.</summary>
public class ReportFormatsTest
{
    private static readonly JsonSchema ReportSchema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "schema", "report.schema.json")));

    private static readonly InMemoryFiles Files = new InMemoryFiles().With("2016.jsonl", Tool.Ledger2016);

    [Theory]
    [InlineData("en", "Edition report: extremadura-2016\n", "€88,280.00", "Companies\n")]
    [InlineData("es", "Informe de evaluación de la convocatoria: extremadura-2016\n", "88.280,00 €", "Empresas\n")]
    [InlineData("sl", "Poročilo o izvedbi: extremadura-2016\n", "88.280,00 €", "Podjetja\n")]
    public void Report_WithALanguage_WritesItInThatLanguageWithItsNumbers(string lang, string title, string budget, string companies)
    {
        var run = Tool.Run("report", "--lang", lang);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(title, run.Out, StringComparison.Ordinal);
        Assert.Contains(budget, run.Out, StringComparison.Ordinal);
        Assert.Contains(companies, run.Out, StringComparison.Ordinal);
        Assert.Contains("Turismo Activo Tajo Internacional SL", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithAnUnknownLanguage_ExitsTwo()
    {
        var run = Tool.Run("report", "--lang", "de");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Report_AsJson_ValidatesAgainstThePublishedSchemaWithNumbersAsNumbers()
    {
        var run = Tool.Run("report", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var results = ReportSchema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        var root = json.RootElement;
        Assert.Equal("EUR", root.GetProperty("currency").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("budget").GetProperty("total").GetProperty("allocated").ValueKind);
        Assert.Equal(88280.00m, root.GetProperty("budget").GetProperty("total").GetProperty("allocated").GetDecimal());
        Assert.Equal(83.3333m, root.GetProperty("participants").GetProperty("completionRate").GetDecimal());
        Assert.Equal(30, root.GetProperty("companies").GetArrayLength());
        Assert.Equal(
            root.GetProperty("support").GetProperty("total").GetDecimal(),
            root.GetProperty("companies").EnumerateArray().Sum(c => c.GetProperty("granted").GetDecimal()));
    }

    [Fact]
    public void Report_AsJson_IsTheSameWithTheJsonFlag()
    {
        Assert.Equal(Tool.Run("report", "--format", "json").Out, Tool.Run("report", "--json").Out);
    }

    [Fact]
    public void Report_AsJson_CountsTheIndicatorsOfThe2014To2020PeriodOncePerEnterprise()
    {
        using var json = JsonDocument.Parse(Tool.Run("report", "--format", "json").Out);
        var root = json.RootElement;
        var indicators = root.GetProperty("indicators");

        Assert.Equal("2014-2020", indicators.GetProperty("period").GetString());
        var counts = indicators.GetProperty("counts").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("enterprises").GetInt32());
        Assert.Equal(["CO01", "CO02", "CO04"], counts.Keys);
        Assert.Equal(root.GetProperty("participants").GetProperty("admitted").GetInt32(), counts["CO01"]);
        Assert.Equal(root.GetProperty("companies").EnumerateArray().Count(c => c.GetProperty("granted").GetDecimal() > 0), counts["CO02"]);
        Assert.True(counts["CO04"] <= counts["CO01"]);
    }

    [Theory]
    [InlineData("es", ';', "budget.lines;actions;allocated;75000,00;EUR")]
    [InlineData("sl", ';', "participants;;completionRate;83,3333;%")]
    [InlineData("en", ',', "budget.lines,actions,allocated,75000.00,EUR")]
    public void Report_AsCsv_OpensInTheLanguagesSpreadsheet(string lang, char separator, string line)
    {
        var run = Tool.Run("report", "--format", "csv", "--lang", lang);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("\uFEFFtable" + separator + "row" + separator + "column" + separator + "value" + separator + "unit\r\n", run.Out, StringComparison.Ordinal);
        var lines = run.Out.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(line, lines);
        Assert.All(lines, l => Assert.Equal(5, Fields(l, separator).Count));
        Assert.Contains(lines, l => l.StartsWith("companies" + separator + "B10475192" + separator + "name" + separator, StringComparison.Ordinal));
    }

    [Fact]
    public void Companies_WhenRun_ListsEveryParticipantWithItsSupport()
    {
        var run = Tool.Run("report", "companies", "--lang", "en");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Companies\ncompany ", run.Out, StringComparison.Ordinal);
        Assert.Contains(run.OutLines, l => l.StartsWith("Turismo Rural Monfragüe SL ", StringComparison.Ordinal) && l.Contains("withdrawn", StringComparison.Ordinal) && l.Contains("1 of 3", StringComparison.Ordinal));
        Assert.Equal(30 + 4, run.OutLines.Length); // title, header, rule, 30 companies, the note
    }

    [Fact]
    public void Programme_WhenGivenALedgerAndTheEarlierParticipants_CountsSinceTheStart()
    {
        var run = Tool.Run(Files, "report", "programme", "--ledger", "2016.jsonl", "--before", "500", "--lang", "en");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Participants since the programme started: 530\n", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"2016\s+extremadura-2016\s+30\s+25\s+83\.3%", run.Out);
    }

    [Fact]
    public void Programme_WhenTwoLedgersAreOfOneYear_ExitsOne()
    {
        var run = Tool.Run(Files, "report", "programme", "--ledger", "2016.jsonl", "--ledger", "2016.jsonl");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("two ledgers are of the 2016 edition", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Programme_AsHtml_DrawsParticipantsPerEdition()
    {
        var files = new InMemoryFiles();
        var run = Tool.Run(files, "report", "programme", "--html", "programme.html");

        Assert.Equal(0, run.ExitCode);
        var html = files.Written["programme.html"];
        Assert.Contains("data-chart=\"programme\"", html, StringComparison.Ordinal);
        Assert.Contains("data-category=\"2016\" data-series=\"participantes\" data-value=\"30\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Aid_ForACompany_PrintsItsStatementOnTheLedgersLastDate()
    {
        var run = Tool.Run("report", "aid", "B10311801", "--lang", "en");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("State-aid statement: extremadura-2016/B10311801 on 23 December 2016\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("Diputación de Cáceres (promotion support)", run.Out, StringComparison.Ordinal);
        Assert.Contains("€25,900.00", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Aid_AsJson_WritesAmountsAsNumbers()
    {
        var run = Tool.Run("report", "aid", "B10311801", "--on", "2016-06-30", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("2016-06-30", json.RootElement.GetProperty("on").GetString());
        Assert.Equal(200000.00m, json.RootElement.GetProperty("ceiling").GetDecimal());
    }

    [Fact]
    public void Aid_ForACompanyNotInTheEdition_ExitsOne()
    {
        var run = Tool.Run("report", "aid", "X0000000");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("X0000000 is not a participant of extremadura-2016", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Splits one CSV line into its fields (RFC 4180 quoting).</summary>
    private static List<string> Fields(string line, char separator)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
