using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pimex.Monetary;
using Pimex.Tests.Support;

namespace Pimex.Tests.Monetary;

[Properties(Arbitrary = new[] { typeof(PimexArbitraries) })]
public class RateTest
{
    [Fact]
    public void FromPercent_WhenEightyFive_IsTheFractionPointEightyFive()
    {
        var rate = Rate.FromPercent(85m);

        Assert.Equal(0.85m, rate.Fraction);
        Assert.Equal(85m, rate.Percent);
        Assert.Equal(Rate.FromFraction(0.85m), rate);
    }

    [Fact]
    public void Factories_WhenNegative_Throw()
    {
        Assert.Throws<ArgumentException>(() => Rate.FromPercent(-1m));
        Assert.Throws<ArgumentException>(() => Rate.FromFraction(-0.01m));
        Assert.Throws<ArgumentException>(() => Rate.Ratio(-1m, 2m));
        Assert.Throws<ArgumentException>(() => Rate.Ratio(1m, -2m));
    }

    [Fact]
    public void Factories_WhenAboveOneHundredPercent_AreAllowed()
    {
        Assert.Equal(1.2m, Rate.FromPercent(120m).Fraction);
    }

    [Fact]
    public void Default_WhenNotInitialised_IsZero()
    {
        Assert.Equal(Rate.Zero, default);
        Assert.Equal(0m, default(Rate).Fraction);
        Assert.Equal(1m, Rate.One.Fraction);
    }

    [Fact]
    public void Ratio_WhenDenominatorIsPositive_IsTheQuotient()
    {
        Assert.Equal(Rate.FromPercent(75m), Rate.Ratio(3m, 4m));
        Assert.Equal(Rate.One, Rate.Ratio(30m, 30m));
    }

    [Fact]
    public void Ratio_WhenDenominatorIsZero_IsZero()
    {
        Assert.Equal(Rate.Zero, Rate.Ratio(0m, 0m));
        Assert.Equal(Rate.Zero, Rate.Ratio(5m, 0m));
    }

    [Fact]
    public void Complement_WhenAtMostOneHundredPercent_IsWhatIsLeft()
    {
        Assert.Equal(Rate.FromPercent(15m), Rate.FromPercent(85m).Complement());
        Assert.Equal(Rate.Zero, Rate.One.Complement());
        Assert.Equal(Rate.One, Rate.Zero.Complement());
    }

    [Fact]
    public void Complement_WhenAboveOneHundredPercent_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Rate.FromPercent(100.01m).Complement());
    }

    [Theory]
    [InlineData(85, "85%")]
    [InlineData(12.5, "12.5%")]
    [InlineData(0, "0%")]
    [InlineData(100, "100%")]
    public void ToString_WhenPercentage_GivesThePercentWithoutTrailingZeros(double percent, string expected)
    {
        Assert.Equal(expected, Rate.FromPercent((decimal)percent).ToString());
    }

    [Fact]
    public void ToString_WhenManyDigits_KeepsFourDecimals()
    {
        Assert.Equal("33.3333%", Rate.FromFraction(1m / 3m).ToString());
    }

    [Fact]
    public void EqualityContract_WhenSameFraction_HoldsWithOrdering()
    {
        EqualityContract.AssertComparison(Rate.FromPercent(50m), Rate.FromFraction(0.500m), Rate.FromPercent(85m));
        EqualityContract.AssertComparison(Rate.Zero, default, Rate.One);
    }

    [Property]
    public bool ComplementOfTheComplementIsTheRate(Rate rate) =>
        rate.Complement().Complement() == rate && rate.Complement().Fraction + rate.Fraction == 1m;

    [Property]
    public bool PercentAndFractionAgree(Rate rate) =>
        Rate.FromPercent(rate.Percent) == rate && Rate.FromFraction(rate.Fraction) == rate;
}

/// <summary>The one home of the rate's text form: <c>85%</c>, read by <see cref="Rate.Parse"/>, written exactly by the <c>R</c> format.</summary>
[Properties(Arbitrary = new[] { typeof(PimexArbitraries) })]
public class RateTextTest
{
    [Theory]
    [InlineData("85%", 0.85)]
    [InlineData("12.5%", 0.125)]
    [InlineData("0%", 0)]
    [InlineData("120%", 1.2)]
    public void Parse_WhenAPercentage_GivesTheRate(string text, double fraction)
    {
        Assert.True(Rate.TryParse(text, out var rate));
        Assert.Equal((decimal)fraction, rate.Fraction, 20);
        Assert.Equal(rate, Rate.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("85")]
    [InlineData("85 %")]
    [InlineData(" 85%")]
    [InlineData("+85%")]
    [InlineData("-0%")]
    [InlineData("1e2%")]
    [InlineData("1,5%")]
    [InlineData("85%%")]
    public void TryParse_WhenNotAPercentage_FailsWithZero(string? text)
    {
        Assert.False(Rate.TryParse(text, out var rate));
        Assert.Equal(Rate.Zero, rate);
    }

    [Fact]
    public void Parse_WhenNegative_SaysSo()
    {
        var ex = Assert.Throws<FormatException>(() => Rate.Parse("-5%"));
        Assert.Contains("negative", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Rate.Parse("five"));
        Assert.Throws<ArgumentNullException>(() => Rate.Parse(null!));
    }

    [Fact]
    public void ToString_WhenNoFormatOrR_ShowsFourDecimalsOrEveryDigit()
    {
        var third = Rate.Ratio(1m, 3m);

        Assert.Equal("33.3333%", third.ToString());
        Assert.Equal("33.3333%", third.ToString("G", null));
        Assert.StartsWith("33.333333333333333333333", third.ToString("R", null), StringComparison.Ordinal);
        Assert.Equal(third, Rate.Parse(third.ToString("R", null)));
        Assert.Equal("85%", Rate.FromPercent(85m).ToString("R", null));
        Assert.Throws<FormatException>(() => third.ToString("P", null));
    }

    [Property]
    public bool TheRoundTripFormReadsBackAnEqualRate(Rate rate) =>
        Rate.Parse(rate.ToString("R", null)) == rate && Rate.Parse(rate.ToString()) == rate;

    [Property]
    public Property TheRoundTripFormReadsBackAnyRatio() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), Gen.Choose(1, 1_000_000).ToArbitrary(), (part, whole) =>
        {
            var rate = Rate.Ratio(part, whole);
            return Rate.Parse(rate.ToString("R", null)) == rate;
        });
}
