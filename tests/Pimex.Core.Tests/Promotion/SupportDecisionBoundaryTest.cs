using Pimex.Monetary;
using Pimex.Promotion;

namespace Pimex.Tests.Promotion;

public class SupportDecisionBoundaryTest
{
    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    [Fact]
    public void Decide_WhenTheReservationIsTheTightestBoundAfterTheIntensity_SaysBoth()
    {
        var decision = SupportDecision.Decide(Eur(1000m), Rate.FromPercent(80), Eur(2500m), Eur(0m), Eur(500m), Eur(200000m));

        Assert.Equal(Eur(500m), decision.Granted);
        Assert.Equal(Eur(500m), decision.NotSupported);
        Assert.Equal(NotSupportedReasons.Intensity | NotSupportedReasons.Reservation, decision.Reasons);
    }

    [Fact]
    public void Decide_WhenOnlyTheReservationBinds_SaysSo()
    {
        var decision = SupportDecision.Decide(Eur(1000m), Rate.One, Eur(2500m), Eur(0m), Eur(999.99m), Eur(200000m));

        Assert.Equal(Eur(999.99m), decision.Granted);
        Assert.Equal(NotSupportedReasons.Reservation, decision.Reasons);
    }

    [Fact]
    public void Decide_WhenTheGrantEqualsTheAidHeadroomExactly_GrantsAllWithNoReason()
    {
        var decision = SupportDecision.Decide(Eur(300m), Rate.One, Eur(2500m), Eur(0m), Eur(2500m), Eur(300m));

        Assert.Equal(Eur(300m), decision.Granted);
        Assert.True(decision.NotSupported.IsZero);
        Assert.Equal(NotSupportedReasons.None, decision.Reasons);
    }

    [Fact]
    public void Decide_WhenTheGrantEqualsTheReservationAndTheCapLeftExactly_GrantsAllWithNoReason()
    {
        var decision = SupportDecision.Decide(Eur(1000m), Rate.One, Eur(2500m), Eur(1500m), Eur(1000m), Eur(1000m));

        Assert.Equal(Eur(1000m), decision.Granted);
        Assert.Equal(NotSupportedReasons.None, decision.Reasons);
    }
}
