using Ardalis.Result;
using BenchmarkDotNet.Attributes;
using Pimex.Benchmarks.Fixtures;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.Benchmarks;

/// <summary>
/// The edition report over 30 (the 2016 edition's size), 10,000 and 1,000,000 participants, each
/// a completed participant with the realistic 24-event history; the edition and its participants
/// are built once by replaying events (<see cref="LargeEdition"/>). The report should grow
/// linearly: see the per-participant column. <see cref="CreateOver10000Distinct"/> is the
/// control: as many entries, but only the first 10,000 participants, repeated (the report does
/// not detect a participant given twice), so the same work runs over a working set that stays
/// in the processor's caches. <c>PIMEX_BENCH_SMOKE=1</c> leaves out 1,000,000.
/// </summary>
[MemoryDiagnoser]
[PerParticipant]
public class EditionReportBenchmarks
{
    private static readonly Rulebook Rulebook = Rulebook.Extremadura;
    private Edition edition = null!;
    private Participant[] participants = null!;
    private Participant[] first10000Repeated = null!;

    /// <summary>The sizes measured.</summary>
    public static IEnumerable<int> Sizes => SmokeMode.IsOn ? [30, 10_000] : [30, 10_000, 1_000_000];

    /// <summary>How many participants the edition has.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Participants { get; set; }

    /// <summary>Builds the edition and its participants by replaying their streams.</summary>
    [GlobalSetup]
    public void Build()
    {
        var large = LargeEdition.Build(Participants);
        edition = large.Edition;
        participants = large.Participants;
        first10000Repeated = new Participant[participants.Length];
        for (int i = 0; i < participants.Length; i++)
        {
            first10000Repeated[i] = participants[i % 10_000];
        }
    }

    [Benchmark(Baseline = true)]
    public Result<EditionReport> Create() => EditionReport.Create(edition, participants, Rulebook);

    [Benchmark]
    public Result<EditionReport> CreateOver10000Distinct() => EditionReport.Create(edition, first10000Repeated, Rulebook);
}
