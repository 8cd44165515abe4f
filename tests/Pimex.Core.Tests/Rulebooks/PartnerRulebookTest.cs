using System.Text.Json.Nodes;
using Ardalis.Result;
using FsCheck.Xunit;
using NodaTime;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>Partner rulebooks: extends a base, overrides named parameters, adds annuities.</summary>
[Properties(Arbitrary = new[] { typeof(PimexArbitraries) })]
public class PartnerRulebookTest
{
    private static readonly LocalDate Mid2016 = new(2016, 6, 1);

    private static Rulebook FreshExtremadura() => Rulebook.Load(Rulebook.Extremadura.ToJson()).Value;

    private static Rulebook LoadPartner(Rulebook @base, Action<JsonObject> edit)
    {
        var result = Rulebook.Load(RulebookJsonEdits.Partner(edit), @base);
        Assert.True(result.IsSuccess, string.Join("; ", result.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}")));
        return result.Value;
    }

    [Fact]
    public void Load_WhenPartnerOverridesTheCap_ChangesThePartnerOnly()
    {
        var @base = FreshExtremadura();

        var partner = LoadPartner(@base, p => p.Override("promotion.capPerCompany", "EUR 3000.00"));

        Assert.Equal(Money.Of(3_000m, Currency.EUR), partner.On(Mid2016).Value.Promotion.CapPerCompany);
        Assert.Equal(Money.Of(2_500m, Currency.EUR), @base.On(Mid2016).Value.Promotion.CapPerCompany);
        Assert.Equal(FreshExtremadura(), @base);
        Assert.Equal(Rulebook.Extremadura.ToJson(), @base.ToJson());
        Assert.Equal("partner", partner.Id);
        Assert.Equal("extremadura", partner.BasedOn);
        Assert.NotEqual(@base, partner);
    }

    [Fact]
    public void Load_WhenPartnerOverridesOneParameter_InheritsEveryOther()
    {
        var partner = LoadPartner(Rulebook.Extremadura, p => p.Override("promotion.capPerCompany", "EUR 3000.00"));

        Assert.All(
            Parameters.All.Where(p => p != Parameters.CapPerCompany && p != Parameters.ReportLabels),
            p => Assert.Equal(Rulebook.Extremadura.Timelines[p.Name], partner.Timelines[p.Name]));
        // Every label but the base's own name for its regional funds (PartnerLabelsTest).
        Assert.Equal(
            Rulebook.Extremadura.Get(Parameters.ReportLabels).Entries.Select(e => e.Value.Where(l => l.Text != "Junta de Extremadura")),
            partner.Get(Parameters.ReportLabels).Entries.Select(e => e.Value.AsEnumerable()));
        Assert.Equal(Rulebook.Extremadura.Currency, partner.Currency);
        Assert.Equal(Rulebook.Extremadura.TimeZone, partner.TimeZone);
    }

    [Fact]
    public void Load_WhenPartnerGivesNoAnnuity_HasNoneOfItsBases()
    {
        var partner = LoadPartner(Rulebook.Extremadura, p => p.Override("promotion.capPerCompany", "EUR 3000.00"));

        Assert.Empty(partner.Annuities);
        Assert.Equal(RulebookErrors.NoAnnuity, Assert.Single(partner.Annuity(2016).ValidationErrors).ErrorCode);
        Assert.Equal([2016], Rulebook.Extremadura.Annuities.Keys);
    }

    [Fact]
    public void Load_WhenPartnerOverridesATimeline_ReplacesItWhole()
    {
        var partner = LoadPartner(Rulebook.Extremadura, p => p.Override(
            "aid.regime",
            new JsonObject
            {
                ["name"] = "EU 2023/2831",
                ["ceiling"] = "EUR 300000.00",
                ["period"] = new JsonObject { ["kind"] = "rollingYears", ["years"] = 3 },
            },
            from: "2024-01-01"));

        var entry = Assert.Single(partner.Get(Parameters.AidRegimeRule).Entries);
        Assert.Equal(new LocalDate(2024, 1, 1), entry.From);
        partner.On(Mid2016).AssertSingleError("aid.regime", RulebookErrors.NotInForce);
        Assert.Equal(2, Rulebook.Extremadura.Get(Parameters.AidRegimeRule).Entries.Length);
    }

    [Fact]
    public void Load_WhenPartnerOverridesTheTimeZone_UsesIt()
    {
        var partner = LoadPartner(Rulebook.Extremadura, p => p["timeZone"] = "Europe/Ljubljana");

        Assert.Equal("Europe/Ljubljana", partner.TimeZone.Id);
        Assert.Equal("Europe/Ljubljana", partner.On(Mid2016).Value.TimeZone.Id);
        Assert.Equal("Europe/Madrid", Rulebook.Extremadura.TimeZone.Id);
    }

    [Fact]
    public void Load_WhenPartnerHasANewYear_HasThatYearOnly()
    {
        var partner = LoadPartner(Rulebook.Extremadura, p => p["annuities"] = new JsonObject { ["2026"] = Annuity(2026, capacity: 20) });

        Assert.Equal([2026], partner.Annuities.Keys);
        Assert.Equal(20, partner.Annuity(2026).Value.Capacity);
        Assert.Equal([2016], Rulebook.Extremadura.Annuities.Keys);
    }

    [Fact]
    public void Load_WhenPartnerStatesABaseYear_HasItsOwnFigures()
    {
        var partner = LoadPartner(Rulebook.Extremadura, p => p["annuities"] = new JsonObject { ["2016"] = Annuity(2016, capacity: 12) });

        Assert.Equal(12, partner.Annuity(2016).Value.Capacity);
        Assert.Equal(30, Rulebook.Extremadura.Annuity(2016).Value.Capacity);
    }

    [Fact]
    public void Load_WhenPartnerSwitchesCurrencyWithoutRestatingAmounts_RefusesNamingEveryInheritedProgrammeAmount()
    {
        var result = Rulebook.Load(RulebookJsonEdits.Partner(p => p["currency"] = "GBP"), Rulebook.Extremadura);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Null(result.Value);
        Assert.All(result.ValidationErrors, e =>
        {
            Assert.Equal(RulebookErrors.CurrencyMismatch, e.ErrorCode);
            Assert.Contains("inherited from 'extremadura'", e.ErrorMessage, StringComparison.Ordinal);
        });

        // Only the programme's own amounts: the SME ceilings, the investor-exception amounts and the
        // de minimis ceilings are set in euros by EU law, and stay in euros in a programme in pounds.
        Assert.Equal(
            new[]
            {
                "$.overrides.promotion.capPerCompany",
                "$.overrides.support.consultantHourlyRate",
            },
            result.ValidationErrors.Select(e => e.Identifier).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_WhenAZlotyPartnerInheritsTheEuAmounts_HasNoCurrencyErrorAndKeepsThemInEuros()
    {
        var partner = LoadPartner(Rulebook.Extremadura, p =>
        {
            p["currency"] = "PLN";
            p["timeZone"] = "Europe/Warsaw";
            p.Override("promotion.capPerCompany", "PLN 10000.00");
            p.Override("support.consultantHourlyRate", "PLN 300.00");
            p["annuities"] = new JsonObject { ["2016"] = Annuity(2016, capacity: 10, currency: "PLN") };
        });

        var rules = partner.On(Mid2016).Value;
        Assert.Equal(Currency.FromCode("PLN"), partner.Currency);
        Assert.Equal(Money.Of(10_000m, Currency.FromCode("PLN")), rules.Promotion.CapPerCompany);
        Assert.Equal(Money.Of(10_000_000m, Currency.EUR), rules.Sme.Small.TurnoverAtMost);
        Assert.Equal(Money.Of(43_000_000m, Currency.EUR), rules.Sme.Medium.BalanceSheetAtMost);
        Assert.Equal(Money.Of(1_250_000m, Currency.EUR), rules.Sme.BusinessAngelInvestmentBelow);
        Assert.Equal(Money.Of(10_000_000m, Currency.EUR), rules.Sme.LocalAuthorityBudgetBelow);
        Assert.Equal(Money.Of(300_000m, Currency.EUR), partner.On(new LocalDate(2024, 6, 1)).Value.Aid.Regime.Ceiling);
        Assert.Equal(FiguresRateDate.PeriodEnd, rules.Sme.FiguresExchangeRate);
        Assert.Equal(AidRateDate.GrantDate, rules.Aid.ExchangeRate);
    }

    [Theory]
    [InlineData("sme.smallTurnoverAtMost", "Recommendation 2003/361/EC, annex art. 2, sets the ceilings in euros")]
    [InlineData("sme.businessAngelInvestmentBelow", "Recommendation 2003/361/EC, annex art. 3(2)(a), sets it in euros")]
    [InlineData("sme.localAuthorityBudgetBelow", "Recommendation 2003/361/EC, annex art. 3(2)(d), sets it in euros")]
    public void Load_WhenAZlotyPartnerOverridesAnEuAmountInZloty_RefusesOnceSayingTheTextSetsItInEuros(string parameter, string law)
    {
        var result = Rulebook.Load(
            RulebookJsonEdits.Partner(p =>
            {
                p["currency"] = "PLN";
                p.Override("promotion.capPerCompany", "PLN 10000.00");
                p.Override("support.consultantHourlyRate", "PLN 300.00");
                p.Override(parameter, "PLN 43000000.00");
            }),
            Rulebook.Extremadura);

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(RulebookErrors.CurrencyMismatch, error.ErrorCode);
        Assert.Equal($"$.overrides.{parameter}[0].value", error.Identifier);
        Assert.Equal($"PLN 43000000.00 is not in EUR: {law}, whatever the rulebook's currency.", error.ErrorMessage);
    }

    [Fact]
    public void Load_WhenAnEuAmountIsOverriddenInEurosInAZlotyPartner_Loads()
    {
        var partner = LoadPartner(Rulebook.Extremadura, p =>
        {
            p["currency"] = "PLN";
            p.Override("promotion.capPerCompany", "PLN 10000.00");
            p.Override("support.consultantHourlyRate", "PLN 300.00");
            p.Override("sme.smallTurnoverAtMost", "EUR 11000000.00");
        });

        Assert.Equal(Money.Of(11_000_000m, Currency.EUR), partner.On(Mid2016).Value.Sme.Small.TurnoverAtMost);
    }

    [Fact]
    public void Load_WhenAZlotyPartnerWritesItsAidRegimeInPounds_Refuses_ButItsOwnCurrencyOrEurosLoad()
    {
        JsonObject Regime(string ceiling) => new()
        {
            ["name"] = "A regime",
            ["ceiling"] = ceiling,
            ["period"] = new JsonObject { ["kind"] = "rollingYears", ["years"] = 3 },
        };
        Result<Rulebook> With(string ceiling) => Rulebook.Load(
            RulebookJsonEdits.Partner(p =>
            {
                p["currency"] = "PLN";
                p.Override("promotion.capPerCompany", "PLN 10000.00");
                p.Override("support.consultantHourlyRate", "PLN 300.00");
                p.Override("aid.regime", Regime(ceiling));
            }),
            Rulebook.Extremadura);

        var error = Assert.Single(With("GBP 315000.00").ValidationErrors);
        Assert.Equal("$.overrides.aid.regime[0].value.ceiling", error.Identifier);
        Assert.Equal(RulebookErrors.CurrencyMismatch, error.ErrorCode);
        Assert.StartsWith("GBP 315000.00 is neither in EUR nor in the rulebook's currency PLN: Regulations (EU) 1407/2013 and 2023/2831, art. 3(2), set the de minimis ceilings in euros", error.ErrorMessage, StringComparison.Ordinal);
        Assert.True(With("EUR 300000.00").IsSuccess);
        Assert.True(With("PLN 1300000.00").IsSuccess);
    }

    [Fact]
    public void EveryAmountTheLawSetsInEuros_IsDeclaredOnItsParameter_AndNoOther()
    {
        var fixedInEuros = Parameters.All.Where(p => p.FixedCurrency == Currency.EUR).Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                "aid.regime",
                "sme.businessAngelInvestmentBelow",
                "sme.localAuthorityBudgetBelow",
                "sme.mediumBalanceSheetAtMost",
                "sme.mediumTurnoverAtMost",
                "sme.microBalanceSheetAtMost",
                "sme.microTurnoverAtMost",
                "sme.smallBalanceSheetAtMost",
                "sme.smallTurnoverAtMost",
            },
            fixedInEuros);
        Assert.All(Parameters.All.Where(p => p.FixedCurrency is not null), p =>
        {
            Assert.Contains("in euros", p.FixedCurrencyLaw, StringComparison.Ordinal);
            Assert.Contains(p.FixedCurrencyLaw!, p.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Load_WhenPartnerWritesAnAmountAsANumber_ShowsTheFormInItsCurrency_AndDoesNotReportItAgainAsInherited()
    {
        var result = Rulebook.Load(
            RulebookJsonEdits.Partner(p =>
            {
                p["currency"] = "GBP";
                p.Override("promotion.capPerCompany", 3000);
            }),
            Rulebook.Extremadura);

        var cap = result.ValidationErrors.Where(e => e.Identifier.StartsWith("$.overrides.promotion.capPerCompany", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(cap);
        Assert.Equal("$.overrides.promotion.capPerCompany[0].value", error.Identifier);
        Assert.Equal(RulebookErrors.WrongType, error.ErrorCode);
        Assert.Equal("Expected an amount as a string with its currency, such as \"GBP 3000.00\", found the number 3000.", error.ErrorMessage);

        // The other inherited amounts still do not fit the new currency: each is named where the partner would override it.
        var hourly = Assert.Single(result.ValidationErrors, e => e.Identifier == "$.overrides.support.consultantHourlyRate");
        Assert.Equal("EUR 69.00 is not in the rulebook's currency GBP. It is inherited from 'extremadura' ($.parameters.support.consultantHourlyRate[0].value there): override 'support.consultantHourlyRate' here.", hourly.ErrorMessage);
    }

    [Theory]
    [InlineData("EUR", "2500.5", "EUR 2500.50")]
    [InlineData("EUR", "-1", "EUR 2500.00")]
    [InlineData("JPY", "1200.7", "JPY 1200")]
    public void Load_WhenAnAmountIsANumber_ShowsTheFormWithTheCurrencysMinorUnits(string currency, string number, string shown)
    {
        var result = Rulebook.Load(
            RulebookJsonEdits.Partner(p =>
            {
                p["currency"] = currency;
                p.Override("promotion.capPerCompany", JsonNode.Parse(number));
            }),
            Rulebook.Extremadura);

        var error = Assert.Single(result.ValidationErrors, e => e.Identifier == "$.overrides.promotion.capPerCompany[0].value");
        Assert.Equal($"Expected an amount as a string with its currency, such as \"{shown}\", found the number {number}.", error.ErrorMessage);
    }

    [Fact]
    public void Load_WhenPartnerSwitchesCurrencyAndRestatesEveryAmount_Loads()
    {
        var partner = LoadPartner(Rulebook.Extremadura, p =>
        {
            p["currency"] = "GBP";
            p["timeZone"] = "Europe/London";
            foreach (var money in Parameters.All.OfType<ParameterDefinition<Money>>().Where(m => m.FixedCurrency is null))
            {
                p.Override(money.Name, "GBP 2000.00");
            }

            p.Override("aid.regime", new JsonObject
            {
                ["name"] = "UK minimal financial assistance",
                ["ceiling"] = "GBP 315000.00",
                ["period"] = new JsonObject { ["kind"] = "fiscalYears", ["years"] = 3, ["fiscalYearStart"] = "04-01" },
            });
            p["annuities"] = new JsonObject { ["2016"] = Annuity(2016, capacity: 10, currency: "GBP") };
        });

        Assert.Equal(Currency.GBP, partner.Currency);
        Assert.Equal(Money.Of(2_000m, Currency.GBP), partner.On(Mid2016).Value.Promotion.CapPerCompany);
        Assert.Equal(Money.Of(315_000m, Currency.GBP), partner.On(Mid2016).Value.Aid.Regime.Ceiling);
        Assert.Equal(Currency.GBP, partner.Annuity(2016).Value.Budget.Total.Currency);
    }

    [Fact]
    public void Load_WhenAPartnerExtendsAPartner_InheritsItsOverrides()
    {
        var first = LoadPartner(Rulebook.Extremadura, p => p.Override("promotion.capPerCompany", "EUR 3000.00"));

        var second = Rulebook.Load(
            RulebookJsonEdits.Partner(p =>
            {
                p["id"] = "second";
                p["extends"] = "partner";
                p.Override("commitment.tutorials", 4);
            }),
            first).Value;

        Assert.Equal(4, second.On(Mid2016).Value.Commitment.Tutorials);
        Assert.Equal(Money.Of(3_000m, Currency.EUR), second.On(Mid2016).Value.Promotion.CapPerCompany);
        Assert.Equal(3, first.On(Mid2016).Value.Commitment.Tutorials);
    }

    [Property]
    public bool AnOverrideNeverChangesItsBase(PartnerRulebookJson partnerJson)
    {
        var @base = FreshExtremadura();
        var before = @base.ToJson();

        var partner = Rulebook.Load(partnerJson.Json, @base);

        return partner.IsSuccess
            && @base.ToJson() == before
            && @base.Equals(Rulebook.Extremadura)
            && Parameters.All
                .Where(p => !partnerJson.Overridden.Contains(p.Name) && p != Parameters.ReportLabels)
                .All(p => partner.Value.Timelines[p.Name].Equals(@base.Timelines[p.Name]));
    }

    private static JsonObject Annuity(int year, int capacity, string currency = "EUR") => new()
    {
        ["budget"] = new JsonObject
        {
            ["actions"] = $"{currency} 50000.00",
            ["training"] = $"{currency} 4000.00",
            ["consultancy"] = $"{currency} 6000.00",
            ["total"] = $"{currency} 60000.00",
        },
        ["capacity"] = capacity,
        ["windows"] = new JsonObject
        {
            ["applications"] = new JsonObject { ["start"] = $"{year}-01-15", ["end"] = $"{year}-03-15" },
            ["training"] = new JsonObject { ["start"] = $"{year}-04-01", ["end"] = $"{year}-11-30" },
            ["expenses"] = new JsonObject { ["start"] = $"{year}-04-01", ["end"] = $"{year}-12-31" },
        },
    };
}
