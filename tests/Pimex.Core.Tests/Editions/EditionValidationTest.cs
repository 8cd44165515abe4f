using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Editions;

/// <summary>The validation branches, paths and messages of the edition's own verbs.</summary>
public class EditionValidationTest
{
    private static readonly Rulebook Other = Rulebook.Load(
        """{ "id": "other", "name": "Other", "extends": "extremadura", "annuities": {} }""",
        Rulebook.Extremadura).Value;

    private static Result<Changed<Edition, EditionEvent>> Apply(Support.Scenario s, CompanyApplication application) =>
        s.Edition.ReceiveApplication(application, s.Rulebook, Ctx(Rep(application.Company.Value), At(2016, 2, 1)));

    private static AidReceived Aid(Money amount) => new(amount, new LocalDate(2015, 6, 1), "Junta de Extremadura");

    private static Result<Changed<Edition, EditionEvent>> Schedule(Support.Scenario s, GroupSession session) =>
        s.Edition.ScheduleSession(session, Ctx(Tech, At(2016, 3, 25)));

    [Fact]
    public void Open_WhenTechnician_SaysWhatItMayNotDo()
    {
        var opened = Edition.Open(Rulebook.Extremadura, 2016, Ctx(Tech, At(2016, 1, 10)));

        Assert.Contains("may not open an edition", Assert.Single(opened.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WhenTheRulebookHasNoAnnuity_PointsAtTheYearWithTheRulebooksExplanation()
    {
        var opened = Edition.Open(Rulebook.Extremadura, 1999, Ctx(Manager, At(2016, 1, 10)));

        var error = Assert.Single(opened.ValidationErrors);
        Assert.Equal("year", error.Identifier);
        Assert.Equal(Rulebook.Extremadura.Annuity(1999).ValidationErrors.First().ErrorMessage, error.ErrorMessage);
    }

    [Fact]
    public void Replay_WhenTheStreamIsEmpty_ThrowsSayingItIsAnEditionsStream()
    {
        var ex = Assert.Throws<ArgumentException>(() => Edition.Replay([]));

        Assert.Equal("events", ex.ParamName);
        Assert.Contains("edition", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ReceiveApplication_WhenAnotherCompanyApplies_SaysForWhichCompany()
    {
        var s = Open();

        var result = s.Edition.ReceiveApplication(Application("B1"), s.Rulebook, Ctx(Rep("B2"), At(2016, 2, 1)));

        Assert.Contains("may not apply for B1", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ReceiveApplication_WhenTheRulebookIsAnotherEditions_PointsAtTheRulebookAndNamesIt()
    {
        var s = Open();

        var result = s.Edition.ReceiveApplication(Application("B1"), Other, Ctx(Rep("B1"), At(2016, 2, 1)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("rulebook", error.Identifier);
        Assert.Equal(EditionErrors.WrongEdition, error.ErrorCode);
        Assert.Contains("'other'", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(s.Edition.Applications);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ReceiveApplication_WhenTheRegionIsBlank_IsInvalid(string region)
    {
        var s = Open();

        var result = Apply(s, Application("B1", region: region));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("region", error.Identifier);
        Assert.Equal(CommonErrors.MissingText, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
    }

    public static TheoryData<decimal, string> UnusableAid => new()
    {
        { -0.01m, "EUR" },
        { 1000m, "GBP" },
        { CompanyProfileRules.MaxFigure + 1m, "EUR" },
    };

    [Theory]
    [MemberData(nameof(UnusableAid))]
    public void ReceiveApplication_WhenADeclaredAidIsNotAnAmountOfZeroOrMoreInTheCurrency_PointsAtIt(decimal amount, string currency)
    {
        var s = Open();
        var aid = Aid(Money.Of(amount, Currency.FromCode(currency)));

        var result = Apply(s, Application("B1", declaredAid: [Aid(Eur(1000m)), aid]));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("declaredAid[1].amount", error.Identifier);
        Assert.Equal(CommonErrors.InvalidAmount, error.ErrorCode);
        Assert.Contains(aid.Amount.ToString(), error.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(s.Edition.Applications);
    }

    public static TheoryData<decimal> UsableAidBounds => [0m, CompanyProfileRules.MaxFigure];

    [Theory]
    [MemberData(nameof(UsableAidBounds))]
    public void ReceiveApplication_WhenADeclaredAidIsZeroOrTheInputLimit_IsReceived(decimal amount)
    {
        var s = Open();

        var result = Apply(s, Application("B1", declaredAid: [Aid(Eur(amount))]));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Admit_WhenATechnicianTries_SaysWhatItMayNotDo()
    {
        var s = Open().ApplyFor(Application("B1"));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Tech, At(2016, 3, 20)));

        Assert.Contains("may not admit a company", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Admit_WhenBeforeTheEditionsRulesTakeEffect_SaysSoOnceWithBothDates()
    {
        var s = Open().ApplyFor(Application("B1"), At(2016, 1, 11));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 1, 12)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(TimeErrors.NoRulesInForce, error.ErrorCode);
        Assert.Contains("2016-01-12", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("2016-01-15", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(s.Edition.Participants);
    }

    [Fact]
    public void Admit_WhenBeforeTheApplication_IsConflictNamingBothInstants()
    {
        var s = Open().ApplyFor(Application("B1"), At(2016, 2, 10));

        var result = s.Edition.Admit(new CompanyId("B1"), s.Rulebook, Ctx(Manager, At(2016, 2, 9)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([TimeErrors.BeforeLastEvent], result.Codes());
        Assert.Contains("2016-02-09", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Contains("2016-02-10", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Empty(s.Edition.Participants);
    }

    [Fact]
    public void ScheduleSession_WhenACompanyRepresentativeTries_SaysWhatItMayNotDo()
    {
        var s = Open();

        var result = s.Edition.ScheduleSession(new GroupSession("S1", new LocalDate(2016, 5, 10), "Mérida", "Pricing", 40), Ctx(Rep("B1"), At(2016, 3, 25)));

        Assert.Contains("may not schedule a group session", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduleSession_WhenTheIdIsTaken_NamesTheSession()
    {
        var s = Open().ScheduleSessions(1);

        var result = Schedule(s, new GroupSession("S1", new LocalDate(2016, 6, 10), "Cáceres", "Logistics", 40));

        Assert.Contains("'S1'", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduleSession_WhenTheDayAfterTheTrainingWindow_PointsAtTheDateAndNamesIt()
    {
        var s = Open();
        var late = s.Edition.Annuity.Training.End.PlusDays(1);

        var result = Schedule(s, new GroupSession("S1", late, "Mérida", "Pricing", 40));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("session.date", error.Identifier);
        Assert.Equal(EditionErrors.SessionOutsideTrainingWindow, error.ErrorCode);
        Assert.Contains(late.ToString("yyyy-MM-dd", null), error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("S1", "Mérida", "Pricing", 0)]
    [InlineData("S1", " ", "Pricing", 40)]
    [InlineData("S1", "Mérida", "", 40)]
    [InlineData(" ", "Mérida", "Pricing", 40)]
    public void ScheduleSession_WhenTheIdVenueTopicOrSeatsAreMissing_IsInvalid(string id, string venue, string topic, int capacity)
    {
        var s = Open();

        var result = Schedule(s, new GroupSession(id, new LocalDate(2016, 5, 10), venue, topic, capacity));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("session", error.Identifier);
        Assert.Equal(EditionErrors.SessionInvalid, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
        Assert.Empty(s.Edition.Sessions);
    }

    [Fact]
    public void ScheduleSession_WhenOneSeat_IsScheduled()
    {
        var s = Open();

        var result = Schedule(s, new GroupSession("S1", new LocalDate(2016, 5, 10), "Mérida", "Pricing", 1));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void RecordExpense_WhenOnTheActionsLine_PointsAtTheLine()
    {
        var s = Open();

        var result = s.Edition.RecordExpense(BudgetLine.Actions, Eur(100m), "Stand", Ctx(Manager, At(2016, 4, 1)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("line", error.Identifier);
        Assert.Equal(EditionErrors.LineNotForDirectSpend, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void RecordExpense_WhenTheDescriptionIsBlank_IsInvalidAndSpendsNothing(string description)
    {
        var s = Open();

        var result = s.Edition.RecordExpense(BudgetLine.Training, Eur(100m), description, Ctx(Manager, At(2016, 4, 1)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("description", error.Identifier);
        Assert.Equal(CommonErrors.MissingText, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
        Assert.True(s.Edition.Budget.Training.Spent.IsZero);
    }

    [Fact]
    public void Ledger_WhenAskedForAnUndefinedLine_ThrowsNamingTheLine()
    {
        var ledger = Open().Edition.Budget;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ledger[(BudgetLine)99]);

        Assert.Equal("line", ex.ParamName);
        Assert.Contains("Unknown budget line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LedgerFrom_WhenTheBudgetIsNull_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => BudgetLedger.From(null!));

        Assert.Equal("budget", ex.ParamName);
    }
}
