using Pimex.Common;
using Pimex.Evaluation;
using Pimex.Funding;
using Pimex.Monetary;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Evaluation;

public class FundingBreakdownTest
{
    private static readonly EquatableArray<FundShare> Erdf85 =
        new([new FundShare("ERDF", Rate.FromPercent(85)), new FundShare("Regional", Rate.FromPercent(15))]);

    [Fact]
    public void Split_WhenRatesGiveExactCents_PaysEachFundItsRate()
    {
        var shares = FundingBreakdown.Split(Eur(75_000m), Erdf85);

        Assert.Equal([Eur(63_750m), Eur(11_250m)], shares.Select(s => s.Amount));
        Assert.Equal(["ERDF", "Regional"], shares.Select(s => s.Fund));
    }

    [Fact]
    public void Split_WhenRoundingLeavesACent_GivesItToTheLargestRemainder()
    {
        // 7 cents at 85/15: 5.95 and 1.05 cents; the left-over cent goes to ERDF (remainder .95).
        var shares = FundingBreakdown.Split(Eur(0.07m), Erdf85);

        Assert.Equal([Eur(0.06m), Eur(0.01m)], shares.Select(s => s.Amount));
    }

    [Fact]
    public void Split_WhenThreeEqualFunds_AddsUpToTheCent()
    {
        var third = Rate.FromFraction(1m / 3m);
        var shares = FundingBreakdown.Split(Eur(100m), new([new FundShare("A", third), new FundShare("B", third), new FundShare("C", third)]));

        Assert.Equal([Eur(33.34m), Eur(33.33m), Eur(33.33m)], shares.Select(s => s.Amount));
    }

    [Fact]
    public void Split_WhenNothingSpent_GivesEachFundZero()
    {
        var shares = FundingBreakdown.Split(Eur(0m), Erdf85);

        Assert.All(shares, s => Assert.Equal(Eur(0m), s.Amount));
    }

    [Fact]
    public void Split_WhenNoFund_Throws()
    {
        Assert.Throws<ArgumentException>("shares", () => FundingBreakdown.Split(Eur(10m), default));
    }

    [Fact]
    public void Totals_WhenAFundPaysSeveralLines_AddsItsSharesInOrderOfAppearance()
    {
        var actions = FundingBreakdown.Split(Eur(1_000m), Erdf85);
        var training = FundingBreakdown.Split(Eur(100m), new([new FundShare("ESF+", Rate.FromPercent(85)), new FundShare("Regional", Rate.FromPercent(15))]));

        var totals = FundingBreakdown.Totals([actions, training], Currency.EUR);

        Assert.Equal([new FundTotal("ERDF", Eur(850m)), new FundTotal("Regional", Eur(165m)), new FundTotal("ESF+", Eur(85m))], totals);
    }

    [Fact]
    public void Split_WhenMoreThanEightFunds_AddsUpToTheCent()
    {
        var shares = new EquatableArray<FundShare>(Enumerable.Range(1, 10).Select(i => new FundShare("F" + i, Rate.FromPercent(10))));

        var amounts = FundingBreakdown.Split(Eur(100.05m), shares);

        Assert.Equal(10, amounts.Count);
        Assert.Equal(Eur(100.05m), amounts.Aggregate(Eur(0m), (sum, a) => sum + a.Amount));
        Assert.All(amounts, a => Assert.InRange(a.Amount.Amount, 10m, 10.01m));
    }

    [Fact]
    public void Totals_WhenNull_Throws()
    {
        Assert.Throws<ArgumentNullException>("lines", () => FundingBreakdown.Totals(null!, Pimex.Monetary.Currency.EUR));
    }
}
