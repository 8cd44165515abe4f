namespace Pimex.BackOffice.Hosting;

/// <summary>The back office's settings, under <c>BackOffice</c> in configuration.</summary>
public sealed class BackOfficeOptions
{
    /// <summary>The PostgreSQL connection string (<c>ConnectionStrings:Pimex</c> wins when set).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The largest request body accepted, in bytes (64 KiB by default): a command is small.</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Whether a command may carry the moment it happened in the <c>Pimex-Recorded-At</c> header,
    /// instead of the server's clock: for importing a historic ledger (the 2016 edition) only.
    /// </summary>
    public bool AcceptRecordedAt { get; set; }

    /// <summary>
    /// Where each region's data lives, when not in the default database: region id to a
    /// PostgreSQL connection string (<c>BackOffice:Databases:{region}</c>). Regions given the same
    /// connection string share that database as conjoined tenants; the others stay in the
    /// default one (<c>docs/scaling.md</c>).
    /// </summary>
    public Dictionary<string, string> Databases { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every how many events of a stream its aggregate's snapshot is written, in the transaction
    /// that appends them (100 by default; 0 never): a stream the server has not seen in memory is
    /// read as its snapshot plus at most that many events, not replayed whole.
    /// </summary>
    public int SnapshotInterval { get; set; } = 100;

    /// <summary>The PostgreSQL schema of the event store and the views.</summary>
    public string Schema { get; set; } = "pimex";
}
