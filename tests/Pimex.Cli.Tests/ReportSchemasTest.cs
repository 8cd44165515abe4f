using System.Text.Json;
using Json.Schema;
using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>
/// The programme report's and the aid statement's JSON validate against their published schemas
/// (docs/schema), which <c>pimex report schema programme|aid</c> prints.
/// </summary>
public class ReportSchemasTest
{
    [Theory]
    [InlineData("programme", "programme-report.schema.json")]
    [InlineData("aid", "aid-statement.schema.json")]
    [InlineData("edition", "report.schema.json")]
    public void ReportSchema_WithAReport_PrintsItsPublishedSchema(string report, string file)
    {
        var run = Tool.Run("report", "schema", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Published(file), run.Out);
    }

    [Fact]
    public void ReportSchema_WithoutAReport_PrintsTheEditionReportsSchema()
    {
        Assert.Equal(Published("report.schema.json"), Tool.Run("report", "schema").Out);
    }

    [Fact]
    public void ProgrammeReport_AsJson_ValidatesAgainstItsSchemaWithNumbersAsNumbers()
    {
        var run = Tool.Run("report", "programme", "--before", "120", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        AssertValid("programme-report.schema.json", json.RootElement);
        var year = json.RootElement.GetProperty("years")[0];
        Assert.Equal(JsonValueKind.Number, year.GetProperty("completionRate").ValueKind);
        Assert.Equal(150, json.RootElement.GetProperty("totalParticipants").GetInt32());
    }

    [Fact]
    public void AidStatement_AsJson_ValidatesAgainstItsSchemaWithNumbersAsNumbers()
    {
        var run = Tool.Run("report", "aid", "B10475192", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        AssertValid("aid-statement.schema.json", json.RootElement);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Number, root.GetProperty("grantedByPimex").ValueKind);
        Assert.Equal(
            root.GetProperty("grantedByPimex").GetDecimal(),
            root.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() != "declared").Sum(e => e.GetProperty("amount").GetDecimal()));
        Assert.All(
            root.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "promotionSupport"),
            e => Assert.False(string.IsNullOrEmpty(e.GetProperty("claim").GetString())));
    }

    [Fact]
    public void AidStatementSchema_WhenAFieldIsUnknown_RejectsIt()
    {
        var run = Tool.Run("report", "aid", "B10475192", "--format", "json");
        var edited = System.Text.Json.Nodes.JsonNode.Parse(run.Out)!;
        edited["unexpected"] = 1;

        using var json = JsonDocument.Parse(edited.ToJsonString());
        Assert.False(Schema("aid-statement.schema.json").Evaluate(json.RootElement).IsValid);
    }

    private static string Published(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "schema", file));

    /// <summary>Each schema parsed once: JsonSchema.Net registers a schema's $id globally and refuses a second registration.</summary>
    private static readonly Dictionary<string, JsonSchema> Schemas = new[] { "programme-report.schema.json", "aid-statement.schema.json" }
        .ToDictionary(f => f, f => JsonSchema.FromText(Published(f)));

    private static JsonSchema Schema(string file) => Schemas[file];

    private static void AssertValid(string file, JsonElement json)
    {
        var results = Schema(file).Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }
}
