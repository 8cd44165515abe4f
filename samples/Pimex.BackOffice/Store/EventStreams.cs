using JasperFx.Events;
using Marten;
using Npgsql;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;

namespace Pimex.BackOffice.Store;

/// <summary>
/// The library's streams in Marten, inside one region's session: each aggregate its own stream
/// (<c>extremadura-2016</c>, <c>extremadura-2016/B06123456</c>), read in version order and folded
/// with the library's <c>Replay</c> and <c>Apply</c>; appends at the version each decision
/// started from, so that everything staged in one session is saved in one PostgreSQL transaction
/// or not at all.
/// </summary>
/// <remarks>
/// <para>
/// With an <see cref="AggregateCache"/>, a load reads only the events after the version the
/// cache holds (one indexed query that usually finds none) and folds them onto it, so a
/// command's cost does not grow with its streams' history; the store stays the only truth.
/// </para>
/// <para>
/// A stream the cache does not hold (after a restart, or evicted) is read from its
/// <see cref="StreamSnapshot"/> and the events after it: one document and at most
/// <c>snapshotInterval</c> events, not the whole stream. A snapshot is a cache too, never a
/// promise: one that is missing, damaged, of another snapshot schema or library build, or that
/// the stream does not confirm (no event at its version, or that event not at its instant: the
/// stream is shorter, or another history) is ignored and the stream replayed whole. With a
/// <c>snapshotInterval</c> above zero, <see cref="Stage{TAggregate, TEvent}"/> writes the
/// aggregate's snapshot in the same session as its events whenever a change takes the stream
/// across a multiple of the interval, or when this session had to replay at least that many
/// events of it (no usable snapshot: an older library build, or a history loaded without them).
/// </para>
/// </remarks>
public sealed class EventStreams(IDocumentSession session, AggregateCache? cache = null, int snapshotInterval = 0)
{
    /// <summary>The streams this session replayed at least <c>snapshotInterval</c> events of: their next change writes a snapshot.</summary>
    private readonly HashSet<string> snapshotDue = new(StringComparer.Ordinal);

    public IDocumentSession Session { get; } = session;

    /// <summary>Every how many events of a stream a change writes its snapshot (0: never).</summary>
    public int SnapshotInterval { get; } = snapshotInterval >= 0 ? snapshotInterval : throw new ArgumentOutOfRangeException(nameof(snapshotInterval));

    public Task<Edition?> LoadEditionAsync(EditionId id, CancellationToken cancellation) =>
        LoadAsync<Edition, EditionEvent>(id.ToString(), Edition.Replay, static (edition, e) => edition.Apply(e), static snapshot => snapshot.Edition(), cancellation);

    public Task<Participant?> LoadParticipantAsync(ParticipantId id, CancellationToken cancellation) =>
        LoadAsync<Participant, ParticipantEvent>(id.ToString(), Participant.Replay, static (participant, e) => participant.Apply(e), static snapshot => snapshot.Participant(), cancellation);

    /// <summary>After a successful save: the cache learns the aggregates the change left, so the next command reads only what comes after them.</summary>
    public void Remember<TAggregate, TEvent>(Changed<TAggregate, TEvent>? change)
        where TAggregate : class, IEventSourced
        where TEvent : DomainEvent
    {
        if (cache is not null && change is { IsEmpty: false })
        {
            cache.Put(Session.TenantId, StreamOf(change.Aggregate), change.Aggregate, change.Events[^1]);
        }
    }

    private async Task<TAggregate?> LoadAsync<TAggregate, TEvent>(string stream, Func<IEnumerable<TEvent>, TAggregate> replay, Func<TAggregate, TEvent, TAggregate> apply, Func<StreamSnapshot, TAggregate?> restore, CancellationToken cancellation)
        where TAggregate : class, IEventSourced
        where TEvent : DomainEvent
    {
        if (cache?.Get<TAggregate, TEvent>(Session.TenantId, stream) is { } known)
        {
            // From the cached version on: its own last event first, to check that the stream
            // still holds it (a database restored or recreated under a running server), then the tail.
            var since = await Session.Events.FetchStreamAsync(stream, fromVersion: known.Aggregate.Version, token: cancellation);
            if (since.Count > 0 && since[0].Version == known.Aggregate.Version && Equals(since[0].Data, known.LastEvent))
            {
                var state = known.Aggregate;
                for (int i = 1; i < since.Count; i++)
                {
                    state = apply(state, (TEvent)since[i].Data);
                }

                if (since.Count > 1)
                {
                    cache.Put(Session.TenantId, stream, state, (TEvent)since[^1].Data);
                }

                return state;
            }
        }

        if (await Session.LoadAsync<StreamSnapshot>(stream, cancellation) is { } stored && restore(stored) is { } snapshot)
        {
            // From the snapshot's version on: its own last event first, to check that the stream
            // holds it (not shorter, not another history), then the tail.
            var since = await Session.Events.FetchStreamAsync(stream, fromVersion: snapshot.Version, token: cancellation);
            if (since.Count > 0 && since[0].Version == snapshot.Version && since[0].Data is TEvent last && last.RecordedAt == snapshot.LastRecordedAt)
            {
                var state = snapshot;
                for (int i = 1; i < since.Count; i++)
                {
                    state = apply(state, (TEvent)since[i].Data);
                }

                MarkIfDue(stream, since.Count - 1);
                cache?.Put(Session.TenantId, stream, state, (TEvent)since[^1].Data);
                return state;
            }
        }

        var events = await Session.Events.FetchStreamAsync(stream, token: cancellation);
        if (events.Count == 0)
        {
            return null;
        }

        var replayed = replay(events.Select(e => (TEvent)e.Data));
        MarkIfDue(stream, events.Count);
        cache?.Put(Session.TenantId, stream, replayed, (TEvent)events[^1].Data);
        return replayed;
    }

    private void MarkIfDue(string stream, int replayed)
    {
        if (SnapshotInterval > 0 && replayed >= SnapshotInterval)
        {
            snapshotDue.Add(stream);
        }
    }

    private static string StreamOf(IEventSourced aggregate) => aggregate switch
    {
        Edition edition => edition.Id.ToString(),
        Participant participant => participant.Id.ToString(),
        _ => throw new ArgumentException($"No stream for {aggregate.GetType().Name}.", nameof(aggregate)),
    };

    /// <summary>
    /// Stages a change of one aggregate at the version its stream was at when the change was
    /// computed (<see cref="Changed{TAggregate, TEvent}.ExpectedVersion"/>). Marten checks it at
    /// save: a new stream must not exist yet, an existing one must still be at that version.
    /// With a <see cref="SnapshotInterval"/>, the aggregate's <see cref="StreamSnapshot"/> too,
    /// when the change crosses a multiple of it or this session replayed that many events of the
    /// stream: saved with the events or not at all, so never ahead of the stream.
    /// </summary>
    public void Stage<TAggregate, TEvent>(string stream, Changed<TAggregate, TEvent> change)
        where TAggregate : IEventSourced
        where TEvent : DomainEvent
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.IsEmpty)
        {
            return;
        }

        object[] events = [.. change.Events.Cast<object>()];
        if (change.ExpectedVersion == 0)
        {
            Session.Events.StartStream(stream, events);
        }
        else
        {
            // Marten's expected version is the stream's version once these events are appended.
            Session.Events.Append(stream, change.Aggregate.Version, events);
        }

        if (StreamSnapshot.Crosses(change.ExpectedVersion, change.Aggregate.Version, SnapshotInterval) || (SnapshotInterval > 0 && snapshotDue.Remove(stream)))
        {
            Session.Store(StreamSnapshot.Of(change.Aggregate));
        }
    }

    /// <summary>Stages both halves of a joint change; they are saved together or not at all.</summary>
    public void Stage(ParticipationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Stage(change.Edition.Aggregate.Id.ToString(), change.Edition);
        Stage(change.Participant.Aggregate.Id.ToString(), change.Participant);
    }

    /// <summary>Whether a failed save lost a race: a stream moved on, or a new stream was started by another writer.</summary>
    public static bool IsConcurrencyFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JasperFx.ConcurrencyException or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
                or Marten.Exceptions.ConcurrentUpdateException or EventStreamUnexpectedMaxEventIdException
                || (e is PostgresException pg && pg.SqlState == PostgresErrorCodes.UniqueViolation))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsConcurrencyFailure))
            {
                return true;
            }
        }

        return false;
    }
}
