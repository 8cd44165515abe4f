using System.Text.Json.Nodes;
using Ardalis.Result;
using FsCheck.Xunit;
using NodaTime;
using Pimex.Editions;
using Pimex.Rulebooks;
using Pimex.Tests.Support;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Rulebooks;

/// <summary>
/// "Valid" means "can run": a rulebook that loads can open and run each of its annuities, every
/// problem is reported in one round, partners form chains of any depth, and a region adds a year
/// without editing its base.
/// </summary>
[Properties(Arbitrary = new[] { typeof(PimexArbitraries) })]
public class RulebookCanRunTest
{
    /// <summary>A 2026 annuity of the walk-through's figures, its applications opening on <paramref name="applicationsStart"/>.</summary>
    private static JsonObject Annuity2026(string applicationsStart = "2026-01-12", string trainingStart = "2026-04-01", string expensesStart = "2026-04-01", string expensesEnd = "2026-12-31", string currency = "EUR") => new()
    {
        ["budget"] = new JsonObject
        {
            ["actions"] = $"{currency} 60000.00",
            ["training"] = $"{currency} 6000.00",
            ["consultancy"] = $"{currency} 9000.00",
            ["total"] = $"{currency} 75000.00",
        },
        ["capacity"] = 20,
        ["windows"] = new JsonObject
        {
            ["applications"] = new JsonObject { ["start"] = applicationsStart, ["end"] = "2026-03-13" },
            ["training"] = new JsonObject { ["start"] = trainingStart, ["end"] = "2026-11-27" },
            ["expenses"] = new JsonObject { ["start"] = expensesStart, ["end"] = expensesEnd },
        },
    };

    private static string Partner2026(string overridesFrom, JsonObject annuity) => RulebookJsonEdits.Partner(p =>
    {
        p.Override("commitment.tutorials", 4, from: overridesFrom);
        p.Override("promotion.capPerCompany", "EUR 3000.00", from: overridesFrom);
        p["annuities"] = new JsonObject { ["2026"] = annuity };
    });

    private static string Errors<T>(Result<T> result) =>
        string.Join("; ", result.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}"));

    [Fact]
    public void Load_WhenAnAutumnCallOpensBeforeTheOverridesStart_RefusesNamingTheEditionTheDateAndEachParameter()
    {
        var result = Rulebook.Load(Partner2026("2026-01-01", Annuity2026(applicationsStart: "2025-11-15")), Rulebook.Extremadura);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.All(result.ValidationErrors, e =>
        {
            Assert.Equal(RulebookErrors.CannotRun, e.ErrorCode);
            Assert.Equal("$.annuities.2026.windows.applications.start", e.Identifier);
            Assert.Contains("2025-11-15", e.ErrorMessage, StringComparison.Ordinal);
        });
        Assert.Equal(2, result.ValidationErrors.Count());
        Assert.Contains(result.ValidationErrors, e => e.ErrorMessage.Contains("'promotion.capPerCompany'", StringComparison.Ordinal) && e.ErrorMessage.Contains("$.overrides.promotion.capPerCompany[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenAnAutumnCallsRulesStartInTime_LoadsAndItsEditionOpens()
    {
        var loaded = Rulebook.Load(Partner2026("2025-11-01", Annuity2026(applicationsStart: "2025-11-15")), Rulebook.Extremadura);
        Assert.True(loaded.IsSuccess, Errors(loaded));

        var opened = Edition.Open(loaded.Value, 2026, Ctx(Manager, Instant.FromUtc(2025, 11, 10, 9, 0)));

        Assert.True(opened.IsSuccess, Errors(opened));
        Assert.Equal(new LocalDate(2025, 11, 15), opened.Value.Aggregate.RulesDate);
    }

    [Fact]
    public void Load_WhenTrainingStartsBeforeApplicationsOpen_IsImplausible()
    {
        var result = Rulebook.Load(Partner2026("2026-01-01", Annuity2026(trainingStart: "2026-01-05")), Rulebook.Extremadura);

        result.AssertSingleError("$.annuities.2026.windows.applications.start", RulebookErrors.ImplausibleWindows);
    }

    [Fact]
    public void Load_WhenExpensesAreYearsAway_IsImplausibleAtBothEnds()
    {
        var result = Rulebook.Load(Partner2026("2026-01-01", Annuity2026(expensesStart: "2020-01-01", expensesEnd: "2020-12-31")), Rulebook.Extremadura);

        Assert.Equal(
            ["$.annuities.2026.windows.expenses.start", "$.annuities.2026.windows.expenses.start"],
            result.ValidationErrors.Select(e => e.Identifier));
        Assert.All(result.ValidationErrors, e => Assert.Equal(RulebookErrors.ImplausibleWindows, e.ErrorCode));
    }

    [Fact]
    public void Load_WhenAPartnerSwitchesCurrencyAndMissesAmountsEverywhere_ReportsEveryOneInOneRound()
    {
        // Its own annuity still in euros, its own cap in pounds, every other amount inherited in euros.
        var result = Rulebook.Load(
            RulebookJsonEdits.Partner(p =>
            {
                p["currency"] = "GBP";
                p.Override("promotion.capPerCompany", "GBP 2000.00");
                p["annuities"] = new JsonObject { ["2026"] = Annuity2026() };
            }),
            Rulebook.Extremadura);

        var paths = result.ValidationErrors.Select(e => e.Identifier).ToList();
        Assert.All(result.ValidationErrors, e => Assert.Equal(RulebookErrors.CurrencyMismatch, e.ErrorCode));
        Assert.Contains("$.annuities.2026.budget.actions", paths);
        Assert.Contains("$.overrides.support.consultantHourlyRate", paths);
        Assert.DoesNotContain("$.overrides.promotion.capPerCompany", paths);

        // The amounts EU law sets in euros stay in euros: inherited, they fit a programme in pounds.
        Assert.DoesNotContain("$.overrides.aid.regime", paths);
        Assert.DoesNotContain("$.overrides.sme.businessAngelInvestmentBelow", paths);
        Assert.DoesNotContain("$.overrides.sme.localAuthorityBudgetBelow", paths);
        Assert.Equal(4 + 1, paths.Count);
    }

    [Fact]
    public void Load_WhenAPartnerTakesTheIdOfItsBase_IsRefused()
    {
        var result = Rulebook.Load(RulebookJsonEdits.Partner(p => p["id"] = "extremadura"), Rulebook.Extremadura);

        result.AssertSingleError("$.id", RulebookErrors.IdInChain);
    }

    [Fact]
    public void Load_WhenAPartnerOfAPartnerTakesTheFirstBasesId_IsRefused()
    {
        var alentejo = Rulebook.Load(RulebookJsonEdits.Partner(p => p["id"] = "alentejo"), Rulebook.Extremadura).Value;

        var result = Rulebook.Load(RulebookJsonEdits.Partner(p => (p["id"], p["extends"]) = ("extremadura", "alentejo")), alentejo);

        var error = result.AssertSingleError("$.id", RulebookErrors.IdInChain);
        Assert.Contains("extremadura -> alentejo", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAChainIsThreeDeep_EachLevelKeepsWhatItDidNotOverride()
    {
        var alentejo = Rulebook.Load(RulebookJsonEdits.Partner(p => { p["id"] = "alentejo"; p.Override("promotion.capPerCompany", "EUR 3000.00"); }), Rulebook.Extremadura).Value;
        var evora = Rulebook.Load(RulebookJsonEdits.Partner(p => { (p["id"], p["extends"]) = ("evora", "alentejo"); p.Override("commitment.tutorials", 4); }), alentejo).Value;

        var youth = Rulebook.Load(
            RulebookJsonEdits.Partner(p =>
            {
                (p["id"], p["extends"]) = ("evora-youth", "evora");
                p.Override("commitment.groupSessions", 2);
                p["annuities"] = new JsonObject { ["2026"] = Annuity2026() };
            }),
            evora);

        Assert.True(youth.IsSuccess, Errors(youth));
        var rules = youth.Value.On(new LocalDate(2026, 6, 1)).Value;
        Assert.Equal((2, 4), (rules.Commitment.GroupSessions, rules.Commitment.Tutorials));
        Assert.Equal(3_000m, rules.Promotion.CapPerCompany.Amount);
        Assert.Equal("evora", youth.Value.BasedOn);
        Assert.True(Edition.Open(youth.Value, 2026, Ctx(Manager, Instant.FromUtc(2026, 1, 5, 9, 0))).IsSuccess);
    }

    [Fact]
    public void Load_WhenExtremaduraAddsANewYearOverItsEmbeddedRulebook_ItsEditionOpensUnderTheSameRules()
    {
        var next = Rulebook.Load(
            RulebookJsonEdits.Partner(p =>
            {
                (p["id"], p["name"]) = ("extremadura-2027", "PIMEX Extremadura, 2027 call");
                // The same region: it says so by writing its own name for its regional funds.
                p.Override("reporting.labels", new JsonObject { ["Regional"] = new JsonObject { ["es"] = "Junta de Extremadura" } });
                p["annuities"] = new JsonObject { ["2027"] = RulebookJsonEdits.Extremadura().Annuity2016().DeepClone() };
                foreach (var (_, window) in p["annuities"]!["2027"]!["windows"]!.AsObject())
                {
                    window!["start"] = window["start"]!.GetValue<string>().Replace("2016", "2027", StringComparison.Ordinal);
                    window["end"] = window["end"]!.GetValue<string>().Replace("2016", "2027", StringComparison.Ordinal);
                }
            }),
            Rulebook.Extremadura);

        Assert.True(next.IsSuccess, Errors(next));
        Assert.Equal([2027], next.Value.Annuities.Keys);
        Assert.True(Rulebook.Extremadura.Diff(next.Value, new LocalDate(2027, 6, 1)).Differences.All(d => d.Name.StartsWith("annuities.2027.", StringComparison.Ordinal)));
        var opened = Edition.Open(next.Value, 2027, Ctx(Manager, Instant.FromUtc(2027, 1, 11, 9, 0)));
        Assert.True(opened.IsSuccess, Errors(opened));
    }

    [Fact]
    public void Load_WhenAnOverrideKeyIsMisspelt_SuggestsTheParameter()
    {
        var result = Rulebook.Load(RulebookJsonEdits.Partner(p => p["overrides"] = new JsonObject { ["promotion"] = new JsonObject { ["capPerCompnay"] = new JsonArray() } }), Rulebook.Extremadura);

        var error = result.AssertSingleError("$.overrides.promotion.capPerCompnay", RulebookErrors.UnknownParameter);
        Assert.Contains("did you mean 'promotion.capPerCompany'?", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAFieldIsMisspelt_SuggestsTheField()
    {
        var result = Rulebook.Load(RulebookJsonEdits.Partner(p => p["timezone"] = "Europe/Ljubljana"), Rulebook.Extremadura);

        var error = result.AssertSingleError("$.timezone", RulebookErrors.UnknownField);
        Assert.Contains("did you mean 'timeZone'?", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"id\": \"x\",\n  \"name\": ")]
    [InlineData("{ \"id\": \"x\" } }")]
    [InlineData("{ \"id\": x }")]
    public void Load_WhenTheTextIsNotJson_SaysSoWithoutTheParsersOwnWords(string text)
    {
        var error = Assert.Single(Rulebook.Load(text).ValidationErrors);

        Assert.Equal(RulebookErrors.MalformedJson, error.ErrorCode);
        Assert.DoesNotContain("isFinalBlock", error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Property]
    public bool EveryAnnuityOfARulebookThatLoadsOpens(PartnerRulebookJson partnerJson)
    {
        var partner = Rulebook.Load(partnerJson.Json, Rulebook.Extremadura).Value;

        return partner.Annuities.Keys.All(year =>
            Edition.Open(partner, year, Ctx(Manager, Instant.FromUtc(year - 1, 12, 1, 9, 0))).IsSuccess);
    }
}
