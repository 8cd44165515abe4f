using System.Collections;
using System.Runtime.CompilerServices;

namespace Pimex.Common;

/// <summary>
/// An immutable array with value equality: two arrays are equal when they hold equal items in
/// the same order. Rule values that are lists (expense categories, roles, funding shares) use it
/// so that a rulebook compares equal to its JSON round trip.
/// </summary>
/// <typeparam name="T">The item type; its own equality is used.</typeparam>
/// <remarks>The <c>default</c> value is the empty array. A collection expression builds one:
/// <c>EquatableArray&lt;string&gt; markets = ["PT", "FR"];</c></remarks>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly ImmutableArray<T> items;

    /// <summary>Wraps items, copying them.</summary>
    /// <param name="items">The items.</param>
    public EquatableArray(IEnumerable<T> items) => this.items = [.. items];

    /// <summary>Wraps an immutable array as it is: it cannot change, so it is not copied.</summary>
    internal EquatableArray(ImmutableArray<T> items) => this.items = items;

    /// <summary>The items as an immutable array.</summary>
    public ImmutableArray<T> Items
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => items.IsDefault ? [] : items;
    }

    /// <inheritdoc />
    public int Count => Items.Length;

    /// <inheritdoc />
    public T this[int index] => Items[index];

    /// <inheritdoc />
    public bool Equals(EquatableArray<T> other) => Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The items as a span, for loops that allocate nothing.</summary>
    /// <returns>The span.</returns>
    public ReadOnlySpan<T> AsSpan() => Items.AsSpan();

    /// <summary>Whether the array holds <paramref name="item"/> (default equality), without boxing an enumerator.</summary>
    /// <param name="item">The item looked for.</param>
    /// <returns>Whether it is there.</returns>
    public bool Contains(T item) => Items.Contains(item);

    /// <summary>A struct enumerator: <c>foreach</c> over the array allocates nothing.</summary>
    /// <returns>The enumerator.</returns>
    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();

    /// <inheritdoc />
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    /// <summary>The items, comma separated.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(", ", Items);

    /// <summary>Whether two arrays hold equal items in the same order.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Whether two arrays differ.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
}

/// <summary>Builds <see cref="EquatableArray{T}"/>s, from collection expressions among others.</summary>
public static class EquatableArray
{
    /// <summary>An array of the given items, copied: what <c>["PT", "FR"]</c> calls.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The array.</returns>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new(ImmutableArray.Create(items));
}
