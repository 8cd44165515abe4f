using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Pimex.Benchmarks.Fixtures;
using Pimex.Editions;
using Pimex.Participation;

namespace Pimex.Benchmarks;

/// <summary>
/// Rebuilding aggregates from their streams, as a host does on every load: a participant's
/// realistic 24-event stream (admission to completion), the stream of a whole 30-participant
/// edition, and the whole edition's streams (the edition's and every participant's). Both kinds
/// of stream were made by the domain's own verbs. Each sits beside its limit: a loop over the same
/// events that only switches on their type (the baseline of its category).
/// </summary>
[MemoryDiagnoser]
[EventsPerSecond(typeof(ReplayBenchmarks))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ReplayBenchmarks
{
    private static readonly ParticipantEvent[] ParticipantStream = Streams.Participant;
    private static readonly EditionEvent[] EditionStream = Streams.Edition;
    private static readonly ParticipantEvent[][] ParticipantStreams = [.. Streams.Edition30.ParticipantStreams];
    private static readonly int WholeEditionEvents = EditionStream.Length + ParticipantStreams.Sum(s => s.Length);

    /// <summary>The events one operation of a benchmark method folds.</summary>
    /// <param name="method">The method's name.</param>
    /// <returns>The count.</returns>
    public static int EventCount(string method) => method switch
    {
        nameof(ParticipantReplay) or nameof(ParticipantTypeSwitch) => ParticipantStream.Length,
        nameof(EditionReplay) or nameof(EditionTypeSwitch) => EditionStream.Length,
        nameof(WholeEditionReplay) or nameof(WholeEditionTypeSwitch) => WholeEditionEvents,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a replay benchmark."),
    };

    [Benchmark]
    [BenchmarkCategory("Participant")]
    public Participant ParticipantReplay() => Participant.Replay(ParticipantStream);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Participant")]
    public int ParticipantTypeSwitch() => Switch(ParticipantStream);

    [Benchmark]
    [BenchmarkCategory("Edition")]
    public Edition EditionReplay() => Edition.Replay(EditionStream);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Edition")]
    public int EditionTypeSwitch() => Switch(EditionStream);

    [Benchmark]
    [BenchmarkCategory("WholeEdition")]
    public int WholeEditionReplay()
    {
        int completed = Edition.Replay(EditionStream).Participants.Count;
        foreach (var stream in ParticipantStreams)
        {
            if (Participant.Replay(stream).Status == ParticipantStatus.Completed)
            {
                completed++;
            }
        }

        return completed;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("WholeEdition")]
    public int WholeEditionTypeSwitch()
    {
        int seen = Switch(EditionStream);
        foreach (var stream in ParticipantStreams)
        {
            seen += Switch(stream);
        }

        return seen;
    }

    // The limit: a loop that reads each event's type and nothing else.
    private static int Switch(EditionEvent[] events)
    {
        int seen = 0;
        foreach (var e in events)
        {
            seen += e switch
            {
                EditionOpened => 1,
                SessionScheduled => 2,
                ApplicationReceived => 3,
                CompanyAdmitted => 4,
                FundsReserved => 5,
                AttendanceRegistered => 6,
                ReservedFundsSpent => 7,
                _ => 8,
            };
        }

        return seen;
    }

    private static int Switch(ParticipantEvent[] events)
    {
        int seen = 0;
        foreach (var e in events)
        {
            seen += e switch
            {
                ParticipantAdmitted => 1,
                TechnicianAssigned => 2,
                SessionAttended => 3,
                TutorialHeld => 4,
                ClaimSubmitted => 5,
                ClaimVerified => 6,
                ParticipationCompleted => 7,
                _ => 8,
            };
        }

        return seen;
    }
}
