using FsCheck.Xunit;
using Pimex.Monetary;
using Pimex.Tests.Support;

namespace Pimex.Tests.Monetary;

[Properties(Arbitrary = new[] { typeof(PimexArbitraries) })]
public class CurrencyTest
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("GBP", 2)]
    [InlineData("JPY", 0)]
    [InlineData("ISK", 0)]
    [InlineData("BHD", 3)]
    public void FromCode_WhenKnown_GivesTheCodeAndItsMinorUnit(string code, int minorUnits)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.False(currency.IsNone);
        Assert.Equal(code, currency.ToString());
    }

    [Fact]
    public void FromCode_WhenUnknown_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => Currency.FromCode("XYZ"));

        Assert.Contains("XYZ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("XYZ")]
    [InlineData("eur")]
    [InlineData("XXX")]
    [InlineData("EURO")]
    public void TryFromCode_WhenNotAKnownCode_IsFalseWithDefault(string? code)
    {
        Assert.False(Currency.TryFromCode(code, out var currency));
        Assert.True(currency.IsNone);
    }

    [Fact]
    public void NamedCurrencies_WhenCompared_EqualTheirLookUps()
    {
        Assert.Equal(Currency.FromCode("EUR"), Currency.EUR);
        Assert.Equal(Currency.FromCode("GBP"), Currency.GBP);
    }

    [Fact]
    public void Default_WhenNotInitialised_IsNoCurrencyXXX()
    {
        var none = default(Currency);

        Assert.True(none.IsNone);
        Assert.Equal("XXX", none.Code);
        Assert.Equal(0, none.MinorUnits);
        Assert.NotEqual(Currency.EUR, none);
    }

    [Fact]
    public void EqualityContract_WhenCodesMatch_Holds()
    {
        EqualityContract.AssertEquality(Currency.EUR, Currency.FromCode("EUR"), Currency.GBP);
        EqualityContract.AssertEquality(default, default(Currency), Currency.EUR);
    }

    [Fact]
    public void KnownCodes_WhenListed_IncludeTheProgrammeCurrencies()
    {
        Assert.Contains("EUR", Currency.KnownCodes);
        Assert.Contains("GBP", Currency.KnownCodes);
        Assert.DoesNotContain("XXX", Currency.KnownCodes);
    }

    [Property]
    public bool EveryKnownCodeIsThreeCapitalsAndLooksItselfUp(Currency currency) =>
        currency.Code.Length == 3
        && currency.Code.All(char.IsAsciiLetterUpper)
        && currency.MinorUnits is >= 0 and <= 3
        && Currency.TryFromCode(currency.Code, out var again)
        && again == currency;
}
