using System.Text.Json;
using Pimex.Cli.Rules;
using Pimex.Cli.Tests.Support;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Cli.Tests;

public class RulesCommandTest
{
    private static readonly InMemoryFiles Files = new InMemoryFiles()
        .With("podravje.json", Fixtures.Partner)
        .With("broken.json", Fixtures.BrokenPartner)
        .With("notjson.json", "{ \"id\": ")
        .With("surrogate.json", "{ \"id\": \"\uD800\" }")
        .With("base.json", Rulebook.Extremadura.ToJson());

    [Fact]
    public void Show_WithoutArguments_PrintsEveryParameterAndThe2016Annuity()
    {
        var run = Tool.Run("rules", "show");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Rulebook extremadura:", run.Out, StringComparison.Ordinal);
        Assert.All(Parameters.All, p => Assert.Contains(p.Name + ":", run.Out, StringComparison.Ordinal));
        Assert.Contains("from 2024-01-01: EU 2023/2831", run.Out, StringComparison.Ordinal);
        Assert.Contains("EUR 88,280.00", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    /// <summary>
    /// A reader's terminal: no line of <c>rules show</c> is wider than 100 characters (the
    /// labels' value alone was 2,190), but for a single word that cannot be broken.
    /// </summary>
    [Theory]
    [InlineData("rules", "show")]
    [InlineData("rules", "show", "--on", "2016-03-01")]
    [InlineData("rules", "show", "--on", "2024-06-01")]
    [InlineData("rules", "show", "podravje.json")]
    public void Show_WritesNoLineWiderThanATerminal(params string[] args)
    {
        var run = Tool.Run(Files, args);

        Assert.Equal(0, run.ExitCode);
        Assert.All(run.OutLines, line => Assert.True(line.Length <= 100 || !line.Trim().Contains(' ', StringComparison.Ordinal), $"{line.Length} characters: {line}"));
    }

    [Fact]
    public void Show_WhenAValueListsManyItems_WritesOneItemPerLineUnderItsDate()
    {
        var run = Tool.Run("rules", "show");

        Assert.Contains("  from 2002-01-01:\n    ERDF (en) ERDF;\n    ERDF (es) FEDER;\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_OnADate_PrintsTheValuesInForce()
    {
        var run = Tool.Run(Files, "rules", "show", "--rulebook", "podravje.json", "--on", "2016-01-15");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Rulebook podravje:", run.Out, StringComparison.Ordinal);
        Assert.Contains("Europe/Ljubljana", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"promotion\.capPerCompany\s+2002-01-01\s+EUR 3000\.00", run.Out);
        Assert.Matches(@"aid\.regime\s+2014-01-01\s+EU 1407/2013", run.Out);
    }

    [Fact]
    public void Show_TakesTheRulebookAsAnArgumentToo()
    {
        var named = Tool.Run(Files, "rules", "show", "extremadura", "--on", "2016-03-01");
        var embedded = Tool.Run(Files, "rules", "show", "--on", "2016-03-01");
        var partner = Tool.Run(Files, "rules", "show", "podravje.json");
        var both = Tool.Run(Files, "rules", "show", "podravje.json", "--rulebook", "podravje.json");

        Assert.Equal(0, named.ExitCode);
        Assert.Equal(embedded.Out, named.Out);
        Assert.Contains("Rulebook podravje:", partner.Out, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
    }

    [Fact]
    public void Show_AsJson_PrintsARulebookThatLoadsBackEqual()
    {
        var run = Tool.Run(Files, "rules", "show", "--rulebook", "podravje.json", "--json");

        Assert.Equal(0, run.ExitCode);
        var again = Rulebook.Load(run.Out);
        Assert.True(again.IsSuccess);
        Assert.Equal("podravje", again.Value.Id);
        Assert.Equal("extremadura", again.Value.BasedOn);
    }

    [Fact]
    public void Show_OnADateAsJson_ParsesAndHoldsTheValues()
    {
        var run = Tool.Run("rules", "show", "--on", "2024-06-01", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("EUR 2500.00", json.RootElement.GetProperty("parameters").GetProperty("promotion.capPerCompany").GetString());
        Assert.StartsWith("EU 2023/2831", json.RootElement.GetProperty("parameters").GetProperty("aid.regime").GetString(), StringComparison.Ordinal);
        Assert.False(json.RootElement.TryGetProperty("annuity", out _));
    }

    [Theory]
    [InlineData("podravje.json", "podravje.json: valid rulebook 'podravje'")]
    [InlineData("base.json", "base.json: bases válidas «extremadura»")] // Extremadura names Spanish (reporting.language)
    public void Validate_WhenValid_ExitsZero(string file, string verdict)
    {
        var run = Tool.Run(Files, "rules", "validate", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(verdict, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenInvalid_ExitsOneAndListsEveryErrorWithPathAndCode()
    {
        var run = Tool.Run(Files, "rules", "validate", "broken.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken.json: invalid rulebook, 3 error(s):", run.Out, StringComparison.Ordinal);
        Assert.Contains($"$.overrides.promotion.capPerCompany[0].value {RulebookErrors.InvalidValue}", run.Out, StringComparison.Ordinal);
        Assert.Contains($"$.overrides.promotion.coffeeAllowance {RulebookErrors.UnknownParameter}", run.Out, StringComparison.Ordinal);
        Assert.Contains($"$.overrides.commitment.groupSessions[0].value {RulebookErrors.WrongType}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenInvalidAsJson_ListsTheErrors()
    {
        var run = Tool.Run(Files, "rules", "validate", "notjson.json", "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(RulebookErrors.MalformedJson, error.GetProperty("code").GetString());
        Assert.Equal("$", error.GetProperty("path").GetString());
    }

    [Fact]
    public void Validate_WhenTheTextIsNotValidUnicode_ExitsOneWithMalformedJson()
    {
        var run = Tool.Run(Files, "rules", "validate", "surrogate.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(RulebookErrors.MalformedJson, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTheFileIsMissing_ExitsTwo()
    {
        var run = Tool.Run(Files, "rules", "validate", "nowhere.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nowhere.json does not exist", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Diff_PrintsTheTransferReport()
    {
        var run = Tool.Run(Files, "rules", "diff", "extremadura", "podravje.json", "--on", "2016-01-15");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Transfer report: extremadura -> podravje on 2016-01-15: 4 difference(s)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"timeZone\s+Europe/Madrid\s+Europe/Ljubljana", run.Out);
        Assert.Matches(@"promotion\.capPerCompany\s+EUR 2500\.00\s+EUR 3000\.00", run.Out);
        Assert.Matches(@"eligibility\.regions\s+ES43\s+SI03", run.Out);
        Assert.Matches(@"reporting\.labels\s+Regional \(es\) Junta de Extremadura\s+\(none\)", run.Out);
    }

    [Fact]
    public void Diff_OfABaseFileAndAPartner_DefaultsToTheLatestAnnuityAndPrintsJson()
    {
        var run = Tool.Run(Files, "rules", "diff", "base.json", "podravje.json", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("2016-01-15", json.RootElement.GetProperty("on").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("differences").GetArrayLength());
    }

    [Fact]
    public void Diff_WhenThePartnerIsInvalid_ExitsOneWithItsErrors()
    {
        var run = Tool.Run(Files, "rules", "diff", "extremadura", "broken.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken.json is not a valid rulebook: 3 error(s)", run.Error, StringComparison.Ordinal);
        Assert.Contains(RulebookErrors.UnknownParameter, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Diff_WhenTheDateIsMalformed_ExitsTwo()
    {
        var run = Tool.Run(Files, "rules", "diff", "extremadura", "podravje.json", "--on", "15/01/2016");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'15/01/2016' is not a date", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_IsTheCommittedRulebookSchema()
    {
        var run = Tool.Run("rules", "schema");

        Assert.Equal(0, run.ExitCode);
        Golden.MatchesRepositoryFile(run.Out, "docs/schema/rulebook.schema.json");
    }

    [Fact]
    public void Schema_ListsEveryParameterOfTheCatalogueWithItsDescription()
    {
        using var schema = JsonDocument.Parse(Tool.Run("rules", "schema").Out);
        var defs = schema.RootElement.GetProperty("$defs");

        Assert.All(Parameters.All, p => Assert.Equal(
            p.Description,
            defs.GetProperty(p.Group + "Parameters").GetProperty("properties").GetProperty(p.Key).GetProperty("description").GetString()));
    }

    [Fact]
    public void Doc_IsTheTableOfTheCommittedRulebookFormat()
    {
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "rulebook-format.md")).ReplaceLineEndings("\n");
        var run = Tool.Run("rules", "doc");

        Assert.Equal(0, run.ExitCode);
        var regenerated = ParameterTable.Replace(page, run.Out);
        Assert.NotNull(regenerated);
        Golden.MatchesRepositoryFile(regenerated, "docs/rulebook-format.md");
    }

    [Fact]
    public void Doc_ListsEveryParameterWithItsMeaningAndExtremaduraValues()
    {
        var rows = Tool.Run("rules", "doc").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Parameters.All.Length + 2, rows.Length);
        Assert.All(Parameters.All, p => Assert.Contains(rows, r => r.StartsWith($"| `{p.Name}` |", StringComparison.Ordinal) && r.Contains(p.Description, StringComparison.Ordinal)));
        Assert.Equal(Parameters.All.Select(p => $"| `{p.Name}` |"), rows.Skip(2).Select(r => r[..(r.IndexOf('|', 1) + 1)]));
        Assert.StartsWith("| `promotion.capPerCompany` | money | ", rows.Single(r => r.Contains("capPerCompany", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("| EU 1407/2013: EUR 200000.00 over 3 fiscal years from 01-01 from 2014-01-01; EU 2023/2831: EUR 300000.00 over rolling 3 years from 2024-01-01 |", rows.Single(r => r.StartsWith("| `aid.regime`", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_WhenThePageHasNoGeneratedRegion_ReplacesNothing()
    {
        Assert.Null(ParameterTable.Replace("# A page\n\nno table here\n", "| x |\n"));
        Assert.Equal($"a\n{ParameterTable.Start}\n| x |\n{ParameterTable.End}\nb\n", ParameterTable.Replace($"a\n{ParameterTable.Start}\nold\n{ParameterTable.End}\nb\n", "| x |\n"));
    }
}
