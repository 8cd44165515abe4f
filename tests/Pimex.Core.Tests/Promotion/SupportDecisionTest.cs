using FsCheck.Xunit;
using Pimex.Monetary;
using Pimex.Promotion;

namespace Pimex.Tests.Promotion;

public class SupportDecisionTest
{
    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    [Fact]
    public void Decide_WhenTheAidCeilingIsTheTightestBound_GrantsTheHeadroomAndSaysWhy()
    {
        var decision = SupportDecision.Decide(Eur(2000m), Rate.One, Eur(2500m), Eur(0m), Eur(2500m), Eur(300m));

        Assert.Equal(Eur(300m), decision.Granted);
        Assert.Equal(Eur(1700m), decision.NotSupported);
        Assert.Equal(NotSupportedReasons.AidCeiling, decision.Reasons);
    }

    [Fact]
    public void Decide_WhenEverythingFits_GrantsAllWithNoReason()
    {
        var decision = SupportDecision.Decide(Eur(999.99m), Rate.One, Eur(2500m), Eur(1500m), Eur(1000m), Eur(200000m));

        Assert.Equal(Eur(999.99m), decision.Granted);
        Assert.Equal(NotSupportedReasons.None, decision.Reasons);
    }

    [Property(MaxTest = 300)]
    public bool ApprovedIsGrantedPlusNotSupportedToTheCent(uint approvedCents, byte intensityPercent, uint capCents, uint grantedCents, uint reservationCents, uint headroomCents)
    {
        var d = SupportDecision.Decide(
            Money.FromMinorUnits(approvedCents, Currency.EUR),
            Rate.FromPercent(intensityPercent % 101),
            Money.FromMinorUnits(capCents, Currency.EUR),
            Money.FromMinorUnits(grantedCents, Currency.EUR),
            Money.FromMinorUnits(reservationCents, Currency.EUR),
            Money.FromMinorUnits(headroomCents, Currency.EUR));

        return d.Approved == d.Granted + d.NotSupported && !d.Granted.IsNegative && !d.NotSupported.IsNegative;
    }

    [Property(MaxTest = 300)]
    public bool GrantedNeverExceedsAnyBound(uint approvedCents, byte intensityPercent, uint capCents, uint grantedCents, uint reservationCents, uint headroomCents)
    {
        var intensity = Rate.FromPercent(intensityPercent % 101);
        var approved = Money.FromMinorUnits(approvedCents, Currency.EUR);
        var cap = Money.FromMinorUnits(capCents, Currency.EUR);
        var already = Money.FromMinorUnits(grantedCents, Currency.EUR);
        var reservation = Money.FromMinorUnits(reservationCents, Currency.EUR);
        var headroom = Money.FromMinorUnits(headroomCents, Currency.EUR);

        var d = SupportDecision.Decide(approved, intensity, cap, already, reservation, headroom);

        return d.Granted <= approved * intensity
            && d.Granted + already <= Money.Max(cap, already)
            && d.Granted <= reservation
            && d.Granted <= headroom;
    }
}
