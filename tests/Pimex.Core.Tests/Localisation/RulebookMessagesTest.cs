using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ardalis.Result;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Localisation;

/// <summary>
/// The rulebook reader's messages come from the language files (<c>rulebook.*</c>): a caller
/// chooses the language with <see cref="RulebookLoadOptions.Language"/> or
/// <see cref="ExchangeRates.Parse(string, ReportLanguage)"/>; the codes and paths are the same in
/// every language, and a message in another language lets no English word through.
/// </summary>
public partial class RulebookMessagesTest
{
    /// <summary>
    /// A partner in koruna with problems of several kinds: an unknown field, a wrong type, an
    /// amount with too many decimals, amounts in the wrong currency (the rulebook's and the law's),
    /// a window that ends before it starts, an exchange rate below zero and a rate with neither
    /// date nor month.
    /// </summary>
    private const string BrokenPartner = """
        {
          "id": "moravia-broken",
          "name": "A broken partner",
          "extends": "extremadura",
          "illustrativ": true,
          "currency": "CZK",
          "timeZone": "Europe/Prague",
          "overrides": {
            "promotion": { "capPerCompany": [ { "from": "2025-11-01", "value": "CZK 60000.001" } ] },
            "support": { "consultantHourlyRate": [ { "from": "2025-11-01", "value": "EUR 1700.00" } ] },
            "sme": { "microTurnoverAtMost": [ { "from": "2025-11-01", "value": "CZK 2000000.00" } ] },
            "survey": { "scaleMax": [ { "from": "2025-11-01", "value": "7" } ] }
          },
          "exchangeRates": {
            "CZK": [
              { "date": "2025-12-31", "perEuro": -24.3, "source": "Illustrative" },
              { "mont": "2026-01", "perEuro": 24.35, "source": "Illustrative" }
            ]
          },
          "annuities": {
            "2026": {
              "budget": { "actions": "CZK 1500000.00", "training": "CZK 150000.00", "consultancy": "CZK 210000.00", "total": "CZK 1860000.00" },
              "capacity": "25",
              "windows": {
                "applications": { "start": "2026-01-12", "end": "2026-03-13" },
                "training": { "start": "2026-04-01", "end": "2026-03-01" },
                "expenses": { "start": "2026-04-01", "end": "2026-12-31" }
              },
              "source": "Illustrative"
            }
          }
        }
        """;

    private const string BrokenRates = """
        { "EUR": [], "PLN": [ { "date": "2024-01-05", "perEuro": "4.3" }, { "month": "2024-13", "perEuro": 0, "source": "x" } ] }
        """;

    /// <summary>Every language the library ships but English, and the Czech file of docs/rulebooks that the library does not ship.</summary>
    public static TheoryData<string> OtherLanguages => new("es", "pl", "pt", "sl", "cs");

    [Fact]
    public void Load_WhenBrokenPartnerInEnglish_ReportsEachKindOfProblemAsBefore()
    {
        var errors = Load(ReportLanguage.English);

        Assert.Equivalent(
            new[] { RulebookErrors.UnknownField, RulebookErrors.WrongType, RulebookErrors.InvalidValue, RulebookErrors.CurrencyMismatch, RulebookErrors.OutOfRange, RulebookErrors.DatesOutOfOrder, RulebookErrors.MissingField },
            errors.Select(e => e.ErrorCode).Distinct(),
            strict: true);
        Assert.Contains(errors, e => e.Identifier == "$.illustrativ" && e.ErrorMessage.StartsWith("Unknown field 'illustrativ' (did you mean 'illustrative'?); expected one of: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Identifier == "$.overrides.support.consultantHourlyRate[0].value" && e.ErrorMessage == "EUR 1700.00 is not in the rulebook's currency CZK.");
        Assert.Contains(errors, e => e.Identifier == "$.overrides.sme.microTurnoverAtMost[0].value" && e.ErrorMessage == "CZK 2000000.00 is not in EUR: Recommendation 2003/361/EC, annex art. 2, sets the ceilings in euros, whatever the rulebook's currency.");
        Assert.Contains(errors, e => e.Identifier == "$.annuities.2026.windows.training.end" && e.ErrorMessage == "The window ends (2026-03-01) before it starts (2026-04-01).");
        Assert.Contains(errors, e => e.Identifier == "$.exchangeRates.CZK[0].perEuro" && e.ErrorMessage == "-24.3 is not a rate: the units per euro are above zero and at most 1,000,000.");
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Load_WhenBrokenPartnerInAnotherLanguage_HasEnglishsCodesAndPathsAndItsOwnWords(string code)
    {
        var language = Language(code);
        var english = Load(ReportLanguage.English);

        var errors = Load(language);

        Assert.Equal(english.Select(e => (e.Identifier, e.ErrorCode)), errors.Select(e => (e.Identifier, e.ErrorCode)));
        Assert.All(errors.Zip(english), pair => Assert.NotEqual(pair.Second.ErrorMessage, pair.First.ErrorMessage));
        Assert.Empty(errors.SelectMany(e => Leaks(e.ErrorMessage, code).Select(word => $"{e.Identifier}: '{word}' in \"{e.ErrorMessage}\"")));
    }

    [Theory]
    [InlineData("es", "1 de marzo de 2026", "1.000.000")]
    [InlineData("sl", "1. marca 2026", "1.000.000")]
    [InlineData("cs", "1. března 2026", "1\u00a0000\u00a0000")]
    public void Load_WhenBrokenPartnerInAnotherLanguage_WritesDatesAndNumbersAsTheLanguageDoes(string code, string date, string million)
    {
        var errors = Load(Language(code));

        Assert.Contains(date, errors.Single(e => e.Identifier == "$.annuities.2026.windows.training.end").ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(million, errors.Single(e => e.Identifier == "$.exchangeRates.CZK[0].perEuro").ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void ParseExchangeRates_WhenBrokenInAnotherLanguage_HasEnglishsCodesAndPathsAndItsOwnWords(string code)
    {
        var english = ExchangeRates.Parse(BrokenRates).ValidationErrors.ToList();

        var errors = ExchangeRates.Parse(BrokenRates, Language(code)).ValidationErrors.ToList();

        Assert.Equal(english.Select(e => (e.Identifier, e.ErrorCode, e.ErrorMessage)), ExchangeRates.Parse(BrokenRates, ReportLanguage.English).ValidationErrors.Select(e => (e.Identifier, e.ErrorCode, e.ErrorMessage)));
        Assert.True(english.Count >= 4, string.Join("; ", english.Select(e => e.ErrorMessage)));
        Assert.Equal(english.Select(e => (e.Identifier, e.ErrorCode)), errors.Select(e => (e.Identifier, e.ErrorCode)));
        Assert.All(errors.Zip(english), pair => Assert.NotEqual(pair.Second.ErrorMessage, pair.First.ErrorMessage));
        Assert.Empty(errors.SelectMany(e => Leaks(e.ErrorMessage, code).Select(word => $"{e.Identifier}: '{word}' in \"{e.ErrorMessage}\"")));
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Load_WhenMalformedJsonInAnotherLanguage_SaysSoInTheLanguage(string code)
    {
        var english = Rulebook.Load("{ \"id\": ").ValidationErrors.Single();

        var error = Rulebook.Load("{ \"id\": ", options: new RulebookLoadOptions { Language = Language(code) }).ValidationErrors.Single();

        Assert.Equal((english.Identifier, english.ErrorCode), (error.Identifier, error.ErrorCode));
        Assert.NotEqual(english.ErrorMessage, error.ErrorMessage);
        Assert.Empty(Leaks(error.ErrorMessage, code));
    }

    [Fact]
    public void Leaks_WhenAMessageHasAFieldNameOrAnEnglishWord_FindsTheWordOnly()
    {
        Assert.Equal(["of"], Leaks("«consultantHourlyRate» of «timeZone», basedOn", "es"));
        Assert.Equal(["by", "of"], Leaks("by of", "es"));
        Assert.Equal(["of"], Leaks("by of", "cs"));
    }

    private static List<ValidationError> Load(ReportLanguage language)
    {
        var result = Rulebook.Load(BrokenPartner, Rulebook.Extremadura, new RulebookLoadOptions { Language = language });
        Assert.Equal(ResultStatus.Invalid, result.Status);
        return [.. result.ValidationErrors];
    }

    private static ReportLanguage Language(string code)
    {
        if (code == "cs")
        {
            var czech = ReportLanguage.Parse(DocsFiles.Read("rulebooks/cs.json"));
            Assert.True(czech.IsSuccess);
            return czech.Value;
        }

        Assert.True(ReportLanguage.TryFromCode(code, out var language));
        return language;
    }

    /// <summary>
    /// The English words and raw enum names of a message (<see cref="ShippedLanguagesTest.Leaks"/>),
    /// but for the words of the documents: field names, codes and enum values a message quotes are
    /// language-free data; and "by" is a Czech word ("by se nemohl").
    /// </summary>
    private static List<string> Leaks(string message, string code) =>
        [.. ShippedLanguagesTest.Leaks(message).Where(w => !DataWords.Value.Contains(w) && !(code == "cs" && w == "by"))];

    private static readonly Lazy<HashSet<string>> DataWords = new(() =>
    {
        var words = new HashSet<string>(StringComparer.Ordinal) { "basedOn", "timeZone", "exchangeRates" };
        foreach (var json in new[] { BrokenPartner, Rulebook.Extremadura.ToJson(), DocsFiles.Read("rulebooks/moravia.json") })
        {
            Collect(JsonNode.Parse(json), words);
        }

        return words;
    });

    private static void Collect(JsonNode? node, HashSet<string> words)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    words.Add(name);
                    Collect(value, words);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Collect(item, words);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && Identifier().IsMatch(s):
                words.Add(s);
                break;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();
}
