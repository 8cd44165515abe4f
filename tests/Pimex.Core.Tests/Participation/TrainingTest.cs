using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Rulebooks;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Participation;

public class TrainingTest
{
    private static readonly RuleSet Rules2016 = Rulebook.Extremadura.On(new LocalDate(2016, 1, 15)).Value;

    private static Support.Scenario WithB1()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");
        return s;
    }

    [Fact]
    public void RecordAttendance_WhenTechnicalStaffRecordIt_CountsTheSessionAndStartsTraining()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordAttendance(s.Edition, "S1", Ctx(Tech, At(2016, 5, 10)));

        Assert.True(result.IsSuccess);
        var p = result.Value.Participant.Aggregate;
        Assert.Equal(["S1"], p.SessionsAttended);
        Assert.Equal(ParticipantStatus.InTraining, p.Status);
        Assert.Equal(1, result.Value.Edition.Aggregate.AttendanceAt("S1"));
        var e = Assert.IsType<SessionAttended>(Assert.Single(result.Value.Participant.Events));
        Assert.Equal(Tech, e.Actor);
        Assert.Equal(At(2016, 5, 10), e.RecordedAt);
    }

    [Fact]
    public void RecordAttendance_WhenTheSameSessionTwice_IsConflict()
    {
        var s = WithB1();
        s.Do("B1", p => p.RecordAttendance(s.Edition, "S1", Ctx(Tech, At(2016, 5, 10))));

        var result = s.Participant("B1").RecordAttendance(s.Edition, "S1", Ctx(Tech, At(2016, 5, 11)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([ParticipationErrors.SessionAlreadyAttended], result.Codes());
    }

    [Fact]
    public void RecordAttendance_WhenTheCompanyRecordsItsOwn_IsForbidden()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordAttendance(s.Edition, "S1", Ctx(Rep("B1"), At(2016, 5, 10)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal([CommonErrors.WrongActor], result.Codes());
    }

    [Fact]
    public void RecordAttendance_WhenTheSessionIsUnknown_IsNotFound()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordAttendance(s.Edition, "S9", Ctx(Tech, At(2016, 5, 10)));

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal([ParticipationErrors.UnknownSession], result.Codes());
    }

    [Fact]
    public void RecordAttendance_WhenTheSessionIsFull_IsInvalid()
    {
        var s = Open();
        s.Track(Must(s.Edition.ScheduleSession(new GroupSession("SMALL", new LocalDate(2016, 5, 5), "Mérida", "Pricing", 1), Ctx(Tech, At(2016, 3, 1)))));
        s.Join("B1");
        s.Join("B2");
        s.Do("B1", p => p.RecordAttendance(s.Edition, "SMALL", Ctx(Tech, At(2016, 5, 5))));

        var result = s.Participant("B2").RecordAttendance(s.Edition, "SMALL", Ctx(Tech, At(2016, 5, 5)));

        Assert.Equal([ParticipationErrors.SessionFull], result.Codes());
    }

    [Fact]
    public void RecordTutorial_WhenAtTheCompanysPremisesInsideTheWindow_IsRecorded()
    {
        var s = WithB1();
        var tutorial = new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Export diagnosis");

        var result = s.Participant("B1").RecordTutorial(tutorial, Ctx(Tech, At(2016, 6, 1)));

        Assert.True(result.IsSuccess);
        Assert.Equal([tutorial], result.Value.Aggregate.Tutorials);
    }

    [Fact]
    public void RecordTutorial_WhenHeldElsewhere_IsInvalidUnderTheRulebooksVenueRule()
    {
        Assert.Equal(TutorialVenue.CompanyPremises, Rules2016.Commitment.TutorialVenue);
        var s = WithB1();

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.OperatorOffice, "Diagnosis"), Ctx(Tech, At(2016, 6, 1)));

        Assert.Equal([ParticipationErrors.TutorialNotAtPremises], result.Codes());
    }

    [Fact]
    public void RecordTutorial_WhenOutsideTheTrainingWindowAndElsewhere_ListsBothProblems()
    {
        var s = WithB1();
        var late = s.Edition.Annuity.Training.End.PlusDays(1);

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", late, VenueKind.Online, "Diagnosis"), Ctx(Tech, At(2016, 12, 2)));

        Assert.Equal([ParticipationErrors.OutsideTrainingWindow, ParticipationErrors.TutorialNotAtPremises], result.Codes());
    }

    [Fact]
    public void RecordTutorial_WhenAnotherTechnicianThanTheAssignedOne_IsForbidden()
    {
        var s = WithB1();
        s.Do("B1", p => p.AssignTechnician(Tech.Id, s.Rulebook, Ctx(Manager, At(2016, 3, 21))));

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Tech2, At(2016, 6, 1)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal([ParticipationErrors.NotTheAssignedTechnician], result.Codes());
    }

    [Fact]
    public void RecordTutorial_WhenTheSeniorConsultantHoldsIt_IsRecorded()
    {
        var s = WithB1();
        s.Do("B1", p => p.AssignTechnician(Tech.Id, s.Rulebook, Ctx(Manager, At(2016, 3, 21))));

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Pricing abroad"), Ctx(Consultant, At(2016, 6, 1)));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void RecordTutorial_WhenTheCompanyRecordsIt_IsForbidden()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }

    [Fact]
    public void RecordTutorial_WhenTheIdIsTaken_IsConflict()
    {
        var s = WithB1();
        s.Do("B1", p => p.RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Tech, At(2016, 6, 1))));

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 2), VenueKind.CompanyPremises, "Again"), Ctx(Tech, At(2016, 6, 2)));

        Assert.Equal([ParticipationErrors.TutorialAlreadyRecorded], result.Codes());
    }

    [Fact]
    public void RecordTrainingPill_WhenAttendedByManagement_IsRecorded()
    {
        var s = WithB1();
        var role = Rules2016.Commitment.PillAttendeeRoles[0];

        var result = s.Participant("B1").RecordTrainingPill(new TrainingPill("Strategic planning", new LocalDate(2016, 5, 20), role), Ctx(Tech, At(2016, 5, 20)));

        Assert.True(result.IsSuccess);
        Assert.Single(result.Value.Aggregate.Pills);
    }

    [Fact]
    public void RecordTrainingPill_WhenAttendedByARoleTheRulebookDoesNotName_IsInvalid()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordTrainingPill(new TrainingPill("Strategic planning", new LocalDate(2016, 5, 20), "intern"), Ctx(Tech, At(2016, 5, 20)));

        Assert.Equal([ParticipationErrors.PillAttendeeRoleNotAllowed], result.Codes());
    }

    [Fact]
    public void AssignTechnician_WhenTheManagerAssigns_RecordsWhetherFullTimeFromTheRulebook()
    {
        var s = WithB1();

        var result = s.Participant("B1").AssignTechnician("tech-1", s.Rulebook, Ctx(Manager, At(2016, 3, 21)));

        Assert.True(result.IsSuccess);
        Assert.Equal("tech-1", result.Value.Aggregate.Technician);
        var e = Assert.IsType<TechnicianAssigned>(Assert.Single(result.Value.Events));
        Assert.Equal(Rules2016.Support.TechnicianFullTimeInCompany, e.FullTimeInCompany);
    }

    [Fact]
    public void AssignTechnician_WhenATechnicianAssignsThemself_IsForbidden()
    {
        var s = WithB1();

        var result = s.Participant("B1").AssignTechnician("tech-1", s.Rulebook, Ctx(Tech, At(2016, 3, 21)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }

    [Fact]
    public void RequestConsultancy_WhenTheLineCoversIt_ChargesHoursTimesTheRulebooksRate()
    {
        var s = WithB1();
        var rate = Rules2016.Support.ConsultantHourlyRate;

        var result = s.Participant("B1").RequestConsultancy(s.Edition, 2.5m, "Pricing for France", s.Rulebook, Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.True(result.IsSuccess);
        var cost = rate.Multiply(2.5m);
        Assert.Equal(cost, result.Value.Participant.Aggregate.ConsultancyCost);
        Assert.Equal(cost, result.Value.Edition.Aggregate.Budget.Consultancy.Spent);
        Assert.Equal(s.Edition.Budget.Consultancy.Allocated - cost, result.Value.Edition.Aggregate.Budget.Consultancy.Available);
    }

    [Fact]
    public void RequestConsultancy_WhenTheLineWouldGoNegative_IsInvalidAndChangesNothing()
    {
        var s = WithB1();
        var rate = Rules2016.Support.ConsultantHourlyRate;
        decimal tooMany = decimal.Floor(s.Edition.Budget.Consultancy.Available.Amount / rate.Amount) + 1m;

        var result = s.Participant("B1").RequestConsultancy(s.Edition, tooMany, "Everything", s.Rulebook, Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.Equal([ParticipationErrors.ConsultancyLineExhausted], result.Codes());
        Assert.True(s.Edition.Budget.Consultancy.Spent.IsZero);
        Assert.Equal(0m, s.Participant("B1").ConsultancyHours);
    }

    [Fact]
    public void RequestConsultancy_WhenAnotherCompanyAsks_IsForbidden()
    {
        var s = WithB1();

        var result = s.Participant("B1").RequestConsultancy(s.Edition, 1m, "Pricing", s.Rulebook, Ctx(Rep("B2"), At(2016, 6, 1)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }

    [Fact]
    public void RequestConsultancy_WhenHoursAreNotPositive_IsInvalid()
    {
        var s = WithB1();

        var result = s.Participant("B1").RequestConsultancy(s.Edition, 0m, "Pricing", s.Rulebook, Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.Equal([ParticipationErrors.InvalidHours], result.Codes());
    }

    [Fact]
    public void AnyCommand_WhenTheExpectedVersionIsStale_IsConflict()
    {
        var s = WithB1();
        var p = s.Participant("B1");

        var result = p.RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Tech, At(2016, 6, 1)).Expecting(p.Version - 1));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([CommonErrors.VersionMismatch], result.Codes());
    }

    [Fact]
    public void AnyCommand_WhenTheExpectedVersionMatches_Succeeds()
    {
        var s = WithB1();
        var p = s.Participant("B1");

        var result = p.RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Tech, At(2016, 6, 1)).Expecting(p.Version));

        Assert.True(result.IsSuccess);
        Assert.Equal(p.Version + 1, result.Value.Aggregate.Version);
    }
}
