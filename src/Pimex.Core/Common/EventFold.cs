using System.Runtime.InteropServices;

namespace Pimex.Common;

/// <summary>The fold of an event stream, shared by the aggregates.</summary>
internal static class EventFold
{
    /// <summary>
    /// Rebuilds an aggregate from its stream: the first event starts it, each later event is applied.
    /// </summary>
    public static TAggregate Replay<TAggregate, TEvent, TFirst>(
        IEnumerable<TEvent> events,
        Func<TFirst, TAggregate> start,
        Func<TAggregate, TEvent, TAggregate> apply,
        string streamName)
        where TAggregate : class
        where TFirst : TEvent
    {
        ArgumentNullException.ThrowIfNull(events);
        TAggregate? state = null;
        foreach (var e in events)
        {
            state = state is null
                ? e is TFirst first ? start(first) : throw new ArgumentException($"{streamName} stream starts with {typeof(TFirst).Name}.", nameof(events))
                : apply(state, e);
        }

        return state ?? throw new ArgumentException($"{streamName} stream cannot be empty.", nameof(events));
    }

    /// <summary>Applies new events to an aggregate: its new state and the events to append.</summary>
    public static Changed<TAggregate, TEvent> Emit<TAggregate, TEvent>(TAggregate state, TEvent[] events, Func<TAggregate, TEvent, TAggregate> apply)
        where TAggregate : IEventSourced
        where TEvent : DomainEvent
    {
        foreach (var e in events)
        {
            state = apply(state, e);
        }

        // The array is the params array of the aggregate's Emit, which no one else holds: it
        // becomes the change's events without a copy.
        return new Changed<TAggregate, TEvent>(state, ImmutableCollectionsMarshal.AsImmutableArray(events));
    }

    /// <summary>A change of one event: the state after it, and the event.</summary>
    public static Changed<TAggregate, TEvent> Emit<TAggregate, TEvent>(TAggregate state, TEvent e, Func<TAggregate, TEvent, TAggregate> apply)
        where TAggregate : IEventSourced
        where TEvent : DomainEvent =>
        new(apply(state, e), [e]);
}
