using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.Tests.Support;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Evaluation;

/// <summary>Example tests of the edition report, with expectations computed by hand.</summary>
public partial class EditionReportTest
{
    private static readonly Rulebook Extremadura = Rulebook.Extremadura;

    /// <summary>
    /// Four participants of the 2016 annuity, three sessions scheduled:
    /// A completes at the cap with 4 hours of consultancy; B completes with EUR 1,000.50;
    /// C withdraws (SWOT returned); D is still in training. EUR 1,200 spent on training.
    /// </summary>
    internal static (Edition Edition, Participant[] Participants) SmallEdition()
    {
        var b = For2016().Sessions(3).Spend(BudgetLine.Training, 1200m);
        b.Admit("B0000001").Attend(3).Tutorials(3).Swot().Roadmap().Grant(2500m).Consult(4m).Answer(9, ("training", 8)).Complete();
        b.Admit("B0000002").Attend(3).Tutorials(3).Swot().Roadmap().Grant(1000.50m).Answer(8, ("training", 10)).Complete();
        b.Admit("B0000003").Attend(2).Tutorials(1).Swot(accepted: false).Answer(6).Withdraw();
        b.Admit("B0000004").Attend(1);
        return b.Build();
    }

    private static EditionReport SmallReport()
    {
        var (edition, participants) = SmallEdition();
        return EditionReport.Create(edition, participants, Extremadura).Ok();
    }

    [Fact]
    public void Create_WhenSmallEdition_CountsParticipantsByStatus()
    {
        var report = SmallReport();

        Assert.Equal(new ParticipantCounts(30, 4, 1, 2, 1, 0, Rate.FromFraction(0.5m)), report.Participants);
    }

    [Fact]
    public void Create_WhenSmallEdition_MeasuresAttendanceAndTutorialsAgainstTheCommitment()
    {
        var t = SmallReport().Training;

        Assert.Equal(3, t.GroupSessionsScheduled);
        Assert.Equal(12, t.GroupSessionsCommitted);
        Assert.Equal(9, t.GroupSessionsAttended);
        Assert.Equal(Rate.FromFraction(0.75m), t.AttendanceRate);
        Assert.Equal(12, t.TutorialsCommitted);
        Assert.Equal(7, t.TutorialsHeld);
        Assert.Equal(Rate.Ratio(7, 12), t.TutorialRate);
        Assert.Equal(0, t.TrainingPillsAttended);
        Assert.Equal(4m, t.ConsultancyHours);
    }

    [Fact]
    public void Create_WhenParticipantAttendsMoreThanItsCommitment_RateCountsOnlyTheCommitment()
    {
        var b = For2016().Sessions(5);
        b.Admit("B0000001").Attend(5).Tutorials(4);
        b.Admit("B0000002").Attend(1);
        var (edition, participants) = b.Build();

        var t = EditionReport.Create(edition, participants, Extremadura).Ok().Training;

        Assert.Equal(6, t.GroupSessionsAttended);
        Assert.Equal(Rate.Ratio(4, 6), t.AttendanceRate);
        Assert.Equal(4, t.TutorialsHeld);
        Assert.Equal(Rate.FromFraction(0.5m), t.TutorialRate);
    }

    [Fact]
    public void Create_WhenSmallEdition_CountsDeliverables()
    {
        var d = SmallReport().Deliverables;

        Assert.Equal(new DeliverableFigures(3, 2, Rate.FromFraction(0.5m), 2, 2, Rate.FromFraction(0.5m)), d);
    }

    [Fact]
    public void Create_WhenSmallEdition_ReportsEachBudgetLineAsTheLedgerHoldsIt()
    {
        var lines = SmallReport().Budget.Lines;

        Assert.Equal([BudgetLine.Actions, BudgetLine.Training, BudgetLine.Consultancy], lines.Select(l => l.Line));
        var actions = lines[0];
        Assert.Equal(Eur(75_000m), actions.Allocated);
        Assert.Equal(Eur(2_500m), actions.Reserved);
        Assert.Equal(Eur(3_500.50m), actions.Spent);
        Assert.Equal(Eur(3_999.50m), actions.Released);
        Assert.Equal(Eur(68_999.50m), actions.Available);
        Assert.Equal(Rate.Ratio(3_500.50m, 75_000m), actions.ExecutionRate);
        var training = lines[1];
        Assert.Equal((Eur(5_000m), Eur(0m), Eur(1_200m), Eur(3_800m)), (training.Allocated, training.Reserved, training.Spent, training.Available));
        Assert.Equal(Rate.FromPercent(24m), training.ExecutionRate);
        var consultancy = lines[2];
        Assert.Equal((Eur(8_280m), Eur(276m), Eur(8_004m)), (consultancy.Allocated, consultancy.Spent, consultancy.Available));
    }

    [Fact]
    public void Create_WhenSmallEdition_AddsUpTheLines()
    {
        var total = SmallReport().Budget.Total;

        Assert.Equal(Eur(88_280m), total.Allocated);
        Assert.Equal(Eur(2_500m), total.Reserved);
        Assert.Equal(Eur(4_976.50m), total.Spent);
        Assert.Equal(Eur(3_999.50m), total.Released);
        Assert.Equal(Eur(80_803.50m), total.Available);
        Assert.Equal(Rate.Ratio(4_976.50m, 88_280m), total.ExecutionRate);
    }

    [Fact]
    public void Create_WhenSmallEdition_SplitsEachLineSpendBetweenItsFunds()
    {
        var budget = SmallReport().Budget;

        // 2016 rates (from 2014): ERDF 80 % of actions and consultancy, ESF 80 % of training, the region 20 %.
        Assert.Equal(
            [new FundAmount("ERDF", Rate.FromPercent(80), Eur(2_800.40m)), new FundAmount("Regional", Rate.FromPercent(20), Eur(700.10m))],
            budget.Lines[0].Funding);
        Assert.Equal(
            [new FundAmount("ESF", Rate.FromPercent(80), Eur(960m)), new FundAmount("Regional", Rate.FromPercent(20), Eur(240m))],
            budget.Lines[1].Funding);
        Assert.Equal(
            [new FundAmount("ERDF", Rate.FromPercent(80), Eur(220.80m)), new FundAmount("Regional", Rate.FromPercent(20), Eur(55.20m))],
            budget.Lines[2].Funding);
        Assert.Equal(
            [new FundTotal("ERDF", Eur(3_021.20m)), new FundTotal("Regional", Eur(995.30m)), new FundTotal("ESF", Eur(960m))],
            budget.Funds);
    }

    [Fact]
    public void Create_WhenSmallEdition_SummarisesPromotionSupport()
    {
        var report = SmallReport();

        // Mean: 3,500.50 / 4 = 875.125, rounded half away from zero.
        Assert.Equal(new SupportFigures(Eur(2_500m), Eur(3_500.50m), Eur(875.13m), Eur(2_500m), 2, 1), report.Support);
    }

    [Fact]
    public void Create_WhenSmallEdition_CostPerCompletedIsTotalSpendOverCompleted()
    {
        Assert.Equal(Eur(2_488.25m), SmallReport().CostPerCompletedParticipant);
    }

    [Fact]
    public void Create_WhenSmallEdition_SummarisesSatisfaction()
    {
        var s = SmallReport().Satisfaction;

        Assert.Equal((0, 10, 3), (s.ScaleMin, s.ScaleMax, s.Responses));
        Assert.Equal(Rate.FromFraction(0.75m), s.ResponseRate);
        Assert.Equal(7.67m, s.Mean);
        Assert.Equal(8m, s.Median);
        Assert.Equal(11, s.Distribution.Count);
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0], s.Distribution.Select(d => d.Count));
        Assert.Equal(Enumerable.Range(0, 11), s.Distribution.Select(d => d.Score));
        Assert.Equal([new QuestionFigures("training", 2, 9m)], s.Questions);
    }

    [Theory]
    [InlineData(new[] { 7, 8 }, 7.5)]
    [InlineData(new[] { 10, 6, 9, 7 }, 8)]
    [InlineData(new[] { 3 }, 3)]
    [InlineData(new[] { 0, 10, 10 }, 10)]
    [InlineData(new[] { 5, 5, 6, 9, 9, 9 }, 7.5)]
    public void Create_WhenScoresGiven_MedianIsTheMiddleScoreOrTheMeanOfTheTwoMiddleOnes(int[] scores, double median)
    {
        var b = For2016();
        for (int i = 0; i < scores.Length; i++)
        {
            b.Admit($"B{i:D7}").Answer(scores[i]);
        }

        var (edition, participants) = b.Build();

        Assert.Equal((decimal)median, EditionReport.Create(edition, participants, Extremadura).Ok().Satisfaction.Median);
    }

    [Fact]
    public void Create_WhenNoParticipant_RatesAreZeroAndAveragesAbsent()
    {
        var (edition, participants) = For2016().Build();

        var report = EditionReport.Create(edition, participants, Extremadura).Ok();

        Assert.Equal(new ParticipantCounts(30, 0, 0, 0, 0, 0, Rate.Zero), report.Participants);
        Assert.Equal(Rate.Zero, report.Training.AttendanceRate);
        Assert.Equal(new SupportFigures(Eur(2_500m), Eur(0m), Eur(0m), Eur(0m), 0, 0), report.Support);
        Assert.Null(report.CostPerCompletedParticipant);
        Assert.Null(report.Satisfaction.Mean);
        Assert.Null(report.Satisfaction.Median);
        Assert.Equal(Rate.Zero, report.Satisfaction.ResponseRate);
        Assert.All(report.Satisfaction.Distribution, d => Assert.Equal(0, d.Count));
        Assert.All(report.Budget.Funds, f => Assert.Equal(Eur(0m), f.Amount));
    }

    [Fact]
    public void Create_WhenSupportStoppedAtTheCap_CountsTheParticipantAtTheCap()
    {
        var b = For2016();
        b.Admit("B0000001").Grant(2000m).Grant(Eur(900m), Eur(500m));
        b.Admit("B0000002").Grant(2499.99m);
        var (edition, participants) = b.Build();

        var support = EditionReport.Create(edition, participants, Extremadura).Ok().Support;

        Assert.Equal(1, support.ReachedCap);
        Assert.Equal(2, support.Supported);
        Assert.Equal(Eur(4_999.99m), support.Total);
    }

    [Fact]
    public void Create_WhenParticipantsInAnotherOrder_GivesTheSameReport()
    {
        var (edition, participants) = SmallEdition();

        var reversed = EditionReport.Create(edition, participants.Reverse(), Extremadura).Ok();

        Assert.Equal(EditionReport.Create(edition, participants, Extremadura).Ok(), reversed);
    }

    [Fact]
    public void Create_WhenSameInputs_ReportsAreEqualValues()
    {
        Assert.Equal(SmallReport(), SmallReport());
        Assert.Equal(SmallReport().GetHashCode(), SmallReport().GetHashCode());
    }

    [Fact]
    public void Create_When2016EditionRunsAsTheSeedDescribes_ReachesThe2016Figures()
    {
        var annuity = Annuity2016;
        var rules = Extremadura.On(annuity.Applications.Start).Value;
        var cap = rules.Promotion.CapPerCompany;
        var hours = annuity.Budget.Consultancy.Amount / annuity.Capacity / rules.Support.ConsultantHourlyRate.Amount;
        var b = For2016().Sessions(rules.Commitment.GroupSessions).Spend(BudgetLine.Training, annuity.Budget.Training.Amount);
        for (int i = 0; i < annuity.Capacity; i++)
        {
            b.Admit($"B06{i:D6}")
                .Attend(rules.Commitment.GroupSessions)
                .Tutorials(rules.Commitment.Tutorials)
                .Swot()
                .Roadmap()
                .Grant(cap.Amount)
                .Consult(hours)
                .Answer(7 + (i % 3))
                .Complete();
        }

        var (edition, participants) = b.Build();

        var report = EditionReport.Create(edition, participants, Extremadura).Ok();

        Assert.Equal(30, annuity.Capacity);
        Assert.Equal(4m, hours);
        Assert.Equal(new ParticipantCounts(30, 30, 0, 30, 0, 0, Rate.One), report.Participants);
        Assert.Equal(Rate.One, report.Training.AttendanceRate);
        Assert.Equal(Rate.One, report.Training.TutorialRate);
        Assert.Equal(Rate.One, report.Deliverables.SwotCompletionRate);
        Assert.Equal(Rate.One, report.Deliverables.RoadmapCompletionRate);
        Assert.Equal(annuity.Budget.Actions, report.Budget.Lines[0].Spent);
        Assert.Equal(Eur(75_000m), report.Budget.Lines[0].Spent);
        Assert.Equal(Eur(5_000m), report.Budget.Lines[1].Spent);
        Assert.Equal(Eur(8_280m), report.Budget.Lines[2].Spent);
        Assert.Equal(Eur(88_280m), report.Budget.Total.Spent);
        Assert.Equal(Eur(0m), report.Budget.Total.Available);
        Assert.Equal(Eur(0m), report.Budget.Total.Reserved);
        Assert.All(report.Budget.Lines, l => Assert.Equal(Rate.One, l.ExecutionRate));
        Assert.Equal(Rate.One, report.Budget.Total.ExecutionRate);
        Assert.Equal(
            [new FundTotal("ERDF", Eur(66_624m)), new FundTotal("Regional", Eur(17_656m)), new FundTotal("ESF", Eur(4_000m))],
            report.Budget.Funds);
        Assert.Equal(new SupportFigures(cap, Eur(75_000m), cap, cap, 30, 30), report.Support);
        Assert.Equal(Eur(2_942.67m), report.CostPerCompletedParticipant);
        Assert.Equal(8m, report.Satisfaction.Mean);
        Assert.Equal(8m, report.Satisfaction.Median);
        Assert.Equal(Rate.One, report.Satisfaction.ResponseRate);
    }

    [Fact]
    public void Create_When10000Participants_CountsEveryOne()
    {
        var b = Sized(10_000).Sessions(3);
        for (int i = 0; i < 10_000; i++)
        {
            var p = b.Admit($"C{i:D7}").Attend(i % 4).Tutorials(3).Grant(100m + (i % 7)).Answer(i % 11);
            _ = (i % 5) switch
            {
                0 => p.Withdraw(),
                1 or 2 => p.Complete(),
                _ => p,
            };
        }

        var (edition, participants) = b.Build();

        var report = EditionReport.Create(edition, participants, Extremadura).Ok();

        Assert.Equal(new ParticipantCounts(10_000, 10_000, 4_000, 4_000, 2_000, 0, Rate.FromFraction(0.4m)), report.Participants);
        Assert.Equal(participants.Aggregate(Eur(0m), (sum, p) => sum + p.SupportGranted), report.Support.Total);
        Assert.Equal(edition.Budget.Actions.Spent, report.Support.Total);
        Assert.Equal(10_000, report.Satisfaction.Responses);
        Assert.Equal(5m, report.Satisfaction.Median);
        Assert.All(report.Satisfaction.Distribution, d => Assert.InRange(d.Count, 909, 910));
    }
}
