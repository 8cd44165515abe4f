using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Participation;
using Pimex.Rulebooks;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Participation;

/// <summary>
/// The rules of training, deliverables, completion and the survey asked one by one, without a
/// verb: each adds its error only when broken, with its code and identifier.
/// </summary>
public class ParticipationRulesTest
{
    private static readonly ReportLanguage English = ReportLanguage.English;

    private static readonly CommitmentRules Commitment = new(4, 2, TutorialVenue.CompanyPremises, 1, ["management"]);

    private static List<ValidationError> Errors(Action<List<ValidationError>> rule)
    {
        var errors = new List<ValidationError>();
        rule(errors);
        return errors;
    }

    private static IEnumerable<string> Codes(Action<List<ValidationError>> rule) => Errors(rule).Select(e => e.ErrorCode);

    [Fact]
    public void SessionHasSeat_WhenTheLastSeatIsTaken_RefusesAndWhenOneIsLeftDoesNot()
    {
        var session = new GroupSession("S1", new LocalDate(2016, 5, 10), "Mérida", "Markets", 3);

        Assert.Equal([ParticipationErrors.SessionFull], Codes(e => TrainingRules.SessionHasSeat(e, English, "S1", session, 3)));
        Assert.Empty(Errors(e => TrainingRules.SessionHasSeat(e, English, "S1", session, 2)));
    }

    [Fact]
    public void HeldByAssignedTechnician_WhenAnotherTechnicianHoldsIt_IsForbiddenButNotWhileNoneIsAssigned()
    {
        var participant = new ParticipantId(new EditionId("extremadura", 2016), new CompanyId("B1"));

        Assert.Equal([ParticipationErrors.NotTheAssignedTechnician], TrainingRules.HeldByAssignedTechnician(English, participant, Tech.Id, Tech2)!.Codes());
        Assert.Equal(ResultStatus.Forbidden, TrainingRules.HeldByAssignedTechnician(English, participant, Tech.Id, Tech2)!.Status);
        Assert.Null(TrainingRules.HeldByAssignedTechnician(English, participant, null, Tech2));
        Assert.Null(TrainingRules.HeldByAssignedTechnician(English, participant, Tech.Id, Tech));
    }

    [Fact]
    public void TutorialAtRequiredVenue_WhenTheRulebookRequiresThePremises_RefusesAnotherVenue()
    {
        var online = new Tutorial("T1", new LocalDate(2016, 5, 10), VenueKind.Online, "Export plan");

        Assert.Equal([ParticipationErrors.TutorialNotAtPremises], Codes(e => TrainingRules.TutorialAtRequiredVenue(e, English, online, Commitment)));
        Assert.Empty(Errors(e => TrainingRules.TutorialAtRequiredVenue(e, English, online, Commitment with { TutorialVenue = TutorialVenue.Any })));
    }

    [Fact]
    public void PillAttendeeAllowed_WhenTheRoleIsNotTheRulebooks_RefusesTheAttendeeRole()
    {
        var error = Assert.Single(Errors(e => TrainingRules.PillAttendeeAllowed(e, English, new TrainingPill("Strategy", new LocalDate(2016, 5, 10), "intern"), Commitment)));

        Assert.Equal(("pill.attendeeRole", ParticipationErrors.PillAttendeeRoleNotAllowed), (error.Identifier, error.ErrorCode));
    }

    [Fact]
    public void FactDated_WhenAfterTheCommandOrBeforeAdmission_RefusesWithTheTimeCodes()
    {
        var admitted = new LocalDate(2016, 3, 1);
        var today = new LocalDate(2016, 5, 10);

        Assert.Equal([TimeErrors.DatedAfterCommand], Codes(e => TrainingRules.FactDated(e, English, "pill.date", "pill", "", today.PlusDays(1), today, admitted)));
        Assert.Equal([TimeErrors.DatedBeforeDependency], Codes(e => TrainingRules.FactDated(e, English, "pill.date", "pill", "", admitted.PlusDays(-1), today, admitted)));
        Assert.Empty(Errors(e => TrainingRules.FactDated(e, English, "pill.date", "pill", "", admitted, today, admitted)));
    }

    [Fact]
    public void ConsultancyAffordable_WhenHoursAreNotPositive_RefusesTheHoursOnlyAndCostsNothing()
    {
        Assert.Equal([ParticipationErrors.InvalidHours], Codes(e => TrainingRules.ConsultancyAffordable(e, English, 0m, Eur(60m), Eur(0m))));
    }

    [Fact]
    public void ConsultancyAffordable_WhenTheCostExceedsTheLine_RefusesAndWhenItEqualsTheLineDoesNot()
    {
        Assert.Equal([ParticipationErrors.ConsultancyLineExhausted], Codes(e => TrainingRules.ConsultancyAffordable(e, English, 10m, Eur(60m), Eur(599.99m))));
        Assert.Empty(Errors(e => TrainingRules.ConsultancyAffordable(e, English, 10m, Eur(60m), Eur(600m))));
    }

    [Fact]
    public void SwotComplete_WhenTwoQuadrantsAreEmptyOrBlank_RefusesEachByName()
    {
        var swot = new Swot(["Quality"], [], ["Portugal"], [" "]);

        Assert.Equal(["swot.weaknesses", "swot.threats"], Errors(e => DeliverableRules.SwotComplete(e, English, swot)).Select(e => e.Identifier));
    }

    [Fact]
    public void RoadmapComplete_WhenAnActionAimsElsewhereAndAfterTheHorizon_RefusesBothAtItsIndex()
    {
        var horizon = new DateInterval(new LocalDate(2017, 1, 1), new LocalDate(2018, 12, 31));
        var roadmap = new Roadmap(horizon, ["PT"], ["Export"], [new RoadmapAction("Fair", "FR", new LocalDate(2019, 1, 1))], ["Sales"]);

        Assert.Equal(["actions[0].due", "actions[0].market"], Errors(e => DeliverableRules.RoadmapComplete(e, English, roadmap)).Select(e => e.Identifier));
        Assert.Empty(Errors(e => DeliverableRules.RoadmapComplete(e, English, roadmap with { Actions = [new RoadmapAction("Fair", "PT", horizon.End)] })));
    }

    [Theory]
    [InlineData(ReviewStatus.NotSubmitted, 1)]
    [InlineData(ReviewStatus.Submitted, 1)]
    [InlineData(ReviewStatus.Returned, 1)]
    [InlineData(ReviewStatus.Accepted, 0)]
    public void RoadmapAfterSwot_WhenTheSwotIs_RefusesUnlessAccepted(ReviewStatus swot, int errors)
    {
        Assert.Equal(errors, Errors(e => DeliverableRules.RoadmapAfterSwot(e, English, swot)).Count);
    }

    [Fact]
    public void ReturnCommented_WhenReturnedWithoutAComment_IsRefusedButAnAcceptanceNeedsNone()
    {
        Assert.Equal([CommonErrors.MissingText], Codes(e => DeliverableRules.ReturnCommented(e, English, accept: false, comment: "")));
        Assert.Empty(Errors(e => DeliverableRules.ReturnCommented(e, English, accept: true, comment: null)));
    }

    [Fact]
    public void CompletionRules_WhenOneShortOfEachCommitment_ListEveryMissingCountInOrder()
    {
        Assert.Equal([ParticipationErrors.SessionsMissing], Codes(e => CompletionRules.SessionsAttended(e, English, 3, Commitment)));
        Assert.Equal([ParticipationErrors.TutorialsMissing], Codes(e => CompletionRules.TutorialsHeld(e, English, 1, Commitment)));
        Assert.Equal([ParticipationErrors.PillsMissing], Codes(e => CompletionRules.PillsAttended(e, English, 0, Commitment)));
        Assert.Empty(Errors(e =>
        {
            CompletionRules.SessionsAttended(e, English, 4, Commitment);
            CompletionRules.TutorialsHeld(e, English, 2, Commitment);
            CompletionRules.PillsAttended(e, English, 1, Commitment);
            CompletionRules.SwotAccepted(e, English, ReviewStatus.Accepted);
            CompletionRules.RoadmapAccepted(e, English, ReviewStatus.Accepted);
        }));
    }

    [Fact]
    public void Missing_WhenAParticipantIsJustAdmitted_IsWhatMissingForCompletionSays()
    {
        var s = Open();
        var participant = s.Join("B1");

        var missing = Errors(e => CompletionRules.Missing(e, English, participant));

        Assert.Equal(ParticipationErrors.SessionsMissing, missing[0].ErrorCode);
        Assert.Equal([ParticipationErrors.SwotNotAccepted, ParticipationErrors.RoadmapNotAccepted], missing.TakeLast(2).Select(e => e.ErrorCode));
        Assert.Equal(participant.MissingForCompletion().Select(e => (e.Identifier, e.ErrorCode, e.ErrorMessage)), missing.Select(e => (e.Identifier, e.ErrorCode, e.ErrorMessage)));
    }

    [Fact]
    public void ScoresInScale_WhenTheOverallAndAQuestionAreOutside_RefusesBothOverallFirst()
    {
        var answer = new SurveyAnswer(0, new EquatableDictionary<string, int>([new("b", 3), new("a", 6)]));

        var errors = Errors(e => SurveyAnswerRules.ScoresInScale(e, English, answer, new SurveyRules(1, 5)));

        Assert.Equal(["overall", "questions.a"], errors.Select(e => e.Identifier));
        Assert.All(errors, e => Assert.Equal(ParticipationErrors.ScoreOutOfScale, e.ErrorCode));
    }
}
