using System.Text.Json;
using System.Text.Json.Nodes;
using Pimex.Cli.Tests.Support;
using Pimex.Rulebooks;

namespace Pimex.Cli.Tests;

/// <summary>
/// <c>pimex rules validate</c> writes in the language the rulebook file names
/// (<c>reporting.language</c>, built in or its <c>CODE.json</c> beside the file), else English;
/// <c>--lang</c> and <c>--lang-file</c> choose another. Codes and paths never change.
/// </summary>
public class RulesValidateLanguageTest
{
    private static string Docs(string file) => File.ReadAllText(Path.Combine(Golden.RepositoryRoot(), "docs", "rulebooks", file));

    /// <summary>docs/rulebooks/moravia.json with four problems: a cap with too many decimals, an hourly rate in euros, a capacity as text and an exchange rate below zero.</summary>
    private static string BrokenMoravia()
    {
        var root = JsonNode.Parse(Docs("moravia.json"))!.AsObject();
        root["overrides"]!["promotion"]!["capPerCompany"]![0]!["value"] = "CZK 60000.001";
        root["overrides"]!["support"]!["consultantHourlyRate"]![0]!["value"] = "EUR 1700.00";
        root["annuities"]!["2026"]!["capacity"] = "25";
        root["exchangeRates"]!["CZK"]![0]!["perEuro"] = -25.185m;
        return root.ToJsonString();
    }

    private static InMemoryFiles Files() => new InMemoryFiles()
        .With("region/moravia.json", BrokenMoravia())
        .With("region/cs.json", Docs("cs.json"))
        .With("elsewhere/czech.json", Docs("cs.json"));

    private static readonly string[] Paths =
    [
        "$.overrides.promotion.capPerCompany[0].value",
        "$.overrides.support.consultantHourlyRate[0].value",
        "$.exchangeRates.CZK[0].perEuro",
        "$.annuities.2026.capacity",
    ];

    [Fact]
    public void Validate_WhenBrokenMoravia_WritesCzechFromTheFileBesideIt()
    {
        var run = Tool.Run(Files(), "rules", "validate", "region/moravia.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("region/moravia.json: neplatná pravidla programu, počet chyb: 4:", run.Out, StringComparison.Ordinal);
        Assert.Contains($"$.overrides.support.consultantHourlyRate[0].value {RulebookErrors.CurrencyMismatch} 1\u00a0700,00 €: částka není v měně pravidel programu CZK.", run.Out, StringComparison.Ordinal);
        Assert.Contains($"$.annuities.2026.capacity {RulebookErrors.WrongType} Očekávalo se celé číslo, nalezeno je text.", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid rulebook", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Expected", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Validate_WhenAskedInEnglishOrPolish_HasTheSameCodesAndPaths()
    {
        var czech = Errors(Tool.Run(Files(), "rules", "validate", "region/moravia.json", "--json"));
        var english = Errors(Tool.Run(Files(), "rules", "validate", "region/moravia.json", "--json", "--lang", "en"));
        var polish = Errors(Tool.Run(Files(), "rules", "validate", "region/moravia.json", "--json", "--lang", "pl"));
        var fromFile = Errors(Tool.Run(Files(), "rules", "validate", "region/moravia.json", "--json", "--lang-file", "elsewhere/czech.json"));

        Assert.Equal(Paths.Order(StringComparer.Ordinal), english.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Equal(english.Select(e => (e.Path, e.Code)), czech.Select(e => (e.Path, e.Code)));
        Assert.Equal(english.Select(e => (e.Path, e.Code)), polish.Select(e => (e.Path, e.Code)));
        Assert.Equal(czech, fromFile);
        Assert.Contains(english, e => e.Message == "EUR 1700.00 is not in the rulebook's currency CZK.");
        Assert.Contains(polish, e => e.Message == "1700,00 €: kwota nie jest w walucie regulaminu CZK.");
        Assert.All(czech.Zip(english), pair => Assert.NotEqual(pair.Second.Message, pair.First.Message));
    }

    [Fact]
    public void Validate_WhenTheRulebooksLanguageFileIsMissing_SaysSoAndWritesEnglish()
    {
        var files = new InMemoryFiles().With("region/moravia.json", BrokenMoravia());

        var run = Tool.Run(files, "rules", "validate", "region/moravia.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("region/moravia.json: invalid rulebook, 4 error(s):", run.Out, StringComparison.Ordinal);
        Assert.Contains("the rulebook's language: 'cs' is not a built-in language", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTheShippedMoraviaIsValid_SaysSoInCzech()
    {
        var files = new InMemoryFiles().With("region/moravia.json", Docs("moravia.json")).With("region/cs.json", Docs("cs.json"));

        var run = Tool.Run(files, "rules", "validate", "region/moravia.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("region/moravia.json: platná pravidla programu „moravia“ (PIMEX transferred to Moravskoslezsko (Czechia) - illustrative example), rozšiřují pravidla „extremadura“.\n", run.Out);
    }

    [Fact]
    public void Validate_WhenTheLanguageAskedIsUnknown_ExitsTwo()
    {
        var run = Tool.Run(Files(), "rules", "validate", "region/moravia.json", "--lang", "xx");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'xx' is not a built-in language", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    private static List<(string Path, string Code, string Message)> Errors(CliResult run)
    {
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString()!, e.GetProperty("code").GetString()!, e.GetProperty("message").GetString()!))];
    }
}
