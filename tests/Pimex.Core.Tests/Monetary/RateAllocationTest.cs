using Ardalis.GuardClauses;
using Pimex.Monetary;

namespace Pimex.Tests.Monetary;

/// <summary>
/// Making a rate allocates nothing: its guard against a negative value compares the decimal
/// without boxing it, and still refuses exactly what <c>Guard.Against.Negative</c> refuses, with
/// the same exception.
/// </summary>
public class RateAllocationTest
{
    private static readonly decimal[] Values = [0m, 0.25m, 1m, 0.333333333333m, 85m, 1_000_000_000_000m];

    [Fact]
    public void FromFractionFromPercentAndRatio_WhenCalledAgain_AllocateNothing()
    {
        decimal sum = Make();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            sum += Make();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(sum > 0m);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("-0.0000000000000000000000000001")]
    public void FromFractionFromPercentAndRatio_WhenNegative_ThrowWhatArdalisNegativeThrows(string text)
    {
        decimal fraction = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        decimal percent = fraction;
        decimal numerator = fraction;
        decimal denominator = fraction;

        AssertSame(() => Guard.Against.Negative(fraction), () => Rate.FromFraction(fraction));
        AssertSame(() => Guard.Against.Negative(percent), () => Rate.FromPercent(percent));
        AssertSame(() => Guard.Against.Negative(numerator), () => Rate.Ratio(numerator, 1m));
        AssertSame(() => Guard.Against.Negative(denominator), () => Rate.Ratio(1m, denominator));
    }

    [Fact]
    public void FromFraction_WhenZeroOrNegativeZero_IsZero()
    {
        Assert.Equal(Rate.Zero, Rate.FromFraction(0m));
        Assert.Equal(Rate.Zero, Rate.FromFraction(-0.0m));
        Assert.Equal(Guard.Against.Negative(-0.0m), Rate.FromFraction(-0.0m).Fraction);
    }

    private static decimal Make()
    {
        decimal sum = 0m;
        foreach (var value in Values)
        {
            sum += Rate.FromFraction(value).Fraction + Rate.FromPercent(value).Fraction + Rate.Ratio(value, 3m).Fraction;
        }

        return sum;
    }

    private static void AssertSame(Func<decimal> guard, Func<Rate> rate)
    {
        var expected = Assert.Throws<ArgumentException>(() => guard());
        var actual = Assert.Throws<ArgumentException>(() => rate());
        Assert.Equal((expected.GetType(), expected.ParamName, expected.Message), (actual.GetType(), actual.ParamName, actual.Message));
    }
}
