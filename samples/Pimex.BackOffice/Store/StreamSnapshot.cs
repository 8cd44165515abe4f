using Pimex.Editions;
using Pimex.Participation;
using Pimex.Serialization.SystemTextJson;

namespace Pimex.BackOffice.Store;

/// <summary>
/// The snapshot of one stream's aggregate, a Marten document (id the stream's key,
/// <c>extremadura-2016</c>, <c>extremadura-2016/B06123456</c>): the library's snapshot in
/// Pimex.Core.Serialization.SystemTextJson's stored form (<see cref="State"/>, with its schema
/// version and the library build that folded it) at <see cref="StreamVersion"/>. Written by
/// <see cref="EventStreams.Stage{TAggregate, TEvent}"/> in the session, so the PostgreSQL
/// transaction, that appends the events it folds; read only as a cache (see <see cref="EventStreams"/>).
/// </summary>
public sealed record StreamSnapshot(string Id, long StreamVersion, string State)
{
    /// <summary>The snapshot document of an edition or a participant as it is.</summary>
    public static StreamSnapshot Of(object aggregate) => aggregate switch
    {
        Edition edition => new(edition.Id.ToString(), edition.Version, PimexJson.SerializeSnapshot(edition.ToSnapshot())),
        Participant participant => new(participant.Id.ToString(), participant.Version, PimexJson.SerializeSnapshot(participant.ToSnapshot())),
        _ => throw new ArgumentException($"No snapshot of {aggregate?.GetType().Name}.", nameof(aggregate)),
    };

    /// <summary>Whether a command that takes a stream from <paramref name="before"/> to <paramref name="after"/> events crosses a multiple of <paramref name="interval"/>.</summary>
    public static bool Crosses(long before, long after, int interval) => interval > 0 && after / interval > before / interval;

    /// <summary>The edition this document holds, or null when it is not a usable snapshot of that stream (damaged, of another schema or library build, or not its own).</summary>
    public Edition? Edition() =>
        PimexJson.TryReadSnapshot(State, out EditionSnapshot? snapshot) && snapshot.Version == StreamVersion && string.Equals(snapshot.Id.ToString(), Id, StringComparison.Ordinal)
            ? Editions.Edition.FromSnapshot(snapshot)
            : null;

    /// <summary>The participant this document holds, or null when it is not a usable snapshot of that stream.</summary>
    public Participant? Participant() =>
        PimexJson.TryReadSnapshot(State, out ParticipantSnapshot? snapshot) && snapshot.Version == StreamVersion && string.Equals(snapshot.Id.ToString(), Id, StringComparison.Ordinal)
            ? Participation.Participant.FromSnapshot(snapshot)
            : null;
}
