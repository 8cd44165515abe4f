using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Tests.Admission;

public class SmeTestTest
{
    private static readonly SmeThresholds Sme = Rulebook.Extremadura.On(new LocalDate(2016, 3, 1)).Value.Sme;
    private static readonly Money Cent = Money.Of(0.01m, Currency.EUR);
    private static readonly Money Nothing = Money.Zero(Currency.EUR);

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static EnterpriseFigures Figures(decimal staff, Money turnover, Money balanceSheet) => new(staff, turnover, balanceSheet);

    private static EnterpriseFigures Staff(decimal staff) => new(staff, Nothing, Nothing);

    private static CompanyProfile Profile(EnterpriseFigures own, params RelatedEnterprise[] related) =>
        new(own, new EquatableArray<RelatedEnterprise>(related));

    private static RelatedEnterprise Related(string name, decimal percent, EnterpriseFigures figures) =>
        new(name, Rate.FromPercent(percent), figures);

    /// <summary>The class and figures of an assessment, without its explanation.</summary>
    private static SmeAssessment Core(SmeAssessment a) => new(a.SizeClass, a.Staff, a.Turnover, a.BalanceSheet);

    private static SizeClassLimits Limits(SizeClass sizeClass) => sizeClass switch
    {
        SizeClass.Micro => Sme.Micro,
        SizeClass.Small => Sme.Small,
        SizeClass.Medium => Sme.Medium,
        _ => throw new ArgumentOutOfRangeException(nameof(sizeClass)),
    };

    [Fact]
    public void Thresholds_WhenReadFromTheExtremaduraRulebook_AreTheRecommendationsFigures()
    {
        // The boundary tests below read every limit from the rulebook; this pins what they are.
        Assert.Equal(new SizeClassLimits(10, Eur(2_000_000m), Eur(2_000_000m)), Sme.Micro);
        Assert.Equal(new SizeClassLimits(50, Eur(10_000_000m), Eur(10_000_000m)), Sme.Small);
        Assert.Equal(new SizeClassLimits(250, Eur(50_000_000m), Eur(43_000_000m)), Sme.Medium);
        Assert.Equal(Rate.FromPercent(25m), Sme.PartnerShareFrom);
        Assert.Equal(Rate.FromPercent(50m), Sme.LinkedShareAbove);
    }

    [Theory]
    [InlineData(SizeClass.Micro, -1, SizeClass.Micro)] // 9 staff
    [InlineData(SizeClass.Micro, 0, SizeClass.Small)] // 10 staff
    [InlineData(SizeClass.Small, -1, SizeClass.Small)] // 49 staff
    [InlineData(SizeClass.Small, 0, SizeClass.Medium)] // 50 staff
    [InlineData(SizeClass.Medium, -1, SizeClass.Medium)] // 249 staff
    [InlineData(SizeClass.Medium, 0, SizeClass.NotSme)] // 250 staff
    public void Assess_WhenStaffIsAtTheStaffLimit_FallsInTheNextClass(SizeClass limitOf, int offset, SizeClass expected)
    {
        decimal staff = Limits(limitOf).StaffBelow + offset;

        var assessment = SmeTest.Assess(Profile(Staff(staff)), Sme);

        Assert.Equal(expected, assessment.SizeClass);
        Assert.Equal(staff, assessment.Staff);
    }

    [Fact]
    public void Assess_WhenStaffIsJustBelowTheLimitInFractionalWorkUnits_StaysInTheClass()
    {
        var assessment = SmeTest.Assess(Profile(Staff(Sme.Micro.StaffBelow - 0.01m)), Sme);

        Assert.Equal(SizeClass.Micro, assessment.SizeClass);
    }

    [Theory]
    [InlineData(SizeClass.Micro)]
    [InlineData(SizeClass.Small)]
    [InlineData(SizeClass.Medium)]
    public void Assess_WhenTurnoverIsExactlyAtTheLimitAndBalanceSheetOver_StaysInTheClass(SizeClass sizeClass)
    {
        var limits = Limits(sizeClass);
        var own = Figures(0m, limits.TurnoverAtMost, limits.BalanceSheetAtMost + Cent);

        Assert.Equal(sizeClass, SmeTest.Assess(Profile(own), Sme).SizeClass);
    }

    [Theory]
    [InlineData(SizeClass.Micro, SizeClass.Small)]
    [InlineData(SizeClass.Small, SizeClass.Medium)]
    [InlineData(SizeClass.Medium, SizeClass.NotSme)]
    public void Assess_WhenTurnoverAndBalanceSheetAreOneCentOver_FallsInTheNextClass(SizeClass sizeClass, SizeClass expected)
    {
        var limits = Limits(sizeClass);
        var own = Figures(0m, limits.TurnoverAtMost + Cent, limits.BalanceSheetAtMost + Cent);

        Assert.Equal(expected, SmeTest.Assess(Profile(own), Sme).SizeClass);
    }

    [Theory]
    [InlineData(SizeClass.Micro)]
    [InlineData(SizeClass.Small)]
    [InlineData(SizeClass.Medium)]
    public void Assess_WhenBalanceSheetIsExactlyAtTheLimitAndTurnoverOver_StaysInTheClass(SizeClass sizeClass)
    {
        var limits = Limits(sizeClass);
        var own = Figures(0m, limits.TurnoverAtMost + Cent, limits.BalanceSheetAtMost);

        Assert.Equal(sizeClass, SmeTest.Assess(Profile(own), Sme).SizeClass);
    }

    [Fact]
    public void Assess_WhenTurnoverIsFarOverButBalanceSheetWithin_IsStillInTheClass()
    {
        var own = Figures(Sme.Micro.StaffBelow - 1, Sme.Medium.TurnoverAtMost * 2, Sme.Micro.BalanceSheetAtMost);

        Assert.Equal(SizeClass.Micro, SmeTest.Assess(Profile(own), Sme).SizeClass);
    }

    [Fact]
    public void Assess_WhenFewStaffButBothFinancialFiguresOverTheMediumLimits_IsNotAnSme()
    {
        var own = Figures(1m, Sme.Medium.TurnoverAtMost + Cent, Sme.Medium.BalanceSheetAtMost + Cent);

        var assessment = SmeTest.Assess(Profile(own), Sme);

        Assert.Equal(SizeClass.NotSme, assessment.SizeClass);
        Assert.False(assessment.IsSme);
    }

    [Fact]
    public void Assess_WhenAlone_ReportsTheOwnFiguresAsConsolidated()
    {
        var own = Figures(12.5m, Eur(3_000_000m), Eur(1_500_000.25m));

        var assessment = SmeTest.Assess(Profile(own), Sme);

        Assert.Equal(new SmeAssessment(SizeClass.Small, 12.5m, Eur(3_000_000m), Eur(1_500_000.25m)), Core(assessment));
        Assert.True(assessment.IsSme);
    }

    [Fact]
    public void Assess_WhenShareIsJustAboveFiftyPercent_AddsTheLinkedEnterpriseInFull()
    {
        var own = Figures(6m, Eur(1_000_000m), Eur(800_000m));
        var linked = Related("Parent SA", 50.01m, Figures(6m, Eur(1_500_000m), Eur(1_300_000m)));

        var assessment = SmeTest.Assess(Profile(own, linked), Sme);

        Assert.Equal(new SmeAssessment(SizeClass.Small, 12m, Eur(2_500_000m), Eur(2_100_000m)), Core(assessment));
    }

    [Fact]
    public void Assess_WhenWhollyOwned_AddsTheLinkedEnterpriseInFull()
    {
        var own = Figures(1m, Nothing, Nothing);
        var linked = Related("Subsidiary SL", 100m, Figures(300m, Eur(60_000_000m), Eur(50_000_000m)));

        var assessment = SmeTest.Assess(Profile(own, linked), Sme);

        Assert.Equal(SizeClass.NotSme, assessment.SizeClass);
        Assert.Equal(301m, assessment.Staff);
    }

    [Fact]
    public void Assess_WhenShareIsExactlyFiftyPercent_AddsThePartnerInProportion()
    {
        var own = Figures(4m, Eur(100_000m), Eur(100_000m));
        var partner = Related("Half Owner SA", 50m, Figures(100m, Eur(1_000_000m), Eur(600_000m)));

        var assessment = SmeTest.Assess(Profile(own, partner), Sme);

        Assert.Equal(new SmeAssessment(SizeClass.Medium, 54m, Eur(600_000m), Eur(400_000m)), Core(assessment));
    }

    [Fact]
    public void Assess_WhenPartnerHoldsThirtyPercentOfAHundredStaff_AddsThirty()
    {
        var partner = Related("Investor SA", 30m, Figures(100m, Nothing, Nothing));

        var assessment = SmeTest.Assess(Profile(Staff(5m), partner), Sme);

        Assert.Equal(35m, assessment.Staff);
        Assert.Equal(SizeClass.Small, assessment.SizeClass);
    }

    [Fact]
    public void Assess_WhenShareIsExactlyTwentyFivePercent_AddsThePartnerInProportion()
    {
        var partner = Related("Quarter SA", 25m, Figures(8m, Eur(4_000_000m), Eur(2_000_000m)));

        var assessment = SmeTest.Assess(Profile(Figures(8m, Eur(1_000_000m), Eur(1_000_000m)), partner), Sme);

        Assert.Equal(new SmeAssessment(SizeClass.Small, 10m, Eur(2_000_000m), Eur(1_500_000m)), Core(assessment));
    }

    [Fact]
    public void Assess_WhenShareIsJustBelowTwentyFivePercent_IgnoresTheAutonomousEnterprise()
    {
        var own = Figures(9m, Eur(2_000_000m), Eur(2_000_000m));
        var autonomous = Related("Minority SA", 24.99m, Figures(10_000m, Eur(900_000_000m), Eur(900_000_000m)));

        var assessment = SmeTest.Assess(Profile(own, autonomous), Sme);

        Assert.Equal(new SmeAssessment(SizeClass.Micro, 9m, Eur(2_000_000m), Eur(2_000_000m)), Core(assessment));
    }

    [Fact]
    public void Assess_WhenPartnerShareOfAnAmountHasHalfACent_RoundsHalfAwayFromZero()
    {
        // 25 % of EUR 1,000,000.02 is 250,000.005: rounded to 250,000.01.
        var partner = Related("Partner SA", 25m, Figures(0m, Eur(1_000_000.02m), Eur(0.02m)));

        var assessment = SmeTest.Assess(Profile(Figures(0m, Nothing, Nothing), partner), Sme);

        Assert.Equal(Eur(250_000.01m), assessment.Turnover);
        Assert.Equal(Eur(0.01m), assessment.BalanceSheet);
    }

    [Fact]
    public void Assess_WhenPartnerShareOfStaffIsFractional_KeepsTheFraction()
    {
        var partner = Related("Partner SA", 33.33m, Figures(10m, Nothing, Nothing));

        var assessment = SmeTest.Assess(Profile(Staff(6m), partner), Sme);

        Assert.Equal(9.333m, assessment.Staff);
        Assert.Equal(SizeClass.Micro, assessment.SizeClass);
    }

    [Fact]
    public void Assess_WhenSeveralRelatedEnterprises_AddsEachByItsOwnShare()
    {
        var profile = Profile(
            Figures(10m, Eur(1_000_000m), Eur(1_000_000m)),
            Related("Linked SA", 75m, Figures(20m, Eur(2_000_000m), Eur(2_000_000m))),
            Related("Partner SA", 40m, Figures(10m, Eur(1_000_000m), Eur(500_000m))),
            Related("Autonomous SA", 10m, Figures(1_000m, Eur(1_000_000_000m), Eur(1_000_000_000m))));

        var assessment = SmeTest.Assess(profile, Sme);

        Assert.Equal(new SmeAssessment(SizeClass.Small, 34m, Eur(3_400_000m), Eur(3_200_000m)), Core(assessment));
    }

    [Fact]
    public void Assess_WhenAPartnerTipsTheStaffOverTheLimit_MovesToTheNextClass()
    {
        var partner = Related("Partner SA", 25m, Figures(4m, Nothing, Nothing));

        Assert.Equal(SizeClass.Micro, SmeTest.Assess(Profile(Staff(8.99m), partner), Sme).SizeClass);
        Assert.Equal(SizeClass.Small, SmeTest.Assess(Profile(Staff(9m), partner), Sme).SizeClass);
    }

    [Fact]
    public void Assess_WhenThresholdsAreAnotherRegions_UsesThemRatherThanTheEuFigures()
    {
        var gbp = (decimal amount) => Money.Of(amount, Currency.GBP);
        var thresholds = new SmeThresholds(
            new SizeClassLimits(5, gbp(1_000_000m), gbp(1_000_000m)),
            new SizeClassLimits(20, gbp(5_000_000m), gbp(5_000_000m)),
            new SizeClassLimits(100, gbp(20_000_000m), gbp(20_000_000m)),
            Rate.FromPercent(20m),
            Rate.FromPercent(60m),
            Rate.FromPercent(25m),
            gbp(1_000_000m),
            gbp(8_000_000m),
            5_000,
            2);
        var partner = new RelatedEnterprise("Partner Ltd", Rate.FromPercent(20m), new EnterpriseFigures(10m, gbp(0m), gbp(0m)));
        var profile = Profile(new EnterpriseFigures(3m, gbp(100_000m), gbp(100_000m)), partner);

        var assessment = SmeTest.Assess(profile, thresholds);

        Assert.Equal(new SmeAssessment(SizeClass.Small, 5m, gbp(100_000m), gbp(100_000m)), Core(assessment));
    }

    [Fact]
    public void Assess_WhenOwnAmountsAreInAnotherCurrency_Throws()
    {
        var own = new EnterpriseFigures(1m, Money.Of(1m, Currency.GBP), Money.Of(1m, Currency.GBP));

        Assert.Throws<ArgumentException>("profile", () => SmeTest.Assess(Profile(own), Sme));
    }

    [Fact]
    public void Assess_WhenARelatedEnterprisesAmountIsInAnotherCurrency_Throws()
    {
        var partner = Related("Partner Ltd", 10m, new EnterpriseFigures(1m, Nothing, Money.Of(1m, Currency.GBP)));

        Assert.Throws<ArgumentException>("profile", () => SmeTest.Assess(Profile(Staff(1m), partner), Sme));
    }

    [Fact]
    public void Assess_WhenAFigureIsNegative_Throws()
    {
        Assert.Throws<ArgumentException>("profile", () => SmeTest.Assess(Profile(Staff(-1m)), Sme));
        Assert.Throws<ArgumentException>("profile", () => SmeTest.Assess(Profile(Figures(1m, Eur(-0.01m), Nothing)), Sme));
    }

    [Fact]
    public void Assess_WhenAShareIsAboveOneHundredPercent_Throws()
    {
        var partner = Related("Partner SA", 100.01m, Staff(1m));

        Assert.Throws<ArgumentException>("profile", () => SmeTest.Assess(Profile(Staff(1m), partner), Sme));
    }

    [Fact]
    public void Assess_WhenArgumentsAreNull_Throws()
    {
        Assert.Throws<ArgumentNullException>("profile", () => SmeTest.Assess(null!, Sme));
        Assert.Throws<ArgumentNullException>("thresholds", () => SmeTest.Assess(Profile(Staff(1m)), null!));
    }

    [Fact]
    public void Assess_WhenCalledAgain_GivesAnEqualAssessmentWithOneLinePerEnterprise()
    {
        var profile = Profile(
            Figures(10m, Eur(1_000_000m), Eur(1_000_000m)),
            Related("Linked SA", 75m, Figures(20m, Eur(2_000_000m), Eur(2_000_000m))),
            Related("Partner SA", 40m, Figures(10m, Eur(1_000_000m), Eur(500_000m))),
            Related("Autonomous SA", 10m, Staff(1_000m)));
        var expected = SmeTest.Assess(profile, Sme);

        var again = SmeTest.Assess(profile, Sme);

        Assert.Equal(expected, again);
        Assert.Equal(
            [("(applicant)", SmeTreatment.Own), ("Linked SA", SmeTreatment.Linked), ("Partner SA", SmeTreatment.Partner), ("Autonomous SA", SmeTreatment.NotCounted)],
            again.Lines.Select(l => (l.Enterprise, l.Treatment)));
    }

    [Fact]
    public void Classify_WhenCalledAgain_AllocatesNothing()
    {
        var profile = Profile(
            Figures(10m, Eur(1_000_000m), Eur(1_000_000m)),
            Related("Linked SA", 75m, Figures(20m, Eur(2_000_000m), Eur(2_000_000m))) with
            {
                Related = new EquatableArray<RelatedEnterprise>([Related("Its partner", 30m, Staff(10m)), Related("Its subsidiary", 100m, Staff(5m))]),
            },
            Related("Partner SA", 40m, Figures(10m, Eur(1_000_000m), Eur(500_000m))),
            Related("University", 30m, Staff(1_000m)) with { Kind = RelatedPartyKind.University, ActingJointlyWith = "group" },
            Related("Autonomous SA", 10m, Staff(1_000m))) with
        {
            Earlier = new EquatableArray<CompanyProfile>([Profile(Staff(12m))]),
        };
        var expected = SmeTest.Classify(profile, Sme);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var again = SmeTest.Classify(profile, Sme);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(expected, again);
        Assert.Equal(0, allocated);
        Assert.Equal(Core(SmeTest.Assess(profile, Sme)), Core(again));
        Assert.Empty(again.Lines);
    }

    [Fact]
    public void Classify_WhenEveryKindOfRelationIsDeclared_AllocatesNothingAndDecidesAsAssess()
    {
        // The hot path of admission builds no explanation: not for partners' partners and
        // linked enterprises, chains, natural persons, investors or public bodies either.
        RelatedEnterprise With(RelatedEnterprise r, params RelatedEnterprise[] related) => r with { Related = new EquatableArray<RelatedEnterprise>(related) };
        var profile = Profile(
            Figures(10m, Eur(1_000_000m), Eur(1_000_000m)),
            With(
                Related("Partner SA", 40m, Staff(20m)),
                With(Related("Its subsidiary", 100m, Staff(30m)), Related("Sub's subsidiary", 60m, Staff(10m)), Related("Sub's partner", 30m, Staff(1m))),
                Related("Its partner", 30m, Staff(1m)),
                Related("Its small holding", 10m, Staff(1m)),
                Related("Its consolidated subsidiary", 100m, Staff(5m)) with { IncludedThroughConsolidation = true }),
            With(
                Related("Parent SA", 60m, Staff(20m)),
                With(Related("Parent's partner", 40m, Staff(10m)), Related("Its own subsidiary", 100m, Staff(1m))),
                Related("Parent's small holding", 10m, Staff(1m))),
            With(
                Related("The García family", 70m, Staff(0m)) with { Kind = RelatedPartyKind.NaturalPersons },
                Related("Same-market company", 60m, Staff(5m)) with { SameOrAdjacentMarket = true },
                Related("Other-market company", 100m, Staff(5m)),
                Related("Minority company", 20m, Staff(5m)) with { SameOrAdjacentMarket = true }),
            Related("Angels", 30m, Staff(100m)) with { Kind = RelatedPartyKind.BusinessAngel, BusinessAngelInvestment = Eur(1_000_000m) },
            Related("Ayuntamiento", 30m, Staff(0m)) with { Kind = RelatedPartyKind.AutonomousLocalAuthority, AnnualBudget = Eur(20_000_000m), Inhabitants = 90_000 },
            Related("Junta", 10m, Staff(0m)) with { Kind = RelatedPartyKind.PublicBody },
            Related("Controller SA", 10m, Staff(1m)) with { Control = ControlMeans.BoardMajority | ControlMeans.VotingAgreement }) with
        {
            Earlier = new EquatableArray<CompanyProfile>([Profile(Staff(12m))]),
        };
        var expected = SmeTest.Classify(profile, Sme);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var again = SmeTest.Classify(profile, Sme);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(expected, again);
        Assert.Equal(0, allocated);
        Assert.Equal(Core(SmeTest.Assess(profile, Sme)), Core(again));
        Assert.Equal(SmeTest.Assess(profile, Sme).PublicControl, again.PublicControl);
    }
}
