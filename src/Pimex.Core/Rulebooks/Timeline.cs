namespace Pimex.Rulebooks;

/// <summary>One dated value of a rulebook parameter.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="From">The first date on which the value applies.</param>
/// <param name="Value">The value.</param>
/// <param name="Source">The source or legal reference, if any.</param>
/// <param name="IsDefault">
/// True when the value is a documented default that the programme's source text does not state.
/// </param>
public sealed record TimelineEntry<T>(LocalDate From, T Value, string? Source = null, bool IsDefault = false);

/// <summary>
/// The history of one rulebook parameter: values keyed by the date from which each applies, in
/// strictly increasing date order (as in rules-as-code systems such as OpenFisca).
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// Two timelines are equal when they hold equal entries in the same order. A timeline is never
/// empty.
/// </remarks>
public sealed class Timeline<T> : IEquatable<Timeline<T>>, ITimeline
{
    internal Timeline(ImmutableArray<TimelineEntry<T>> entries) => Entries = entries;

    /// <summary>The entries, earliest first.</summary>
    public ImmutableArray<TimelineEntry<T>> Entries { get; }

    /// <summary>The entry in force on a date: the latest that starts on or before it.</summary>
    /// <param name="date">The date.</param>
    /// <param name="entry">The entry in force, when there is one.</param>
    /// <returns>False when the date is before the first entry.</returns>
    public bool TryGetEntry(LocalDate date, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TimelineEntry<T>? entry)
    {
        var entries = Entries;
        int lo = 0, hi = entries.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (entries[mid].From <= date)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        entry = found >= 0 ? entries[found] : null;
        return entry is not null;
    }

    /// <summary>The value in force on a date: that of the latest entry starting on or before it.</summary>
    /// <param name="date">The date.</param>
    /// <param name="value">The value, when there is one.</param>
    /// <returns>False when the date is before the first entry.</returns>
    public bool TryGetValue(LocalDate date, out T value)
    {
        if (TryGetEntry(date, out var entry))
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <inheritdoc />
    LocalDate ITimeline.FirstDate => Entries[0].From;

    /// <inheritdoc />
    void ITimeline.AddStarts(ICollection<LocalDate> starts)
    {
        foreach (var entry in Entries)
        {
            starts.Add(entry.From);
        }
    }

    /// <inheritdoc />
    public bool Equals(Timeline<T>? other) => other is not null && Entries.SequenceEqual(other.Entries);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Timeline<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Entries.Length, Entries[0].From, Entries[^1].From);
}

/// <summary>Creates timelines.</summary>
public static class Timeline
{
    /// <summary>Creates a timeline with one value from a date on.</summary>
    /// <param name="from">The first date.</param>
    /// <param name="value">The value.</param>
    /// <param name="source">The source or legal reference.</param>
    /// <typeparam name="T">The value type.</typeparam>
    /// <returns>The timeline.</returns>
    public static Timeline<T> Starting<T>(LocalDate from, T value, string? source = null) =>
        new([new TimelineEntry<T>(from, value, source)]);

    /// <summary>Creates a timeline from entries in strictly increasing date order.</summary>
    /// <param name="entries">At least one entry.</param>
    /// <typeparam name="T">The value type.</typeparam>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentException">No entry, or dates not strictly increasing.</exception>
    public static Timeline<T> Of<T>(IEnumerable<TimelineEntry<T>> entries)
    {
        ImmutableArray<TimelineEntry<T>> list = [.. entries];
        if (list.IsEmpty)
        {
            throw new ArgumentException("A timeline needs at least one entry.", nameof(entries));
        }

        for (int i = 1; i < list.Length; i++)
        {
            if (list[i].From <= list[i - 1].From)
            {
                throw new ArgumentException("Timeline dates must be strictly increasing.", nameof(entries));
            }
        }

        return new Timeline<T>(list);
    }
}

/// <summary>
/// A timeline whatever its value type: what a rulebook stores for each parameter (a
/// <see cref="Timeline{T}"/> of the parameter's type), and the dates its values change on.
/// </summary>
internal interface ITimeline
{
    /// <summary>The date of the first entry: before it, the parameter has no value.</summary>
    LocalDate FirstDate { get; }

    /// <summary>Adds the date each entry starts on.</summary>
    /// <param name="starts">Where to add them.</param>
    void AddStarts(ICollection<LocalDate> starts);
}
