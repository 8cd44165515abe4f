using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Tests.Admission;

/// <summary>
/// The explanation an SME assessment carries, case by case: which enterprises were counted, how,
/// and why others were not (<see cref="SmeAssessment.Lines"/>), and the decisions taken
/// (<see cref="SmeAssessment.Notes"/>). It is what the company signs, so each test asserts the
/// whole text of each line, with the article of Recommendation 2003/361/EC's annex it cites.
/// The explanation exists in English only (the refusals of admission are localised: see
/// <c>AdmissionRefusalTextTest</c>).
/// </summary>
/// <remarks>Split by aspect: the relationships of art. 3 here, the chains of art. 6 in
/// <c>SmeExplanationTest.Chains.cs</c>, the notes and periods of art. 2, 3(4) and 4 in
/// <c>SmeExplanationTest.Notes.cs</c>.</remarks>
public partial class SmeExplanationTest
{
    private static readonly SmeThresholds Sme = Rulebook.Extremadura.On(new LocalDate(2016, 3, 1)).Value.Sme;

    private const string OwnAccounts = "Its own figures, from the accounts of the period (art. 4(1), 6(2)).";
    private const string LinkedInFull = " Linked enterprises count in full, directly or indirectly linked (art. 6(2), third subparagraph).";
    private const string PartnerInProportion = " Partners immediately upstream or downstream count in proportion to the share, the larger of capital and votes (art. 6(2), second subparagraph).";
    private const string OneSentence = "One accounting period declared: its figures decide. The class changes only when the ceilings are crossed in 2 consecutive accounting periods (art. 4(2)): declare the earlier periods too.";

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static EnterpriseFigures Figures(decimal staff, decimal turnover = 0m, decimal balanceSheet = 0m) => new(staff, Eur(turnover), Eur(balanceSheet));

    private static RelatedEnterprise Related(string name, decimal percent, EnterpriseFigures figures, params RelatedEnterprise[] related) =>
        new(name, Rate.FromPercent(percent), figures) { Related = new EquatableArray<RelatedEnterprise>(related) };

    private static CompanyProfile Profile(EnterpriseFigures own, params RelatedEnterprise[] related) =>
        new(own, new EquatableArray<RelatedEnterprise>(related));

    private static SmeAssessmentLine Own(decimal staff, decimal turnover = 0m, decimal balanceSheet = 0m, string reason = OwnAccounts) =>
        new("(applicant)", SmeTreatment.Own, Rate.One, staff, Eur(turnover), Eur(balanceSheet), reason);

    private static SmeAssessmentLine Line(string enterprise, SmeTreatment treatment, decimal percent, decimal staff, decimal turnover, decimal balanceSheet, string reason) =>
        new(enterprise, treatment, Rate.FromPercent(percent), staff, Eur(turnover), Eur(balanceSheet), reason);

    private static SmeAssessmentLine NotCounted(string enterprise, string reason) =>
        new(enterprise, SmeTreatment.NotCounted, Rate.Zero, 0m, Eur(0m), Eur(0m), reason);

    /// <summary>The lines after the applicant's own.</summary>
    private static SmeAssessmentLine[] Others(SmeAssessment a) => [.. a.Lines.Skip(1)];

    [Fact]
    public void Lines_WhenTheApplicantDeclaresApprovedAccounts_CountsItsOwnFiguresInFullCitingArt4_1()
    {
        // Art. 4(1): the data of the last approved accounting period; art. 6(2): the enterprise's own data.
        var a = SmeTest.Assess(Profile(Figures(12.5m, 3_000_000m, 1_500_000.25m)), Sme);

        Assert.Equal([Own(12.5m, 3_000_000m, 1_500_000.25m)], a.Lines);
    }

    [Fact]
    public void Lines_WhenANewEnterpriseDeclaresAnEstimate_SaysItsOwnFiguresAreABonaFideEstimate_Art4_3()
    {
        // Art. 4(3): a newly established enterprise whose accounts have not yet been approved
        // uses a bona fide estimate made in the course of the financial year.
        var a = SmeTest.Assess(Profile(Figures(4m, 300_000m, 200_000m)) with { Basis = FiguresBasis.BonaFideEstimate }, Sme);

        Assert.Equal([Own(4m, 300_000m, 200_000m, "Its own figures, a bona fide estimate of a new enterprise (art. 4(3)).")], a.Lines);
    }

    [Fact]
    public void Lines_WhenAHolderHasAMajority_SaysLinkedByAMajorityOfTheVotesAndCountedInFull_Art3_3a()
    {
        // Art. 3(3)(a): a majority of the shareholders' or members' voting rights; art. 6(2): in full.
        var a = SmeTest.Assess(Profile(Figures(10m, 1_000_000m, 1_000_000m), Related("Parent SA", 60m, Figures(20m, 2_000_000m, 3_000_000m))), Sme);

        Assert.Equal(
            [Line("Parent SA", SmeTreatment.Linked, 100m, 20m, 2_000_000m, 3_000_000m, "Linked: 60% of the capital or votes, a majority of the voting rights (art. 3(3)(a))." + LinkedInFull)],
            Others(a));
    }

    [Fact]
    public void Lines_WhenAHolderHasExactlyTheLinkedShare_SaysItIsAPartnerFromTheQuarter_Art3_2()
    {
        // Art. 3(2): a partner holds 25 % or more, and is not linked; 50 % is not "a majority" (art. 3(3)(a)).
        var a = SmeTest.Assess(Profile(Figures(4m), Related("Half Owner SA", 50m, Figures(100m, 1_000_000m, 600_000m))), Sme);

        Assert.Equal(
            [Line("Half Owner SA", SmeTreatment.Partner, 50m, 50m, 500_000m, 300_000m, "A partner: 50% of the capital or votes, from 25% and not linked (art. 3(2))." + PartnerInProportion)],
            Others(a));
    }

    [Fact]
    public void Lines_WhenAHolderIsBelowAQuarter_SaysTheEnterpriseIsAutonomousOfIt_Art3_1()
    {
        // Art. 3(1): an autonomous enterprise holds, or is held at, less than 25 %.
        var a = SmeTest.Assess(Profile(Figures(9m), Related("Minority SA", 24.99m, Figures(10_000m))), Sme);

        Assert.Equal([NotCounted("Minority SA", "24.99% of the capital or votes, below 25%: autonomous of it, not counted (art. 3(1)).")], Others(a));
        Assert.Equal(9m, a.Staff);
    }

    [Theory]
    [InlineData(ControlMeans.BoardMajority, "the right to appoint or remove a majority of the board (art. 3(3)(b))")]
    [InlineData(ControlMeans.DominantInfluence, "a dominant influence under a contract or the articles (art. 3(3)(c))")]
    [InlineData(ControlMeans.VotingAgreement, "control of a majority of the votes under an agreement with other shareholders (art. 3(3)(d))")]
    [InlineData(
        ControlMeans.BoardMajority | ControlMeans.VotingAgreement,
        "the right to appoint or remove a majority of the board (art. 3(3)(b)); control of a majority of the votes under an agreement with other shareholders (art. 3(3)(d))")]
    [InlineData(
        ControlMeans.BoardMajority | ControlMeans.DominantInfluence | ControlMeans.VotingAgreement,
        "the right to appoint or remove a majority of the board (art. 3(3)(b)); a dominant influence under a contract or the articles (art. 3(3)(c)); control of a majority of the votes under an agreement with other shareholders (art. 3(3)(d))")]
    public void Lines_WhenAMinorityHolderControlsByOtherMeans_NamesEachMeansWithItsArticle_Art3_3bToD(ControlMeans control, string means)
    {
        // Art. 3(3)(b)-(d): control by other means than a majority of the votes links the two, whatever the share.
        var a = SmeTest.Assess(Profile(Figures(10m), Related("Controller SA", 10m, Figures(30m)) with { Control = control }), Sme);

        Assert.Equal([Line("Controller SA", SmeTreatment.Linked, 100m, 30m, 0m, 0m, "Linked by control other than shares: " + means + "." + LinkedInFull)], Others(a));
    }

    [Fact]
    public void Lines_WhenAPublicBodyHoldsAShare_SaysItsFiguresAreNotCountedAndItsShareCountsTowardsPublicControl_Art3_4()
    {
        // Art. 3(4): public bodies' control decides public control; a public body is not a partner enterprise.
        var a = SmeTest.Assess(Profile(Figures(3m), Related("Ayuntamiento de Mérida", 20m, Figures(500m)) with { Kind = RelatedPartyKind.PublicBody }), Sme);

        Assert.Equal(
            [NotCounted("Ayuntamiento de Mérida", "A public body holding 20% of the capital or votes: its figures are not counted, its share counts towards public control (art. 3(4)).")],
            Others(a));
        Assert.Equal(Rate.FromPercent(20m), a.PublicControl);
        Assert.Equal(3m, a.Staff);
    }

    public static TheoryData<RelatedPartyKind, string> ExemptInvestors => new()
    {
        { RelatedPartyKind.PublicInvestmentCorporation, "A public investment corporation (art. 3(2)(a))" },
        { RelatedPartyKind.VentureCapitalCompany, "A venture capital company (art. 3(2)(a))" },
        { RelatedPartyKind.University, "A university (art. 3(2)(b))" },
        { RelatedPartyKind.NonProfitResearchCentre, "A non-profit research centre (art. 3(2)(b))" },
        { RelatedPartyKind.InstitutionalInvestor, "An institutional investor (art. 3(2)(c))" },
        { RelatedPartyKind.RegionalDevelopmentFund, "A regional development fund, an institutional investor (art. 3(2)(c))" },
    };

    [Theory]
    [MemberData(nameof(ExemptInvestors))]
    public void Lines_WhenAnInvestorOfArt3_2HoldsAThirdWithoutBeingLinked_NamesTheInvestorAndItsPointAndCountsNothing(RelatedPartyKind kind, string investor)
    {
        // Art. 3(2), second subparagraph: the enterprise stays autonomous of these investors
        // while they are not linked to it, individually or jointly, even from 25 %.
        var a = SmeTest.Assess(Profile(Figures(10m), Related("Investor", 30m, Figures(300m)) with { Kind = kind }), Sme);

        Assert.Equal(
            [NotCounted("Investor", investor + " holding 30% of the capital or votes without being linked, individually or jointly: the enterprise stays autonomous of it, not counted (art. 3(2), second subparagraph).")],
            Others(a));
        Assert.Equal(10m, a.Staff);
    }

    [Fact]
    public void Lines_WhenBusinessAngelsInvestedBelowTheLimit_StateTheirInvestmentAndTheLimit_Art3_2a()
    {
        // Art. 3(2)(a): business angels whose total investment in the same enterprise is less than EUR 1 250 000.
        var angels = Related("Angels", 30m, Figures(300m)) with { Kind = RelatedPartyKind.BusinessAngel, BusinessAngelInvestment = Eur(1_249_999.99m) };

        var a = SmeTest.Assess(Profile(Figures(10m), angels), Sme);

        Assert.Equal(
            [NotCounted("Angels", "Business angels investing EUR 1249999.99 in total, below EUR 1250000.00 (art. 3(2)(a)) holding 30% of the capital or votes without being linked, individually or jointly: the enterprise stays autonomous of it, not counted (art. 3(2), second subparagraph).")],
            Others(a));
    }

    [Theory]
    [InlineData(1_250_000.0, "EUR 1250000.00")]
    [InlineData(null, "not declared")]
    public void Lines_WhenBusinessAngelsInvestedTheLimitOrMore_AreAPartnerAndTheLineSaysWhy_Art3_2a(double? invested, string shown)
    {
        // Art. 3(2)(a): "less than EUR 1 250 000"; at the limit (or with no total declared) they are an ordinary partner (art. 3(2)).
        var angels = Related("Angels", 30m, Figures(300m, 1_000_000m, 2_000_000m)) with
        {
            Kind = RelatedPartyKind.BusinessAngel,
            BusinessAngelInvestment = invested is { } amount ? Eur((decimal)amount) : null,
        };

        var a = SmeTest.Assess(Profile(Figures(10m), angels), Sme);

        Assert.Equal(
            [Line("Angels", SmeTreatment.Partner, 30m, 90m, 300_000m, 600_000m, $"Business angels whose total investment ({shown}) is not below EUR 1250000.00 (art. 3(2)(a)): not an exempt investor, so a partner with 30% of the capital or votes (art. 3(2))." + PartnerInProportion)],
            Others(a));
    }

    [Fact]
    public void Lines_WhenBusinessAngelsDeclareTheirInvestmentInAnotherCurrency_AreNotExempt_Art3_2a()
    {
        // The limit is in euros; an amount in another currency cannot be shown to be below it
        // (validation refuses it; the test still decides safely).
        var angels = Related("Angels", 30m, Figures(300m)) with { Kind = RelatedPartyKind.BusinessAngel, BusinessAngelInvestment = Money.Of(1m, Currency.GBP) };

        var a = SmeTest.Assess(Profile(Figures(10m), angels), Sme);

        Assert.Equal(SmeTreatment.Partner, a.Lines[1].Treatment);
        Assert.Equal(100m, a.Staff);
    }

    [Fact]
    public void Lines_WhenAnAutonomousLocalAuthorityIsWithinBothLimits_StatesItsBudgetAndInhabitantsAndTheLimits_Art3_2d()
    {
        // Art. 3(2)(d): an autonomous local authority with an annual budget of less than EUR 10 million and fewer than 5 000 inhabitants.
        var council = Related("Ayuntamiento de Hervás", 30m, Figures(0m)) with { Kind = RelatedPartyKind.AutonomousLocalAuthority, AnnualBudget = Eur(9_000_000m), Inhabitants = 4_000 };

        var a = SmeTest.Assess(Profile(Figures(10m), council), Sme);

        Assert.Equal(
            [NotCounted("Ayuntamiento de Hervás", "An autonomous local authority with a budget of EUR 9000000.00 and 4000 inhabitants, below EUR 10000000.00 and 5000 (art. 3(2)(d)) holding 30% of the capital or votes without being linked, individually or jointly: the enterprise stays autonomous of it, not counted (art. 3(2), second subparagraph).")],
            Others(a));
        Assert.Equal(Rate.Zero, a.PublicControl);
    }

    [Theory]
    [InlineData(10_000_000.0, 4_000, "EUR 10000000.00", "4000")]
    [InlineData(9_000_000.0, 5_000, "EUR 9000000.00", "5000")]
    [InlineData(null, null, "not declared", "not declared")]
    public void Lines_WhenAnAutonomousLocalAuthorityIsOutsideItsLimits_IsAPartnerAndAPublicBody_Art3_2dAnd3_4(double? budget, int? inhabitants, string budgetShown, string inhabitantsShown)
    {
        // Art. 3(2)(d): outside either limit the authority is not an exempt investor: a partner
        // from 25 % (art. 3(2)), and a public body whose share counts towards public control (art. 3(4)).
        var council = Related("Ayuntamiento de Cáceres", 30m, Figures(100m)) with
        {
            Kind = RelatedPartyKind.AutonomousLocalAuthority,
            AnnualBudget = budget is { } b ? Eur((decimal)b) : null,
            Inhabitants = inhabitants,
        };

        var a = SmeTest.Assess(Profile(Figures(10m), council), Sme);

        Assert.Equal(
            [Line("Ayuntamiento de Cáceres", SmeTreatment.Partner, 30m, 30m, 0m, 0m, $"An autonomous local authority whose budget ({budgetShown}) or inhabitants ({inhabitantsShown}) are not below EUR 10000000.00 and 5000 (art. 3(2)(d)): not an exempt investor, so a partner with 30% of the capital or votes (art. 3(2))." + PartnerInProportion)],
            Others(a));
        Assert.Equal(Rate.FromPercent(30m), a.PublicControl);
        Assert.Equal(SizeClass.NotSme, a.SizeClass);
    }

    [Fact]
    public void Lines_WhenAnAutonomousLocalAuthorityDeclaresItsBudgetInAnotherCurrency_IsNotExempt_Art3_2d()
    {
        var council = Related("Council", 30m, Figures(0m)) with { Kind = RelatedPartyKind.AutonomousLocalAuthority, AnnualBudget = Money.Of(1m, Currency.GBP), Inhabitants = 10 };

        var a = SmeTest.Assess(Profile(Figures(10m), council), Sme);

        Assert.Equal(SmeTreatment.Partner, a.Lines[1].Treatment);
        Assert.Equal(Rate.FromPercent(30m), a.PublicControl);
    }

    [Fact]
    public void Lines_WhenInvestorsLinkedToEachOtherHoldAMajorityTogether_NameTheirGroupAndJointShare_Art3_2SecondSubparagraph()
    {
        // Art. 3(2), second subparagraph: exempt only while not linked "either individually or
        // jointly"; the User guide's example 5 (a university and a public investment corporation
        // linked to each other, 55 % together). The group's name is matched trimmed and ignoring case.
        var a = SmeTest.Assess(
            Profile(
                Figures(10m),
                Related("University of Extremadura", 25m, Figures(300m)) with { Kind = RelatedPartyKind.University, ActingJointlyWith = "U+F" },
                Related("Public fund", 30m, Figures(200m)) with { Kind = RelatedPartyKind.PublicInvestmentCorporation, ActingJointlyWith = " u+f " }),
            Sme);

        Assert.Equal(
            [
                Line("University of Extremadura", SmeTreatment.Linked, 100m, 300m, 0m, 0m, "An investor of art. 3(2) linked to other such investors ('U+F'), who together hold 55%, above 50%: linked jointly, not exempt (art. 3(2), second subparagraph; art. 3(3))." + LinkedInFull),
                Line("Public fund", SmeTreatment.Linked, 100m, 200m, 0m, 0m, "An investor of art. 3(2) linked to other such investors (' u+f '), who together hold 55%, above 50%: linked jointly, not exempt (art. 3(2), second subparagraph; art. 3(3))." + LinkedInFull),
            ],
            Others(a));
        Assert.Equal(510m, a.Staff);
    }

    [Fact]
    public void Lines_WhenAnOrdinaryEnterpriseSharesTheInvestorsGroupName_ItsShareIsNotAddedToTheirs_Art3_2SecondSubparagraph()
    {
        // Only the investors listed in art. 3(2) add up their shares: an ordinary partner named
        // in the same group does not make them linked (30 % + 25 % of an enterprise: not joint).
        var a = SmeTest.Assess(
            Profile(
                Figures(10m),
                Related("University", 30m, Figures(300m)) with { Kind = RelatedPartyKind.University, ActingJointlyWith = "G" },
                Related("Ordinary SA", 25m, Figures(40m)) with { ActingJointlyWith = "G" },
                Related("Other fund", 20m, Figures(300m)) with { Kind = RelatedPartyKind.VentureCapitalCompany, ActingJointlyWith = "H" },
                Related("Lone fund", 10m, Figures(300m)) with { Kind = RelatedPartyKind.VentureCapitalCompany, ActingJointlyWith = "  " }),
            Sme);

        Assert.Equal([SmeTreatment.NotCounted, SmeTreatment.Partner, SmeTreatment.NotCounted, SmeTreatment.NotCounted], Others(a).Select(l => l.Treatment));
        Assert.Equal(20m, a.Staff);
        Assert.Equal(Rate.Zero, a.PublicControl);
    }

    [Fact]
    public void Lines_WhenNaturalPersonsControlTheApplicantAndEnterprisesOnTheSameMarket_LinkThoseAndSayWhyOthersAreNot_Art3_3FourthSubparagraph()
    {
        // Art. 3(3), fourth subparagraph: enterprises with one or other of these relationships
        // through a natural person or group of natural persons acting jointly are linked if they
        // engage in their activity, or part of it, in the same relevant market or adjacent markets.
        var persons = Related(
            "The García family",
            70m,
            Figures(0m),
            Related("Same-market company", 60m, Figures(200m, 1_000_000m, 500_000m)) with { SameOrAdjacentMarket = true },
            Related("Contract-controlled company", 10m, Figures(5m)) with { SameOrAdjacentMarket = true, Control = ControlMeans.DominantInfluence },
            Related("Other-market company", 100m, Figures(5_000m)),
            Related("Minority company", 20m, Figures(5_000m)) with { SameOrAdjacentMarket = true }) with
        { Kind = RelatedPartyKind.NaturalPersons };

        var a = SmeTest.Assess(Profile(Figures(30m), persons), Sme);

        Assert.Equal(
            [
                NotCounted("The García family", "Natural persons acting jointly who control the enterprise in question; they are not an enterprise, the enterprises they control on the same or an adjacent market are linked (art. 3(3), fourth subparagraph)."),
                Line("The García family > Same-market company", SmeTreatment.Linked, 100m, 200m, 1_000_000m, 500_000m, "Controlled by the same natural persons acting jointly, on the same or an adjacent market: linked (art. 3(3), fourth subparagraph)." + LinkedInFull),
                Line("The García family > Contract-controlled company", SmeTreatment.Linked, 100m, 5m, 0m, 0m, "Controlled by the same natural persons acting jointly, on the same or an adjacent market: linked (art. 3(3), fourth subparagraph)." + LinkedInFull),
                NotCounted("The García family > Other-market company", "Controlled by the same natural persons but active on another market, neither the same nor adjacent: not linked (art. 3(3), fourth subparagraph)."),
                NotCounted("The García family > Minority company", "Held by the same natural persons, who do not control both enterprises: not linked through them (art. 3(3), fourth subparagraph)."),
            ],
            Others(a));
        Assert.Equal(235m, a.Staff);
    }

    [Theory]
    [InlineData(50, ControlMeans.None, false)]
    [InlineData(10, ControlMeans.BoardMajority, true)]
    [InlineData(50.01, ControlMeans.None, true)]
    public void Lines_WhenNaturalPersonsControlTheApplicantOnlyAboveHalfOrByOtherMeans_LinkThroughThem_Art3_3FourthSubparagraph(decimal percent, ControlMeans control, bool controls)
    {
        // Art. 3(3), fourth subparagraph, with (a)-(d): the persons must control both enterprises;
        // half of the votes is not a majority.
        var persons = Related("Owners", percent, Figures(0m), Related("Their company", 100m, Figures(100m)) with { SameOrAdjacentMarket = true }) with
        {
            Kind = RelatedPartyKind.NaturalPersons,
            Control = control,
        };

        var a = SmeTest.Assess(Profile(Figures(10m), persons), Sme);

        Assert.Equal(
            controls
                ? "Natural persons acting jointly who control the enterprise in question; they are not an enterprise, the enterprises they control on the same or an adjacent market are linked (art. 3(3), fourth subparagraph)."
                : "Natural persons who do not control the enterprise in question: no enterprise is linked through them (art. 3(3), fourth subparagraph), and they are not an enterprise themselves.",
            a.Lines[1].Reason);
        Assert.Equal(
            controls
                ? Line("Owners > Their company", SmeTreatment.Linked, 100m, 100m, 0m, 0m, "Controlled by the same natural persons acting jointly, on the same or an adjacent market: linked (art. 3(3), fourth subparagraph)." + LinkedInFull)
                : NotCounted("Owners > Their company", "Held by the same natural persons, who do not control both enterprises: not linked through them (art. 3(3), fourth subparagraph)."),
            a.Lines[2]);
        Assert.Equal(controls ? 110m : 10m, a.Staff);
    }

    [Fact]
    public void Lines_WhenNaturalPersonsHoldExactlyHalfOfTheOtherEnterprise_DoNotLinkIt_Art3_3a()
    {
        // Art. 3(3)(a): half of the votes is not a majority, on the other enterprise's side too.
        var persons = Related("Owners", 100m, Figures(0m), Related("Half-held company", 50m, Figures(100m)) with { SameOrAdjacentMarket = true }) with
        { Kind = RelatedPartyKind.NaturalPersons };

        var a = SmeTest.Assess(Profile(Figures(10m), persons), Sme);

        Assert.Equal(
            NotCounted("Owners > Half-held company", "Held by the same natural persons, who do not control both enterprises: not linked through them (art. 3(3), fourth subparagraph)."),
            a.Lines[2]);
        Assert.Equal(10m, a.Staff);
    }
}
