using Microsoft.Extensions.Caching.Memory;
using Pimex.Common;

namespace Pimex.BackOffice.Store;

/// <summary>An aggregate as the store held it at its version, with the last event of its stream up to that version.</summary>
public sealed record CachedAggregate<TAggregate, TEvent>(TAggregate Aggregate, TEvent LastEvent)
    where TAggregate : class, IEventSourced
    where TEvent : DomainEvent;

/// <summary>
/// The aggregates of the latest commands, by region and stream, in this process's memory: each
/// the fold of its stream up to its version, as a save that succeeded left it. The library's
/// aggregates are immutable, so one instance serves every request; <see cref="EventStreams"/>
/// reads the events after it from the store before any decision, so a stale entry is brought up
/// to date, never trusted, and other processes writing to the same database are seen. It holds
/// at most <see cref="Capacity"/> streams (the least recently used leave first); a stream it
/// lost is read again from its <see cref="StreamSnapshot"/> and the events after it.
/// </summary>
public sealed class AggregateCache : IDisposable
{
    private readonly MemoryCache entries;

    public AggregateCache(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 });
    }

    /// <summary>How many streams it holds at most.</summary>
    public int Capacity { get; }

    public CachedAggregate<TAggregate, TEvent>? Get<TAggregate, TEvent>(string tenant, string stream)
        where TAggregate : class, IEventSourced
        where TEvent : DomainEvent =>
        entries.TryGetValue(Key(tenant, stream), out var value) ? value as CachedAggregate<TAggregate, TEvent> : null;

    public void Put<TAggregate, TEvent>(string tenant, string stream, TAggregate aggregate, TEvent lastEvent)
        where TAggregate : class, IEventSourced
        where TEvent : DomainEvent
    {
        var key = Key(tenant, stream);

        // Never backwards: a slower request that read an older version does not replace a newer one.
        if (entries.TryGetValue(key, out var value) && value is CachedAggregate<TAggregate, TEvent> held && held.Aggregate.Version >= aggregate.Version)
        {
            return;
        }

        entries.Set(key, new CachedAggregate<TAggregate, TEvent>(aggregate, lastEvent), new MemoryCacheEntryOptions { Size = 1 });
    }

    public void Dispose() => entries.Dispose();

    private static (string Tenant, string Stream) Key(string tenant, string stream) => (tenant, stream);
}
