using FsCheck.Xunit;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Evaluation;

/// <summary>The laws of the edition report over generated editions of the 2016 annuity.</summary>
[Properties(Arbitrary = new[] { typeof(EvaluationArbitraries) })]
public class EditionReportLaws
{
    private static readonly Money Zero = Money.Zero(Currency.EUR);

    [Property]
    public void ReportTotalsEqualTheLedger(EditionSpec spec)
    {
        var (edition, participants) = spec.Build();

        var report = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok();

        var ledger = edition.Budget;
        Assert.Equal(3, report.Budget.Lines.Count);
        foreach (var line in report.Budget.Lines)
        {
            var balance = ledger[line.Line];
            Assert.Equal(
                (balance.Allocated, balance.Reserved, balance.Spent, balance.Released, balance.Available, balance.ExecutionRate),
                (line.Allocated, line.Reserved, line.Spent, line.Released, line.Available, line.ExecutionRate));
        }

        var total = report.Budget.Total;
        Assert.Equal(ledger.TotalAllocated, total.Allocated);
        Assert.Equal(ledger.TotalSpent, total.Spent);
        Assert.Equal(ledger.Actions.Reserved + ledger.Training.Reserved + ledger.Consultancy.Reserved, total.Reserved);
        Assert.Equal(total.Allocated, total.Reserved + total.Spent + total.Available);
    }

    [Property]
    public void SupportTotalEqualsTheParticipantsSupportGranted(EditionSpec spec)
    {
        var (edition, participants) = spec.Build();

        var support = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().Support;

        var granted = participants.Aggregate(Zero, (sum, p) => sum + p.SupportGranted);
        Assert.Equal(granted, support.Total);
        Assert.Equal(edition.Budget.Actions.Spent, support.Total);
        Assert.Equal(participants.Aggregate(Zero, (max, p) => Money.Max(max, p.SupportGranted)), support.Max);
        Assert.Equal(participants.Count(p => p.ReachedCap), support.ReachedCap);
        Assert.True(support.Max <= support.CapPerCompany);
    }

    [Property]
    public void EveryRateLiesBetweenZeroAndOne(EditionSpec spec)
    {
        var (edition, participants) = spec.Build();

        var report = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok();

        var rates = new List<Rate>
        {
            report.Participants.CompletionRate,
            report.Training.AttendanceRate,
            report.Training.TutorialRate,
            report.Deliverables.SwotCompletionRate,
            report.Deliverables.RoadmapCompletionRate,
            report.Budget.Total.ExecutionRate,
            report.Satisfaction.ResponseRate,
        };
        foreach (var line in report.Budget.Lines)
        {
            rates.Add(line.ExecutionRate);
            rates.AddRange(line.Funding.Select(f => f.Rate));
        }

        Assert.All(rates, r => Assert.InRange(r.Fraction, 0m, 1m));
    }

    [Property]
    public void FundingBreakdownAddsUpToTheSpend(EditionSpec spec)
    {
        var (edition, participants) = spec.Build();

        var budget = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().Budget;

        foreach (var line in budget.Lines)
        {
            Assert.Equal(line.Spent, line.Funding.Aggregate(Zero, (sum, f) => sum + f.Amount));
        }

        Assert.Equal(budget.Total.Spent, budget.Funds.Aggregate(Zero, (sum, f) => sum + f.Amount));
    }

    [Property]
    public void SplittingASpendBetweenFundsLosesNoCent(FundingCase funding)
    {
        var spent = Money.FromMinorUnits(funding.SpentInCents, Currency.EUR);

        var shares = FundingBreakdown.Split(spent, funding.Shares);

        Assert.Equal(spent, shares.Aggregate(Zero, (sum, s) => sum + s.Amount));
        for (int i = 0; i < shares.Count; i++)
        {
            var exact = spent.Amount * funding.Shares[i].Rate.Fraction;
            Assert.InRange(shares[i].Amount.Amount, exact - 0.01m, exact + 0.01m);
        }
    }

    [Property]
    public void EveryParticipantIsCountedInExactlyOneStatus(EditionSpec spec)
    {
        var (edition, participants) = spec.Build();

        var p = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().Participants;

        Assert.Equal(edition.AdmittedCount, p.Admitted);
        Assert.Equal(p.Admitted, p.Active + p.Completed + p.Withdrawn + p.Excluded);
    }

    [Property]
    public void TheDistributionCountsEveryResponseAndTheAveragesLieOnTheScale(EditionSpec spec)
    {
        var (edition, participants) = spec.Build();

        var s = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().Satisfaction;

        Assert.Equal(participants.Count(p => p.Survey is not null), s.Responses);
        Assert.Equal(s.Responses, s.Distribution.Sum(d => d.Count));
        if (s.Responses > 0)
        {
            var scores = participants.Where(p => p.Survey is not null).Select(p => p.Survey!.Overall).Order().ToArray();
            Assert.Equal(decimal.Round((decimal)scores.Sum() / scores.Length, 2, MidpointRounding.AwayFromZero), s.Mean);
            Assert.Equal((scores[(scores.Length - 1) / 2] + scores[scores.Length / 2]) / 2m, s.Median);
            Assert.InRange(s.Median!.Value, s.ScaleMin, s.ScaleMax);
        }
    }

    [Property]
    public void TheReportDoesNotDependOnTheOrderOfParticipants(EditionSpec spec)
    {
        var (edition, participants) = spec.Build();

        var forwards = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok();
        var backwards = EditionReport.Create(edition, participants.Reverse(), Rulebook.Extremadura).Ok();

        Assert.Equal(forwards, backwards);
        Assert.Equal(forwards.ToJson(), backwards.ToJson());
    }

    [Property]
    public void TheJsonFormIsAlwaysWellFormed(EditionSpec spec)
    {
        var (edition, participants) = spec.Build();

        using var json = System.Text.Json.JsonDocument.Parse(EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().ToJson());

        Assert.Equal(3, json.RootElement.GetProperty("budget").GetProperty("lines").GetArrayLength());
    }
}
