using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.Tests.Support;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Participation;

/// <summary>Exits, the survey and the completion requirements: branches, paths and messages.</summary>
public class LifecycleValidationTest
{
    private static Support.Scenario WithB1(Rulebook? rulebook = null)
    {
        var s = Open(rulebook);
        s.Join("B1");
        return s;
    }

    [Fact]
    public void MissingForCompletion_WhenTheRulebookAsksForTwoPillsAndOneWasAttended_CountsThem()
    {
        var twoPills = Rulebook.Load(RulebookJsonEdits.Partner(p => p.Override("commitment.trainingPills", 2).WithExtremadura2016()), Rulebook.Extremadura).Value;
        var s = WithB1(twoPills);
        var role = twoPills.On(new LocalDate(2016, 1, 15)).Value.Commitment.PillAttendeeRoles[0];
        s.Do("B1", p => p.RecordTrainingPill(new TrainingPill("Strategic planning", new LocalDate(2016, 5, 20), role), Ctx(Tech, At(2016, 5, 20))));

        var missing = s.Participant("B1").MissingForCompletion();

        var pills = Assert.Single(missing, e => e.ErrorCode == ParticipationErrors.PillsMissing);
        Assert.Equal("trainingPills", pills.Identifier);
        Assert.Contains("1 of 2", pills.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdraw_WhenAnotherCompanyTries_SaysWhatItMayNotDo()
    {
        var s = WithB1();

        var result = s.Participant("B1").Withdraw(s.Edition, "Moving", Ctx(Rep("B2"), At(2016, 6, 1)));

        Assert.Contains("may not withdraw", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Withdraw_WhenTheReasonIsBlank_PointsAtTheReason()
    {
        var s = WithB1();

        var result = s.Participant("B1").Withdraw(s.Edition, " ", Ctx(Rep("B1"), At(2016, 6, 1)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("reason", error.Identifier);
        Assert.Equal(CommonErrors.MissingText, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
    }

    [Fact]
    public void Exclude_WhenATechnicianTries_SaysWhatItMayNotDo()
    {
        var s = WithB1();

        var result = s.Participant("B1").Exclude(s.Edition, "No-show", Ctx(Tech, At(2016, 6, 1)));

        Assert.Contains("may not be excluded by this actor", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Exclude_WhenTheManagerExcludes_LeavesNoReservationOnTheParticipant()
    {
        var s = WithB1();
        Assert.True(s.Participant("B1").ReservationLeft.IsPositive);

        var p = s.Do("B1", p => p.Exclude(s.Edition, "No-show at every session", Ctx(Manager, At(2016, 6, 1))));

        Assert.True(p.ReservationLeft.IsZero);
        Assert.Equal(ParticipantStatus.Excluded, p.Status);
        Assert.Equal("No-show at every session", p.ExitReason);
        Assert.True(s.Edition.ReservationOf(p.Id).IsZero);
        Assert.Equal(p, Participant.Replay(s.EventsOf("B1")));
    }

    [Fact]
    public void AnswerSurvey_WhenTechnicalStaffAnswer_SaysWhatTheyMayNotDo()
    {
        var s = WithB1();

        var result = s.Participant("B1").AnswerSurvey(new SurveyAnswer(8, default), s.Rulebook, Ctx(Tech, At(2016, 12, 1)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Contains("may not answer the survey", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void AnswerSurvey_WhenASecondAnswer_SaysTheParticipantAlreadyAnswered()
    {
        var s = Support.Scenario.Completed("B1");
        s.Do("B1", p => p.AnswerSurvey(new SurveyAnswer(8, default), s.Rulebook, Ctx(Rep("B1"), At(2016, 12, 1))));

        var result = s.Participant("B1").AnswerSurvey(new SurveyAnswer(9, default), s.Rulebook, Ctx(Rep("B1"), At(2016, 12, 2)));

        Assert.Contains(s.Participant("B1").Id.ToString(), Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void AnswerSurvey_WhenTheRulebookIsAnotherEditions_IsInvalidAndRecordsNothing()
    {
        var s = Support.Scenario.Completed("B1");

        var result = s.Participant("B1").AnswerSurvey(new SurveyAnswer(8, default), OtherProgramme, Ctx(Rep("B1"), At(2016, 12, 1)));

        Assert.Equal([EditionErrors.WrongEdition], result.Codes());
        Assert.Null(s.Participant("B1").Survey);
    }

    [Fact]
    public void AnswerSurvey_WhenTheScoreIsOffTheScale_NamesTheScoreAndTheScale()
    {
        var s = Support.Scenario.Completed("B1");
        var scale = s.Rulebook.On(new LocalDate(2016, 1, 15)).Value.Survey;
        int tooHigh = scale.ScaleMax + 1;

        var result = s.Participant("B1").AnswerSurvey(new SurveyAnswer(tooHigh, default), s.Rulebook, Ctx(Rep("B1"), At(2016, 12, 1)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("overall", error.Identifier);
        Assert.Contains(tooHigh.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(scale.ScaleMax.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_WhenTheStreamIsEmpty_ThrowsSayingItIsAParticipantsStream()
    {
        var ex = Assert.Throws<ArgumentException>(() => Participant.Replay([]));

        Assert.Equal("events", ex.ParamName);
        Assert.Contains("participant", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
