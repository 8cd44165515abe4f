using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Pimex.Common;

/// <summary>
/// An immutable dictionary with value equality: equal when it holds the same keys with equal
/// values. Aggregate state uses it so that replaying events rebuilds an equal state.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <remarks>The <c>default</c> value is the empty map.</remarks>
public readonly struct EquatableDictionary<TKey, TValue> : IEquatable<EquatableDictionary<TKey, TValue>>, IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
{
    private readonly ImmutableDictionary<TKey, TValue>? items;

    private EquatableDictionary(ImmutableDictionary<TKey, TValue> items) => this.items = items;

    /// <summary>A map of the given entries, copied.</summary>
    /// <param name="entries">The entries; a key given twice takes its last value.</param>
    public EquatableDictionary(IEnumerable<KeyValuePair<TKey, TValue>> entries)
        : this(ImmutableDictionary.CreateRange(OverwriteDuplicates(entries)))
    {
    }

    private ImmutableDictionary<TKey, TValue> Items => items ?? ImmutableDictionary<TKey, TValue>.Empty;

    /// <inheritdoc />
    public int Count => Items.Count;

    /// <inheritdoc />
    public IEnumerable<TKey> Keys => Items.Keys;

    /// <inheritdoc />
    public IEnumerable<TValue> Values => Items.Values;

    /// <inheritdoc />
    public TValue this[TKey key] => Items[key];

    /// <summary>The map with a key set to a value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new map.</returns>
    public EquatableDictionary<TKey, TValue> SetItem(TKey key, TValue value) => new(Items.SetItem(key, value));

    /// <summary>The map without a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The new map.</returns>
    public EquatableDictionary<TKey, TValue> Remove(TKey key) => new(Items.Remove(key));

    /// <inheritdoc />
    public bool ContainsKey(TKey key) => Items.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => Items.TryGetValue(key, out value);

    /// <inheritdoc />
    public bool Equals(EquatableDictionary<TKey, TValue> other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in Items)
        {
            if (!other.TryGetValue(key, out var theirs) || !comparer.Equals(value, theirs))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableDictionary<TKey, TValue> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        int hash = Count;
        foreach (var (key, value) in Items)
        {
            hash ^= HashCode.Combine(key, value);
        }

        return hash;
    }

    /// <summary>A struct enumerator: <c>foreach</c> over the dictionary allocates nothing.</summary>
    /// <returns>The enumerator.</returns>
    public ImmutableDictionary<TKey, TValue>.Enumerator GetEnumerator() => Items.GetEnumerator();

    /// <inheritdoc />
    IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => Items.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

    /// <summary>The entries, keys in ordinal order of their text: <c>{a: 1, b: 2}</c> (<c>{}</c> when empty).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        "{" + string.Join(", ", Items.Select(kv => (Key: kv.Key.ToString(), kv.Value)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}")) + "}";

    /// <summary>Whether two maps hold equal entries.</summary>
    public static bool operator ==(EquatableDictionary<TKey, TValue> left, EquatableDictionary<TKey, TValue> right) => left.Equals(right);

    /// <summary>Whether two maps differ.</summary>
    public static bool operator !=(EquatableDictionary<TKey, TValue> left, EquatableDictionary<TKey, TValue> right) => !left.Equals(right);

    private static Dictionary<TKey, TValue> OverwriteDuplicates(IEnumerable<KeyValuePair<TKey, TValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Dictionary<TKey, TValue>();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }
}
