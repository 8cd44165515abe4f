using System.Collections.Immutable;
using NodaTime;

namespace Pimex.Common;

/// <summary>A past-tense fact recorded by an aggregate: when it was recorded and by whom.</summary>
/// <param name="RecordedAt">The moment the command that caused it was recorded.</param>
/// <param name="Actor">Who issued that command.</param>
public abstract record DomainEvent(Instant RecordedAt, Actor Actor);

/// <summary>
/// The outcome of an accepted command on one aggregate: the aggregate after the command, and
/// the events to persist. The aggregate the command was called on is left as it was.
/// </summary>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
/// <typeparam name="TEvent">Its event type.</typeparam>
/// <param name="Aggregate">The new state.</param>
/// <param name="Events">The new events, to append to the aggregate's stream.</param>
public sealed record Changed<TAggregate, TEvent>(TAggregate Aggregate, ImmutableArray<TEvent> Events)
    where TEvent : DomainEvent;
