using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pimex.Monetary;
using Pimex.Tests.Support;

namespace Pimex.Tests.Monetary;

public partial class MoneyTest
{
    [Fact]
    public void EqualityContract_WhenSameCurrency_HoldsWithOrdering()
    {
        EqualityContract.AssertComparison(Eur(2_500m), Money.FromMinorUnits(250_000, Currency.EUR), Eur(2_500.01m));
        EqualityContract.AssertComparison(Eur(-1m), Eur(-1m), Eur(0m));
    }

    [Fact]
    public void Equals_WhenOnlyTrailingZerosDiffer_IsTrueWithTheSameHashCode()
    {
        var plain = Eur(2_500m);
        var padded = Eur(2_500.00m);

        Assert.Equal(plain, padded);
        Assert.Equal(plain.GetHashCode(), padded.GetHashCode());
    }

    [Fact]
    public void Equals_WhenCurrenciesDiffer_IsFalseWithoutThrowing()
    {
        Assert.False(Eur(1m).Equals(Gbp(1m)));
        Assert.False(Eur(1m) == Gbp(1m));
        Assert.True(Eur(1m) != Gbp(1m));
        Assert.False(Eur(1m).Equals((object)Gbp(1m)));
    }

    [Fact]
    public void CompareTo_WhenCurrenciesDiffer_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Eur(1m).CompareTo(Gbp(2m)));
        Assert.Throws<InvalidOperationException>(() => ((IComparable)Eur(1m)).CompareTo(Gbp(2m)));
        Assert.Throws<InvalidOperationException>(() => Eur(1m) < Gbp(2m));
        Assert.Throws<InvalidOperationException>(() => Eur(1m) <= Gbp(2m));
        Assert.Throws<InvalidOperationException>(() => Eur(1m) > Gbp(2m));
    }

    [Fact]
    public void Default_WhenNotInitialised_IsZeroInNoCurrency()
    {
        var none = default(Money);

        Assert.True(none.IsZero);
        Assert.True(none.Currency.IsNone);
        Assert.Equal(Money.Zero(default), none);
        Assert.NotEqual(Money.Zero(Currency.EUR), none);
        Assert.Throws<InvalidOperationException>(() => none + Eur(1m));
    }

    [Property]
    public bool EqualityIgnoresTrailingZeros(Money amount)
    {
        var padded = Money.Of(amount.Amount * 1.000m, amount.Currency);
        return padded == amount && padded.Equals(amount) && padded.GetHashCode() == amount.GetHashCode();
    }

    [Property]
    public Property OrderingFollowsTheMinorUnits() =>
        Prop.ForAll(PimexArbitraries.AmountsInOneCurrency(2).ToArbitrary(), m =>
            Math.Sign(m[0].CompareTo(m[1])) == Math.Sign(m[0].MinorUnits.CompareTo(m[1].MinorUnits))
            && (m[0] == m[1]) == (m[0].CompareTo(m[1]) == 0));
}
