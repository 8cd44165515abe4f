using Pimex.Admission;
using Pimex.Common;
using Pimex.Monetary;

namespace Pimex.Tests.Admission;

/// <summary>Art. 3(4): who counts towards public control, directly or indirectly, and how much.</summary>
public partial class SmeTestArticlesTest
{
    private static RelatedEnterprise Council(string name, decimal percent, decimal budget = 9_000_000m, int inhabitants = 4_000) =>
        Related(name, percent, Figures(0m)) with { Kind = RelatedPartyKind.AutonomousLocalAuthority, AnnualBudget = Eur(budget), Inhabitants = inhabitants };

    private static readonly HolderCases PublicHolderCases = new()
    {
        // An autonomous local authority within the limits of art. 3(2)(d) is exempt while not
        // linked; once linked (a majority, or control by other means, art. 3(3)) it is not, and
        // it is a public body.
        { "local authority within its limits, 40 %", Council("Ayuntamiento", 40m), 0m },
        { "local authority within its limits, 60 %", Council("Ayuntamiento", 60m), 60m },
        { "local authority within its limits, 20 % with a board majority", Council("Ayuntamiento", 20m) with { Control = ControlMeans.BoardMajority }, 20m },
        { "local authority above the inhabitants' limit, 20 %", Council("Ayuntamiento", 20m, inhabitants: 5_000), 20m },

        // A public investment corporation is exempt while not linked (art. 3(2)(a)); linked, its share is public control.
        { "public investment corporation, 50 %", Related("Sociedad pública", 50m, Figures(0m)) with { Kind = RelatedPartyKind.PublicInvestmentCorporation }, 0m },
        { "public investment corporation, 51 %", Related("Sociedad pública", 51m, Figures(0m)) with { Kind = RelatedPartyKind.PublicInvestmentCorporation }, 51m },
        { "public investment corporation, 10 % with a voting agreement", Related("Sociedad pública", 10m, Figures(0m)) with { Kind = RelatedPartyKind.PublicInvestmentCorporation, Control = ControlMeans.VotingAgreement }, 10m },

        // Other investors of art. 3(2) are never public bodies here.
        { "venture capital company, 60 %", Related("Fund", 60m, Figures(0m)) with { Kind = RelatedPartyKind.VentureCapitalCompany }, 0m },

        // "Indirectly" (art. 3(4)): an upstream enterprise that public bodies control counts with its share.
        { "upstream enterprise, 51 % held by a public body", Upstream(Related("Diputación", 51m, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody }), 30m },
        { "upstream enterprise, 50 % held by a public body", Upstream(Related("Diputación", 50m, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody }), 0m },
        { "upstream enterprise, 10 % and a board majority of a public body", Upstream(Related("Diputación", 10m, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody, Control = ControlMeans.BoardMajority }), 30m },
        {
            "upstream enterprise, two public bodies of 30 % each",
            Upstream(Related("Diputación", 30m, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody }, Related("Junta", 30m, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody }),
            30m
        },
        { "upstream enterprise, 70 % held by two exempt local authorities", Upstream(Council("Ayuntamiento", 40m), Council("Concello", 30m)), 0m },
        { "upstream enterprise held by an ordinary enterprise", Upstream(Related("Private SA", 100m, Figures(0m))), 0m },
        { "downstream enterprise a public body controls", Upstream(Related("Diputación", 100m, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody }) with { Direction = HoldingDirection.Downstream }, 0m },
    };

    public static TheoryData<string> PublicHolders => [.. PublicHolderCases.Keys];

    private static RelatedEnterprise Upstream(params RelatedEnterprise[] holders) =>
        Related("Holding SA", 30m, Figures(0m), holders) with { Direction = HoldingDirection.Upstream };

    [Theory]
    [MemberData(nameof(PublicHolders))]
    public void Assess_WhenAHolderMayBePublic_CountsItsShareTowardsPublicControlOnlyWhenArt3_4Says(string situation)
    {
        var (holder, publicPercent) = PublicHolderCases[situation];

        var a = Assess(Profile(Figures(3m), holder));

        Assert.True(Rate.FromPercent(publicPercent) == a.PublicControl, $"{situation}: {a.PublicControl}");
        Assert.Equal(publicPercent >= 25m ? SizeClass.NotSme : SizeClass.Micro, a.SizeClass);
    }

    [Fact]
    public void Assess_WhenPublicBodiesDeclareMoreThanTheWholeCapital_PublicControlIsAtMostAHundredPercent()
    {
        // Shares declared by several holders can add up to more than 100 % (capital and votes are
        // declared as the larger of the two, art. 6(2)); public control is a share of the whole.
        var a = Assess(Profile(
            Figures(3m),
            Related("Junta", 70m, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody },
            Related("Diputación", 50m, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody }));

        Assert.Equal(Rate.One, a.PublicControl);
        Assert.Equal(SizeClass.NotSme, a.SizeClass);
    }

    [Fact]
    public void Assess_WhenAnEnterpriseThatIsNotCountedHoldsADamagedOne_StillRefusesIt()
    {
        // The profile's validation checks every level; the test's guards do too, even below an
        // enterprise it does not count (a 10 % holding, art. 3(1)).
        RelatedEnterprise Below(RelatedEnterprise damaged) => Related("Minority SA", 10m, Figures(1m), damaged);

        Assert.Equal("profile", Assert.Throws<ArgumentException>(() => Assess(Profile(Figures(3m), Below(Related("Over", 130m, Figures(1m)))))).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentException>(() => Assess(Profile(Figures(3m), Below(new RelatedEnterprise("Pounds", Rate.FromPercent(10m), new EnterpriseFigures(1m, Money.Of(1m, Currency.GBP), Eur(0m))))))).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentException>(() => Assess(Profile(Figures(3m), Below(Related("Negative", 10m, Figures(0m, 0m, -1m)))))).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => Assess(Profile(Figures(3m), Below(null!)))).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => Assess(Profile(Figures(3m), Below(new RelatedEnterprise("No figures", Rate.FromPercent(10m), null!))))).ParamName);
    }

    [Fact]
    public void Assess_WhenAnEarlierPeriodIsMissing_ThrowsNamingTheProfile()
    {
        var profile = Profile(Figures(3m)) with { Earlier = new EquatableArray<CompanyProfile>([null!]) };

        var ex = Assert.Throws<ArgumentNullException>(() => Assess(profile));

        Assert.Equal("profile", ex.ParamName);
        Assert.StartsWith("An earlier period is null.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => SmeTest.Classify(profile, Sme)).ParamName);
    }

    [Fact]
    public void Assess_WhenAPublicInvestmentCorporationIsLinkedJointlyWithAUniversity_CountsItsShareAsPublicControl_Art3_2And3_4()
    {
        // Art. 3(2), second subparagraph: linked jointly (30 % + 25 %), the corporation is no
        // longer exempt, and as a public body its share counts towards public control (art. 3(4));
        // the university's does not.
        var a = Assess(Profile(
            Figures(3m),
            Related("Sociedad pública", 30m, Figures(0m)) with { Kind = RelatedPartyKind.PublicInvestmentCorporation, ActingJointlyWith = "Tech transfer" },
            Related("Universidad", 25m, Figures(0m)) with { Kind = RelatedPartyKind.University, ActingJointlyWith = "Tech transfer" }));

        Assert.Equal(Rate.FromPercent(30m), a.PublicControl);
        Assert.Equal(SizeClass.NotSme, a.SizeClass);
    }

    [Fact]
    public void Assess_WhenMoreThanThirtyTwoPeriodsAreDeclared_DecidesAsForFewer_Art4_2()
    {
        // 40 periods, oldest first: micro, then small from the 39th: two consecutive periods over the ceiling.
        var periods = Enumerable.Range(0, 40).Select(i => Profile(Figures(i >= 38 ? 12m : 5m))).ToArray();
        var profile = periods[^1] with { Earlier = new EquatableArray<CompanyProfile>([.. Enumerable.Reverse(periods[..^1])]) };

        var a = Assess(profile);

        Assert.Equal(SizeClass.Small, a.SizeClass);
        Assert.Equal(40, a.Periods.Count);
        Assert.Equal(SizeClass.Small, SmeTest.Classify(profile, Sme).SizeClass);
    }

    private sealed class HolderCases : Dictionary<string, (RelatedEnterprise Holder, decimal PublicPercent)>
    {
        public void Add(string situation, RelatedEnterprise holder, decimal publicPercent) => Add(situation, (holder, publicPercent));
    }
}
