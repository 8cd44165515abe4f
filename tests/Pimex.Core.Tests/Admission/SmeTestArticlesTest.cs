using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Tests.Admission;

/// <summary>
/// The SME test against the articles of Recommendation 2003/361/EC's annex, one situation each,
/// citing the article it follows (the User guide's examples that could not be read are covered
/// here from the articles).
/// </summary>
public partial class SmeTestArticlesTest
{
    private static readonly SmeThresholds Sme = Rulebook.Extremadura.On(new LocalDate(2016, 3, 1)).Value.Sme;

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static EnterpriseFigures Figures(decimal staff, decimal turnover = 0m, decimal balanceSheet = 0m) => new(staff, Eur(turnover), Eur(balanceSheet));

    private static RelatedEnterprise Related(string name, decimal percent, EnterpriseFigures figures, params RelatedEnterprise[] related) =>
        new(name, Rate.FromPercent(percent), figures) { Related = new EquatableArray<RelatedEnterprise>(related) };

    private static CompanyProfile Profile(EnterpriseFigures own, params RelatedEnterprise[] related) =>
        new(own, new EquatableArray<RelatedEnterprise>(related));

    private static SmeAssessment Assess(CompanyProfile profile) => SmeTest.Assess(profile, Sme);

    private static (string, SmeTreatment, decimal)[] Counted(SmeAssessment a) =>
        [.. a.Lines.Select(l => (l.Enterprise, l.Treatment, l.Staff))];

    [Fact]
    public void Assess_WhenALinkedEnterpriseHasItsOwnLinkedAndPartnerEnterprises_AddsTheLinkedInFullAndItsPartnersPro_rata()
    {
        // Art. 6(2), third subparagraph (linked directly or indirectly: in full) and art. 6(3),
        // second subparagraph (the partners of a linked enterprise: pro rata).
        var profile = Profile(
            Figures(10m),
            Related("Parent", 60m, Figures(20m), Related("Sister", 80m, Figures(30m)), Related("Parent's partner", 40m, Figures(50m))));

        var a = Assess(profile);

        Assert.Equal(
            [("(applicant)", SmeTreatment.Own, 10m), ("Parent", SmeTreatment.Linked, 20m), ("Parent > Sister", SmeTreatment.Linked, 30m), ("Parent > Parent's partner", SmeTreatment.Partner, 20m)],
            Counted(a));
        Assert.Equal(80m, a.Staff);
    }

    [Fact]
    public void Assess_WhenAPartnerHasLinkedAndPartnerEnterprises_AddsItsLinkedInItsProportionAndNotItsPartners()
    {
        // Art. 6(3), first subparagraph (the enterprises linked to a partner are added to its data
        // in full, then in proportion) and art. 6(2), second subparagraph (only partners
        // immediately upstream or downstream count: a partner's partner does not).
        var profile = Profile(
            Figures(10m),
            Related("Partner", 40m, Figures(20m), Related("Partner's subsidiary", 100m, Figures(30m)), Related("Partner's partner", 30m, Figures(1_000m))));

        var a = Assess(profile);

        Assert.Equal(
            [("(applicant)", SmeTreatment.Own, 10m), ("Partner", SmeTreatment.Partner, 8m), ("Partner > Partner's subsidiary", SmeTreatment.Partner, 12m), ("Partner > Partner's partner", SmeTreatment.NotCounted, 0m)],
            Counted(a));
        Assert.Equal(30m, a.Staff);
        Assert.Equal(SizeClass.Small, a.SizeClass);
    }

    [Fact]
    public void Assess_WhenALinkedEnterprisesFiguresAreAlreadyConsolidated_DoesNotAddThemTwice()
    {
        // Art. 6(2): linked enterprises count "where the data were not already included through consolidation".
        var profile = Profile(Figures(40m), Related("Subsidiary", 100m, Figures(30m)) with { IncludedThroughConsolidation = true });

        var a = Assess(profile);

        Assert.Equal(40m, a.Staff);
        Assert.Equal(SmeTreatment.Linked, a.Lines[1].Treatment);
        Assert.Contains("consolidation", a.Lines[1].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ControlMeans.BoardMajority, "art. 3(3)(b)")]
    [InlineData(ControlMeans.DominantInfluence, "art. 3(3)(c)")]
    [InlineData(ControlMeans.VotingAgreement, "art. 3(3)(d)")]
    public void Assess_WhenAMinorityHolderControlsByOtherMeans_CountsItAsLinked(ControlMeans control, string article)
    {
        // Art. 3(3)(b)-(d): control without a majority of the votes still links the enterprises.
        var profile = Profile(Figures(10m), Related("Controller", 10m, Figures(300m)) with { Control = control });

        var a = Assess(profile);

        Assert.Equal(SmeTreatment.Linked, a.Lines[1].Treatment);
        Assert.Contains(article, a.Lines[1].Reason, StringComparison.Ordinal);
        Assert.Equal(SizeClass.NotSme, a.SizeClass);
    }

    [Fact]
    public void Assess_WhenTheSameNaturalPersonsControlAnEnterpriseOnTheSameMarket_CountsItAsLinked()
    {
        // Art. 3(3), fourth subparagraph: linked through natural persons acting jointly, on the same or an adjacent market.
        var persons = Related(
            "The García family",
            70m,
            Figures(0m),
            Related("Same-market company", 60m, Figures(200m)) with { SameOrAdjacentMarket = true },
            Related("Other-market company", 100m, Figures(5_000m)),
            Related("Minority company", 20m, Figures(5_000m)) with { SameOrAdjacentMarket = true }) with
        { Kind = RelatedPartyKind.NaturalPersons };

        var a = Assess(Profile(Figures(30m), persons));

        Assert.Equal(
            [SmeTreatment.Own, SmeTreatment.NotCounted, SmeTreatment.Linked, SmeTreatment.NotCounted, SmeTreatment.NotCounted],
            a.Lines.Select(l => l.Treatment));
        Assert.Equal(230m, a.Staff);
        Assert.Equal(SizeClass.Medium, a.SizeClass);
    }

    [Fact]
    public void Assess_WhenTheNaturalPersonsDoNotControlTheApplicant_LinksNothingThroughThem()
    {
        // Art. 3(3), fourth subparagraph: the relationship must exist with both enterprises.
        var persons = Related("The García family", 40m, Figures(0m), Related("Same-market company", 100m, Figures(200m)) with { SameOrAdjacentMarket = true })
            with
        { Kind = RelatedPartyKind.NaturalPersons };

        var a = Assess(Profile(Figures(30m), persons));

        Assert.Equal(30m, a.Staff);
        Assert.Equal(SizeClass.Small, a.SizeClass);
    }

    [Theory]
    [InlineData(25, SizeClass.NotSme)]
    [InlineData(24.99, SizeClass.Micro)]
    public void Assess_WhenPublicBodiesControlAQuarter_IsNotAnSmeWhateverTheFigures(decimal percent, SizeClass expected)
    {
        // Art. 3(4): 25 % or more of the capital or votes controlled by public bodies.
        var profile = Profile(Figures(3m, 100_000m, 100_000m), Related("Ayuntamiento de Mérida", percent, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody });

        var a = Assess(profile);

        Assert.Equal(expected, a.SizeClass);
        Assert.Equal(Rate.FromPercent(percent), a.PublicControl);
    }

    [Fact]
    public void Assess_WhenPublicBodiesControlTheApplicantThroughAnUpstreamEnterprise_CountsItsShareAsPublicControl()
    {
        // Art. 3(4): "directly or indirectly controlled".
        var holding = Related("Public holding SA", 30m, Figures(5m), Related("Diputación de Badajoz", 100m, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody })
            with
        { Direction = HoldingDirection.Upstream };

        var a = Assess(Profile(Figures(3m), holding));

        Assert.Equal(Rate.FromPercent(30m), a.PublicControl);
        Assert.Equal(SizeClass.NotSme, a.SizeClass);
    }

    [Theory]
    [InlineData(1_249_999.99, true)]
    [InlineData(1_250_000, false)]
    public void Assess_WhenBusinessAngelsHoldAThird_AreExemptOnlyBelowTheInvestmentLimit(decimal invested, bool exempt)
    {
        // Art. 3(2)(a): business angels "provided the total investment ... is less than EUR 1 250 000".
        var angels = Related("Angels", 33m, Figures(300m)) with { Kind = RelatedPartyKind.BusinessAngel, BusinessAngelInvestment = Eur(invested) };

        var a = Assess(Profile(Figures(10m), angels));

        Assert.Equal(exempt ? SmeTreatment.NotCounted : SmeTreatment.Partner, a.Lines[1].Treatment);
        Assert.Equal(exempt ? 10m : 109m, a.Staff);
    }

    [Theory]
    [InlineData(9_999_999.99, 4_999, true)]
    [InlineData(10_000_000, 4_999, false)]
    [InlineData(9_999_999.99, 5_000, false)]
    public void Assess_WhenAnAutonomousLocalAuthorityHoldsAThird_IsExemptOnlyWithinBothLimits(decimal budget, int inhabitants, bool exempt)
    {
        // Art. 3(2)(d); outside the limits it is a public body, and art. 3(4) applies.
        var council = Related("Ayuntamiento de Hervás", 33m, Figures(0m)) with { Kind = RelatedPartyKind.AutonomousLocalAuthority, AnnualBudget = Eur(budget), Inhabitants = inhabitants };

        var a = Assess(Profile(Figures(10m), council));

        Assert.Equal(exempt ? SizeClass.Small : SizeClass.NotSme, a.SizeClass);
        Assert.Equal(exempt ? Rate.Zero : Rate.FromPercent(33m), a.PublicControl);
    }

    [Fact]
    public void Assess_WhenAnExemptInvestorHoldsAMajority_IsLinkedNotExempt()
    {
        // Art. 3(2), second subparagraph: the exception holds only while the investor is not linked.
        var fund = Related("Venture fund", 51m, Figures(300m)) with { Kind = RelatedPartyKind.VentureCapitalCompany };

        var a = Assess(Profile(Figures(10m), fund));

        Assert.Equal(SmeTreatment.Linked, a.Lines[1].Treatment);
        Assert.Equal(SizeClass.NotSme, a.SizeClass);
    }

    [Fact]
    public void Assess_WhenAPartnerIsUpstreamAndAnotherDownstream_AddsEachInProportion()
    {
        // Art. 3(2): a partner holds 25 % or more of the applicant (upstream) or is held by it
        // (downstream); art. 6(2), second subparagraph: partners "immediately upstream or
        // downstream" count in proportion to the share.
        var a = Assess(Profile(
            Figures(20m, 2_000_000m, 1_000_000m),
            Related("Upstream holder SA", 40m, Figures(100m, 10_000_000m, 5_000_000m)) with { Direction = HoldingDirection.Upstream },
            Related("Downstream company SL", 30m, Figures(10m, 1_000_000m, 1_000_000m)) with { Direction = HoldingDirection.Downstream }));

        Assert.Equal(
            [("(applicant)", SmeTreatment.Own, 20m), ("Upstream holder SA", SmeTreatment.Partner, 40m), ("Downstream company SL", SmeTreatment.Partner, 3m)],
            Counted(a));
        Assert.Equal((Eur(2_000_000m + 4_000_000m + 300_000m), Eur(1_000_000m + 2_000_000m + 300_000m)), (a.Turnover, a.BalanceSheet));
        Assert.Equal(SizeClass.Medium, a.SizeClass);
    }

    [Fact]
    public void Assess_WhenAnExemptInvestorHoldsExactlyHalf_IsNotLinkedAndStaysExempt()
    {
        // Art. 3(3)(a): linked means "a majority" of the votes, so 50 % is not; art. 3(2), second
        // subparagraph: an investor not linked is not a partner however much it holds.
        var fund = Related("Venture fund", 50m, Figures(300m)) with { Kind = RelatedPartyKind.VentureCapitalCompany };

        var a = Assess(Profile(Figures(10m), fund));

        Assert.Equal(SmeTreatment.NotCounted, a.Lines[1].Treatment);
        Assert.Equal(10m, a.Staff);
        Assert.Equal(SizeClass.Small, a.SizeClass);
    }

    [Theory]
    [InlineData(25, 25, SmeTreatment.NotCounted, 10)]
    [InlineData(25, 25.01, SmeTreatment.Linked, 610)]
    public void Assess_WhenInvestorsLinkedToEachOtherHoldHalfTogether_AreExemptOnlyUpToHalf(decimal first, decimal second, SmeTreatment treatment, decimal staff)
    {
        // Art. 3(2), second subparagraph: the investors are exempt while they are not linked
        // "either individually or jointly"; jointly they are linked only above half of the votes.
        var a = Assess(Profile(
            Figures(10m),
            Related("University of Extremadura", first, Figures(300m)) with { Kind = RelatedPartyKind.University, ActingJointlyWith = "U+F" },
            Related("Regional fund", second, Figures(300m)) with { Kind = RelatedPartyKind.RegionalDevelopmentFund, ActingJointlyWith = "U+F" }));

        Assert.Equal([treatment, treatment], a.Lines.Skip(1).Select(l => l.Treatment));
        Assert.Equal(staff, a.Staff);
    }

    [Fact]
    public void Assess_WhenAnExemptInvestorAppointsTheBoardMajority_IsLinkedNotExempt()
    {
        // Art. 3(2), second subparagraph: the exception holds only while the investor is not
        // linked within the meaning of art. 3(3), which includes the right to appoint or remove a
        // majority of the board (art. 3(3)(b)), whatever its share.
        var fund = Related("Public investment corporation", 30m, Figures(300m)) with { Kind = RelatedPartyKind.PublicInvestmentCorporation, Control = ControlMeans.BoardMajority };

        var a = Assess(Profile(Figures(10m), fund));

        Assert.Equal(SmeTreatment.Linked, a.Lines[1].Treatment);
        Assert.Equal(310m, a.Staff);
        Assert.Equal(SizeClass.NotSme, a.SizeClass);
    }

    [Theory]
    [InlineData(new[] { 9.0, 12.0 }, SizeClass.Micro)] // one period over the micro ceiling: still micro
    [InlineData(new[] { 9.0, 12.0, 12.0 }, SizeClass.Small)] // two consecutive periods over: small
    [InlineData(new[] { 12.0, 9.0, 12.0 }, SizeClass.Small)] // over, under once, over: stays small
    [InlineData(new[] { 60.0, 260.0, 30.0 }, SizeClass.Medium)] // never two periods on one side of medium
    [InlineData(new[] { 5.0, 260.0, 60.0 }, SizeClass.Medium)] // both over micro: the nearest class they reach
    [InlineData(new[] { 5.0, 12.0, 60.0 }, SizeClass.Small)] // small then medium, both over micro: the nearest, small
    [InlineData(new[] { 300.0, 240.0, 9.0 }, SizeClass.Medium)] // both under the medium ceiling: medium, not micro
    public void Assess_WhenPeriodsCrossTheCeilings_ChangesTheClassOnlyAfterTwoConsecutivePeriods(double[] staffOldestFirst, SizeClass expected)
    {
        // Art. 4(2): the status changes only if the ceilings are crossed over two consecutive accounting periods.
        var periods = staffOldestFirst.Select((staff, i) => new CompanyProfile(Figures((decimal)staff), default) { PeriodEnd = new LocalDate(2013 + i, 12, 31) }).ToArray();
        var profile = periods[^1] with { Earlier = new EquatableArray<CompanyProfile>(periods[..^1].Reverse()) };

        var a = Assess(profile);

        Assert.Equal(expected, a.SizeClass);
        Assert.Equal((decimal)staffOldestFirst[^1], a.Staff);
        Assert.Equal(staffOldestFirst.Length, a.Periods.Count);
        Assert.Contains(a.Notes, n => n.Contains("art. 4(2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_WhenPublicControlAppearsInTheLastPeriod_TakesEffectAtOnce()
    {
        // Art. 3(4) is not a ceiling of art. 2, so art. 4(2) does not delay it.
        var before = Profile(Figures(5m));
        var now = Profile(Figures(5m), Related("Junta", 40m, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody }) with { Earlier = new EquatableArray<CompanyProfile>([before]) };

        Assert.Equal(SizeClass.NotSme, Assess(now).SizeClass);
    }

    [Fact]
    public void Assess_WhenANewEnterpriseDeclaresAnEstimate_SaysSo()
    {
        // Art. 4(3): a bona fide estimate made in the course of the financial year.
        var a = Assess(Profile(Figures(4m, 300_000m, 200_000m)) with { Basis = FiguresBasis.BonaFideEstimate });

        Assert.Equal(SizeClass.Micro, a.SizeClass);
        Assert.Equal(FiguresBasis.BonaFideEstimate, a.Basis);
        Assert.Contains(a.Notes, n => n.Contains("art. 4(3)", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_WhenTheAssessmentHasLinesAndPeriods_ListsEveryEnterpriseWithItsReason()
    {
        var profile = Profile(Figures(5m, 1_000_000m, 900_000m), Related("Partner SA", 40m, Figures(10m, 1_000_000m, 500_000m)), Related("Small holder", 10m, Figures(1m)));

        var text = Assess(profile).Explain();

        Assert.StartsWith("SME test (Recommendation 2003/361/EC): micro\nConsolidated: 9 AWU, turnover EUR 1400000.00, balance sheet EUR 1100000.00\n", text, StringComparison.Ordinal);
        Assert.Contains("  Partner SA: in proportion at 40%, 4 AWU, EUR 400000.00, EUR 200000.00. A partner: 40% of the capital or votes", text, StringComparison.Ordinal);
        Assert.Contains("  Small holder: not counted. 10% of the capital or votes, below 25%: autonomous of it, not counted (art. 3(1)).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_WhenAPartnerIsHeldByNaturalPersons_CountsNeitherThePersonsNorWhatTheyHold()
    {
        // Art. 6(2)-(3): a partner's data with its linked enterprises only; persons are not an enterprise (art. 3(3)).
        var persons = Related("Partner's owners", 100m, Figures(0m), Related("Their other company", 100m, Figures(500m)) with { SameOrAdjacentMarket = true })
            with
        { Kind = RelatedPartyKind.NaturalPersons };

        var a = Assess(Profile(Figures(10m), Related("Partner", 30m, Figures(10m), persons)));

        Assert.Equal(13m, a.Staff);
        Assert.Equal(SmeTreatment.NotCounted, a.Lines[2].Treatment);
        Assert.EndsWith("not linked to it: natural persons, not an enterprise; enterprises are linked through them only to an enterprise they control (art. 3(3), fourth subparagraph).", a.Lines[2].Reason, StringComparison.Ordinal);
    }
}
