using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Rulebooks;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Editions;

public class EditionTest
{
    private static readonly AnnuityRules Annuity2016 = Rulebook.Extremadura.Annuity(2016).Value;

    [Fact]
    public void Open_WhenManager_TakesBudgetCapacityAndWindowsFromTheRulebook()
    {
        var opened = Edition.Open(Rulebook.Extremadura, 2016, Ctx(Manager, At(2016, 1, 10)));

        Assert.True(opened.IsSuccess);
        var edition = opened.Value.Aggregate;
        Assert.Equal(new EditionId("extremadura", 2016), edition.Id);
        Assert.Equal(Annuity2016.Budget.Actions, edition.Budget.Actions.Allocated);
        Assert.Equal(Annuity2016.Budget.Training, edition.Budget.Training.Allocated);
        Assert.Equal(Annuity2016.Budget.Consultancy, edition.Budget.Consultancy.Allocated);
        Assert.Equal(Annuity2016.Budget.Total, edition.Budget.TotalAllocated);
        Assert.Equal(Annuity2016.Capacity, edition.Annuity.Capacity);
        Assert.Equal(Annuity2016.Applications.Start, edition.RulesDate);
        var e = Assert.IsType<EditionOpened>(Assert.Single(opened.Value.Events));
        Assert.Equal(At(2016, 1, 10), e.RecordedAt);
        Assert.Equal(Manager, e.Actor);
    }

    [Fact]
    public void Open_WhenTechnician_IsForbidden()
    {
        var opened = Edition.Open(Rulebook.Extremadura, 2016, Ctx(Tech, At(2016, 1, 10)));

        Assert.Equal(ResultStatus.Forbidden, opened.Status);
        Assert.Equal([CommonErrors.WrongActor], opened.Codes());
    }

    [Fact]
    public void Open_WhenTheRulebookHasNoAnnuity_IsInvalid()
    {
        var opened = Edition.Open(Rulebook.Extremadura, 1999, Ctx(Manager, At(2016, 1, 10)));

        Assert.Equal(ResultStatus.Invalid, opened.Status);
        Assert.Equal([EditionErrors.NoRules], opened.Codes());
    }

    [Fact]
    public void ScheduleSession_WhenInsideTheTrainingWindow_AddsTheSession()
    {
        var s = Open();
        var session = new GroupSession("S1", Annuity2016.Training.Start, "Mérida", "Strategic planning", 30);

        var result = s.Edition.ScheduleSession(session, Ctx(Tech, At(2016, 3, 1)));

        Assert.True(result.IsSuccess);
        Assert.Equal(session, result.Value.Aggregate.Sessions["S1"]);
    }

    [Fact]
    public void ScheduleSession_WhenOutsideTheTrainingWindow_IsInvalid()
    {
        var s = Open();
        var session = new GroupSession("S1", Annuity2016.Training.End.PlusDays(1), "Mérida", "Late", 30);

        var result = s.Edition.ScheduleSession(session, Ctx(Tech, At(2016, 3, 1)));

        Assert.Equal([EditionErrors.SessionOutsideTrainingWindow], result.Codes());
    }

    [Fact]
    public void ScheduleSession_WhenTheIdIsTaken_IsConflict()
    {
        var s = Open().ScheduleSessions(1);

        var result = s.Edition.ScheduleSession(new GroupSession("S1", new LocalDate(2016, 6, 1), "Cáceres", "Again", 10), Ctx(Tech, At(2016, 3, 1)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([EditionErrors.SessionAlreadyScheduled], result.Codes());
    }

    [Fact]
    public void ScheduleSession_WhenACompanyRepresentativeTries_IsForbidden()
    {
        var s = Open();

        var result = s.Edition.ScheduleSession(new GroupSession("S1", new LocalDate(2016, 6, 1), "Mérida", "T", 10), Ctx(Rep("B1"), At(2016, 3, 1)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }

    [Fact]
    public void RecordExpense_WhenWithinTheTrainingLine_SpendsIt()
    {
        var s = Open();
        var amount = Annuity2016.Budget.Training;

        var result = s.Edition.RecordExpense(BudgetLine.Training, amount, "Trainers", Ctx(Manager, At(2016, 5, 1)));

        Assert.True(result.IsSuccess);
        Assert.Equal(amount, result.Value.Aggregate.Budget.Training.Spent);
        Assert.True(result.Value.Aggregate.Budget.Training.Available.IsZero);
    }

    [Fact]
    public void RecordExpense_WhenOneCentOverWhatIsAvailable_IsInvalidAndChangesNothing()
    {
        var s = Open();
        var amount = Annuity2016.Budget.Training + Eur(0.01m);

        var result = s.Edition.RecordExpense(BudgetLine.Training, amount, "Trainers", Ctx(Manager, At(2016, 5, 1)));

        Assert.Equal([EditionErrors.LineWouldGoNegative], result.Codes());
        Assert.True(s.Edition.Budget.Training.Spent.IsZero);
    }

    [Fact]
    public void RecordExpense_WhenOnTheActionsLine_IsInvalid()
    {
        var s = Open();

        var result = s.Edition.RecordExpense(BudgetLine.Actions, Eur(10m), "Fair", Ctx(Manager, At(2016, 5, 1)));

        Assert.Equal([EditionErrors.LineNotForDirectSpend], result.Codes());
    }

    [Fact]
    public void RecordExpense_WhenTheExpectedVersionIsStale_IsConflict()
    {
        var s = Open();

        var result = s.Edition.RecordExpense(BudgetLine.Training, Eur(10m), "Room", Ctx(Manager, At(2016, 5, 1)).Expecting(s.Edition.Version + 1));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([CommonErrors.VersionMismatch], result.Codes());
    }

    [Fact]
    public void Replay_WhenGivenTheEventsOfAScenario_RebuildsAnEqualEdition()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");
        s.Join("B2");
        s.Do("B1", p => p.RecordAttendance(s.Edition, "S1", Ctx(Tech, At(2016, 5, 10))));

        var replayed = Edition.Replay(s.EditionEvents);

        Assert.Equal(s.Edition, replayed);
        Assert.Equal(s.EditionEvents.Count, replayed.Version);
    }
}
