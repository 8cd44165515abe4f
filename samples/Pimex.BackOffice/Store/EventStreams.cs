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
/// with the library's <c>Replay</c>; appends at the version each decision started from, so that
/// everything staged in one session is saved in one PostgreSQL transaction or not at all.
/// </summary>
public sealed class EventStreams(IDocumentSession session)
{
    public IDocumentSession Session { get; } = session;

    public async Task<Edition?> LoadEditionAsync(EditionId id, CancellationToken cancellation)
    {
        var events = await Session.Events.FetchStreamAsync(id.ToString(), token: cancellation);
        return events.Count == 0 ? null : Edition.Replay(events.Select(e => (EditionEvent)e.Data));
    }

    public async Task<Participant?> LoadParticipantAsync(ParticipantId id, CancellationToken cancellation)
    {
        var events = await Session.Events.FetchStreamAsync(id.ToString(), token: cancellation);
        return events.Count == 0 ? null : Participant.Replay(events.Select(e => (ParticipantEvent)e.Data));
    }

    /// <summary>
    /// Stages a change of one aggregate at the version its stream was at when the change was
    /// computed (<see cref="Changed{TAggregate, TEvent}.ExpectedVersion"/>). Marten checks it at
    /// save: a new stream must not exist yet, an existing one must still be at that version.
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
