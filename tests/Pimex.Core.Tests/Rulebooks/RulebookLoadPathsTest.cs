using System.Text.Json.Nodes;
using Ardalis.Result;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>
/// Where a load error points: every field of every object is reported at its own JSON path, once,
/// with a message that says what was found and what was expected.
/// </summary>
public class RulebookLoadPathsTest
{
    private static Result<Rulebook> Load(Action<JsonObject> edit) => Rulebook.Load(RulebookJsonEdits.Extremadura(edit));

    private static Result<Rulebook> LoadPartner(Action<JsonObject> edit) => Rulebook.Load(RulebookJsonEdits.Partner(edit), Rulebook.Extremadura);

    private static JsonObject Category(JsonObject root) => root.Timeline("promotion.categories")[0]!["value"]![0]!.AsObject();

    private static JsonObject Regime(JsonObject root) => root.Timeline("aid.regime")[0]!["value"]!.AsObject();

    // ---- Paths of keys that are not plain names --------------------------------------------

    [Theory]
    [InlineData("colour", "$.colour")]
    [InlineData("colour_2", "$.colour_2")]
    [InlineData("col-our", "$['col-our']")]
    [InlineData("it's", "$['it\\'s']")]
    public void Load_WhenAnUnknownKeyIsNotAPlainName_QuotesItInThePath(string key, string path)
    {
        Load(root => root[key] = "green").AssertSingleError(path, RulebookErrors.UnknownField);
    }

    [Fact]
    public void Load_WhenTheSchemaIsNamed_LoadsAndChecksItIsAString()
    {
        Assert.True(Load(root => root["$schema"] = "https://example.org/rulebook.schema.json").IsSuccess);
        Load(root => root["$schema"] = 5).AssertSingleError("$['$schema']", RulebookErrors.WrongType);
        Load(root => root["$schema"] = string.Empty).AssertSingleError("$['$schema']", RulebookErrors.InvalidValue);
    }

    // ---- What was found ----------------------------------------------------------------------

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"yes\"", "a string")]
    [InlineData("1", "a number")]
    [InlineData("null", "null")]
    [InlineData("{}", "an object")]
    public void Load_WhenAFlagIsNotABoolean_SaysWhatWasFound(string value, string found)
    {
        var error = Load(root => root["illustrative"] = JsonNode.Parse(value)).AssertSingleError("$.illustrative", RulebookErrors.WrongType);

        Assert.Equal($"Expected true or false, found {found}.", error.ErrorMessage);
    }

    [Fact]
    public void Load_WhenAnObjectIsABoolean_SaysABooleanWasFound()
    {
        var error = Load(root => root["parameters"] = true).AssertSingleError("$.parameters", RulebookErrors.WrongType);

        Assert.Equal("Expected an object, found a boolean.", error.ErrorMessage);
    }

    [Fact]
    public void Load_WhenAStringEscapesALoneSurrogate_SaysSoAtItsPath()
    {
        var json = RulebookJsonEdits.Extremadura(root => root["description"] = "@").Replace("\"@\"", "\"\\uD800\"", StringComparison.Ordinal);

        var error = Rulebook.Load(json).AssertSingleError("$.description", RulebookErrors.InvalidValue);

        Assert.StartsWith("The string escapes an unpaired UTF-16 surrogate", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenATextValueIsNotOneOfItsNames_ListsTheNames()
    {
        var error = Load(root => root.Timeline("commitment.tutorialVenue")[0]!["value"] = "office")
            .AssertSingleError("$.parameters.commitment.tutorialVenue[0].value", RulebookErrors.InvalidValue);

        Assert.Equal("'office' is not one of: companyPremises, any.", error.ErrorMessage);
    }

    [Fact]
    public void Load_WhenAnAmountExceedsTheLargestARulebookHolds_ReportsOutOfRangeNamingTheLimit()
    {
        var error = Load(root => root.Timeline("promotion.capPerCompany")[0]!["value"] = "EUR 1000000000000000.01")
            .AssertSingleError("$.parameters.promotion.capPerCompany[0].value", RulebookErrors.OutOfRange);

        Assert.Contains("(1,000,000,000,000,000)", error.ErrorMessage, StringComparison.Ordinal);
        Assert.True(Load(root => root.Timeline("promotion.capPerCompany")[0]!["value"] = "EUR 1000000000000000.00").IsSuccess);
    }

    [Fact]
    public void Load_WhenACountIsAtItsMaximum_AcceptsItAndRefusesOneMore()
    {
        Assert.True(Load(root => Regime(root)["period"]!["years"] = 100).IsSuccess);
        var error = Load(root => Regime(root)["period"]!["years"] = 101)
            .AssertSingleError("$.parameters.aid.regime[0].value.period.years", RulebookErrors.OutOfRange);

        Assert.Equal("Expected a whole number from 0 to 100, found 101.", error.ErrorMessage);
    }

    // ---- A wrong type is reported once, not again as a bad value -----------------------------

    [Fact]
    public void Load_WhenATypedTextIsNotAString_ReportsOnlyTheWrongType()
    {
        Load(root => root.Timeline("commitment.groupSessions")[0]!["from"] = 20020101).AssertSingleError("$.parameters.commitment.groupSessions[0].from", RulebookErrors.WrongType);
        Load(root => Regime(root)["period"]!["fiscalYearStart"] = 101).AssertSingleError("$.parameters.aid.regime[0].value.period.fiscalYearStart", RulebookErrors.WrongType);
        Load(root => root.Timeline("commitment.tutorialVenue")[0]!["value"] = 1).AssertSingleError("$.parameters.commitment.tutorialVenue[0].value", RulebookErrors.WrongType);
        Load(root => root["currency"] = 978).AssertSingleError("$.currency", RulebookErrors.WrongType);
    }

    [Fact]
    public void Load_WhenASurveyScaleValueIsBroken_ReportsItOnceAndNotAsAScaleOutOfOrder()
    {
        Load(root => root.Timeline("survey.scaleMax")[0]!["value"] = "ten").AssertSingleError("$.parameters.survey.scaleMax[0].value", RulebookErrors.WrongType);
        Load(root => root.Timeline("survey.scaleMax")[0]!.AsObject().Remove("value")).AssertSingleError("$.parameters.survey.scaleMax[0].value", RulebookErrors.MissingField);
    }

    [Fact]
    public void Load_WhenAFiscalYearStartsOn29February_ReportsOutOfRange()
    {
        var error = Load(root => Regime(root)["period"]!["fiscalYearStart"] = "02-29")
            .AssertSingleError("$.parameters.aid.regime[0].value.period.fiscalYearStart", RulebookErrors.OutOfRange);

        Assert.Contains("29 February", error.ErrorMessage, StringComparison.Ordinal);
    }

    // ---- Fields of entries and values ------------------------------------------------------

    [Fact]
    public void Load_WhenAnEntrysSourceOrDefaultIsBroken_ReportsItAtItsPath()
    {
        Load(root => root.Timeline("commitment.groupSessions")[0]!["source"] = string.Empty).AssertSingleError("$.parameters.commitment.groupSessions[0].source", RulebookErrors.InvalidValue);
        Load(root => root.Timeline("commitment.groupSessions")[0]!["default"] = "yes").AssertSingleError("$.parameters.commitment.groupSessions[0].default", RulebookErrors.WrongType);
    }

    [Theory]
    [InlineData("code", "$.parameters.promotion.categories[0].value[0].code")]
    [InlineData("name", "$.parameters.promotion.categories[0].value[0].name")]
    [InlineData("eligible", "$.parameters.promotion.categories[0].value[0].eligible")]
    [InlineData("exportAid", "$.parameters.promotion.categories[0].value[0].exportAid")]
    public void Load_WhenAnExpenseCategoryFieldHasTheWrongType_ReportsItAtItsPath(string field, string path)
    {
        Load(root => Category(root)[field] = new JsonArray()).AssertSingleError(path, RulebookErrors.WrongType);
    }

    [Fact]
    public void Load_WhenAFundShareFieldIsBroken_ReportsItAtItsPath()
    {
        Load(root => root.Timeline("funding.actions")[0]!["value"]![0]!["fund"] = 1).AssertSingleError("$.parameters.funding.actions[0].value[0].fund", RulebookErrors.WrongType);
        Load(root => root.Timeline("funding.actions")[0]!["value"]![0]!["rate"] = "80").AssertSingleError("$.parameters.funding.actions[0].value[0].rate", RulebookErrors.InvalidValue);
    }

    [Fact]
    public void Load_WhenFundRatesDoNotAddUpTo100_SaysWhatTheyAddUpTo()
    {
        var error = Load(root => root.Timeline("funding.actions")[1]!["value"]![1]!["rate"] = "5%")
            .AssertSingleError("$.parameters.funding.actions[1].value", RulebookErrors.OutOfRange);

        Assert.Contains("add up to 90.00%", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name", "$.parameters.aid.regime[0].value.name")]
    [InlineData("reference", "$.parameters.aid.regime[0].value.reference")]
    [InlineData("kind", "$.parameters.aid.regime[0].value.period.kind")]
    [InlineData("years", "$.parameters.aid.regime[0].value.period.years")]
    public void Load_WhenAnAidRegimeFieldHasTheWrongType_ReportsItAtItsPath(string field, string path)
    {
        Load(root =>
        {
            var regime = Regime(root);
            var owner = regime.ContainsKey(field) ? regime : regime["period"]!.AsObject();
            owner[field] = new JsonObject();
        }).AssertSingleError(path, RulebookErrors.WrongType);
    }

    // ---- Annuities ---------------------------------------------------------------------------

    [Fact]
    public void Load_WhenAWindowDateOrTheSourceIsBroken_ReportsItAtItsPath()
    {
        Load(root => root.Annuity2016()["windows"]!["applications"]!["end"] = "2016-13-01").AssertSingleError("$.annuities.2016.windows.applications.end", RulebookErrors.InvalidValue);
        Load(root => root.Annuity2016()["windows"]!["expenses"]!["start"] = "soon").AssertSingleError("$.annuities.2016.windows.expenses.start", RulebookErrors.InvalidValue);
        Load(root => root.Annuity2016()["source"] = string.Empty).AssertSingleError("$.annuities.2016.source", RulebookErrors.InvalidValue);
    }

    [Fact]
    public void Load_WhenTheCurrencyIsMissingAndLinesDisagreeWithTheActionsLine_ReportsEachLine()
    {
        var result = Load(root =>
        {
            root.Remove("currency");
            root.Annuity2016()["budget"]!["consultancy"] = "GBP 8280.00";
            root.Annuity2016()["budget"]!["total"] = "GBP 88280.00";
        });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(
            [("$.currency", RulebookErrors.MissingField), ("$.annuities.2016.budget.consultancy", RulebookErrors.CurrencyMismatch), ("$.annuities.2016.budget.total", RulebookErrors.CurrencyMismatch)],
            result.ValidationErrors.Select(e => (e.Identifier, e.ErrorCode)));
        var consultancy = result.ValidationErrors.Single(e => e.Identifier == "$.annuities.2016.budget.consultancy");
        Assert.Contains("GBP 8280.00", consultancy.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("EUR", consultancy.ErrorMessage, StringComparison.Ordinal);
    }

    // ---- Partner rulebooks -------------------------------------------------------------------

    [Fact]
    public void Load_WhenAPartnersCurrencyOrZoneIsUnknown_ReportsItAtItsPath()
    {
        LoadPartner(p => p["currency"] = "XYZ").AssertSingleError("$.currency", RulebookErrors.InvalidValue);
        LoadPartner(p => p["timeZone"] = "Europe/Atlantis").AssertSingleError("$.timeZone", RulebookErrors.InvalidValue);
    }

    [Fact]
    public void Load_WhenAPartnersOverrideIsNotInTheInheritedCurrency_ReportsItAtTheOverride()
    {
        LoadPartner(p => p.Override("promotion.capPerCompany", "GBP 3000.00"))
            .AssertSingleError("$.overrides.promotion.capPerCompany[0].value", RulebookErrors.CurrencyMismatch);
    }

    [Fact]
    public void Load_WhenAPartnerLowersTheScaleMaximumToTheInheritedMinimum_BlamesItsOwnOverride()
    {
        LoadPartner(p => p.Override("survey.scaleMax", 0)).AssertSingleError("$.overrides.survey.scaleMax[0].value", RulebookErrors.OutOfRange);
    }

    [Fact]
    public void Load_WhenAPartnersExtendsIsNotAString_ReportsOnlyTheWrongType()
    {
        LoadPartner(p => p["extends"] = 5).AssertSingleError("$.extends", RulebookErrors.WrongType);
    }
}
