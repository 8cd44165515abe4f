using FsCheck.Xunit;
using NodaTime;
using Pimex.Evaluation;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Evaluation;

/// <summary>The laws of the programme report and the aid statement.</summary>
[Properties(Arbitrary = new[] { typeof(EvaluationArbitraries) })]
public class ProgrammeAndAidLaws
{
    private static readonly Lazy<EditionReport> Seven2017 = new(() =>
    {
        var b = EditionBuilder.Sized(30, 2017);
        for (int i = 0; i < 7; i++)
        {
            b.Admit($"B{i:D7}").Complete();
        }

        var (edition, participants) = b.Build();
        return EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok();
    });

    [Property]
    public void CumulativeParticipantsAddUpEveryYear(EditionSpec spec, byte before)
    {
        var (edition, participants) = spec.Build();
        var report = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok();
        var programme = ProgrammeReport.Create([Seven2017.Value, report], before).Ok();

        Assert.Equal([2016, 2017], programme.Years.Select(y => y.Year));
        Assert.Equal(before + report.Participants.Admitted, programme.Years[0].Cumulative);
        Assert.Equal(before + report.Participants.Admitted + 7, programme.TotalParticipants);
        Assert.Equal(programme.TotalParticipants, programme.Years[^1].Cumulative);
        Assert.InRange(programme.Years[0].CompletionRate.Fraction, 0m, 1m);
    }

    [Property]
    public void TheStatementCountsEverySupportGrantedAndTheInKindValue(EditionSpec spec)
    {
        var (_, participants) = spec.Build();
        var endOfYear = new LocalDate(2016, 12, 31);

        foreach (var participant in participants)
        {
            var statement = AidStatement.Create(participant, Rulebook.Extremadura, endOfYear).Ok();

            Assert.Equal(participant.SupportGranted, statement.PromotionSupport);
            Assert.Equal(participant.Terms.InKindAid + participant.SupportGranted, statement.GrantedByPimex);
            Assert.Equal(statement.Entries.Where(e => e.InLookBack).Aggregate(Money.Zero(Currency.EUR), (sum, e) => sum + e.Amount), statement.CountedInLookBack);
            Assert.Equal(Money.Max(statement.Ceiling - statement.CountedInLookBack, Money.Zero(Currency.EUR)), statement.Headroom);
        }
    }
}
