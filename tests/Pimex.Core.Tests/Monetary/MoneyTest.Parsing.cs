using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pimex.Monetary;
using Pimex.Tests.Support;

namespace Pimex.Tests.Monetary;

/// <summary>The one home of the amount's text form: exact at the minor unit, within <see cref="Money.MaxAmount"/>.</summary>
public partial class MoneyTest
{
    [Theory]
    [InlineData("EUR 2500.005")]
    [InlineData("EUR 0.001")]
    [InlineData("JPY 1.5")]
    [InlineData("BHD 1.2345")]
    public void TryParse_WhenMoreDecimalsThanTheMinorUnit_FailsInsteadOfRounding(string text)
    {
        Assert.False(Money.TryParse(text, out var money));
        Assert.Equal(default, money);
        var ex = Assert.Throws<FormatException>(() => Money.Parse(text));
        Assert.Contains("more decimals", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EUR 1000000000000000", true)]
    [InlineData("EUR -1000000000000000", true)]
    [InlineData("EUR 1000000000000000.01", false)]
    [InlineData("EUR -1000000000000000.01", false)]
    [InlineData("EUR 79228162514264337593543950335", false)]
    public void TryParse_WhenAtOrBeyondTheLargestAmount_ReadsUpToItOnly(string text, bool read)
    {
        Assert.Equal(read, Money.TryParse(text, out _));
        Assert.Equal(read, Money.TryParse(text.AsSpan(), out _));
    }

    [Theory]
    [InlineData("EUR +5")]
    [InlineData("EUR 5 ")]
    [InlineData(" EUR 5")]
    [InlineData("EUR (5)")]
    public void TryParse_WhenSignedWithPlusOrPadded_Fails(string text)
    {
        Assert.False(Money.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Money.Parse(text));
    }

    [Fact]
    public void Parse_WhenTheTextForm_GivesTheAmount()
    {
        Assert.Equal(Eur(2500m), Money.Parse("EUR 2500.00"));
        Assert.Equal(Money.Of(100m, JPY), Money.Parse("JPY 100"));
    }

    [Theory]
    [InlineData("EUR 2500.005", "'EUR 2500.005' has more decimals than its currency's minor unit.")]
    [InlineData("EUR 1000000000000000.01", "'EUR 1000000000000000.01' is more than 1000000000000000 in absolute value.")]
    [InlineData("2500 EUR", "'2500 EUR' is not an amount such as 'EUR 2500.00' (an ISO 4217 code, a space, the amount).")]
    public void Parse_WhenNotAnAmount_SaysWhy(string text, string message)
    {
        var thrown = Assert.Throws<FormatException>(() => Money.Parse(text));

        Assert.Equal(message, thrown.Message);
    }

    [Fact]
    public void Parse_WhenNull_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Money.Parse(null!));
    }

    [Property]
    public Property ParseReadsBackTheTextFormOfEveryAmountUpToTheLargest() =>
        Prop.ForAll(PimexArbitraries.Amounts(), amount =>
            Money.Parse(amount.ToString()) == amount
            && Money.TryParse(amount.ToString().AsSpan(), out var fromSpan) && fromSpan == amount);

    [Property]
    public Property TryParseAcceptsAnAmountExactlyWhenRoundingItChangesNothing() =>
        Prop.ForAll(
            PimexArbitraries.CurrencyGen.ToArbitrary(),
            Gen.Choose(-10_000_000, 10_000_000).ToArbitrary(),
            Gen.Choose(0, 5).ToArbitrary(),
            (currency, units, scale) =>
            {
                var value = units / (decimal)Math.Pow(10, scale);
                var text = currency.Code + " " + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var exact = Money.Of(value, currency).Amount == value;
                return Money.TryParse(text, out var money) == exact && (!exact || money.Amount == value);
            });
}
