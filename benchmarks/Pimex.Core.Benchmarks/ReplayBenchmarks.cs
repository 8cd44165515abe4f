using BenchmarkDotNet.Attributes;
using Pimex.Benchmarks.Fixtures;
using Pimex.Editions;
using Pimex.Participation;

namespace Pimex.Benchmarks;

/// <summary>
/// Rebuilding aggregates from their streams, as a host does on every load: a participant's
/// realistic 24-event stream (admission to completion), and the stream of a whole 30-participant
/// edition. Both streams were made by the domain's own verbs.
/// </summary>
[MemoryDiagnoser]
[EventsPerSecond(typeof(ReplayBenchmarks))]
public class ReplayBenchmarks
{
    private static readonly ParticipantEvent[] ParticipantStream = Streams.Participant;
    private static readonly EditionEvent[] EditionStream = Streams.Edition;

    /// <summary>The events one operation of a benchmark method folds.</summary>
    /// <param name="method">The method's name.</param>
    /// <returns>The count.</returns>
    public static int EventCount(string method) => method switch
    {
        nameof(ParticipantReplay) => ParticipantStream.Length,
        nameof(EditionReplay) => EditionStream.Length,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a replay benchmark."),
    };

    [Benchmark]
    public Participant ParticipantReplay() => Participant.Replay(ParticipantStream);

    [Benchmark]
    public Edition EditionReplay() => Edition.Replay(EditionStream);
}
