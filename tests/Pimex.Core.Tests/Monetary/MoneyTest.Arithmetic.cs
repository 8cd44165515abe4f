using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pimex.Monetary;
using Pimex.Tests.Support;

namespace Pimex.Tests.Monetary;

public partial class MoneyTest
{
    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("0.004", "0.00")]
    [InlineData("0.015", "0.02")]
    [InlineData("0.025", "0.03")]
    [InlineData("2.675", "2.68")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("-0.025", "-0.03")]
    [InlineData("-2.6749", "-2.67")]
    public void Of_WhenMoreDigitsThanTheMinorUnit_RoundsHalfAwayFromZero(string amount, string expected)
    {
        Assert.Equal(D(expected), Eur(D(amount)).Amount);
    }

    [Fact]
    public void Of_WhenCurrencyHasNoMinorUnit_RoundsToWholeUnits()
    {
        Assert.Equal(3m, Money.Of(2.5m, JPY).Amount);
        Assert.Equal(-3m, Money.Of(-2.5m, JPY).Amount);
        Assert.Equal(2m, Money.Of(2.4999m, JPY).Amount);
    }

    [Fact]
    public void Of_WhenCurrencyHasThreeDigits_KeepsThree()
    {
        Assert.Equal(1.235m, Money.Of(1.2345m, BHD).Amount);
        Assert.Equal(1235L, Money.Of(1.2345m, BHD).MinorUnits);
    }

    [Fact]
    public void FromMinorUnits_WhenCents_GivesTheAmountInMajorUnits()
    {
        var money = Money.FromMinorUnits(1234, Currency.EUR);

        Assert.Equal(12.34m, money.Amount);
        Assert.Equal(1234L, money.MinorUnits);
        Assert.Equal(Currency.EUR, money.Currency);
        Assert.Equal(-5L, Money.FromMinorUnits(-5, JPY).MinorUnits);
    }

    [Fact]
    public void Zero_WhenAsked_IsZeroInThatCurrency()
    {
        var zero = Money.Zero(Currency.GBP);

        Assert.True(zero.IsZero);
        Assert.False(zero.IsNegative);
        Assert.False(zero.IsPositive);
        Assert.Equal(Currency.GBP, zero.Currency);
        Assert.Equal(Gbp(0m), zero);
    }

    [Fact]
    public void Sign_WhenNegativeOrPositive_IsReported()
    {
        Assert.True(Eur(-0.01m).IsNegative);
        Assert.False(Eur(-0.01m).IsPositive);
        Assert.True(Eur(0.01m).IsPositive);
        Assert.False(Eur(0.01m).IsZero);
        Assert.True(Eur(0.004m).IsZero);
    }

    [Fact]
    public void Add_WhenSameCurrency_AddsTheAmounts()
    {
        Assert.Equal(Eur(88_280m), Eur(75_000m).Add(Eur(5_000m)).Add(Eur(8_280m)));
        Assert.Equal(Eur(0.30m), Eur(0.10m) + Eur(0.20m));
    }

    [Fact]
    public void Add_WhenCurrenciesDiffer_ThrowsNamingBoth()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Eur(1m) + Gbp(1m));

        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
        Assert.Contains("GBP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subtract_WhenSameCurrency_SubtractsAndMayGoNegative()
    {
        Assert.Equal(Eur(2_000m), Eur(2_500m).Subtract(Eur(500m)));
        Assert.Equal(Eur(-0.01m), Eur(2_500m) - Eur(2_500.01m));
    }

    [Fact]
    public void Subtract_WhenCurrenciesDiffer_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Eur(1m) - Gbp(1m));
    }

    [Fact]
    public void Negate_WhenAmount_ChangesTheSignOnly()
    {
        Assert.Equal(Eur(-12.34m), Eur(12.34m).Negate());
        Assert.Equal(Gbp(12.34m), -Gbp(-12.34m));
        Assert.Equal(Money.Zero(Currency.EUR), -Money.Zero(Currency.EUR));
    }

    [Theory]
    [InlineData("2500.00", 85, "2125.00")]
    [InlineData("0.05", 50, "0.03")]
    [InlineData("-0.05", 50, "-0.03")]
    [InlineData("0.01", 49, "0.00")]
    [InlineData("100.00", 0, "0.00")]
    public void Multiply_WhenRate_RoundsHalfAwayFromZero(string amount, int percent, string expected)
    {
        var rate = Rate.FromPercent(percent);

        Assert.Equal(Eur(D(expected)), Eur(D(amount)).Multiply(rate));
        Assert.Equal(Eur(D(expected)), Eur(D(amount)) * rate);
    }

    [Fact]
    public void Multiply_WhenWholeNumber_MultipliesExactly()
    {
        Assert.Equal(Eur(276m), Eur(69m).Multiply(4));
        Assert.Equal(Eur(75_000m), Eur(2_500m) * 30);
        Assert.Equal(Eur(-0.03m), Eur(0.01m) * -3);
    }

    [Fact]
    public void Multiply_WhenDecimalQuantity_RoundsToTheMinorUnit()
    {
        Assert.Equal(Eur(103.50m), Eur(69m).Multiply(1.5m));
        Assert.Equal(Eur(0.01m), Eur(0.01m).Multiply(0.5m));
        Assert.Equal(Money.Of(2m, JPY), Money.Of(3m, JPY).Multiply(0.5m));
    }

    [Fact]
    public void MinAndMax_WhenSameCurrency_PickTheSmallerAndLarger()
    {
        Assert.Equal(Eur(2_500m), Money.Min(Eur(2_500m), Eur(3_000m)));
        Assert.Equal(Eur(2_500m), Money.Min(Eur(3_000m), Eur(2_500m)));
        Assert.Equal(Eur(3_000m), Money.Max(Eur(2_500m), Eur(3_000m)));
        Assert.Equal(Eur(3_000m), Money.Max(Eur(3_000m), Eur(2_500m)));
    }

    [Fact]
    public void MinAndMax_WhenCurrenciesDiffer_Throw()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Min(Eur(1m), Gbp(2m)));
        Assert.Throws<InvalidOperationException>(() => Money.Max(Eur(1m), Gbp(2m)));
    }

    [Property]
    public Property AdditionIsCommutative() =>
        Prop.ForAll(PimexArbitraries.AmountsInOneCurrency(2).ToArbitrary(), m => m[0] + m[1] == m[1] + m[0]);

    [Property]
    public Property AdditionIsAssociative() =>
        Prop.ForAll(PimexArbitraries.AmountsInOneCurrency(3).ToArbitrary(), m => (m[0] + m[1]) + m[2] == m[0] + (m[1] + m[2]));

    [Property]
    public bool ZeroIsTheIdentityOfAddition(Money amount) =>
        amount + Money.Zero(amount.Currency) == amount && Money.Zero(amount.Currency) + amount == amount;

    [Property]
    public Property SubtractingUndoesAdding() =>
        Prop.ForAll(PimexArbitraries.AmountsInOneCurrency(2).ToArbitrary(), m => m[0] + m[1] - m[1] == m[0] && m[0] - m[0] == Money.Zero(m[0].Currency));

    [Property]
    public Property MixingCurrenciesIsAlwaysRefused() =>
        Prop.ForAll(PimexArbitraries.AmountsInTwoCurrencies.ToArbitrary(), m =>
        {
            var (a, b) = (m[0], m[1]);
            Assert.Throws<InvalidOperationException>(() => a + b);
            Assert.Throws<InvalidOperationException>(() => a - b);
            Assert.Throws<InvalidOperationException>(() => a.CompareTo(b));
            Assert.Throws<InvalidOperationException>(() => a < b);
            Assert.Throws<InvalidOperationException>(() => a >= b);
            Assert.Throws<InvalidOperationException>(() => Money.Min(a, b));
            Assert.False(a == b);
        });

    [Property]
    public Property RoundingIsHalfAwayFromZero() =>
        Prop.ForAll(
            PimexArbitraries.Currencies(),
            PimexArbitraries.MinorUnitsGen.ToArbitrary(),
            Gen.Choose(0, 9).ToArbitrary(),
            (currency, units, nextDigit) =>
            {
                // units and one more digit: 1234 and 5 in EUR is 12.345, which rounds to 12.35.
                long tenths = checked((units * 10) + (units < 0 ? -nextDigit : nextDigit));
                decimal exact = tenths / (decimal)Math.Pow(10, currency.MinorUnits + 1);
                long away = Math.Abs(units) + (nextDigit >= 5 ? 1 : 0);
                long expected = tenths < 0 ? -away : away;

                return Money.Of(exact, currency).MinorUnits == expected;
            });

    [Property]
    public Property AmountsNeverHaveMoreDigitsThanTheMinorUnit() =>
        Prop.ForAll(
            PimexArbitraries.Currencies(),
            PimexArbitraries.MinorUnitsGen.ToArbitrary(),
            Gen.Choose(0, 8).ToArbitrary(),
            (currency, digits, scale) =>
            {
                var money = Money.Of(digits / (decimal)Math.Pow(10, scale), currency);
                var minorUnits = money.Amount * (decimal)Math.Pow(10, currency.MinorUnits);
                return minorUnits == decimal.Truncate(minorUnits);
            });
}
