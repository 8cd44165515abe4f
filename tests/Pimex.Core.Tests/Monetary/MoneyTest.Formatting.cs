using System.Globalization;
using FsCheck.Xunit;
using Pimex.Monetary;

namespace Pimex.Tests.Monetary;

public partial class MoneyTest
{
    [Fact]
    public void ToString_WhenNoFormat_GivesCodeSpaceAndTheMinorUnitDigits()
    {
        Assert.Equal("EUR 2500.00", Eur(2_500m).ToString());
        Assert.Equal("EUR -5.50", Eur(-5.5m).ToString());
        Assert.Equal("GBP 0.00", Money.Zero(Currency.GBP).ToString());
        Assert.Equal("JPY 100", Money.Of(100m, JPY).ToString());
        Assert.Equal("BHD 1.235", Money.Of(1.2345m, BHD).ToString());
    }

    [Fact]
    public void ToString_WhenFormatIsN_AddsGroupSeparators()
    {
        Assert.Equal("EUR 2,500.00", Eur(2_500m).ToString("N", null));
        Assert.Equal("EUR 88,280.00", string.Format(CultureInfo.InvariantCulture, "{0:N}", Eur(88_280m)));
        Assert.Equal("EUR 2500.00", Eur(2_500m).ToString("G", null));
        Assert.Equal("EUR 2500.00", Eur(2_500m).ToString(string.Empty, null));
    }

    [Fact]
    public void ToString_WhenProviderGiven_UsesItsSeparatorsButKeepsTheCode()
    {
        var spanishStyle = new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

        Assert.Equal("EUR 2.500,00", Eur(2_500m).ToString("N", spanishStyle));
        Assert.Equal("EUR 2500,00", Eur(2_500m).ToString(null, spanishStyle));
    }

    [Fact]
    public void ToString_WhenFormatUnknown_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Eur(1m).ToString("C", null));
    }

    [Fact]
    public void ToString_WhenDefault_GivesNoCurrencyAndNoDigits()
    {
        Assert.Equal("XXX 0", default(Money).ToString());
    }

    [Theory]
    [InlineData("EUR 2500.00", "2500.00", "EUR")]
    [InlineData("GBP 0.5", "0.50", "GBP")]
    [InlineData("EUR -12.34", "-12.34", "EUR")]
    [InlineData("EUR 1.000", "1.00", "EUR")]
    [InlineData("JPY 100", "100", "JPY")]
    public void TryParse_WhenTextForm_ReadsTheAmount(string text, string amount, string code)
    {
        Assert.True(Money.TryParse(text, out var money));
        Assert.Equal(Money.Of(D(amount), Currency.FromCode(code)), money);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("EUR")]
    [InlineData("EUR2500")]
    [InlineData("EUR  2500")]
    [InlineData("eur 2500.00")]
    [InlineData("XYZ 1.00")]
    [InlineData("XXX 0")]
    [InlineData("EUR 1,000.00")]
    [InlineData("EUR 1e3")]
    [InlineData("EUR abc")]
    [InlineData("2500.00 EUR")]
    public void TryParse_WhenNotTheTextForm_FailsWithDefault(string? text)
    {
        Assert.False(Money.TryParse(text, out var money));
        Assert.Equal(default, money);
    }

    [Property]
    public bool ParsingTheTextFormGivesTheAmountBack(Money amount) =>
        Money.TryParse(amount.ToString(), out var parsed) && parsed == amount;
}
