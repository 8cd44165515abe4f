using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.Tests.Support;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Evaluation;

/// <summary>Example tests of <see cref="EditionTally"/> and <see cref="ParticipantTally"/>.</summary>
public class EditionTallyTest
{
    private static readonly Rulebook Extremadura = Rulebook.Extremadura;

    /// <summary>The small edition of <see cref="EditionReportTest"/>, its streams kept.</summary>
    private static EditionBuilder SmallEdition()
    {
        var b = For2016().Sessions(3).Spend(BudgetLine.Training, 1200m);
        b.Admit("B0000001").Attend(3).Tutorials(3).Swot().Roadmap().Grant(2500m).Consult(4m).Answer(9, ("training", 8)).Complete();
        b.Admit("B0000002").Attend(3).Tutorials(3).Swot().Roadmap().Grant(1000.50m).Answer(8, ("training", 10)).Complete();
        b.Admit("B0000003").Attend(2).Tutorials(1).Swot(accepted: false).Answer(6).Withdraw();
        b.Admit("B0000004").Attend(1);
        return b;
    }

    private static EditionTally TallyOf(EditionBuilder b) =>
        b.Participants.Aggregate(EditionTallyLaws.Replay(b.Events), (tally, p) => tally.Apply(null, EditionTallyLaws.Replay(p.Events)));

    [Fact]
    public void ToReport_WhenSmallEdition_EqualsTheReport()
    {
        var b = SmallEdition();
        var (edition, participants) = b.Build();

        var report = TallyOf(b).ToReport(Extremadura).Ok();

        Assert.Equal(EditionReport.Create(edition, participants, Extremadura).Ok(), report);
        Assert.Equal(new ParticipantCounts(30, 4, 1, 2, 1, 0, Rate.FromFraction(0.5m)), report.Participants);
        Assert.Equal(Money.Of(3500.50m, Currency.EUR), report.Support.Total);
        Assert.Equal(8m, report.Satisfaction.Median);
    }

    [Fact]
    public void ToReport_WhenNobodyWasAdmitted_EqualsTheEmptyReport()
    {
        var b = For2016().Sessions(2);

        var report = EditionTallyLaws.Replay(b.Events).ToReport(Extremadura).Ok();

        Assert.Equal(EditionReport.Create(b.BuildEdition(), [], Extremadura).Ok(), report);
        Assert.Null(report.CostPerCompletedParticipant);
        Assert.Null(report.Satisfaction.Median);
    }

    [Fact]
    public void Apply_WhenATechnicianIsAssigned_CountsNonFinancialSupportOnce()
    {
        var b = For2016();
        var p = b.Admit("B0000001");
        p.Record(new TechnicianAssigned(p.Id, "tech-1", false, At, Manager));
        var before = TallyOf(b);
        p.Attend(0).Pills(1);

        var after = TallyOf(b);

        Assert.Equal(1, before.NonFinancial);
        Assert.Equal(1, after.NonFinancial);
        Assert.Equal(EditionReport.Create(b.BuildEdition(), [p.Build()], Extremadura).Ok(), after.ToReport(Extremadura).Ok());
    }

    [Fact]
    public void Apply_WhenAParticipantGoesFromActiveToCompleted_MovesItBetweenTheCounts()
    {
        var b = For2016().Sessions(1);
        var p = b.Admit("B0000001").Attend(1);
        var edition = TallyOf(b);
        var before = EditionTallyLaws.Replay(p.Events);

        var after = before.Apply(new ParticipationCompleted(p.Id, p.ReservationLeft, At, Technician));
        var moved = edition.Apply(before, after);

        Assert.Equal((1, 1, 0), (edition.Admitted, edition.Active, edition.Completed));
        Assert.Equal((1, 0, 1), (moved.Admitted, moved.Active, moved.Completed));
        Assert.Equal(ParticipantStatus.InTraining, before.Status);
        Assert.Equal(ParticipantStatus.Completed, after.Status);
    }

    [Fact]
    public void ToReport_WhenAParticipantsStreamWasNotApplied_IsRefusedAsNotWhole()
    {
        var b = For2016();
        b.Admit("B0000001");
        var editionOnly = EditionTallyLaws.Replay(b.Events);

        Assert.False(editionOnly.IsWhole);
        var error = editionOnly.ToReport(Extremadura).AssertSingleError("participants", EvaluationErrors.ParticipantsNotTheEditions);
        Assert.Equal("0 participants were counted, but extremadura-2016 admitted 1: apply every participant's stream first.", error.ErrorMessage);
    }

    [Fact]
    public void ToReport_WhenAnOverallScoreIsOutsideTheScale_IsInvalid()
    {
        var b = For2016();
        b.Admit("B0000001").Answer(11);

        var error = TallyOf(b).ToReport(Extremadura).AssertSingleError("participants", EvaluationErrors.ScoreOutsideScale);

        Assert.Equal("extremadura-2016: an overall score of 11 lies outside the survey scale 0 to 10.", error.ErrorMessage);
    }

    [Fact]
    public void ToReport_WhenAnotherRulebook_IsRefused()
    {
        var tally = EditionTallyLaws.Replay(For2016().Events);
        var other = Rulebook.Load(Reliability.ModelRulebooks.TightJson, Extremadura).Value;

        tally.ToReport(other).AssertSingleError("rulebook", Pimex.Editions.EditionErrors.WrongEdition);
    }

    [Fact]
    public void Apply_WhenAnEventOfAnotherEdition_IsRefused()
    {
        var tally = EditionTallyLaws.Replay(For2016().Events);
        var other = Sized(10).Sessions(1).Events[1];

        Assert.Throws<ArgumentException>(() => tally.Apply(other));
        Assert.Throws<InvalidOperationException>(() => tally.Apply((EditionOpened)For2016().Events[0]));
    }

    [Fact]
    public void Apply_WhenSupportGrantedGoesDown_IsRefused()
    {
        var b = For2016();
        var p = b.Admit("B0000001").Grant(100m);
        var tally = TallyOf(b);
        var granted = EditionTallyLaws.Replay(p.Events);
        var less = granted with { SupportGranted = Money.Zero(Currency.EUR) };

        Assert.Throws<ArgumentException>(() => tally.Apply(granted, less));
    }

    [Fact]
    public void Apply_WhenAParticipantOfAnotherEdition_IsRefused()
    {
        var tally = EditionTallyLaws.Replay(For2016().Events);
        var stranger = Sized(10).Admit("B0000001");

        Assert.Throws<ArgumentException>(() => tally.Apply(null, EditionTallyLaws.Replay(stranger.Events)));
    }

    [Fact]
    public void ParticipantTallyApply_WhenClaimVerified_AddsTheGrantedSupportOnly()
    {
        var b = For2016();
        var p = b.Admit("B0000001");
        var start = EditionTallyLaws.Replay(p.Events);
        var decision = new SupportDecision(Money.Of(900m, Currency.EUR), Money.Of(700m, Currency.EUR), Money.Of(200m, Currency.EUR), NotSupportedReasons.Cap);

        var after = start.Apply(new ClaimVerified(p.Id, "C1", ClaimVerdict.ApprovedInFull, decision, null, new NodaTime.LocalDate(2016, 6, 1), At, Technician));

        Assert.Equal(Money.Of(700m, Currency.EUR), after.SupportGranted);
        Assert.False(after.ReachedCap);
    }

    [Fact]
    public void Apply_WhenAScoreFallsBackToZeroAnswers_LeavesNoTraceInTheSums()
    {
        var b = For2016();
        var p = b.Admit("B0000001").Answer(7, ("usefulness", 0));
        var empty = EditionTallyLaws.Replay(b.Events);
        var answered = EditionTallyLaws.Replay(p.Events);
        var unanswered = answered with { Survey = null };

        var back = empty.Apply(null, unanswered);
        var through = empty.Apply(null, answered).Apply(answered, unanswered);

        Assert.Equal(back, through);
        Assert.Empty(through.Scores);
        Assert.Empty(through.QuestionCounts);
    }
}
