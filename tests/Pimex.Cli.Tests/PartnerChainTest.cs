using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>Chains of rulebook files: the base beside the partner, --base, built-in names, cycles.</summary>
public class PartnerChainTest
{
    private const string Alentejo = """{ "id": "alentejo", "name": "Alentejo", "extends": "extremadura", "overrides": { "promotion": { "capPerCompany": [ { "from": "2002-01-01", "value": "EUR 3000.00" } ] } } }""";

    private const string Evora = """{ "id": "evora", "name": "Evora", "extends": "alentejo", "overrides": { "commitment": { "tutorials": [ { "from": "2002-01-01", "value": 4 } ] } } }""";

    private const string EvoraYouth = """{ "id": "evora-youth", "name": "Evora youth", "extends": "evora", "overrides": { "commitment": { "groupSessions": [ { "from": "2002-01-01", "value": 2 } ] } } }""";

    [Fact]
    public void Validate_WhenTheChainLiesBesideThePartner_LoadsEveryLevel()
    {
        var files = new InMemoryFiles().With("regions/alentejo.json", Alentejo).With("regions/evora.json", Evora).With("regions/evora-youth.json", EvoraYouth);

        var run = Tool.Run(files, "rules", "show", "regions/evora-youth.json", "--on", "2016-06-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"commitment\.groupSessions\s+2002-01-01\s+2\n", run.Out);
        Assert.Matches(@"commitment\.tutorials\s+2002-01-01\s+4\n", run.Out);
        Assert.Matches(@"promotion\.capPerCompany\s+2002-01-01\s+EUR 3000\.00\n", run.Out);
    }

    [Fact]
    public void Validate_WhenTheBasesAreGivenWithBase_LoadsThemInOrder()
    {
        var files = new InMemoryFiles().With("a/alentejo-v2.json", Alentejo).With("b/evora.json", Evora).With("c/youth.json", EvoraYouth);

        var run = Tool.Run(files, "rules", "validate", "c/youth.json", "--base", "a/alentejo-v2.json", "--base", "b/evora.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid rulebook 'evora-youth'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTheBaseIsNowhere_SaysWhereItLookedAndHowToGiveIt()
    {
        var run = Tool.Run(new InMemoryFiles().With("regions/evora.json", Evora), "rules", "validate", "regions/evora.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("$.extends PIMEX-RB-014 This rulebook extends 'alentejo', which is neither built in ('extremadura') nor in regions/alentejo.json", run.Out, StringComparison.Ordinal);
        Assert.Contains("--base FILE", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTheBaseBesideItIsInvalid_NamesTheBaseFileAndItsErrors()
    {
        var files = new InMemoryFiles().With("alentejo.json", Alentejo.Replace("EUR 3000.00", "EUR lots", StringComparison.Ordinal)).With("evora.json", Evora);

        var run = Tool.Run(files, "rules", "validate", "evora.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("alentejo.json (the base of evora.json): invalid rulebook, 1 error(s):", run.Out, StringComparison.Ordinal);
        Assert.Contains("$.overrides.promotion.capPerCompany[0].value PIMEX-RB-008", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTheChainLoopsBackOnItself_SaysSoInsteadOfLoopingForever()
    {
        var files = new InMemoryFiles()
            .With("one.json", """{ "id": "one", "name": "One", "extends": "two" }""")
            .With("two.json", """{ "id": "two", "name": "Two", "extends": "one" }""");

        var run = Tool.Run(files, "rules", "validate", "one.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("leads back into its own chain", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenAPartnerReusesAnIdOfItsChain_IsInvalid()
    {
        var files = new InMemoryFiles().With("alentejo.json", Alentejo).With("evora.json", Evora.Replace("\"id\": \"evora\"", "\"id\": \"alentejo\"", StringComparison.Ordinal));

        var run = Tool.Run(files, "rules", "validate", "evora.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("$.id PIMEX-RB-022", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules", "validate", "extremadura")]
    [InlineData("rules", "show", "extremadura", "--on", "2016-03-01")]
    [InlineData("rules", "diff", "extremadura", "extremadura")]
    [InlineData("ledger", "new", "--rulebook", "extremadura", "--year", "2016")]
    [InlineData("report", "--rulebook", "extremadura")]
    [InlineData("run", "--embedded", "2016", "--rulebook", "extremadura")]
    public void EveryRulebookCommand_AcceptsTheBuiltInName(params string[] args)
    {
        var run = Tool.Run(args);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.NotEmpty(run.Out);
    }

    [Fact]
    public void Validate_WhenAPartnerSwitchesCurrency_ListsEveryAmountInOneRound()
    {
        var gbp = """{ "id": "coventry", "name": "Coventry", "extends": "extremadura", "currency": "GBP", "annuities": { "2026": { "budget": { "actions": "EUR 1.00", "training": "EUR 1.00", "consultancy": "EUR 1.00", "total": "EUR 3.00" }, "capacity": 1, "windows": { "applications": { "start": "2026-01-12", "end": "2026-03-13" }, "training": { "start": "2026-04-01", "end": "2026-11-27" }, "expenses": { "start": "2026-04-01", "end": "2026-12-31" } } } } }""";

        var run = Tool.Run(new InMemoryFiles().With("coventry.json", gbp), "rules", "validate", "coventry.json");

        Assert.Equal(1, run.ExitCode);
        // The four budget lines and the two amounts of the programme's own: the EU amounts stay in euros.
        Assert.Contains("invalid rulebook, 6 error(s):", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("$.overrides.sme.", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("$.overrides.aid.regime", run.Out, StringComparison.Ordinal);
        Assert.Contains("$.annuities.2026.budget.total PIMEX-RB-010", run.Out, StringComparison.Ordinal);
        Assert.Contains("$.overrides.promotion.capPerCompany PIMEX-RB-010 EUR 2500.00 is not in the rulebook's currency GBP. It is inherited from 'extremadura' ($.parameters.promotion.capPerCompany[0].value there): override 'promotion.capPerCompany' here.", run.Out, StringComparison.Ordinal);
    }
}
