using Ardalis.Result;
using FsCheck.Xunit;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.StateAid;
using Pimex.Tests.Support;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Editions;

public class AdmissionTest
{
    private static readonly RuleSet Rules2016 = Rulebook.Extremadura.On(new LocalDate(2016, 1, 15)).Value;
    private static readonly AnnuityRules Annuity2016 = Rulebook.Extremadura.Annuity(2016).Value;

    [Fact]
    public void ReceiveApplication_WhenTheCompanyApplies_RecordsItWithItsDate()
    {
        var s = Open();

        var result = s.Edition.ReceiveApplication(Application("B1"), s.Rulebook, Ctx(Rep("B1"), At(2016, 2, 1)));

        Assert.True(result.IsSuccess);
        var received = result.Value.Aggregate.Applications[new CompanyId("B1")];
        Assert.Equal(new LocalDate(2016, 2, 1), received.AppliedOn);
    }

    [Fact]
    public void ReceiveApplication_WhenAnotherCompanyRepresentativeApplies_IsForbidden()
    {
        var s = Open();

        var result = s.Edition.ReceiveApplication(Application("B1"), s.Rulebook, Ctx(Rep("B2"), At(2016, 2, 1)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal([CommonErrors.WrongActor], result.Codes());
    }

    [Fact]
    public void ReceiveApplication_WhenTheCompanyAlreadyApplied_IsConflict()
    {
        var s = Open().ApplyFor(Application("B1"));

        var result = s.Edition.ReceiveApplication(Application("B1"), s.Rulebook, Ctx(Rep("B1"), At(2016, 2, 2)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([AdmissionErrors.AlreadyApplied], result.Codes());
    }

    [Fact]
    public void ReceiveApplication_WhenFiguresAreInAnotherCurrency_IsInvalid()
    {
        var s = Open();
        var gbp = global::Pimex.Monetary.Money.Of(1_000_000m, global::Pimex.Monetary.Currency.GBP);
        var application = Application("B1") with { Profile = new CompanyProfile(new EnterpriseFigures(10m, gbp, gbp), default) };

        var result = s.Edition.ReceiveApplication(application, s.Rulebook, Ctx(Rep("B1"), At(2016, 2, 1)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(AdmissionErrors.WrongCurrency, result.Codes());
    }

    [Fact]
    public void Admit_WhenEveryRuleHolds_ReservesTheCapAndStartsTheParticipant()
    {
        var s = Open().ApplyFor(Application("B1"));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.True(result.IsSuccess);
        var edition = result.Value.Edition.Aggregate;
        var participant = result.Value.Participant.Aggregate;
        Assert.Equal(Rules2016.Promotion.CapPerCompany, edition.Budget.Actions.Reserved);
        Assert.Equal(Annuity2016.Budget.Actions - Rules2016.Promotion.CapPerCompany, edition.Budget.Actions.Available);
        Assert.Equal(new ParticipantId(edition.Id, new CompanyId("B1")), participant.Id);
        Assert.Equal("extremadura-2016/B1", participant.Id.ToString());
        Assert.Equal(Rules2016.Promotion.CapPerCompany, participant.ReservationLeft);
        Assert.Equal(Rules2016.Commitment, participant.Terms.Commitment);
        Assert.Equal(SizeClass.Small, participant.Terms.SizeClass);
        Assert.Equal(ParticipantStatus.Admitted, participant.Status);
        Assert.Collection(
            result.Value.Edition.Events,
            e => Assert.IsType<CompanyAdmitted>(e),
            e => Assert.Equal(Rules2016.Promotion.CapPerCompany, Assert.IsType<FundsReserved>(e).Amount));
        Assert.IsType<ParticipantAdmitted>(Assert.Single(result.Value.Participant.Events));
    }

    [Fact]
    public void Admit_WhenTheEditionIsFull_IsInvalidForCapacityAndBudget()
    {
        var s = Open();
        for (int i = 0; i < Annuity2016.Capacity; i++)
        {
            s.Join("C" + i);
        }

        s.ApplyFor(Application("LATE"));

        var result = s.Edition.Admit(new CompanyId("LATE"), s.Rulebook, Ctx(Manager, At(2016, 3, 25)));

        // In Extremadura the actions line funds exactly the cap of every seat: a full edition
        // has nothing left to reserve either.
        Assert.Equal([AdmissionErrors.CapacityReached, AdmissionErrors.BudgetCannotReserveCap], result.Codes());
        Assert.Equal(Annuity2016.Capacity, s.Edition.AdmittedCount);
        Assert.True(s.Edition.Budget.Actions.Available.IsZero);
    }

    [Fact]
    public void Admit_WhenTheApplicationCameAfterTheWindow_IsInvalid()
    {
        var late = Annuity2016.Applications.End.PlusDays(1);
        var s = Open().ApplyFor(Application("B1"), At(late.Year, late.Month, late.Day));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.Equal([AdmissionErrors.OutsideApplicationWindow], result.Codes());
    }

    [Fact]
    public void Admit_WhenTheApplicationCameOnTheLastDayOfTheWindow_Succeeds()
    {
        var last = Annuity2016.Applications.End;
        var s = Open().ApplyFor(Application("B1"), At(last.Year, last.Month, last.Day, 23));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Admit_WhenTheCompanyIsEstablishedInAnotherRegion_IsInvalid()
    {
        var s = Open().ApplyFor(Application("B1", region: "ES30"));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.Equal([AdmissionErrors.NotEstablishedInRegion], result.Codes());
    }

    // NUTS codes nest by their first characters (Regulation (EC) No 1059/2003, annex I): Extremadura
    // is ES43, its provinces ES431 (Badajoz) and ES432 (Cáceres); ES4 is the larger Centro (ES) group.
    [Theory]
    [InlineData("ES43")]
    [InlineData("ES431")]
    [InlineData("ES432")]
    public void Admit_WhenTheCompanyIsEstablishedInTheRegionOrInsideIt_Admits(string region)
    {
        var s = Open().ApplyFor(Application("B1", region: region));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.True(result.IsSuccess, string.Join("; ", result.Codes()));
    }

    [Theory]
    [InlineData("ES4")]
    [InlineData("ES")]
    [InlineData("ES42")]
    [InlineData("ES421")]
    [InlineData("es431")]
    [InlineData("PT11")]
    public void Admit_WhenTheRegionIsLargerThanOrBesideTheEligibleOne_IsInvalidForTheRegionAlone(string region)
    {
        var s = Open().ApplyFor(Application("B1", region: region));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.Equal([AdmissionErrors.NotEstablishedInRegion], result.Codes());
    }

    [Fact]
    public void Admit_UnderAPartnerForALevel2Region_AdmitsACompanyOfALevel3RegionInsideIt()
    {
        var partner = Rulebook.Load(
            RulebookJsonEdits.Partner(p => p.WithExtremadura2016().Override("eligibility.regions", new System.Text.Json.Nodes.JsonArray("PL51"))),
            Rulebook.Extremadura).Value;
        var inside = Open(partner).ApplyFor(Application("WRO", region: "PL514"));
        var beside = Open(partner).ApplyFor(Application("POZ", region: "PL41"));

        Assert.True(inside.Edition.Admit(new CompanyId("WRO"), partner, Ctx(Manager, At(2016, 3, 20))).IsSuccess);
        Assert.Equal([AdmissionErrors.NotEstablishedInRegion], beside.Edition.Admit(new CompanyId("POZ"), partner, Ctx(Manager, At(2016, 3, 20))).Codes());
    }

    // The NUTS version in force on the decision date (2016: NUTS 2013, Regulation (EU) No 1319/2013)
    // is named beside the regions, since a code's meaning depends on it.
    [Fact]
    public void Admit_WhenTheRegionIsOutside_TheRefusalNamesTheRegionsAndTheNutsVersionInForce()
    {
        var s = Open().ApplyFor(Application("B1", region: "ES30"));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.Equal("'ES30' is not one of the regions ES43 (NUTS 2013), nor within one.", Assert.Single(result.ValidationErrors).ErrorMessage);
    }

    private const string NutsCharacters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    [Property(MaxTest = 60)]
    public bool Admit_AnyCodeInsideTheEligibleRegion_IsAdmitted(byte a, byte b, byte c, byte levels)
    {
        var suffix = new string([.. new[] { a, b, c }.Take(levels % 4).Select(x => NutsCharacters[x % NutsCharacters.Length])]);
        var s = Open().ApplyFor(Application("B1", region: "ES43" + suffix));

        return s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20))).IsSuccess;
    }

    [Property(MaxTest = 60)]
    public bool Admit_AnyCodeNotStartingWithTheEligibleRegion_IsRefusedForTheRegionAlone(byte a, byte b, byte c, byte d, byte length)
    {
        var code = "ES" + new string([.. new[] { a, b, c, d }.Take(length % 5).Select(x => NutsCharacters[x % NutsCharacters.Length])]);
        if (code.StartsWith("ES43", StringComparison.Ordinal))
        {
            return true;
        }

        var s = Open().ApplyFor(Application("B1", region: code));

        return s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20))).Codes().SequenceEqual([AdmissionErrors.NotEstablishedInRegion]);
    }

    [Fact]
    public void Admit_WhenTheCompanyIsNotAnSme_IsInvalid()
    {
        var s = Open().ApplyFor(Application("BIG", staff: Rules2016.Sme.Medium.StaffBelow, turnoverEur: 60_000_000m, balanceEur: 50_000_000m));

        var result = s.Edition.Admit(new CompanyId("BIG"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.Equal([AdmissionErrors.NotAnSme], result.Codes());
    }

    [Fact]
    public void Admit_WhenDeclaredAidPlusTheMostThisParticipationGivesExceedsTheCeiling_IsInvalid()
    {
        var regime = Rulebook.Extremadura.On(new LocalDate(2016, 3, 20)).Value.Aid.Regime;
        var inKind = AdmissionEligibility.InKindAid(Rules2016, Annuity2016);
        var most = Rules2016.Promotion.CapPerCompany + inKind;
        var declared = new AidReceived(regime.Ceiling - most + Eur(0.01m), new LocalDate(2015, 6, 1), "Junta de Extremadura");
        var s = Open().ApplyFor(Application("B1", declaredAid: declared));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.Equal([AdmissionErrors.AidCeilingExceeded], result.Codes());
    }

    [Fact]
    public void Admit_WhenDeclaredAidLeavesExactlyRoomForThisParticipation_Succeeds()
    {
        var regime = Rulebook.Extremadura.On(new LocalDate(2016, 3, 20)).Value.Aid.Regime;
        var most = Rules2016.Promotion.CapPerCompany + AdmissionEligibility.InKindAid(Rules2016, Annuity2016);
        var declared = new AidReceived(regime.Ceiling - most, new LocalDate(2015, 6, 1), "Junta de Extremadura");
        var s = Open().ApplyFor(Application("B1", declaredAid: declared));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Admit_WhenTheActionsLineCannotReserveTheCap_IsInvalid()
    {
        // A partner rulebook whose cap does not fit 30 times in the actions line.
        var partner = Rulebook.Load(
            RulebookJsonEdits.Partner(p => p.Override("promotion.capPerCompany", "EUR 3000.00").WithExtremadura2016()),
            Rulebook.Extremadura).Value;
        var s = Open(partner);
        int fits = (int)(Annuity2016.Budget.Actions.Amount / 3000m);
        for (int i = 0; i < fits; i++)
        {
            s.Join("C" + i);
        }

        s.ApplyFor(Application("ONE-MORE"));

        var result = s.Edition.Admit(new CompanyId("ONE-MORE"), s.Rulebook, Ctx(Manager, At(2016, 3, 25)));

        Assert.Equal([AdmissionErrors.BudgetCannotReserveCap], result.Codes());
    }

    [Fact]
    public void Admit_WhenSeveralRulesAreBroken_ListsEveryOneAndChangesNothing()
    {
        var late = Annuity2016.Applications.End.PlusDays(3);
        var s = Open().ApplyFor(Application("BAD", staff: 400m, turnoverEur: 90_000_000m, balanceEur: 90_000_000m, region: "PT11"), At(late.Year, late.Month, late.Day));
        var before = s.Edition;

        var result = s.Edition.Admit(new CompanyId("BAD"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(
            [AdmissionErrors.OutsideApplicationWindow, AdmissionErrors.NotEstablishedInRegion, AdmissionErrors.NotAnSme],
            result.Codes());
        Assert.Equal(before, s.Edition);
        Assert.Equal(before, Edition.Replay(s.EditionEvents));
    }

    [Fact]
    public void Admit_WhenTheCompanyDidNotApply_IsNotFound()
    {
        var s = Open();

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 20)));

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal([AdmissionErrors.NotApplied], result.Codes());
    }

    [Fact]
    public void Admit_WhenAlreadyAdmitted_IsConflict()
    {
        var s = Open();
        s.Join("B1");

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 3, 21)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([AdmissionErrors.AlreadyDecided], result.Codes());
    }

    [Fact]
    public void Admit_WhenATechnicianTries_IsForbidden()
    {
        var s = Open().ApplyFor(Application("B1"));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Tech, At(2016, 3, 20)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }

    [Fact]
    public void Admit_WhenTheRulebookIsAnotherEditions_IsInvalid()
    {
        var partner = Rulebook.Load(
            """{ "id": "other", "name": "Other", "extends": "extremadura", "annuities": {} }""",
            Rulebook.Extremadura).Value;
        var s = Open().ApplyFor(Application("B1"));

        var result = s.Edition.Admit(new CompanyId("B1"), partner, Ctx(Manager, At(2016, 3, 20)));

        Assert.Equal([EditionErrors.WrongEdition], result.Codes());
    }

    [Fact]
    public void Withdraw_WhenAParticipantLeaves_ReleasesItsUnspentReservation()
    {
        var s = Open();
        s.Join("B1");

        s.Do("B1", p => p.Withdraw(s.Edition, "Changed strategy", Ctx(Rep("B1"), At(2016, 5, 1))));

        Assert.True(s.Edition.Budget.Actions.Reserved.IsZero);
        Assert.Equal(Annuity2016.Budget.Actions, s.Edition.Budget.Actions.Available);
        Assert.Equal(Rules2016.Promotion.CapPerCompany, s.Edition.Budget.Actions.Released);
        Assert.Equal(ParticipantStatus.Withdrawn, s.Participant("B1").Status);
    }
}

public class AdmissionInputLimitsTest
{
    [Fact]
    public void ReceiveApplication_WhenFiguresAreAbsurdlyLarge_IsInvalidNotAnOverflow()
    {
        var s = Pimex.Tests.Support.Scenario.Open();
        var huge = Pimex.Tests.Support.Scenario.Application("B1", staff: 1e20m, turnoverEur: 7e27m, balanceEur: 7e27m);

        var result = s.Edition.ReceiveApplication(huge, s.Rulebook, Pimex.Tests.Support.Scenario.Ctx(Pimex.Tests.Support.Scenario.Rep("B1"), Pimex.Tests.Support.Scenario.At(2016, 2, 1)));

        Assert.Equal([AdmissionErrors.FigureTooLarge, AdmissionErrors.FigureTooLarge, AdmissionErrors.FigureTooLarge], result.Codes());
    }

    [Fact]
    public void RequestConsultancy_WhenHoursAreAbsurdlyLarge_IsInvalidNotAnOverflow()
    {
        var s = Pimex.Tests.Support.Scenario.Open();
        s.Join("B1");

        var result = s.Participant("B1").RequestConsultancy(s.Edition, 7e27m, "Everything", s.Rulebook, Pimex.Tests.Support.Scenario.Ctx(Pimex.Tests.Support.Scenario.Rep("B1"), Pimex.Tests.Support.Scenario.At(2016, 6, 1)));

        Assert.Equal([Pimex.Participation.ParticipationErrors.InvalidHours], result.Codes());
    }
}
