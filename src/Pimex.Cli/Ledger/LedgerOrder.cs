namespace Pimex.Cli.Ledger;

/// <summary>
/// Where a ledger's file order first differs from its time order: the first line whose
/// <c>at</c> is earlier than that of a line above it, that line, and how many commands a run
/// applies at another place than the file gives them.
/// </summary>
/// <param name="Line">The first line earlier than a line above it.</param>
/// <param name="At">Its instant.</param>
/// <param name="LaterLine">The first line above it with the latest instant so far.</param>
/// <param name="LaterAt">That line's instant.</param>
/// <param name="Moved">How many commands the time order puts at another place than the file's order.</param>
internal sealed record LedgerDisorder(int Line, Instant At, int LaterLine, Instant LaterAt, int Moved);

/// <summary>
/// The order a ledger is applied in: the order of its commands' <c>at</c>, stable (two commands
/// with the same instant keep the file's order), whatever the order of the lines; each command
/// keeps its line number, so every refusal names the line of the file. A ledger written company
/// by company, or with a late correction at its end, runs as if written in time order, and the
/// tool says that the file's order differed (<see cref="LedgerDisorder"/>).
/// </summary>
internal static class LedgerOrder
{
    /// <summary>
    /// How many commands <c>pimex run</c> keeps while it streams a ledger in time order, so that it
    /// can put them in order if a later line turns out earlier than them: ledgers written by hand
    /// are far smaller. Past it, a streamed ledger in time order keeps nothing, and a line out of
    /// time order after it is a reading error (<see cref="LedgerErrors.OutOfOrder"/>).
    /// </summary>
    public const int MaxKeptWhileStreaming = 50_000;

    /// <summary>The commands in time order, stable, and where the file's order first differed (null when it did not).</summary>
    /// <param name="entries">The commands in file order.</param>
    /// <returns>The commands in the order to apply them, and the difference.</returns>
    public static (IReadOnlyList<LedgerEntry> Entries, LedgerDisorder? Disorder) InTimeOrder(IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var watch = new Watch();
        foreach (var entry in entries)
        {
            watch.See(entry);
        }

        if (watch.First is not { } first)
        {
            return (entries, null);
        }

        // Enumerable.OrderBy is a stable sort: equal instants keep the file's order.
        var ordered = entries.OrderBy(e => e.Command.At).ToList();
        int moved = 0;
        for (int i = 0; i < ordered.Count; i++)
        {
            if (!ReferenceEquals(ordered[i], entries[i]))
            {
                moved++;
            }
        }

        return (ordered, first with { Moved = moved });
    }

    /// <summary>Follows a ledger line by line and notes the first line earlier than a line above it.</summary>
    internal sealed class Watch
    {
        private LedgerEntry? latest;

        /// <summary>The first line out of time order, its <see cref="LedgerDisorder.Moved"/> not yet counted (0); null while in order.</summary>
        public LedgerDisorder? First { get; private set; }

        /// <summary>How many lines so far are earlier than a line above them.</summary>
        public int Earlier { get; private set; }

        /// <summary>Sees the next command of the file.</summary>
        /// <param name="entry">The command and its line.</param>
        /// <returns>Whether the commands seen so far are in time order.</returns>
        public bool See(LedgerEntry entry)
        {
            if (latest is not null && entry.Command.At < latest.Command.At)
            {
                Earlier++;
                First ??= new LedgerDisorder(entry.Line, entry.Command.At, latest.Line, latest.Command.At, 0);
            }
            else if (latest is null || entry.Command.At > latest.Command.At)
            {
                latest = entry;
            }

            return First is null;
        }
    }
}
