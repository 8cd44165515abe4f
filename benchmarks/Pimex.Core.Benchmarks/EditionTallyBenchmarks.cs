using Ardalis.Result;
using BenchmarkDotNet.Attributes;
using Pimex.Benchmarks.Fixtures;
using Pimex.Evaluation;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Benchmarks;

/// <summary>
/// The edition report as a projection (<see cref="EditionTally"/>), at 10,000 and 1,000,000
/// participants: what a host pays to rebuild the tally from every participant's tally and read
/// the report from it (<see cref="TallyAndReport"/>), beside the limit, a loop that only sums one
/// <see cref="Money"/> per participant over the same tallies (<see cref="SumOneMoney"/>, the
/// baseline), and what it pays when the tally is kept up to date as events arrive, as the
/// reference back office does: only the report (<see cref="ReportFromKeptTally"/>).
/// </summary>
/// <remarks>
/// Each participant's tally is an object of its own, built from its stream, so the 1,000,000
/// are spread over the heap as a host that reads them back has them. <c>Per participant</c> is
/// Mean / participants.
/// </remarks>
[MemoryDiagnoser]
[PerParticipant]
public class EditionTallyBenchmarks
{
    private static readonly Rulebook Rulebook = Rulebook.Extremadura;
    private EditionTally withoutParticipants = null!;
    private EditionTally kept = null!;
    private ParticipantTally[] participants = null!;

    /// <summary>The sizes measured: 10,000 and 1,000,000 participants (10,000 only in smoke mode).</summary>
    public static IEnumerable<int> Sizes => SmokeMode.IsOn ? [10_000] : [10_000, 1_000_000];

    /// <summary>The number of participants.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Participants { get; set; }

    /// <summary>Builds the tallies, and checks that the projection's report is the report.</summary>
    [GlobalSetup]
    public void Build()
    {
        (withoutParticipants, participants) = LargeEdition.Tallies(Participants);
        kept = TallyAll();
        if (!kept.IsWhole || kept.ToReport(Rulebook) is not { IsSuccess: true } report || SumOneMoney() != report.Value.Support.Total)
        {
            throw new InvalidOperationException("The tally does not add up to the participants' support.");
        }
    }

    /// <summary>The limit: one Money summed per participant.</summary>
    /// <returns>The support granted in total.</returns>
    [Benchmark(Baseline = true)]
    public Money SumOneMoney()
    {
        var sum = Money.Zero(participants[0].SupportGranted.Currency);
        foreach (var p in participants)
        {
            sum += p.SupportGranted;
        }

        return sum;
    }

    /// <summary>Every participant's part applied to the edition's tally, then the report.</summary>
    /// <returns>The report (or why not).</returns>
    [Benchmark]
    public Result<EditionReport> TallyAndReport() => TallyAll().ToReport(Rulebook);

    /// <summary>The report from a tally kept up to date event by event.</summary>
    /// <returns>The report (or why not).</returns>
    [Benchmark]
    public Result<EditionReport> ReportFromKeptTally() => kept.ToReport(Rulebook);

    private EditionTally TallyAll()
    {
        var tally = withoutParticipants;
        foreach (var p in participants)
        {
            tally = tally.Apply(null, p);
        }

        return tally;
    }
}
