using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Tests.Admission;

/// <summary>
/// The single undertaking of the de minimis regulations (art. 2(2) of Regulations (EU) 1407/2013
/// and 2023/2831) and the restructurings of their art. 3(8)-(9): who belongs to it, and what a
/// declared restructuring must say. The aid it counts is in <c>StateAid/SingleUndertakingTest</c>.
/// </summary>
public class SingleUndertakingRulesTest
{
    private static readonly Rate Majority = Rulebook.Extremadura.On(new LocalDate(2016, 3, 1)).Value.Aid.SingleUndertakingShareAbove;
    private static readonly LocalDate Granted = new(2015, 6, 1);

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static AidReceived Aid(decimal amount) => new(Eur(amount), Granted, "Junta de Extremadura");

    private static RelatedEnterprise Related(string name, decimal percent, params RelatedEnterprise[] related) =>
        new(name, Rate.FromPercent(percent), new EnterpriseFigures(5m, Eur(0m), Eur(0m))) { Related = new EquatableArray<RelatedEnterprise>(related) };

    private static CompanyProfile Profile(params RelatedEnterprise[] related) =>
        new(new EnterpriseFigures(20m, Eur(3_000_000m), Eur(2_000_000m)), new EquatableArray<RelatedEnterprise>(related));

    private static CompanyApplication Application(params Restructuring[] restructurings) =>
        new CompanyApplication(new CompanyId("B1"), "ES43", Profile(), default) { Restructurings = new EquatableArray<Restructuring>(restructurings) };

    private static Restructuring Split(decimal equityPercent, params AidReceived[] unallocated) =>
        new(RestructuringKind.Split, "Former group SA", new LocalDate(2015, 3, 1), default) { EquityShare = Rate.FromPercent(equityPercent), UnallocatedAid = new EquatableArray<AidReceived>(unallocated) };

    [Fact]
    public void Members_WhenTheApplicantHasLinkedPartnerAndPublicRelations_AreTheLinkedUndertakingsDepthFirst_Art2_2()
    {
        // Art. 2(2)(a)-(d): a majority of the votes or control by other means, also "through one
        // or more other undertakings"; partners, public bodies and natural persons are not linked
        // undertakings (the regulations name relationships between undertakings).
        var profile = Profile(
            Related("Parent SA", 60m, Related("Sister SL", 100m, Related("Niece SL", 51m)), Related("Parent's partner", 40m)),
            Related("Half owner SA", 50m),
            Related("Franchisor SA", 10m) with { Control = ControlMeans.DominantInfluence },
            Related("Ayuntamiento", 60m) with { Kind = RelatedPartyKind.PublicBody },
            Related("Diputación", 60m) with { Kind = RelatedPartyKind.AutonomousLocalAuthority },
            Related("The García family", 100m, Related("Family company SL", 100m)) with { Kind = RelatedPartyKind.NaturalPersons });

        var members = SingleUndertaking.Members(profile, Majority);

        Assert.Equal(["Parent SA", "Parent SA > Sister SL", "Parent SA > Sister SL > Niece SL", "Franchisor SA"], members);
    }

    [Fact]
    public void Members_WhenTheProfileIsMissing_ThrowsNamingIt()
    {
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => SingleUndertaking.Members(null!, Majority)).ParamName);
    }

    [Fact]
    public void Aid_WhenAnUndertakingHoldsExactlyHalf_DoesNotCountItsAid_Art2_2a()
    {
        // Art. 2(2)(a): "a majority of the shareholders' or members' voting rights": half is not.
        var application = new CompanyApplication(new CompanyId("B1"), "ES43", Profile(Related("Half owner SA", 50m) with { Aid = new EquatableArray<AidReceived>([Aid(9_000m)]) }), default);

        Assert.Empty(SingleUndertaking.Aid(application, Majority));
    }

    [Fact]
    public void Aid_WhenARelatedEnterpriseIsMissing_ThrowsNamingTheRelations()
    {
        var application = new CompanyApplication(new CompanyId("B1"), "ES43", Profile([null!]), default);

        Assert.Equal("related", Assert.Throws<ArgumentNullException>(() => SingleUndertaking.Aid(application, Majority)).ParamName);
    }

    [Fact]
    public void Aid_WhenTheApplicantAcquiredAnUndertaking_NamesTheAcquisitionAndItsDate_Art3_8()
    {
        // Art. 3(8): in an acquisition, all prior de minimis aid granted to the undertakings counts.
        var application = Application(new Restructuring(RestructuringKind.Acquisition, "Acquired SA", new LocalDate(2015, 2, 1), new EquatableArray<AidReceived>([Aid(6_000m)])));

        var aid = Assert.Single(SingleUndertaking.Aid(application, Majority));

        Assert.Equal(("Acquired SA (acquisition effective 2015-02-01)", Eur(6_000m)), (aid.Recipient, aid.Amount));
    }

    [Fact]
    public void Validate_WhenASplitsEquityShareIsTheWhole_IsValid_Art3_9()
    {
        // Art. 3(9): aid not allocated is divided by the book value of equity: the applicant's
        // share may be all of it (100 %), not more.
        Assert.Empty(SingleUndertaking.Validate(Application(Split(100m, Aid(1_000m))), Currency.EUR));
        Assert.Equal(["restructurings[0].equityShare"], SingleUndertaking.Validate(Application(Split(100.01m)), Currency.EUR).Select(e => e.Identifier));
    }

    [Fact]
    public void Validate_WhenARestructuringNamesNoUndertaking_SaysItMustNameIt()
    {
        var application = Application(new Restructuring(RestructuringKind.Merger, "", new LocalDate(2015, 1, 1), default));

        var error = Assert.Single(SingleUndertaking.Validate(application, Currency.EUR));

        Assert.Equal(("restructurings[0].undertaking", AdmissionErrors.BlankRelatedEnterpriseName), (error.Identifier, error.ErrorCode));
        Assert.Equal("A merger, acquisition or split names the other undertaking.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_WhenAnAidAmountIsBeyondTheInputLimit_RefusesItAndAcceptsTheLimitItself()
    {
        var limit = CompanyProfileRules.MaxFigure;

        Assert.Empty(SingleUndertaking.Validate(Application(Split(50m, Aid(limit))), Currency.EUR));
        var error = Assert.Single(SingleUndertaking.Validate(Application(Split(50m, Aid(limit + 1m))), Currency.EUR));
        Assert.Equal(("restructurings[0].unallocatedAid[0].amount", AdmissionErrors.NegativeFigure), (error.Identifier, error.ErrorCode));
    }

    [Fact]
    public void Validate_WhenARestructuringOrItsAidIsMissing_ThrowsNamingIt()
    {
        Assert.Equal("application", Assert.Throws<ArgumentNullException>(() => SingleUndertaking.Validate(Application([null!]), Currency.EUR)).ParamName);
        Assert.Equal("aid", Assert.Throws<ArgumentNullException>(() => SingleUndertaking.Validate(Application(Split(50m, [null!])), Currency.EUR)).ParamName);
    }
}
