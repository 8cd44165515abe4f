using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Rulebooks;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Participation;

/// <summary>The validation branches, boundaries and messages of the training verbs.</summary>
public class TrainingValidationTest
{
    private static readonly RuleSet Rules2016 = Rulebook.Extremadura.On(new LocalDate(2016, 1, 15)).Value;

    private static Support.Scenario WithB1()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");
        return s;
    }

    private static TrainingPill Pill(LocalDate date, string? topic = "Strategic planning", string? role = null) =>
        new(topic!, date, role ?? Rules2016.Commitment.PillAttendeeRoles[0]);

    [Fact]
    public void RecordAttendance_WhenTheSessionIsFull_SaysWhichSessionAndHowManySeats()
    {
        var s = Open();
        s.Track(Must(s.Edition.ScheduleSession(new GroupSession("SMALL", new LocalDate(2016, 5, 5), "Mérida", "Pricing", 1), Ctx(Tech, At(2016, 3, 1)))));
        s.Join("B1");
        s.Join("B2");
        s.Do("B1", p => p.RecordAttendance(s.Edition, "SMALL", Ctx(Tech, At(2016, 5, 5))));

        var result = s.Participant("B2").RecordAttendance(s.Edition, "SMALL", Ctx(Tech, At(2016, 5, 5)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("session", error.Identifier);
        Assert.Contains("'SMALL'", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("1 seats", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordAttendance_WhenTheEditionIsNotTheParticipants_IsInvalidAndNamesTheParticipant()
    {
        var s = WithB1();
        var other = Open().ScheduleSessions();

        var result = s.Participant("B1").RecordAttendance(other.Edition, "S1", Ctx(Tech, At(2016, 5, 10)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("edition", error.Identifier);
        Assert.Equal(EditionErrors.WrongEdition, error.ErrorCode);
        Assert.Contains(s.Participant("B1").Id.ToString(), error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordTutorial_WhenTheCompanyRecordsIt_SaysWhatItMayNotDo()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.Contains("may not hold a tutorial", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void RecordTutorial_WhenAnotherTechnicianThanTheAssignedOne_NamesBothTechnicians()
    {
        var s = WithB1();
        s.Do("B1", p => p.AssignTechnician(Tech.Id, s.Rulebook, Ctx(Manager, At(2016, 3, 21))));

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Tech2, At(2016, 6, 1)));

        var message = Assert.Single(result.Errors);
        Assert.Contains(Tech.Id, message, StringComparison.Ordinal);
        Assert.Contains(Tech2.Id, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void RecordTutorial_WhenTheRecordIsBlank_IsInvalidAndChangesNothing(string record)
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, record), Ctx(Tech, At(2016, 6, 1)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("tutorial.record", error.Identifier);
        Assert.Equal(CommonErrors.MissingText, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
        Assert.Empty(s.Participant("B1").Tutorials);
    }

    [Fact]
    public void RecordTrainingPill_WhenTheCompanyRecordsIt_SaysWhatItMayNotDo()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordTrainingPill(Pill(new LocalDate(2016, 5, 20)), Ctx(Rep("B1"), At(2016, 5, 20)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Contains("may not record a training pill", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void RecordTrainingPill_WhenTheDayAfterTheTrainingWindow_IsInvalidAndNamesTheDate()
    {
        var s = WithB1();
        var late = s.Participant("B1").Terms.TrainingWindow.End.PlusDays(1);

        var result = s.Participant("B1").RecordTrainingPill(Pill(late), Ctx(Tech, AtDate(late)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("pill.date", error.Identifier);
        Assert.Equal(ParticipationErrors.OutsideTrainingWindow, error.ErrorCode);
        Assert.Contains(late.ToString("yyyy-MM-dd", null), error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordTrainingPill_WhenOnTheLastDayOfTheTrainingWindow_IsRecorded()
    {
        var s = WithB1();
        var last = s.Participant("B1").Terms.TrainingWindow.End;

        var result = s.Participant("B1").RecordTrainingPill(Pill(last), Ctx(Tech, AtDate(last)));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void RecordTrainingPill_WhenTheRoleIsNotAllowed_NamesTheRole()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordTrainingPill(Pill(new LocalDate(2016, 5, 20), role: "intern"), Ctx(Tech, At(2016, 5, 20)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("pill.attendeeRole", error.Identifier);
        Assert.Contains("'intern'", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordTrainingPill_WhenTheTopicIsBlank_IsInvalid()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordTrainingPill(Pill(new LocalDate(2016, 5, 20), topic: " "), Ctx(Tech, At(2016, 5, 20)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("pill.topic", error.Identifier);
        Assert.Equal(CommonErrors.MissingText, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
    }

    [Fact]
    public void RecordTrainingPill_WhenFirstTrainingActivity_StartsTraining()
    {
        var s = Open();
        s.Join("B1");
        Assert.Equal(ParticipantStatus.Admitted, s.Participant("B1").Status);

        var result = s.Participant("B1").RecordTrainingPill(Pill(new LocalDate(2016, 5, 20)), Ctx(Tech, At(2016, 5, 20)));

        Assert.Equal(ParticipantStatus.InTraining, result.Value.Aggregate.Status);
    }

    [Fact]
    public void Apply_WhenATrainingEventFollowsAnExit_KeepsTheFinalStatus()
    {
        var s = WithB1();
        var withdrawn = s.Do("B1", p => p.Withdraw(s.Edition, "Changed strategy", Ctx(Rep("B1"), At(2016, 5, 1))));
        var late = new TutorialHeld(withdrawn.Id, new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis"), At(2016, 6, 1), Tech);

        var after = withdrawn.Apply(late);

        Assert.Equal(ParticipantStatus.Withdrawn, after.Status);
        Assert.True(after.IsFinal);
    }

    [Fact]
    public void AssignTechnician_WhenATechnicianTries_SaysWhatItMayNotDo()
    {
        var s = WithB1();

        var result = s.Participant("B1").AssignTechnician("tech-1", s.Rulebook, Ctx(Tech, At(2016, 3, 21)));

        Assert.Contains("may not assign a technician", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AssignTechnician_WhenTheIdIsBlank_IsInvalid(string technician)
    {
        var s = WithB1();

        var result = s.Participant("B1").AssignTechnician(technician, s.Rulebook, Ctx(Manager, At(2016, 3, 21)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("technician", error.Identifier);
        Assert.Equal(CommonErrors.MissingText, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
    }

    [Fact]
    public void AssignTechnician_WhenTheSameTechnicianAgain_IsConflictNamingThem()
    {
        var s = WithB1();
        s.Do("B1", p => p.AssignTechnician("tech-1", s.Rulebook, Ctx(Manager, At(2016, 3, 21))));

        var result = s.Participant("B1").AssignTechnician("tech-1", s.Rulebook, Ctx(Manager, At(2016, 3, 22)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([ParticipationErrors.TechnicianAlreadyAssigned], result.Codes());
        Assert.Contains("tech-1", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void AssignTechnician_WhenAnotherTechnicianReplacesTheFirst_RecordsTheNewOne()
    {
        var s = WithB1();
        s.Do("B1", p => p.AssignTechnician("tech-1", s.Rulebook, Ctx(Manager, At(2016, 3, 21))));

        var p = s.Do("B1", p => p.AssignTechnician("tech-2", s.Rulebook, Ctx(Manager, At(2016, 3, 22))));

        Assert.Equal("tech-2", p.Technician);
    }

    [Fact]
    public void AssignTechnician_WhenTheRulebookIsAnotherEditions_IsInvalidAndNamesTheRulebook()
    {
        var s = WithB1();

        var result = s.Participant("B1").AssignTechnician("tech-1", OtherProgramme, Ctx(Manager, At(2016, 3, 21)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("rulebook", error.Identifier);
        Assert.Equal(EditionErrors.WrongEdition, error.ErrorCode);
        Assert.Contains("'other'", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(s.Participant("B1").Technician);
    }

    [Fact]
    public void RequestConsultancy_WhenAnotherCompanyAsks_SaysWhatItMayNotDo()
    {
        var s = WithB1();

        var result = s.Participant("B1").RequestConsultancy(s.Edition, 1m, "Pricing", s.Rulebook, Ctx(Rep("B2"), At(2016, 6, 1)));

        Assert.Contains("may not request consultancy", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void RequestConsultancy_WhenTheRulebookIsAnotherEditions_IsInvalidAndChargesNothing()
    {
        var s = WithB1();

        var result = s.Participant("B1").RequestConsultancy(s.Edition, 1m, "Pricing", OtherProgramme, Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.Equal([EditionErrors.WrongEdition], result.Codes());
        Assert.Equal("rulebook", Assert.Single(result.ValidationErrors).Identifier);
        Assert.True(s.Edition.Budget.Consultancy.Spent.IsZero);
    }

    [Fact]
    public void RequestConsultancy_WhenExactlyTheMostHoursAllowed_IsJudgedOnTheLineNotOnTheHours()
    {
        var s = WithB1();

        var result = s.Participant("B1").RequestConsultancy(s.Edition, Participant.MaxConsultancyHours, "Everything", s.Rulebook, Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.Equal([ParticipationErrors.ConsultancyLineExhausted], result.Codes());
    }

    [Fact]
    public void RequestConsultancy_WhenOneHourMoreThanTheMostAllowed_IsInvalidHours()
    {
        var s = WithB1();

        var result = s.Participant("B1").RequestConsultancy(s.Edition, Participant.MaxConsultancyHours + 1m, "Everything", s.Rulebook, Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.Equal([ParticipationErrors.InvalidHours], result.Codes());
    }

    [Fact]
    public void RequestConsultancy_WhenItCostsExactlyWhatIsLeftOnTheLine_SpendsTheWholeLine()
    {
        var s = WithB1();
        var rate = Rules2016.Support.ConsultantHourlyRate;
        decimal hours = s.Edition.Budget.Consultancy.Available.Amount / rate.Amount;
        Assert.Equal(s.Edition.Budget.Consultancy.Available, rate.Multiply(hours));

        var result = s.Participant("B1").RequestConsultancy(s.Edition, hours, "Everything", s.Rulebook, Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.True(result.IsSuccess);
        Assert.True(result.Value.Edition.Aggregate.Budget.Consultancy.Available.IsZero);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void RequestConsultancy_WhenTheTopicIsBlank_IsInvalidAndChargesNothing(string topic)
    {
        var s = WithB1();

        var result = s.Participant("B1").RequestConsultancy(s.Edition, 1m, topic, s.Rulebook, Ctx(Rep("B1"), At(2016, 6, 1)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("topic", error.Identifier);
        Assert.Equal(CommonErrors.MissingText, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
        Assert.True(s.Edition.Budget.Consultancy.Spent.IsZero);
    }

    [Fact]
    public void RequestConsultancy_WhenGranted_DescribesTheSpendOnTheConsultancyLine()
    {
        var s = WithB1();

        var result = s.Participant("B1").RequestConsultancy(s.Edition, 2m, "Pricing for France", s.Rulebook, Ctx(Rep("B1"), At(2016, 6, 1)));

        var spent = Assert.IsType<FundsSpent>(Assert.Single(result.Value.Edition.Events));
        Assert.Equal(BudgetLine.Consultancy, spent.Line);
        Assert.Equal("Senior consultant: Pricing for France", spent.Description);
        Assert.Equal(s.Participant("B1").Id, spent.Participant);
    }

    [Fact]
    public void RequestConsultancy_WhenTheEditionIsNotTheParticipants_IsInvalid()
    {
        var s = WithB1();
        var other = Open();

        var result = s.Participant("B1").RequestConsultancy(other.Edition, 1m, "Pricing", s.Rulebook, Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.Equal([EditionErrors.WrongEdition], result.Codes());
        Assert.Equal("edition", Assert.Single(result.ValidationErrors).Identifier);
    }
}
