using Pimex.Editions;
using Pimex.Participation;

namespace Pimex.Benchmarks.Fixtures;

/// <summary>The realistic streams of a 30-participant 2016 edition, run once per process.</summary>
internal static class Streams
{
    /// <summary>The edition, run through its verbs.</summary>
    public static readonly EditionLifecycle Edition30 = EditionLifecycle.Run(30);

    /// <summary>One participant's stream.</summary>
    public static readonly ParticipantEvent[] Participant = Edition30.ParticipantStreams[0];

    /// <summary>The edition's stream.</summary>
    public static readonly EditionEvent[] Edition = [.. Edition30.EditionEvents];
}
