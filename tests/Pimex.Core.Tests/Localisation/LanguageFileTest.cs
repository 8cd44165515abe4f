using System.Text.Json.Nodes;
using Ardalis.Result;
using FsCheck.Xunit;
using NodaTime;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Tests.Support;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Localisation;

/// <summary>
/// Languages as data: the built-in languages are the embedded files, and
/// <see cref="ReportLanguage.Parse"/> reads any other (here <c>qaa</c>, an ISO 639 code reserved
/// for local use, standing for a language the library never names).
/// </summary>
public class LanguageFileTest
{
    public static TheoryData<string> Languages => new(ReportLanguage.All.Select(l => l.Code));

    [Fact]
    public void All_WhenListed_IsEveryEmbeddedFileEnglishFirst()
    {
        Assert.Equal(["en", "es", "pl", "pt", "sl"], ReportLanguage.All.Select(l => l.Code));
        Assert.Same(ReportLanguage.English, ReportLanguage.All[0]);
        Assert.All(ReportLanguage.All, l => Assert.Empty(l.MissingKeys));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ToJson_WhenParsedBack_IsTheSameLanguage(string code)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        var again = ReportLanguage.Parse(language.ToJson());

        Assert.True(again.IsSuccess, string.Join("; ", again.ValidationErrors.Select(e => e.ErrorMessage)));
        Assert.Equal(language.Code, again.Value.Code);
        Assert.Equal(language.Name, again.Value.Name);
        Assert.Equal(language.Terms.OrderBy(t => t.Key, StringComparer.Ordinal), again.Value.Terms.OrderBy(t => t.Key, StringComparer.Ordinal));
        Assert.Equal(language.Money(Money.Of(-1_234_567.89m, Currency.GBP)), again.Value.Money(Money.Of(-1_234_567.89m, Currency.GBP)));
        Assert.Equal(language.Date(new LocalDate(2016, 4, 1)), again.Value.Date(new LocalDate(2016, 4, 1)));
        Assert.Equal(language.Percent(Rate.Ratio(25, 30)), again.Value.Percent(Rate.Ratio(25, 30)));
        Assert.Equal(language.ToJson(), again.Value.ToJson());
    }

    [Fact]
    public void Parse_WhenALanguageTheLibraryNeverNames_WritesAmountsAsCldrDoes()
    {
        var language = Parse(Local());

        Assert.Equal("qaa", language.Code);
        Assert.Equal("200\u00a0000,00 zł", language.Money(Money.Of(200_000m, Currency.FromCode("PLN"))));
        Assert.Equal("1234,56 zł", language.Money(Money.Of(1_234.56m, Currency.FromCode("PLN"))));
        Assert.Equal("-12\u00a0345,60 €", language.Money(Money.Of(-12_345.6m, Currency.EUR)));
        Assert.Equal("10,00 CHF", language.Money(Money.Of(10m, Currency.FromCode("CHF"))));
        Assert.Equal("83,3\u00a0%", language.Percent(Rate.Ratio(25, 30)));
        Assert.Equal("01.04.2016", language.Date(new LocalDate(2016, 4, 1)));
        Assert.Equal("1234,5", language.Number(1_234.5m));
        Assert.Equal("1\u00a0000\u00a0000", language.Number(1_000_000L));
    }

    [Theory]
    [InlineData("{symbol}{number}", "€1,234.56", "PLN 1,234.56")]
    [InlineData("{number} {symbol}", "1,234.56 €", "1,234.56 PLN")]
    [InlineData("{number}{symbol}", "1,234.56€", "1,234.56 PLN")]
    public void Money_WhenTheSymbolIsLettersAgainstTheNumber_GetsASpace(string pattern, string euros, string zlotys)
    {
        var file = Local();
        file["formats"]!["decimal"] = ".";
        file["formats"]!["group"] = ",";
        file["formats"]!["minimumGroupingDigits"] = 1;
        file["formats"]!["money"] = pattern;
        file["symbols"]!.AsObject().Remove("PLN");
        var language = Parse(file);

        Assert.Equal(euros, language.Money(Money.Of(1_234.56m, Currency.EUR)));
        Assert.Equal(zlotys, language.Money(Money.Of(1_234.56m, Currency.FromCode("PLN"))));
    }

    [Fact]
    public void Parse_WhenTextsAreMissingOrEmpty_FallsBackToEnglishAndListsThem()
    {
        var file = Local();
        var texts = file["texts"]!.AsObject();
        texts.Remove("budget.title");
        texts["month.4"] = string.Empty;

        var language = Parse(file);

        Assert.Equal(["month.4", "budget.title"], language.MissingKeys);
        Assert.Equal("Budget", language.Term("budget.title"));
        Assert.Equal("01.04.2016", language.Date(new LocalDate(2016, 4, 1)));
        Assert.Equal(ReportLanguage.English.Terms.Keys.Order(StringComparer.Ordinal), language.Terms.Keys.Order(StringComparer.Ordinal));
    }

    [Property(MaxTest = 50)]
    public bool Parse_WhateverKeysAFileLeavesOut_ListsExactlyThoseAndUsesEnglishForThem(byte step, byte offset)
    {
        var every = ReportLanguage.English.Terms.Count;
        var file = JsonNode.Parse(ReportLanguage.Spanish.ToJson())!;
        var texts = file["texts"]!.AsObject();
        var keys = texts.Select(t => t.Key).ToList();
        var left = keys.Where((_, i) => (i + offset) % (step % 40 + 2) == 0).ToList();
        foreach (var key in left)
        {
            texts.Remove(key);
        }

        var language = ReportLanguage.Parse(file.ToJsonString()).Value;

        return language.MissingKeys.SequenceEqual(left)
            && left.All(k => language.Terms[k] == ReportLanguage.English.Terms[k])
            && keys.Except(left).All(k => language.Terms[k] == ReportLanguage.Spanish.Terms[k])
            && language.Terms.Count == every;
    }

    [Fact]
    public void Refusal_WhenTheContextIsInALanguageReadFromAFile_SaysItThereWithTheSameCode()
    {
        var file = Local();
        file["texts"]!["refusal.PIMEX-ED-005"] = "qaa: {0} > {1} ({2})";
        file["texts"]!["refusal.enum.BudgetLine.Training"] = "qaa-training";
        var language = Parse(file);
        var s = Open();
        var context = Ctx(Manager, At(2016, 5, 2));

        var english = s.Edition.RecordExpense(BudgetLine.Training, Eur(999_999m), "trainers", context);
        var translated = s.Edition.RecordExpense(BudgetLine.Training, Eur(999_999m), "trainers", context.In(language));

        var error = Assert.Single(translated.ValidationErrors);
        Assert.Equal("qaa: 999\u00a0999,00 € > 5000,00 € (qaa-training)", error.ErrorMessage);
        Assert.Equal(english.ValidationErrors.Single().ErrorCode, error.ErrorCode);
    }

    [Theory]
    [InlineData("{", "$", LanguageErrors.MalformedFile)]
    [InlineData("[]", "$", LanguageErrors.WrongStructure)]
    [InlineData("{\"code\": \"\\ud800\", \"name\": \"x\", \"formats\": {}, \"texts\": {}}", "$", LanguageErrors.MalformedFile)]
    [InlineData("{\"\\ud800\": 1}", "$", LanguageErrors.MalformedFile)]
    public void Parse_WhenNotALanguageFile_RefusesWithItsCode(string json, string path, string code)
    {
        var refused = ReportLanguage.Parse(json);

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        var error = Assert.Single(refused.ValidationErrors);
        Assert.Equal((path, code), (error.Identifier, error.ErrorCode));
        Assert.Empty(ErrorCodes.Undeclared(refused.ValidationErrors));
    }

    [Theory]
    [InlineData("code", "\"PL\"", "$.code", LanguageErrors.InvalidCode)]
    [InlineData("code", "\"q a\"", "$.code", LanguageErrors.InvalidCode)]
    [InlineData("name", "3", "$.name", LanguageErrors.WrongStructure)]
    [InlineData("name", "\"\"", "$.name", LanguageErrors.WrongStructure)]
    [InlineData("texts", "[]", "$.texts", LanguageErrors.WrongStructure)]
    [InlineData("language", "\"x\"", "$.language", LanguageErrors.WrongStructure)]
    public void Parse_WhenAFieldIsWrong_RefusesAtItsPath(string field, string value, string path, string code)
    {
        var file = Local();
        file[field] = JsonNode.Parse(value);

        AssertRefused(file, path, code);
    }

    [Theory]
    [InlineData("decimal", "\",,\"")]
    [InlineData("decimal", "\"5\"")]
    [InlineData("group", "\",\"")]
    [InlineData("money", "\"{number}\"")]
    [InlineData("money", "\"{number} {symbol} {symbol}\"")]
    [InlineData("money", "\"{amount} {symbol}\"")]
    [InlineData("percent", "\"{number %\"")]
    [InlineData("date", "\"{d} {yyyy}\"")]
    [InlineData("date", "\"{d} {MMMM} {yy}\"")]
    [InlineData("minimumGroupingDigits", "0")]
    [InlineData("refusalArguments", "\"english\"")]
    public void Parse_WhenAFormatCannotBeApplied_RefusesIt(string field, string value)
    {
        var file = Local();
        file["formats"]![field] = JsonNode.Parse(value);

        AssertRefused(file, "$.formats." + field, LanguageErrors.InvalidFormat);
    }

    [Fact]
    public void Parse_WhenAFormatIsMissingOrUnknown_RefusesTheStructure()
    {
        var file = Local();
        file["formats"]!.AsObject().Remove("date");
        file["formats"]!["currency"] = "{number}";

        var refused = ReportLanguage.Parse(file.ToJsonString());

        Assert.Equal(
            [("$.formats.currency", LanguageErrors.WrongStructure), ("$.formats.date", LanguageErrors.WrongStructure)],
            refused.ValidationErrors.Select(e => (e.Identifier, e.ErrorCode)).Order());
    }

    [Fact]
    public void Parse_WhenASymbolIsForNoCurrency_RefusesIt()
    {
        var file = Local();
        file["symbols"]!["ZLT"] = "zł";

        AssertRefused(file, "$.symbols.ZLT", LanguageErrors.InvalidFormat);
    }

    [Fact]
    public void Parse_WhenAKeyIsATypo_RefusesItAndSuggestsTheKey()
    {
        var file = Local();
        file["texts"]!["budget.titel"] = "Budżet";

        var error = AssertRefused(file, "$.texts['budget.titel']", LanguageErrors.UnknownKey);
        Assert.Contains("'budget.title'", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("common.of", "{0} z {2}")]
    [InlineData("common.of", "{0}")]
    [InlineData("common.yes", "{0}")]
    [InlineData("common.of", "{0} z {1")]
    [InlineData("common.of", "{0} z {1} }")]
    [InlineData("common.of", "{0} z {x}")]
    public void Parse_WhenPlaceholdersDifferFromEnglish_RefusesTheText(string key, string text)
    {
        var file = Local();
        file["texts"]![key] = text;

        AssertRefused(file, "$.texts['" + key + "']", LanguageErrors.PlaceholderMismatch);
    }

    [Fact]
    public void Parse_WhenPlaceholdersAreReorderedOrBracesEscaped_ReadsTheText()
    {
        var file = Local();
        file["texts"]!["common.of"] = "{{{1}}}: {0}";

        var language = Parse(file);

        Assert.Equal("{b}: a", language.Format("common.of", "a", "b"));
    }

    [Fact]
    public void Parse_WhenManyThingsAreWrong_ReportsEveryOneAtOnce()
    {
        var file = Local();
        file["code"] = "PL";
        file["formats"]!["money"] = "{number}";
        file["texts"]!["budget.titel"] = "x";
        file["texts"]!["common.of"] = "{0}";

        var refused = ReportLanguage.Parse(file.ToJsonString());

        Assert.Equal(
            [LanguageErrors.InvalidCode, LanguageErrors.InvalidFormat, LanguageErrors.UnknownKey, LanguageErrors.PlaceholderMismatch],
            refused.ValidationErrors.Select(e => e.ErrorCode).Order(StringComparer.Ordinal));
    }

    /// <summary>A complete file of a local-use language: Spanish's texts, Polish-like formats as CLDR writes them.</summary>
    private static JsonNode Local()
    {
        var file = JsonNode.Parse(ReportLanguage.Spanish.ToJson())!;
        file["code"] = "qaa";
        file["name"] = "Local";
        file["formats"] = new JsonObject
        {
            ["decimal"] = ",",
            ["group"] = "\u00a0",
            ["minimumGroupingDigits"] = 2,
            ["money"] = "{number} {symbol}",
            ["percent"] = "{number}\u00a0%",
            ["date"] = "{dd}.{MM}.{yyyy}",
        };
        file["symbols"] = new JsonObject { ["EUR"] = "€", ["PLN"] = "zł" };
        return file;
    }

    private static ReportLanguage Parse(JsonNode file)
    {
        var read = ReportLanguage.Parse(file.ToJsonString());
        Assert.True(read.IsSuccess, string.Join("; ", read.ValidationErrors.Select(e => $"{e.ErrorCode} {e.Identifier} {e.ErrorMessage}")));
        return read.Value;
    }

    private static ValidationError AssertRefused(JsonNode file, string path, string code)
    {
        var refused = ReportLanguage.Parse(file.ToJsonString());

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        var error = Assert.Single(refused.ValidationErrors);
        Assert.Equal((path, code), (error.Identifier, error.ErrorCode));
        Assert.Empty(ErrorCodes.Undeclared(refused.ValidationErrors));
        return error;
    }
}
