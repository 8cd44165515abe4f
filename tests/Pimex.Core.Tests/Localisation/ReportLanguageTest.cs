using System.Text.RegularExpressions;
using NodaTime;
using Pimex.Localisation;
using Pimex.Monetary;

namespace Pimex.Tests.Localisation;

public partial class ReportLanguageTest
{
    public static TheoryData<string> Languages => new(ReportLanguage.All.Select(l => l.Code));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Glossary_WhenComparedWithTheEnglishOne_HasEveryKeyAndNoOther(string code)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        var missing = ReportLanguage.English.Terms.Keys.Except(language.Terms.Keys).Order(StringComparer.Ordinal);
        var extra = language.Terms.Keys.Except(ReportLanguage.English.Terms.Keys).Order(StringComparer.Ordinal);

        Assert.Empty(missing);
        Assert.Empty(extra);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Glossary_WhenTranslatingATerm_KeepsItsPlaceholdersAndSaysSomething(string code)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        Assert.All(ReportLanguage.English.Terms, english =>
        {
            var term = language.Terms[english.Key];
            Assert.False(string.IsNullOrWhiteSpace(term), $"{code}: '{english.Key}' is empty.");
            Assert.Equal(Placeholders(english.Value), Placeholders(term));
        });
    }

    [Fact]
    public void Term_WhenTheKeyIsMissing_ThrowsNamingIt()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ReportLanguage.Spanish.Term("no.such.key"));

        Assert.Contains("'no.such.key'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "€88,280.00", "83.3%", "1 April 2016", "1,234.5")]
    [InlineData("es", "88.280,00 €", "83,3 %", "1 de abril de 2016", "1.234,5")]
    [InlineData("sl", "88.280,00 €", "83,3 %", "1. aprila 2016", "1.234,5")]
    public void Formats_WhenGivenTheEditionsFigures_FollowTheLanguagesConventions(string code, string money, string rate, string date, string number)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        Assert.Equal(money, language.Money(Money.Of(88_280m, Currency.EUR)));
        Assert.Equal(rate, language.Percent(Rate.Ratio(25, 30)));
        Assert.Equal(date, language.Date(new LocalDate(2016, 4, 1)));
        Assert.Equal(number, language.Number(1_234.5m));
    }

    [Fact]
    public void Money_WhenNegativeOrInAnotherCurrency_KeepsTheSignAndNamesTheCurrency()
    {
        Assert.Equal("-1.000,50 €", ReportLanguage.Spanish.Money(Money.Of(-1_000.5m, Currency.EUR)));
        Assert.Equal("£2,500.00", ReportLanguage.English.Money(Money.Of(2_500m, Currency.GBP)));
        Assert.Equal("CHF 10.00", ReportLanguage.English.Money(Money.Of(10m, Currency.FromCode("CHF"))));
        Assert.Equal("10,00 CHF", ReportLanguage.Slovenian.Money(Money.Of(10m, Currency.FromCode("CHF"))));
    }

    [Theory]
    [InlineData("ES", true)]
    [InlineData("sl", true)]
    [InlineData("de", false)]
    [InlineData(null, false)]
    public void TryFromCode_WhenGivenACode_FindsOnlyTheLibrarysLanguages(string? code, bool found)
    {
        Assert.Equal(found, ReportLanguage.TryFromCode(code, out _));
    }

    private static string[] Placeholders(string term) =>
        [.. PlaceholderPattern().Matches(term).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
