using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Pimex.Monetary;

/// <summary>
/// An ISO 4217 currency: its three-letter code and the number of digits of its minor unit
/// (2 for EUR and GBP: cents and pence).
/// </summary>
/// <remarks>
/// Two currencies are equal when their codes are equal. The <c>default</c> value is the ISO
/// "no currency" code <c>XXX</c> with no minor unit: it is never a currency of a rulebook, and
/// money in it cannot be mixed with money in any real currency.
/// </remarks>
public readonly struct Currency : IEquatable<Currency>
{
    private static readonly FrozenDictionary<string, byte> KnownMinorUnits = new Dictionary<string, byte>(StringComparer.Ordinal)
    {
        ["EUR"] = 2,
        ["GBP"] = 2,
        ["USD"] = 2,
        ["CHF"] = 2,
        ["SEK"] = 2,
        ["DKK"] = 2,
        ["NOK"] = 2,
        ["PLN"] = 2,
        ["CZK"] = 2,
        ["HUF"] = 2,
        ["RON"] = 2,
        ["BGN"] = 2,
        ["ISK"] = 0,
        ["JPY"] = 0,
        ["RSD"] = 2,
        ["BAM"] = 2,
        ["MKD"] = 2,
        ["ALL"] = 2,
        ["TRY"] = 2,
        ["UAH"] = 2,
        ["MAD"] = 2,
        ["CAD"] = 2,
        ["AUD"] = 2,
        ["CNY"] = 2,
        ["BHD"] = 3,
        ["KWD"] = 3,
        ["TND"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> KnownCodeInstances =
        KnownMinorUnits.Keys.ToFrozenDictionary(code => code, code => code, StringComparer.Ordinal);

    private readonly string? code;
    private readonly byte minorUnits;

    private Currency(string code, byte minorUnits)
    {
        this.code = code;
        this.minorUnits = minorUnits;
    }

    /// <summary>The euro (2 decimal digits).</summary>
    public static Currency EUR => new("EUR", 2);

    /// <summary>The pound sterling (2 decimal digits).</summary>
    public static Currency GBP => new("GBP", 2);

    /// <summary>The three-letter ISO 4217 code, for example <c>EUR</c>; <c>XXX</c> for <c>default</c>.</summary>
    public string Code => code ?? "XXX";

    /// <summary>The number of decimal digits of the minor unit (2 for EUR, 0 for JPY).</summary>
    public int MinorUnits => minorUnits;

    /// <summary>Whether this is the <c>default</c> "no currency" value.</summary>
    public bool IsNone => code is null;

    /// <summary>The ISO 4217 codes this library knows the minor unit of.</summary>
    public static IEnumerable<string> KnownCodes => KnownMinorUnits.Keys;

    /// <summary>Looks up a currency by its ISO 4217 code (upper case, three letters).</summary>
    /// <param name="code">The code, such as <c>EUR</c> or <c>GBP</c>.</param>
    /// <param name="currency">The currency when the code is known; otherwise <c>default</c>.</param>
    /// <returns>Whether the code is a known ISO 4217 currency.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is not null && KnownMinorUnits.TryGetValue(code, out var units))
        {
            // The dictionary's own key, not the caller's string: every EUR then shares one code
            // instance, and comparing two currencies is mostly a reference check.
            currency = new Currency(KnownCodeInstances[code], units);
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>Looks up a currency by its code given as characters, without making a string of them.</summary>
    /// <param name="code">The code's characters.</param>
    /// <param name="currency">The currency when the code is known; otherwise <c>default</c>.</param>
    /// <returns>Whether the code is a known ISO 4217 currency.</returns>
    internal static bool TryFromCode(ReadOnlySpan<char> code, out Currency currency)
    {
#if NET9_0_OR_GREATER
        if (KnownCodeInstances.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out var instance))
#else
        if (KnownCodeInstances.TryGetValue(code.ToString(), out var instance))
#endif
        {
            currency = new Currency(instance, KnownMinorUnits[instance]);
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>Gets a currency by its ISO 4217 code.</summary>
    /// <param name="code">A known code such as <c>EUR</c>.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentException">The code is not a known ISO 4217 currency.</exception>
    public static Currency FromCode(string code) =>
        TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not a known ISO 4217 currency code.", nameof(code));

    /// <inheritdoc />
    public bool Equals(Currency other) => ReferenceEquals(code, other.code) || string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The ISO code.</summary>
    /// <returns>The code, such as <c>EUR</c>.</returns>
    public override string ToString() => Code;

    /// <summary>Whether two currencies are the same.</summary>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Whether two currencies differ.</summary>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);
}
