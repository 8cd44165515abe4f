using Pimex.Monetary;

namespace Pimex.Tests.Monetary;

/// <content>Edges of allocation, parsing and formatting, and what the errors say.</content>
public partial class MoneyTest
{
    [Fact]
    public void Allocate_WhenNoWeight_ThrowsSayingOneIsNeeded()
    {
        var ex = Assert.Throws<ArgumentException>(() => Eur(10m).Allocate([]));

        Assert.Equal("weights", ex.ParamName);
        Assert.Contains("At least one weight is needed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_WhenOneWeightIsNegativeButTheSumIsPositive_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Eur(10m).Allocate([-1m, 2m]));

        Assert.Equal("weights", ex.ParamName);
    }

    [Fact]
    public void Allocate_WhenTheSmallerPartHasTheLargerRemainder_GivesItTheLeftoverCent()
    {
        // 10 cents at 16:84 is 1.6 and 8.4 cents: the cent left over goes to the first part.
        var parts = Eur(0.10m).Allocate([16m, 84m]);

        Assert.Equal([Eur(0.02m), Eur(0.08m)], parts);
    }

    [Fact]
    public void TryParse_WhenTheShortestWellFormedText_ReadsIt()
    {
        Assert.True(Money.TryParse("EUR 5", out var money));
        Assert.Equal(Eur(5m), money);
    }

    [Fact]
    public void ToString_WhenTheFormatIsUnknown_ThrowsNamingTheFormat()
    {
        var ex = Assert.Throws<FormatException>(() => Eur(1m).ToString("X", null));

        Assert.Contains("'X'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareTo_WhenTheObjectIsNotMoney_ThrowsSayingSo()
    {
        IComparable money = Eur(1m);

        var ex = Assert.Throws<ArgumentException>(() => money.CompareTo("EUR 1.00"));

        Assert.Equal("obj", ex.ParamName);
        Assert.Contains("not Money", ex.Message, StringComparison.Ordinal);
    }
}
