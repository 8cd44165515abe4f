using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pimex.Monetary;
using Pimex.Tests.Support;

namespace Pimex.Tests.Monetary;

public partial class MoneyTest
{
    [Fact]
    public void Allocate_WhenThreeEqualWeights_GivesTheLeftoverCentToTheFirstPart()
    {
        Assert.Equal([Eur(33.34m), Eur(33.33m), Eur(33.33m)], Eur(100m).Allocate([1m, 1m, 1m]));
    }

    [Fact]
    public void Allocate_WhenRemaindersDiffer_GivesTheLeftoverCentToTheLargestRemainder()
    {
        // 1/3 and 2/3 of 100 cents: 33.33... and 66.66..., the cent goes to the second.
        Assert.Equal([Eur(0.33m), Eur(0.67m)], Eur(1m).Allocate([1m, 2m]));
    }

    [Fact]
    public void Allocate_WhenWeightsAreTheBudgetLines_GivesTheLinesBack()
    {
        Assert.Equal([Eur(75_000m), Eur(5_000m), Eur(8_280m)], Eur(88_280m).Allocate([75_000m, 5_000m, 8_280m]));
    }

    [Fact]
    public void Allocate_WhenAmountIsNegative_MirrorsThePositiveSplit()
    {
        Assert.Equal([Eur(-33.34m), Eur(-33.33m), Eur(-33.33m)], Eur(-100m).Allocate([1m, 1m, 1m]));
    }

    [Fact]
    public void Allocate_WhenAWeightIsZero_ThatPartGetsNothing()
    {
        Assert.Equal([Eur(0m), Eur(0.01m)], Eur(0.01m).Allocate([0m, 1m]));
        Assert.Equal([Eur(0.02m), Eur(0m), Eur(0.01m)], Eur(0.03m).Allocate([1m, 0m, 1m]));
    }

    [Fact]
    public void Allocate_WhenCurrencyHasNoMinorUnit_SplitsWholeUnits()
    {
        Assert.Equal([Money.Of(34m, JPY), Money.Of(33m, JPY), Money.Of(33m, JPY)], Money.Of(100m, JPY).Allocate([1m, 1m, 1m]));
    }

    [Fact]
    public void Allocate_WhenWeightsAreMissingNegativeOrAllZero_Throws()
    {
        Assert.Throws<ArgumentException>(() => Eur(1m).Allocate([]));
        Assert.Throws<ArgumentException>(() => Eur(1m).Allocate([1m, -1m]));
        Assert.Throws<ArgumentException>(() => Eur(1m).Allocate([0m, 0m]));
    }

    [Fact]
    public void Split_WhenThreeParts_GivesPartsAsEqualAsCentsAllow()
    {
        Assert.Equal([Eur(2_500m), Eur(2_500m)], Eur(5_000m).Split(2));
        Assert.Equal([Eur(0.34m), Eur(0.33m), Eur(0.33m)], Eur(1m).Split(3));
    }

    [Fact]
    public void Split_WhenCountIsNotPositive_Throws()
    {
        Assert.Throws<ArgumentException>(() => Eur(1m).Split(0));
        Assert.Throws<ArgumentException>(() => Eur(1m).Split(-1));
    }

    [Property]
    public Property AllocationLosesNoCent() =>
        Prop.ForAll(PimexArbitraries.Amounts(), PimexArbitraries.WeightsGen.ToArbitrary(), (amount, weights) =>
        {
            var parts = amount.Allocate(weights);
            return parts.Length == weights.Length
                && parts.All(p => p.Currency == amount.Currency)
                && parts.Aggregate(Money.Zero(amount.Currency), (sum, p) => sum + p) == amount;
        });

    [Property]
    public Property AllocationIsWithinOneMinorUnitOfTheExactShare() =>
        Prop.ForAll(PimexArbitraries.Amounts(), PimexArbitraries.WeightsGen.ToArbitrary(), (amount, weights) =>
        {
            var parts = amount.Allocate(weights);
            var total = weights.Sum();
            return parts.Select((part, i) => Math.Abs(part.MinorUnits - (amount.MinorUnits * (weights[i] / total)))).All(gap => gap < 1m);
        });

    [Property]
    public Property ZeroWeightsGetNothing() =>
        Prop.ForAll(PimexArbitraries.Amounts(), PimexArbitraries.WeightsGen.ToArbitrary(), (amount, weights) =>
            amount.Allocate(weights).Where((_, i) => weights[i] == 0m).All(p => p.IsZero));

    [Property]
    public Property SplitPartsDifferByAtMostOneMinorUnit() =>
        Prop.ForAll(PimexArbitraries.Amounts(), Gen.Choose(1, 50).ToArbitrary(), (amount, count) =>
        {
            var units = amount.Split(count).Select(p => p.MinorUnits).ToArray();
            return units.Max() - units.Min() <= 1 && units.Sum() == amount.MinorUnits;
        });
}
