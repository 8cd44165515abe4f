using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;

namespace Pimex.Serialization.SystemTextJson;

/// <summary>
/// The stored form of the library's snapshots (<see cref="EditionSnapshot"/>,
/// <see cref="ParticipantSnapshot"/>): a cache of an aggregate's fold, written with what it is
/// (<c>$snapshot</c>), the schema version of this form (<c>snapshotSchema</c>) and the build of
/// Pimex.Core whose fold took it (<c>fold</c>), then the state (<c>state</c>), read as strictly as
/// an event.
/// </summary>
/// <remarks>
/// Unlike an event, a snapshot is never upcast: one of another kind, another schema version or
/// another build of the library, or damaged in any way, is simply not read
/// (<see cref="TryReadSnapshot(string, out EditionSnapshot)"/> answers false), and the host replays
/// the stream from its events. Taking the build as part of the key means that a new release of
/// the library, whose fold may differ, never reads a state an older one folded.
/// </remarks>
public static partial class PimexJson
{
    /// <summary>The schema version of the snapshots' stored form that this package writes and reads.</summary>
    public const int SnapshotSchemaVersion = 1;

    /// <summary>The name of the property that says which aggregate's snapshot a text is.</summary>
    public const string SnapshotTypeProperty = "$snapshot";

    /// <summary>The name of the property that holds the snapshot form's schema version.</summary>
    public const string SnapshotSchemaProperty = "snapshotSchema";

    /// <summary>The name of the property that names the build of Pimex.Core whose fold took the snapshot.</summary>
    public const string SnapshotFoldProperty = "fold";

    /// <summary>The name of the property that holds the aggregate's state.</summary>
    public const string SnapshotStateProperty = "state";

    /// <summary>
    /// The build of Pimex.Core loaded in this process, as a snapshot records it: its assembly's
    /// informational version (the package version and, when built from a repository, the commit).
    /// A snapshot taken by another build is not read.
    /// </summary>
    public static string SnapshotFold { get; } = "Pimex.Core " + (
        typeof(DomainEvent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(DomainEvent).Assembly.GetName().Version?.ToString()
        ?? "unknown");

    /// <summary>Writes an edition's snapshot in its stored form.</summary>
    /// <param name="snapshot">The snapshot (<see cref="Edition.ToSnapshot"/>).</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeSnapshot(EditionSnapshot snapshot) => WriteSnapshot(snapshot);

    /// <summary>Writes a participant's snapshot in its stored form.</summary>
    /// <param name="snapshot">The snapshot (<see cref="Participant.ToSnapshot"/>).</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeSnapshot(ParticipantSnapshot snapshot) => WriteSnapshot(snapshot);

    /// <summary>
    /// Reads an edition's snapshot written by <see cref="SerializeSnapshot(EditionSnapshot)"/>
    /// with this package's <see cref="SnapshotSchemaVersion"/> and this process's
    /// <see cref="SnapshotFold"/>. Never throws for its text: anything else (absent, damaged,
    /// another aggregate's, another schema or build) answers false, and the stream is to be replayed.
    /// </summary>
    /// <param name="json">The stored text, or null when there is none.</param>
    /// <param name="snapshot">The snapshot when read; null otherwise.</param>
    /// <returns>Whether the text is a usable snapshot.</returns>
    public static bool TryReadSnapshot(string? json, [NotNullWhen(true)] out EditionSnapshot? snapshot) =>
        TryReadSnapshotOf(json, s => s.Version, out snapshot);

    /// <summary>
    /// Reads a participant's snapshot written by <see cref="SerializeSnapshot(ParticipantSnapshot)"/>
    /// with this package's <see cref="SnapshotSchemaVersion"/> and this process's
    /// <see cref="SnapshotFold"/>. Never throws for its text: anything else (absent, damaged,
    /// another aggregate's, another schema or build) answers false, and the stream is to be replayed.
    /// </summary>
    /// <param name="json">The stored text, or null when there is none.</param>
    /// <param name="snapshot">The snapshot when read; null otherwise.</param>
    /// <returns>Whether the text is a usable snapshot.</returns>
    public static bool TryReadSnapshot(string? json, [NotNullWhen(true)] out ParticipantSnapshot? snapshot) =>
        TryReadSnapshotOf(json, s => s.Version, out snapshot);

    private static string WriteSnapshot<TSnapshot>(TSnapshot snapshot)
        where TSnapshot : class
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(SnapshotTypeProperty, typeof(TSnapshot).Name);
            writer.WriteNumber(SnapshotSchemaProperty, SnapshotSchemaVersion);
            writer.WriteString(SnapshotFoldProperty, SnapshotFold);
            writer.WritePropertyName(SnapshotStateProperty);
            JsonSerializer.Serialize(writer, snapshot, Options);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool TryReadSnapshotOf<TSnapshot>(string? json, Func<TSnapshot, long> version, [NotNullWhen(true)] out TSnapshot? snapshot)
        where TSnapshot : class
    {
        snapshot = null;
        if (string.IsNullOrEmpty(json))
        {
            return false;
        }

        try
        {
            snapshot = ReadSnapshotOf<TSnapshot>(Encoding.UTF8.GetBytes(json));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException or OverflowException or NotSupportedException)
        {
            // Damaged: a cache that cannot be read is a cache miss, never an error.
            snapshot = null;
        }

        if (snapshot is not null && version(snapshot) < 1)
        {
            snapshot = null;
        }

        return snapshot is not null;
    }

    /// <summary>The state when the header says it is this kind, schema and build; null when it does not.</summary>
    /// <exception cref="JsonException">The text is not JSON, or the state is damaged.</exception>
    private static TSnapshot? ReadSnapshotOf<TSnapshot>(byte[] utf8)
        where TSnapshot : class
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        // The header comes first, in this order, so that a snapshot of another kind, schema or
        // build is turned down before its state is read.
        string[] expected = [SnapshotTypeProperty, SnapshotSchemaProperty, SnapshotFoldProperty, SnapshotStateProperty];
        TSnapshot? state = null;
        foreach (var property in expected)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(property) || !reader.Read())
            {
                return null;
            }

            bool matches = property switch
            {
                SnapshotTypeProperty => reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(typeof(TSnapshot).Name),
                SnapshotSchemaProperty => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int schema) && schema == SnapshotSchemaVersion,
                SnapshotFoldProperty => reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(SnapshotFold),
                _ => (state = JsonSerializer.Deserialize<TSnapshot>(ref reader, Options)) is not null,
            };
            if (!matches)
            {
                return null;
            }
        }

        // Nothing after the state but the end of the object, and nothing after that.
        return reader.Read() && reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? state : null;
    }
}
