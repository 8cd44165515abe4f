using System.Globalization;
using Ardalis.Result;
using Microsoft.Data.Sqlite;
using NodaTime.Text;
using Pimex.Common;

namespace Pimex.IntegrationTests.EventStore;

/// <summary>Events to append to one stream, if the stream is still at the expected version.</summary>
/// <param name="Stream">The stream's id (<c>extremadura-2016</c>, <c>extremadura-2016/B06123456</c>).</param>
/// <param name="ExpectedVersion">The version the decision started from: the number of events the writer read.</param>
/// <param name="Events">The new events.</param>
public sealed record StreamAppend(string Stream, long ExpectedVersion, IReadOnlyList<DomainEvent> Events);

/// <summary>
/// An event store in one SQLite file, as the embedding guide describes: a table of events keyed
/// by stream and version, unique together; appends to several streams in one transaction, each
/// refused (and the whole transaction rolled back) when its stream is no longer at the version
/// the writer read.
/// </summary>
public sealed class SqliteEventStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
          id          INTEGER PRIMARY KEY AUTOINCREMENT,
          stream_id   TEXT    NOT NULL,
          version     INTEGER NOT NULL,
          type        TEXT    NOT NULL,
          payload     TEXT    NOT NULL,
          recorded_at TEXT    NOT NULL,
          UNIQUE (stream_id, version)
        );
        """;

    private const int SqliteConstraintUnique = 2067;

    private readonly SqliteConnection connection;

    /// <summary>Opens (or creates) the store in a file.</summary>
    /// <param name="path">The database file.</param>
    public SqliteEventStore(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 };
        connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = Schema;
        create.ExecuteNonQuery();
    }

    /// <summary>The number of events in a stream: the version of its aggregate.</summary>
    /// <param name="stream">The stream's id.</param>
    /// <returns>Its version; 0 for a stream that does not exist.</returns>
    public long VersionOf(string stream) => VersionOf(stream, transaction: null);

    /// <summary>Reads a stream in version order.</summary>
    /// <typeparam name="TEvent">The stream's event type.</typeparam>
    /// <param name="stream">The stream's id.</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<TEvent> Read<TEvent>(string stream)
        where TEvent : DomainEvent
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT version, payload FROM events WHERE stream_id = $stream ORDER BY version";
        select.Parameters.AddWithValue("$stream", stream);
        using var reader = select.ExecuteReader();
        var events = new List<TEvent>();
        while (reader.Read())
        {
            long version = reader.GetInt64(0);
            if (version != events.Count + 1)
            {
                throw new InvalidOperationException($"Stream {stream} has a gap: version {version} after {events.Count}.");
            }

            events.Add(PimexJson.Deserialize<TEvent>(reader.GetString(1)));
        }

        return events;
    }

    /// <summary>How many events the store holds in all.</summary>
    /// <returns>The count.</returns>
    public long Count()
    {
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM events";
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>
    /// Appends to every stream in one transaction, or to none: <c>Conflict</c> when a stream is
    /// no longer at the expected version (checked first, and enforced by the unique key when
    /// another connection wins the race between the check and the insert).
    /// </summary>
    /// <param name="appends">One append per stream.</param>
    /// <returns>Success, or Conflict naming the stream.</returns>
    public Result Append(params StreamAppend[] appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        using var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            foreach (var append in appends)
            {
                var actual = VersionOf(append.Stream, transaction);
                if (actual != append.ExpectedVersion)
                {
                    transaction.Rollback();
                    return Result.Conflict(DomainErrors.Coded(CommonErrors.VersionMismatch, $"Stream {append.Stream} is at version {actual}, not {append.ExpectedVersion}: reload and retry."));
                }

                long version = append.ExpectedVersion;
                foreach (var e in append.Events)
                {
                    using var insert = connection.CreateCommand();
                    insert.Transaction = transaction;
                    insert.CommandText = "INSERT INTO events (stream_id, version, type, payload, recorded_at) VALUES ($stream, $version, $type, $payload, $at)";
                    insert.Parameters.AddWithValue("$stream", append.Stream);
                    insert.Parameters.AddWithValue("$version", ++version);
                    insert.Parameters.AddWithValue("$type", e.GetType().Name);
                    insert.Parameters.AddWithValue("$payload", Serialize(e));
                    insert.Parameters.AddWithValue("$at", InstantPattern.ExtendedIso.Format(e.RecordedAt));
                    insert.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            return Result.Success();
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintUnique)
        {
            transaction.Rollback();
            return Result.Conflict(DomainErrors.Coded(CommonErrors.VersionMismatch, "Another writer appended first: reload and retry."));
        }
    }

    /// <summary>Writes a row directly, without the version check: for tests of the unique key.</summary>
    /// <param name="stream">The stream's id.</param>
    /// <param name="version">The version.</param>
    internal void InsertRaw(string stream, long version)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO events (stream_id, version, type, payload, recorded_at) VALUES ($stream, $version, 'Raw', '{}', '')";
        insert.Parameters.AddWithValue("$stream", stream);
        insert.Parameters.AddWithValue("$version", version);
        insert.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Dispose() => connection.Dispose();

    private static string Serialize(DomainEvent e) => e switch
    {
        Editions.EditionEvent edition => PimexJson.Serialize(edition),
        Participation.ParticipantEvent participant => PimexJson.Serialize(participant),
        _ => throw new ArgumentException($"Unknown event {e.GetType().Name}.", nameof(e)),
    };

    private long VersionOf(string stream, SqliteTransaction? transaction)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = $stream";
        select.Parameters.AddWithValue("$stream", stream);
        return Convert.ToInt64(select.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
