using Pimex.Monetary;

namespace Pimex.Tests.Monetary;

public class RateComplementTest
{
    [Fact]
    public void Complement_WhenTheRateIsAboveAHundredPercent_ThrowsSayingItHasNone()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Rate.FromPercent(101).Complement());

        Assert.Contains("above 100 %", ex.Message, StringComparison.Ordinal);
    }
}
