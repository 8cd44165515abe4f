using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Rulebooks;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Participation;

public class LifecycleTest
{
    private static readonly RuleSet Rules2016 = Rulebook.Extremadura.On(new LocalDate(2016, 1, 15)).Value;

    [Fact]
    public void Complete_WhenNothingIsDone_ListsEveryMissingRequirement()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");

        var result = s.Participant("B1").Complete(s.Edition, Ctx(Tech, At(2016, 12, 1)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var expected = new List<string> { ParticipationErrors.SessionsMissing, ParticipationErrors.TutorialsMissing };
        if (Rules2016.Commitment.TrainingPills > 0)
        {
            expected.Add(ParticipationErrors.PillsMissing);
        }

        expected.AddRange([ParticipationErrors.SwotNotAccepted, ParticipationErrors.RoadmapNotAccepted]);
        Assert.Equal(expected, result.Codes());
    }

    [Fact]
    public void Complete_WhenOneTutorialIsMissing_SaysSo()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");
        s.Train("B1");
        var withoutLastTutorial = Participant.Replay(s.EventsOf("B1").Where(e => e is not TutorialHeld { Tutorial.Id: "T3" }));

        var result = withoutLastTutorial.Complete(s.Edition, Ctx(Tech, At(2016, 12, 1)));

        Assert.Equal([ParticipationErrors.TutorialsMissing], result.Codes());
    }

    [Fact]
    public void Complete_WhenTheCommitmentIsMetAndBothDeliverablesAccepted_CompletesAndReleasesTheRest()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");
        s.Train("B1");

        var p = s.Do("B1", p => p.Complete(s.Edition, Ctx(Tech, At(2016, 12, 1))));

        Assert.Equal(ParticipantStatus.Completed, p.Status);
        Assert.True(p.ReservationLeft.IsZero);
        Assert.True(s.Edition.Budget.Actions.Reserved.IsZero);
        Assert.Equal(Rules2016.Promotion.CapPerCompany, s.Edition.Budget.Actions.Released);
    }

    [Fact]
    public void AnyCommand_WhenTheParticipantIsCompleted_IsConflict()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");
        s.Train("B1");
        s.Do("B1", p => p.Complete(s.Edition, Ctx(Tech, At(2016, 12, 1))));

        var result = s.Participant("B1").RecordTrainingPill(new TrainingPill("Strategy", new LocalDate(2016, 11, 1), "management"), Ctx(Tech, At(2016, 12, 2)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([ParticipationErrors.NotActive], result.Codes());
    }

    [Fact]
    public void Exclude_WhenATechnicianTries_IsForbiddenAndChangesNothing()
    {
        var s = Open();
        s.Join("B1");

        var result = s.Participant("B1").Exclude(s.Edition, "No show", Ctx(Tech, At(2016, 6, 1)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal(ParticipantStatus.Admitted, s.Participant("B1").Status);
    }

    [Fact]
    public void Exclude_WhenTheManagerExcludes_ReleasesTheReservation()
    {
        var s = Open();
        s.Join("B1");

        var p = s.Do("B1", p => p.Exclude(s.Edition, "Did not attend any session", Ctx(Manager, At(2016, 6, 1))));

        Assert.Equal(ParticipantStatus.Excluded, p.Status);
        Assert.Equal("Did not attend any session", p.ExitReason);
        Assert.True(s.Edition.Budget.Actions.Reserved.IsZero);
    }

    [Fact]
    public void Withdraw_WhenWithoutAReason_IsInvalid()
    {
        var s = Open();
        s.Join("B1");

        var result = s.Participant("B1").Withdraw(s.Edition, "", Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.Equal([CommonErrors.MissingText], result.Codes());
    }

    [Fact]
    public void Withdraw_WhenAnotherCompanyTries_IsForbidden()
    {
        var s = Open();
        s.Join("B1");

        var result = s.Participant("B1").Withdraw(s.Edition, "Not interested", Ctx(Rep("B2"), At(2016, 6, 1)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }

    [Fact]
    public void Withdraw_WhenTheParticipantBelongsToAnotherEdition_IsInvalid()
    {
        var s = Open();
        s.Join("B1");
        var other = Open();

        var result = s.Participant("B1").Withdraw(other.Edition, "Moving", Ctx(Rep("B1"), At(2016, 6, 1)));

        Assert.Equal([EditionErrors.WrongEdition], result.Codes());
    }

    [Fact]
    public void AnswerSurvey_WhenAfterCompletion_IsAccepted()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");
        s.Train("B1");
        s.Do("B1", p => p.Complete(s.Edition, Ctx(Tech, At(2016, 12, 1))));

        var result = s.Participant("B1").AnswerSurvey(new SurveyAnswer(8, default), s.Rulebook, Ctx(Rep("B1"), At(2016, 12, 10)));

        Assert.True(result.IsSuccess);
        Assert.Equal(8, result.Value.Aggregate.Survey!.Overall);
    }

    [Fact]
    public void AnswerSurvey_WhenTheParticipantHasNotCompleted_IsConflictAndRecordsNothing()
    {
        var s = Open();
        s.Join("B1");

        var result = s.Participant("B1").AnswerSurvey(new SurveyAnswer(8, default), s.Rulebook, Ctx(Rep("B1"), At(2016, 12, 10)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([TimeErrors.SurveyBeforeCompletion], result.Codes());
        Assert.Null(s.Participant("B1").Survey);
    }

    [Fact]
    public void AnswerSurvey_WhenTheParticipantIsInTraining_SaysSoInWords()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");
        s.Train("B1");

        var result = s.Participant("B1").AnswerSurvey(new SurveyAnswer(8, default), s.Rulebook, Ctx(Rep("B1"), At(2016, 12, 10)));

        Assert.Equal("PIMEX-TIME-006: extremadura-2016/B1 is in training: the satisfaction survey is answered after completing the programme.", Assert.Single(result.Errors));
    }

    [Fact]
    public void AnswerSurvey_WhenASecondAnswer_IsConflict()
    {
        var s = Support.Scenario.Completed("B1");
        s.Do("B1", p => p.AnswerSurvey(new SurveyAnswer(8, default), s.Rulebook, Ctx(Rep("B1"), At(2016, 12, 10))));

        var result = s.Participant("B1").AnswerSurvey(new SurveyAnswer(9, default), s.Rulebook, Ctx(Rep("B1"), At(2016, 12, 11)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([ParticipationErrors.SurveyAlreadyAnswered], result.Codes());
    }

    [Fact]
    public void AnswerSurvey_WhenAScoreIsOffTheRulebooksScale_IsInvalid()
    {
        var s = Support.Scenario.Completed("B1");
        var questions = default(EquatableDictionary<string, int>).SetItem("q1", Rules2016.Survey.ScaleMax + 1);

        var result = s.Participant("B1").AnswerSurvey(new SurveyAnswer(Rules2016.Survey.ScaleMin - 1, questions), s.Rulebook, Ctx(Rep("B1"), At(2016, 12, 10)));

        Assert.Equal(["overall", "questions.q1"], result.ValidationErrors.Select(e => e.Identifier));
        Assert.All(result.Codes(), c => Assert.Equal(ParticipationErrors.ScoreOutOfScale, c));
    }

    [Fact]
    public void AnswerSurvey_WhenScoresAreAtBothEndsOfTheScale_IsAccepted()
    {
        var s = Support.Scenario.Completed("B1");
        var questions = default(EquatableDictionary<string, int>).SetItem("venue", Rules2016.Survey.ScaleMax);

        var result = s.Participant("B1").AnswerSurvey(new SurveyAnswer(Rules2016.Survey.ScaleMin, questions), s.Rulebook, Ctx(Rep("B1"), At(2016, 12, 10)));

        Assert.True(result.IsSuccess, string.Join("; ", result.ValidationErrors.Select(e => e.ErrorMessage)));
        Assert.Equal(Rules2016.Survey.ScaleMin, result.Value.Aggregate.Survey!.Overall);
    }

    [Fact]
    public void AnswerSurvey_WhenSeveralQuestionsAreOffTheScale_ListsThemByName()
    {
        var s = Support.Scenario.Completed("B1");
        var questions = default(EquatableDictionary<string, int>);
        foreach (var name in new[] { "venue", "content", "trainers", "materials" })
        {
            questions = questions.SetItem(name, Rules2016.Survey.ScaleMax + 1);
        }

        var result = s.Participant("B1").AnswerSurvey(new SurveyAnswer(8, questions), s.Rulebook, Ctx(Rep("B1"), At(2016, 12, 10)));

        Assert.Equal(["questions.content", "questions.materials", "questions.trainers", "questions.venue"], result.ValidationErrors.Select(e => e.Identifier));
    }

    [Fact]
    public void Replay_WhenGivenAFullStream_RebuildsAnEqualParticipant()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");
        s.Train("B1");
        s.Do("B1", p => p.Complete(s.Edition, Ctx(Tech, At(2016, 11, 1))));
        s.Do("B1", p => p.AnswerSurvey(new SurveyAnswer(9, default), s.Rulebook, Ctx(Rep("B1"), At(2016, 11, 10))));

        var replayed = Participant.Replay(s.EventsOf("B1"));

        Assert.Equal(s.Participant("B1"), replayed);
        Assert.Equal(s.EventsOf("B1").Count, replayed.Version);
    }
}
