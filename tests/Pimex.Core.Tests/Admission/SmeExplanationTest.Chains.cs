using Pimex.Admission;

namespace Pimex.Tests.Admission;

/// <summary>The chains of art. 6(2)-(4): what each line of a group says it added, and why.</summary>
public partial class SmeExplanationTest
{
    private const string PartnerOfLinked = " A partner of a linked enterprise counts pro rata to that enterprise's share in it (art. 6(3), second subparagraph).";
    private const string AlreadyConsolidatedLinked = " Its figures are already included through consolidation, so not added again (art. 6(2)).";
    private const string AlreadyConsolidatedPartner = " Its figures are already included through consolidation, so not added again (art. 6(3)).";

    private static string LinkedToPartner(string partner) =>
        $" Enterprises linked to the partner {partner} are added to its data in full, then counted in proportion to its share (art. 6(3), first subparagraph).";

    [Fact]
    public void Lines_WhenALinkedEnterpriseHasLinkedPartnerAndSmallerHoldings_SayWhatEachAddedAndWhy_Art6_2And6_3()
    {
        // Art. 6(2), third subparagraph: linked enterprises, directly or indirectly, in full;
        // art. 6(3), second subparagraph: the partners of a linked enterprise pro rata, and
        // only their own data; art. 3(1): a holding below 25 % is not counted.
        var profile = Profile(
            Figures(10m, 1_000_000m, 1_000_000m),
            Related(
                "Parent",
                60m,
                Figures(20m, 2_000_000m, 2_000_000m),
                Related("Sister", 80m, Figures(30m, 3_000_000m, 3_000_000m)),
                Related("Parent's partner", 40m, Figures(50m, 5_000_000m, 2_500_000m), Related("Its subsidiary", 100m, Figures(1_000m))),
                Related("Tiny", 10m, Figures(1_000m))));

        var a = SmeTest.Assess(profile, Sme);

        Assert.Equal(
            [
                Own(10m, 1_000_000m, 1_000_000m),
                Line("Parent", SmeTreatment.Linked, 100m, 20m, 2_000_000m, 2_000_000m, "Linked: 60% of the capital or votes, a majority of the voting rights (art. 3(3)(a))." + LinkedInFull),
                Line("Parent > Sister", SmeTreatment.Linked, 100m, 30m, 3_000_000m, 3_000_000m, "Linked: 80% of the capital or votes, a majority of the voting rights (art. 3(3)(a))." + LinkedInFull),
                Line("Parent > Parent's partner", SmeTreatment.Partner, 40m, 20m, 2_000_000m, 1_000_000m, "A partner: 40% of the capital or votes, from 25% and not linked (art. 3(2))." + PartnerOfLinked),
                NotCounted("Parent > Parent's partner > Its subsidiary", "Related to Parent's partner, a partner of a linked enterprise, whose own data only are added (art. 6(3), second subparagraph)."),
                NotCounted("Parent > Tiny", "10% of the capital or votes, below 25%: autonomous of it, not counted (art. 3(1))."),
            ],
            a.Lines);
        Assert.Equal((80m, Eur(8_000_000m), Eur(7_000_000m)), (a.Staff, a.Turnover, a.BalanceSheet));
    }

    [Fact]
    public void Lines_WhenAPartnerHasLinkedEnterprisesAtTwoLevelsAndPartnersOfItsOwn_CountTheLinkedInItsProportionOnly_Art6_3FirstSubparagraph()
    {
        // Art. 6(3), first subparagraph: the data of the enterprises linked to a partner are
        // added to its data in full (at any depth), and the whole counted in proportion to its
        // share; art. 6(2), second subparagraph: a partner's partners do not count.
        var profile = Profile(
            Figures(10m, 1_000_000m, 1_000_000m),
            Related(
                "Partner",
                40m,
                Figures(20m, 2_000_000m, 1_000_000m),
                Related(
                    "Its subsidiary",
                    100m,
                    Figures(30m, 3_000_000m, 3_000_000m),
                    Related("Sub's subsidiary", 60m, Figures(10m, 500_000m, 250_000m)),
                    Related("Sub's partner", 30m, Figures(1_000m))),
                Related("Partner's partner", 30m, Figures(1_000m)),
                Related("Partner's small holding", 10m, Figures(1_000m))));

        var a = SmeTest.Assess(profile, Sme);

        Assert.Equal(
            [
                Line("Partner", SmeTreatment.Partner, 40m, 8m, 800_000m, 400_000m, "A partner: 40% of the capital or votes, from 25% and not linked (art. 3(2))." + PartnerInProportion),
                Line("Partner > Its subsidiary", SmeTreatment.Partner, 40m, 12m, 1_200_000m, 1_200_000m, "Linked: 100% of the capital or votes, a majority of the voting rights (art. 3(3)(a))." + LinkedToPartner("Partner")),
                Line("Partner > Its subsidiary > Sub's subsidiary", SmeTreatment.Partner, 40m, 4m, 200_000m, 100_000m, "Linked: 60% of the capital or votes, a majority of the voting rights (art. 3(3)(a))." + LinkedToPartner("Partner")),
                NotCounted("Partner > Its subsidiary > Sub's partner", "Related to Its subsidiary, an enterprise linked to the partner Partner, but not linked to it: only the partner's linked enterprises are added to its data (art. 6(3), first subparagraph)."),
                NotCounted("Partner > Partner's partner", "A partner of the partner Partner: only partners immediately upstream or downstream of the enterprise in question count (art. 6(2), second subparagraph)."),
                NotCounted("Partner > Partner's small holding", "Related to the partner Partner, but not linked to it: 10% of the capital or votes, below 25%: autonomous of it, not counted (art. 3(1))."),
            ],
            Others(a));
        Assert.Equal((34m, Eur(3_200_000m), Eur(2_700_000m)), (a.Staff, a.Turnover, a.BalanceSheet));
    }

    [Fact]
    public void Lines_WhenFiguresAreAlreadyInConsolidatedAccounts_SayTheyAreNotAddedAgainAndAddNothing_Art6_2And6_3()
    {
        // Art. 6(2): linked enterprises' data "where the data were not already included through
        // consolidation"; art. 6(3): the same for a partner and the enterprises linked to it.
        var profile = Profile(
            Figures(40m, 4_000_000m, 4_000_000m),
            Related("Consolidated subsidiary", 100m, Figures(30m, 3_000_000m, 3_000_000m)) with { IncludedThroughConsolidation = true },
            Related(
                "Consolidating partner",
                30m,
                Figures(100m, 1_000_000m, 1_000_000m),
                Related("Its consolidated subsidiary", 100m, Figures(50m, 500_000m, 500_000m)) with { IncludedThroughConsolidation = true }),
            Related("Partner already consolidated", 40m, Figures(20m, 2_000_000m, 2_000_000m)) with { IncludedThroughConsolidation = true });

        var a = SmeTest.Assess(profile, Sme);

        Assert.Equal(
            [
                Line("Consolidated subsidiary", SmeTreatment.Linked, 100m, 0m, 0m, 0m, "Linked: 100% of the capital or votes, a majority of the voting rights (art. 3(3)(a))." + AlreadyConsolidatedLinked),
                Line("Consolidating partner", SmeTreatment.Partner, 30m, 30m, 300_000m, 300_000m, "A partner: 30% of the capital or votes, from 25% and not linked (art. 3(2))." + PartnerInProportion),
                Line("Consolidating partner > Its consolidated subsidiary", SmeTreatment.Partner, 30m, 0m, 0m, 0m, "Linked: 100% of the capital or votes, a majority of the voting rights (art. 3(3)(a))." + LinkedToPartner("Consolidating partner") + AlreadyConsolidatedPartner),
                Line("Partner already consolidated", SmeTreatment.Partner, 40m, 0m, 0m, 0m, "A partner: 40% of the capital or votes, from 25% and not linked (art. 3(2))." + PartnerInProportion + AlreadyConsolidatedPartner),
            ],
            Others(a));
        Assert.Equal((70m, Eur(4_300_000m), Eur(4_300_000m)), (a.Staff, a.Turnover, a.BalanceSheet));
    }

    [Fact]
    public void Lines_WhenALinkedEnterpriseIsHeldThroughNaturalPersons_ReachItsPathThroughThePersons_Art3_3FourthSubparagraph()
    {
        // A linked enterprise's own relations are walked as the applicant's are (art. 6(2)): the
        // persons behind it link the enterprise they control on the same market.
        var owners = Related("Owners", 100m, Figures(0m), Related("Owners' company", 70m, Figures(15m)) with { SameOrAdjacentMarket = true }) with
        { Kind = RelatedPartyKind.NaturalPersons };
        var profile = Profile(Figures(10m), Related("Parent", 100m, Figures(20m), owners));

        var a = SmeTest.Assess(profile, Sme);

        Assert.Equal(["(applicant)", "Parent", "Parent > Owners", "Parent > Owners > Owners' company"], a.Lines.Select(l => l.Enterprise));
        Assert.Equal(SmeTreatment.Linked, a.Lines[3].Treatment);
        Assert.Equal(45m, a.Staff);
    }

    [Fact]
    public void Lines_WhenAPartnersLinkedEnterpriseIsControlledByOtherMeans_NameTheMeansAndCountItInTheProportion_Art6_3()
    {
        // Art. 3(3)(b)-(d) apply at every level of the chain: control by contract links an
        // enterprise to the partner, and art. 6(3) adds it to the partner's data.
        var profile = Profile(
            Figures(10m),
            Related("Partner", 50m, Figures(20m), Related("Franchisee", 5m, Figures(40m)) with { Control = ControlMeans.DominantInfluence }));

        var a = SmeTest.Assess(profile, Sme);

        Assert.Equal(
            Line("Partner > Franchisee", SmeTreatment.Partner, 50m, 20m, 0m, 0m, "Linked by control other than shares: a dominant influence under a contract or the articles (art. 3(3)(c))." + LinkedToPartner("Partner")),
            a.Lines[2]);
        Assert.Equal(40m, a.Staff);
    }
}
