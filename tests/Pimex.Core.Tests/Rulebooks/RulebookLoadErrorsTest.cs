using System.Text.Json.Nodes;
using Ardalis.Result;
using NodaTime;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>
/// One test per way a rulebook can be malformed: each asserts the JSON path and the stable code
/// of <see cref="RulebookErrors"/>, and that the load neither throws nor half-loads.
/// </summary>
public class RulebookLoadErrorsTest
{
    private static Result<Rulebook> Load(Action<JsonObject> edit) => Rulebook.Load(RulebookJsonEdits.Extremadura(edit));

    private static Result<Rulebook> LoadPartner(Action<JsonObject> edit) => Rulebook.Load(RulebookJsonEdits.Partner(edit), Rulebook.Extremadura);

    // ---- The text itself -----------------------------------------------------------------

    [Fact]
    public void Load_WhenTextIsNotJson_ReportsMalformedJsonAtTheRoot()
    {
        Rulebook.Load("{ \"id\": ").AssertSingleError("$", RulebookErrors.MalformedJson);
        Rulebook.Load(Rulebook.Extremadura.ToJson()[..200]).AssertSingleError("$", RulebookErrors.MalformedJson);
        Rulebook.Load("{ \"id\": \"x\", }").AssertSingleError("$", RulebookErrors.MalformedJson);
        Rulebook.Load(string.Empty).AssertSingleError("$", RulebookErrors.MalformedJson);
    }

    [Fact]
    public void Load_WhenTextHasALoneSurrogate_ReportsMalformedJson()
    {
        Rulebook.Load("{ \"id\": \"\uD800\" }").AssertSingleError("$", RulebookErrors.MalformedJson);
    }

    [Fact]
    public void Load_WhenLongerThanMaxCharacters_ReportsTooLarge()
    {
        var json = Rulebook.Extremadura.ToJson();

        Rulebook.Load(json, options: new RulebookLoadOptions(MaxCharacters: json.Length - 1)).AssertSingleError("$", RulebookErrors.TooLarge);
        Assert.True(Rulebook.Load(json, options: new RulebookLoadOptions(MaxCharacters: json.Length)).IsSuccess);
    }

    [Fact]
    public void Load_WhenNestedDeeperThanMaxDepth_ReportsTooDeep()
    {
        var deep = Load(root =>
        {
            JsonNode nested = new JsonArray();
            for (int i = 0; i < 40; i++)
            {
                nested = new JsonArray(nested);
            }

            root["description"] = nested;
        });

        deep.AssertSingleError("$", RulebookErrors.TooDeep);
        Rulebook.Load(Rulebook.Extremadura.ToJson(), options: new RulebookLoadOptions(MaxDepth: 4)).AssertSingleError("$", RulebookErrors.TooDeep);
    }

    [Fact]
    public void Load_WhenRootIsNotAnObject_ReportsWrongType()
    {
        Rulebook.Load("[]").AssertSingleError("$", RulebookErrors.WrongType);
        Rulebook.Load("null").AssertSingleError("$", RulebookErrors.WrongType);
    }

    // ---- Shape ---------------------------------------------------------------------------

    [Fact]
    public void Load_WhenRootHasAnUnknownField_ReportsUnknownField()
    {
        Load(root => root["colour"] = "green").AssertSingleError("$.colour", RulebookErrors.UnknownField);
    }

    [Fact]
    public void Load_WhenANestedObjectHasAnUnknownField_ReportsUnknownFieldAtItsPath()
    {
        Load(root => root.Annuity2016()["budget"]!["vat"] = "EUR 1.00").AssertSingleError("$.annuities.2016.budget.vat", RulebookErrors.UnknownField);
        Load(root => root.Timeline("promotion.capPerCompany")[0]!["note"] = "x").AssertSingleError("$.parameters.promotion.capPerCompany[0].note", RulebookErrors.UnknownField);
        Load(root => root["parameters"]!["marketing"] = new JsonObject()).AssertSingleError("$.parameters.marketing", RulebookErrors.UnknownField);
        Load(root => root["parameters"]!["promotion"]!["capPerHead"] = new JsonArray()).AssertSingleError("$.parameters.promotion.capPerHead", RulebookErrors.UnknownField);
    }

    [Fact]
    public void Load_WhenAKeyIsRepeated_ReportsDuplicateKey()
    {
        var json = "{ \"id\": \"again\", " + Rulebook.Extremadura.ToJson().TrimStart()[1..];

        Rulebook.Load(json).AssertSingleError("$.id", RulebookErrors.DuplicateKey);
    }

    [Fact]
    public void Load_WhenAListRepeatsAnItem_ReportsDuplicateKey()
    {
        Load(root => root.Timeline("eligibility.regions")[0]!["value"] = new JsonArray("ES43", "ES43"))
            .AssertSingleError("$.parameters.eligibility.regions[0].value[1]", RulebookErrors.DuplicateKey);
        Load(root => root.Timeline("promotion.categories")[0]!["value"]![1]!["code"] = "tradeFair")
            .AssertSingleError("$.parameters.promotion.categories[0].value[1].code", RulebookErrors.DuplicateKey);
    }

    // Eurostat writes a NUTS code as the country's two capital letters and one character per level
    // below it (Regulation (EC) No 1059/2003, annex I): a region's name or a lower-case code would
    // refuse every applicant, so the rulebook is refused instead.
    [Theory]
    [InlineData("Podravje")]
    [InlineData("es43")]
    [InlineData("E")]
    [InlineData("ES4321")]
    [InlineData("ES-43")]
    [InlineData("4S43")]
    public void Load_WhenARegionIsNotANutsCode_ReportsOutOfRangeAtTheCode(string code)
    {
        Load(root => root.Timeline("eligibility.regions")[0]!["value"] = new JsonArray("ES43", code))
            .AssertSingleError("$.parameters.eligibility.regions[0].value[1]", RulebookErrors.OutOfRange);
    }

    [Theory]
    [InlineData("NUTS 21")]
    [InlineData("2021")]
    [InlineData("nuts 2021")]
    [InlineData("NUTS 2021 ")]
    [InlineData("NUTS-2021")]
    [InlineData("NUTS 20x1")]
    public void Load_WhenTheNutsVersionIsNotOne_ReportsOutOfRange(string version)
    {
        Load(root => root.Timeline("eligibility.nutsVersion")[0]!["value"] = version)
            .AssertSingleError("$.parameters.eligibility.nutsVersion[0].value", RulebookErrors.OutOfRange);
    }

    [Fact]
    public void Load_WhenAValueHasTheWrongJsonType_ReportsWrongType()
    {
        Load(root => root.Annuity2016()["capacity"] = "30").AssertSingleError("$.annuities.2016.capacity", RulebookErrors.WrongType);
        Load(root => root.Timeline("commitment.groupSessions")[0]!["value"] = "3").AssertSingleError("$.parameters.commitment.groupSessions[0].value", RulebookErrors.WrongType);
        Load(root => root.Timeline("promotion.capPerCompany")[0]!["value"] = 2500).AssertSingleError("$.parameters.promotion.capPerCompany[0].value", RulebookErrors.WrongType);
        Load(root => root["illustrative"] = "yes").AssertSingleError("$.illustrative", RulebookErrors.WrongType);
        Load(root => root["parameters"] = new JsonArray()).AssertSingleError("$.parameters", RulebookErrors.WrongType);
    }

    [Fact]
    public void Load_WhenARequiredFieldIsMissing_ReportsMissingField()
    {
        Load(root => root.Remove("name")).AssertSingleError("$.name", RulebookErrors.MissingField);
        Load(root => root["parameters"]!["promotion"]!.AsObject().Remove("capPerCompany")).AssertSingleError("$.parameters.promotion.capPerCompany", RulebookErrors.MissingField);
        Load(root => root["parameters"]!.AsObject().Remove("survey")).AssertSingleError("$.parameters.survey", RulebookErrors.MissingField);
        Load(root => root.Annuity2016()["budget"]!.AsObject().Remove("total")).AssertSingleError("$.annuities.2016.budget.total", RulebookErrors.MissingField);
        Load(root => root.Timeline("commitment.groupSessions")[0]!.AsObject().Remove("from")).AssertSingleError("$.parameters.commitment.groupSessions[0].from", RulebookErrors.MissingField);
    }

    // ---- Values --------------------------------------------------------------------------

    [Fact]
    public void Load_WhenADateIsNotIso_ReportsInvalidValue()
    {
        Load(root => root.Timeline("commitment.groupSessions")[0]!["from"] = "2002-13-01").AssertSingleError("$.parameters.commitment.groupSessions[0].from", RulebookErrors.InvalidValue);
        Load(root => root.Annuity2016()["windows"]!["training"]!["start"] = "01/04/2016").AssertSingleError("$.annuities.2016.windows.training.start", RulebookErrors.InvalidValue);
        Load(root => root.Timeline("aid.regime")[0]!["value"]!["period"]!["fiscalYearStart"] = "02-30").AssertSingleError("$.parameters.aid.regime[0].value.period.fiscalYearStart", RulebookErrors.InvalidValue);
    }

    [Fact]
    public void Load_WhenAnAmountIsNotMoneyText_ReportsInvalidValue()
    {
        Load(root => root.Timeline("promotion.capPerCompany")[0]!["value"] = "EUR 2,500.00").AssertSingleError("$.parameters.promotion.capPerCompany[0].value", RulebookErrors.InvalidValue);
        Load(root => root.Annuity2016()["budget"]!["actions"] = "XYZ 75000.00").AssertSingleError("$.annuities.2016.budget.actions", RulebookErrors.InvalidValue);
    }

    [Fact]
    public void Load_WhenTheCurrencyIsUnknown_ReportsInvalidValue()
    {
        Load(root => root["currency"] = "XYZ").AssertSingleError("$.currency", RulebookErrors.InvalidValue);
    }

    [Fact]
    public void Load_WhenTheTimeZoneIsUnknown_ReportsInvalidValue()
    {
        Load(root => root["timeZone"] = "Europe/Atlantis").AssertSingleError("$.timeZone", RulebookErrors.InvalidValue);
    }

    [Fact]
    public void Load_WhenATextValueIsNotOneOfItsNames_ReportsInvalidValue()
    {
        Load(root => root.Timeline("commitment.tutorialVenue")[0]!["value"] = "office").AssertSingleError("$.parameters.commitment.tutorialVenue[0].value", RulebookErrors.InvalidValue);
        Load(root => root.Timeline("promotion.supportIntensity")[0]!["value"] = "100 percent").AssertSingleError("$.parameters.promotion.supportIntensity[0].value", RulebookErrors.InvalidValue);
        Load(root => root["id"] = "Extremadura!").AssertSingleError("$.id", RulebookErrors.InvalidValue);
        Load(root => root["description"] = string.Empty).AssertSingleError("$.description", RulebookErrors.InvalidValue);
        Load(root => root.Timeline("commitment.tutorials")[0]!["value"] = 3.5).AssertSingleError("$.parameters.commitment.tutorials[0].value", RulebookErrors.InvalidValue);
    }

    [Fact]
    public void Load_WhenAnAnnuityKeyIsNotAYear_ReportsInvalidValue()
    {
        Load(root => root["annuities"]!["16"] = root.Annuity2016().DeepClone()).AssertSingleError("$.annuities.16", RulebookErrors.InvalidValue);
    }

    [Fact]
    public void Load_WhenAnAmountIsNegative_ReportsNegativeAmount()
    {
        Load(root => root.Annuity2016()["budget"]!["training"] = "EUR -5000.00").AssertSingleError("$.annuities.2016.budget.training", RulebookErrors.NegativeAmount);
        Load(root => root.Timeline("promotion.capPerCompany")[0]!["value"] = "EUR -0.01").AssertSingleError("$.parameters.promotion.capPerCompany[0].value", RulebookErrors.NegativeAmount);
    }

    [Fact]
    public void Load_WhenAnAmountIsInAnotherCurrency_ReportsCurrencyMismatch()
    {
        Load(root => root.Timeline("promotion.capPerCompany")[0]!["value"] = "GBP 2500.00").AssertSingleError("$.parameters.promotion.capPerCompany[0].value", RulebookErrors.CurrencyMismatch);
        Load(root => root.Annuity2016()["budget"]!["training"] = "GBP 5000.00").AssertSingleError("$.annuities.2016.budget.training", RulebookErrors.CurrencyMismatch);
    }

    [Fact]
    public void Load_WhenTheCurrencyIsMissingAndBudgetLinesMixCurrencies_ReportsBothWithoutThrowing()
    {
        var result = Load(root =>
        {
            root.Remove("currency");
            root.Annuity2016()["budget"]!["training"] = "GBP 5000.00";
        });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(
            [("$.currency", RulebookErrors.MissingField), ("$.annuities.2016.budget.training", RulebookErrors.CurrencyMismatch)],
            result.ValidationErrors.Select(e => (e.Identifier, e.ErrorCode)));
    }

    [Fact]
    public void Load_WhenBudgetLinesDoNotAddUpToTheTotal_ReportsBudgetDoesNotAddUp()
    {
        var error = Load(root => root.Annuity2016()["budget"]!["total"] = "EUR 88279.99").AssertSingleError("$.annuities.2016.budget.total", RulebookErrors.BudgetDoesNotAddUp);

        Assert.Contains("EUR 88280.00", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenTimelineDatesDoNotIncrease_ReportsDatesOutOfOrder()
    {
        Load(root => root.Timeline("aid.regime")[1]!["from"] = "2010-01-01").AssertSingleError("$.parameters.aid.regime[1].from", RulebookErrors.DatesOutOfOrder);
        Load(root => root.Timeline("aid.regime")[1]!["from"] = "2014-01-01").AssertSingleError("$.parameters.aid.regime[1].from", RulebookErrors.DatesOutOfOrder);
    }

    [Fact]
    public void Load_WhenAWindowEndsBeforeItStarts_ReportsDatesOutOfOrder()
    {
        Load(root => root.Annuity2016()["windows"]!["applications"]!["end"] = "2016-01-14").AssertSingleError("$.annuities.2016.windows.applications.end", RulebookErrors.DatesOutOfOrder);
    }

    [Fact]
    public void Load_WhenAValueIsOutOfItsRange_ReportsOutOfRange()
    {
        Load(root => root.Timeline("promotion.supportIntensity")[0]!["value"] = "100.01%").AssertSingleError("$.parameters.promotion.supportIntensity[0].value", RulebookErrors.OutOfRange);
        Load(root => root.Timeline("funding.actions")[1]!["value"]![1]!["rate"] = "5%").AssertSingleError("$.parameters.funding.actions[1].value", RulebookErrors.OutOfRange);
        Load(root => root.Annuity2016()["capacity"] = 0).AssertSingleError("$.annuities.2016.capacity", RulebookErrors.OutOfRange);
        Load(root => root.Timeline("commitment.groupSessions")[0]!["value"] = -1).AssertSingleError("$.parameters.commitment.groupSessions[0].value", RulebookErrors.OutOfRange);
        Load(root => root.Timeline("aid.regime")[0]!["value"]!["period"]!["years"] = 0).AssertSingleError("$.parameters.aid.regime[0].value.period.years", RulebookErrors.OutOfRange);
    }

    [Fact]
    public void Load_WhenTheSurveyScaleMinimumIsNotBelowItsMaximum_ReportsOutOfRange()
    {
        Load(root => root.Timeline("survey.scaleMin")[0]!["value"] = 10).AssertSingleError("$.parameters.survey.scaleMin[0].value", RulebookErrors.OutOfRange);
        Load(root => root.Timeline("survey.scaleMax").Add(new JsonObject { ["from"] = "2020-01-01", ["value"] = 0 }))
            .AssertSingleError("$.parameters.survey.scaleMax[1].value", RulebookErrors.OutOfRange);
        LoadPartner(p => p.Override("survey.scaleMin", 10)).AssertSingleError("$.overrides.survey.scaleMin[0].value", RulebookErrors.OutOfRange);
    }

    [Fact]
    public void Load_WhenATimelineIsEmpty_ReportsEmptyTimeline()
    {
        Load(root => root["parameters"]!["commitment"]!["groupSessions"] = new JsonArray()).AssertSingleError("$.parameters.commitment.groupSessions", RulebookErrors.EmptyTimeline);
    }

    // ---- Partner rulebooks ---------------------------------------------------------------

    [Fact]
    public void Load_WhenAnOverrideNamesAParameterTheBaseLacks_ReportsUnknownParameter()
    {
        LoadPartner(p => p.Override("promotion.capPerHead", "EUR 3000.00")).AssertSingleError("$.overrides.promotion.capPerHead", RulebookErrors.UnknownParameter);
        LoadPartner(p => p.Override("marketing.budget", "EUR 3000.00")).AssertSingleError("$.overrides.marketing.budget", RulebookErrors.UnknownParameter);
    }

    [Fact]
    public void Load_WhenAPartnerIsLoadedWithoutItsBase_ReportsBaseMismatch()
    {
        Rulebook.Load(RulebookJsonEdits.Partner()).AssertSingleError("$.extends", RulebookErrors.BaseMismatch);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_WhenAPartnerWithABrokenIdIsLoadedOverTheWrongBase_ReportsBoth(bool withoutBase)
    {
        var other = Rulebook.Load(RulebookJsonEdits.Extremadura(root => root["id"] = "alentejo")).Value;

        var result = Rulebook.Load(RulebookJsonEdits.Partner(p => p["id"] = "Not An Id"), withoutBase ? null : other);

        Assert.Equal(
            [("$.extends", RulebookErrors.BaseMismatch), ("$.id", RulebookErrors.InvalidValue)],
            result.ValidationErrors.Select(e => (e.Identifier, e.ErrorCode)).Order());
    }

    [Fact]
    public void Load_WhenAPartnerIsLoadedOverAnotherBase_ReportsBaseMismatch()
    {
        var other = Rulebook.Load(RulebookJsonEdits.Extremadura(root => root["id"] = "alentejo")).Value;

        var error = Rulebook.Load(RulebookJsonEdits.Partner(), other).AssertSingleError("$.extends", RulebookErrors.BaseMismatch);
        Assert.Contains("alentejo", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenABaseRulebookHasOverrides_ReportsWrongKind()
    {
        Load(root => root["overrides"] = new JsonObject()).AssertSingleError("$.overrides", RulebookErrors.WrongKind);
    }

    [Fact]
    public void Load_WhenAPartnerRulebookHasParameters_ReportsWrongKind()
    {
        LoadPartner(p => p["parameters"] = new JsonObject()).AssertSingleError("$.parameters", RulebookErrors.WrongKind);
        LoadPartner(p => p["basedOn"] = "extremadura").AssertSingleError("$.basedOn", RulebookErrors.WrongKind);
    }

    // ---- Several at once -----------------------------------------------------------------

    [Fact]
    public void Load_WhenSeveralProblems_ReportsEveryOneAndNoRulebook()
    {
        var result = Load(root =>
        {
            root["colour"] = "green";
            root["timeZone"] = "Europe/Atlantis";
            root.Annuity2016()["budget"]!["training"] = "EUR -5000.00";
            root.Timeline("aid.regime")[1]!["from"] = "2010-01-01";
        });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Null(result.Value);
        Assert.Equal(
            new[]
            {
                ("$.colour", RulebookErrors.UnknownField),
                ("$.timeZone", RulebookErrors.InvalidValue),
                ("$.parameters.aid.regime[1].from", RulebookErrors.DatesOutOfOrder),
                ("$.annuities.2016.budget.training", RulebookErrors.NegativeAmount),
            }.Order(),
            result.ValidationErrors.Select(e => (e.Identifier, e.ErrorCode)).Order());
    }

    // ---- Asking a loaded rulebook ------------------------------------------------------------

    [Fact]
    public void On_WhenBeforeEveryFirstEntry_ReportsNotInForceForEachParameter()
    {
        var result = Rulebook.Extremadura.On(new LocalDate(2001, 12, 31));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.All(result.ValidationErrors, e => Assert.Equal(RulebookErrors.NotInForce, e.ErrorCode));
        // The 'reporting' group is not a rule the verbs apply: the reports read it where it is in force.
        Assert.Equal(Parameters.All.Where(p => p.Group != "reporting").Select(p => p.Name).Order(), result.ValidationErrors.Select(e => e.Identifier).Order());
    }

    [Fact]
    public void On_WhenSomeParametersStartLater_ReportsNotInForceForThoseOnly()
    {
        var result = Rulebook.Extremadura.On(new LocalDate(2013, 12, 31));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.All(result.ValidationErrors, e => Assert.Equal(RulebookErrors.NotInForce, e.ErrorCode));
        Assert.Equal(
            ["aid.regime", "aid.singleUndertakingShareAbove", "funding.actions", "funding.consultancy", "funding.exchangeRate", "funding.training"],
            result.ValidationErrors.Select(e => e.Identifier).Order(StringComparer.Ordinal));
        Assert.True(Rulebook.Extremadura.On(new LocalDate(2014, 1, 1)).IsSuccess);
    }

    [Fact]
    public void Annuity_WhenTheYearHasNone_ReportsNoAnnuity()
    {
        var error = Rulebook.Extremadura.Annuity(2015).AssertSingleError("annuities", RulebookErrors.NoAnnuity);

        Assert.Contains("2015", error.ErrorMessage, StringComparison.Ordinal);
    }
}
