namespace Pimex.Common;

/// <summary>A past-tense fact recorded by an aggregate: when it was recorded and by whom.</summary>
/// <param name="RecordedAt">The moment the command that caused it was recorded.</param>
/// <param name="Actor">Who issued that command.</param>
public abstract record DomainEvent(Instant RecordedAt, Actor Actor);

/// <summary>
/// What a host needs of an event-sourced aggregate to store it: its version (how many events its
/// stream holds) and the instant of its last event, before which no command is accepted.
/// </summary>
public interface IEventSourced
{
    /// <summary>How many events the aggregate's stream holds.</summary>
    long Version { get; }

    /// <summary>The instant of the last event of its stream: a command before it is refused.</summary>
    Instant LastRecordedAt { get; }
}

/// <summary>
/// The outcome of an accepted command on one aggregate: the aggregate after the command, and
/// the events to persist. The aggregate the command was called on is left as it was.
/// </summary>
/// <remarks>
/// A host appends <see cref="Events"/> to the aggregate's stream expecting the stream to be at
/// <see cref="ExpectedVersion"/>: if another writer appended in the meantime, the store refuses
/// the append and the host reloads and retries. No bookkeeping of its own is needed.
/// </remarks>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
/// <typeparam name="TEvent">Its event type.</typeparam>
/// <param name="Aggregate">The new state.</param>
/// <param name="Events">The new events, to append to the aggregate's stream.</param>
public sealed record Changed<TAggregate, TEvent>(TAggregate Aggregate, ImmutableArray<TEvent> Events)
    where TAggregate : IEventSourced
    where TEvent : DomainEvent
{
    /// <summary>
    /// The version the aggregate's stream was at when the change was computed (0 for a new
    /// stream): the expected version to append <see cref="Events"/> with.
    /// </summary>
    public long ExpectedVersion => Aggregate.Version - Events.Length;

    /// <summary>Whether the change has no event (the stream is left as it is).</summary>
    public bool IsEmpty => Events.IsDefaultOrEmpty;
}
