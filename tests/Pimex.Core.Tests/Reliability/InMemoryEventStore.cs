namespace Pimex.Tests.Reliability;

/// <summary>Events to append to one stream, if the stream is still at the expected version.</summary>
/// <param name="Stream">The stream's id.</param>
/// <param name="ExpectedVersion">The version the writer read (the number of events it saw).</param>
/// <param name="Events">The new events.</param>
internal sealed record StreamAppend(string Stream, long ExpectedVersion, IReadOnlyList<object> Events);

/// <summary>
/// The smallest event store a host could have: streams of events in memory, and one operation
/// that appends to several streams at once, all or nothing, only if every stream is still at
/// the version the writer read (optimistic concurrency, as the embedding guide describes).
/// </summary>
/// <param name="checkVersions">False only to show what goes wrong without the check.</param>
internal sealed class InMemoryEventStore(bool checkVersions = true)
{
    private readonly Dictionary<string, List<object>> streams = new(StringComparer.Ordinal);

    /// <summary>How many appends were refused for a stale version.</summary>
    public int Conflicts { get; private set; }

    public IEnumerable<string> StreamIds => streams.Keys;

    public long VersionOf(string stream) => streams.TryGetValue(stream, out var events) ? events.Count : 0;

    public IReadOnlyList<T> Read<T>(string stream) => streams.TryGetValue(stream, out var events) ? [.. events.Cast<T>()] : [];

    /// <summary>Appends to every stream, or to none when one of them moved on.</summary>
    /// <param name="appends">The appends, one per stream.</param>
    /// <returns>False for a conflict: nothing was appended.</returns>
    public bool TryAppend(params StreamAppend[] appends)
    {
        if (checkVersions && appends.Any(a => VersionOf(a.Stream) != a.ExpectedVersion))
        {
            Conflicts++;
            return false;
        }

        foreach (var append in appends.Where(a => a.Events.Count > 0))
        {
            if (!streams.TryGetValue(append.Stream, out var events))
            {
                streams[append.Stream] = events = [];
            }

            events.AddRange(append.Events);
        }

        return true;
    }
}
