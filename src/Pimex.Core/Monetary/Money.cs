using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;

namespace Pimex.Monetary;

/// <summary>
/// An amount of money in one currency, always rounded to the currency's minor unit, half away
/// from zero (EUR 0.005 becomes EUR 0.01).
/// </summary>
/// <remarks>
/// <para>Arithmetic and ordering exist only within one currency: adding, subtracting or
/// comparing amounts in two currencies throws <see cref="InvalidOperationException"/>, because
/// such a call is a programmer error (a rulebook fixes one currency and checks every amount at
/// the boundary).</para>
/// <para>Equality: two amounts are equal when their currencies and values are equal
/// (EUR 2500 equals EUR 2500.00); amounts in different currencies are simply not equal.</para>
/// <para>The <c>default</c> value is zero in the "no currency" <c>XXX</c>
/// (<see cref="Currency.IsNone"/>); it formats as <c>XXX 0</c>, which <see cref="TryParse(string?, out Money)"/>
/// does not read back.</para>
/// <para>Text form: <c>EUR 2500.00</c> (code, a space, the amount with exactly the minor-unit
/// digits, invariant culture), which <see cref="Parse"/> and <see cref="TryParse(string?, out Money)"/>
/// read back, for every amount up to <see cref="MaxAmount"/>.</para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable, IFormattable
{
    private readonly decimal amount;
    private readonly Currency currency;

    private Money(decimal amount, Currency currency)
    {
        this.amount = amount;
        this.currency = currency;
    }

    /// <summary>The amount, in major units (euros, pounds), with at most the minor-unit digits.</summary>
    public decimal Amount => amount;

    /// <summary>The currency.</summary>
    public Currency Currency => currency;

    /// <summary>Whether the amount is zero.</summary>
    public bool IsZero => amount == 0m;

    /// <summary>Whether the amount is below zero.</summary>
    /// <remarks>The sign bit first: the same answer as <c>amount &lt; 0m</c> (a negative zero is not
    /// negative), without a decimal comparison for the usual positive amount.</remarks>
    public bool IsNegative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => decimal.IsNegative(amount) && amount != 0m;
    }

    /// <summary>Whether the amount is above zero.</summary>
    public bool IsPositive => amount > 0m;

    /// <summary>The amount in minor units (cents): EUR 12.34 is 1234.</summary>
    public long MinorUnits => checked((long)(amount * Pow10(currency.MinorUnits)));

    /// <summary>Creates an amount, rounded to the currency's minor unit half away from zero.</summary>
    /// <param name="amount">The amount in major units.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The rounded amount.</returns>
    public static Money Of(decimal amount, Currency currency) =>
        new(decimal.Round(amount, currency.MinorUnits, MidpointRounding.AwayFromZero), currency);

    /// <summary>Creates an amount from a whole number of minor units (cents).</summary>
    /// <param name="minorUnits">The number of minor units.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    public static Money FromMinorUnits(long minorUnits, Currency currency) =>
        new(minorUnits / Pow10(currency.MinorUnits), currency);

    /// <summary>Zero in a currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Adds an amount in the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Money Add(Money other) => new(amount + SameCurrency(other).amount, currency);

    /// <summary>Subtracts an amount in the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Money Subtract(Money other) => new(amount - SameCurrency(other).amount, currency);

    /// <summary>The opposite amount.</summary>
    /// <returns>The amount with its sign changed.</returns>
    public Money Negate() => new(-amount, currency);

    /// <summary>Applies a rate, rounding the result to the minor unit half away from zero.</summary>
    /// <param name="rate">The rate, such as a support intensity or a co-financing rate.</param>
    /// <returns>The amount times the rate.</returns>
    public Money Multiply(Rate rate) => Of(amount * rate.Fraction, currency);

    /// <summary>Multiplies by a whole number, for example hours times an hourly rate.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The product.</returns>
    public Money Multiply(int factor) => new(amount * factor, currency);

    /// <summary>Multiplies by a decimal quantity (such as 1.5 hours) and rounds to the minor unit.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The rounded product.</returns>
    public Money Multiply(decimal quantity) => Of(amount * quantity, currency);

    /// <summary>The smaller of two amounts in one currency.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>The smaller.</returns>
    public static Money Min(Money left, Money right) => left.CompareTo(right) <= 0 ? left : right;

    /// <summary>The larger of two amounts in one currency.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>The larger.</returns>
    public static Money Max(Money left, Money right) => left.CompareTo(right) >= 0 ? left : right;

    /// <summary>
    /// Splits this amount into parts proportional to <paramref name="weights"/>, losing no cent:
    /// the parts always add up to this amount exactly. Cents left over by rounding go, one each,
    /// to the parts with the largest remainders (the earliest part first on a tie).
    /// </summary>
    /// <param name="weights">Non-negative weights, at least one of them positive.</param>
    /// <returns>One amount per weight, in order.</returns>
    /// <exception cref="ArgumentException">No weight, a negative weight, or all zero.</exception>
    public Money[] Allocate(ReadOnlySpan<decimal> weights)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("At least one weight is needed.", nameof(weights));
        }

        decimal sum = 0m;
        foreach (var w in weights)
        {
            Guard.Against.Negative(w, nameof(weights));
            sum += w;
        }

        Guard.Against.NegativeOrZero(sum, nameof(weights));

        long units = MinorUnits;
        long sign = units < 0 ? -1 : 1;
        long magnitude = Math.Abs(units);
        var parts = new long[weights.Length];
        var remainders = new decimal[weights.Length];
        long given = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            decimal exact = magnitude * (weights[i] / sum);
            long whole = (long)decimal.Truncate(exact);
            parts[i] = whole;
            remainders[i] = exact - whole;
            given += whole;
        }

        for (long left = magnitude - given; left > 0; left--)
        {
            int best = -1;
            for (int i = 0; i < remainders.Length; i++)
            {
                if (weights[i] > 0m && (best < 0 || remainders[i] > remainders[best]))
                {
                    best = i;
                }
            }

            parts[best]++;
            remainders[best] = -1m;
        }

        var result = new Money[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            result[i] = FromMinorUnits(sign * parts[i], currency);
        }

        return result;
    }

    /// <summary>Splits this amount into <paramref name="count"/> parts as equal as cents allow.</summary>
    /// <param name="count">How many parts; at least one.</param>
    /// <returns>The parts, adding up to this amount exactly.</returns>
    public Money[] Split(int count)
    {
        Guard.Against.NegativeOrZero(count);
        var weights = new decimal[count];
        Array.Fill(weights, 1m);
        return Allocate(weights);
    }

    /// <summary>
    /// The largest amount, in absolute value, that the text form is read for (10^15 units of the
    /// currency): far above any programme's budget, cap or threshold, and low enough that the sums
    /// and products the domain makes of such amounts never overflow <see cref="decimal"/>. The
    /// rulebook reader, the ledger reader and the JSON converters all read amounts through
    /// <see cref="Read"/>, so they share this limit.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>
    /// Reads the text form <c>EUR 2500.00</c>: a known ISO 4217 code, one space, and an amount in
    /// the invariant culture (an optional <c>-</c>, digits, an optional point and decimals; no
    /// group separators, exponent or spaces) that is exact at the currency's minor unit
    /// (<c>EUR 2500.005</c> is refused, not rounded; <c>EUR 2500.000</c> and <c>EUR 5</c> are
    /// read) and at most <see cref="MaxAmount"/> in absolute value.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="money">The amount when the text is well formed; otherwise <c>default</c>.</param>
    /// <returns>Whether the text is the text form of an amount.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Money money) =>
        TryParse(text.AsSpan(), out money) && text is not null;

    /// <summary>Reads the text form <c>EUR 2500.00</c> from characters, as <see cref="TryParse(string?, out Money)"/>.</summary>
    /// <param name="text">The characters.</param>
    /// <param name="money">The amount when the text is well formed; otherwise <c>default</c>.</param>
    /// <returns>Whether the text is the text form of an amount.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Money money) =>
        Read(text, out money) == MoneyText.Read;

    /// <summary>
    /// Reads the text form <c>EUR 2500.00</c>, as <see cref="TryParse(string?, out Money)"/>, for
    /// text that must be an amount.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentNullException">The text is null.</exception>
    /// <exception cref="FormatException">The text is not the text form of an amount; the message says why.</exception>
    public static Money Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(text, out var money) switch
        {
            MoneyText.Read => money,
            MoneyText.TooManyDecimals => throw new FormatException($"'{text}' has more decimals than its currency's minor unit."),
            MoneyText.TooLarge => throw new FormatException($"'{text}' is more than {MaxAmount.ToString("0", CultureInfo.InvariantCulture)} in absolute value."),
            _ => throw new FormatException($"'{text}' is not an amount such as 'EUR 2500.00' (an ISO 4217 code, a space, the amount)."),
        };
    }

    /// <summary>
    /// Reads the text form and says why it is not one: the readers of the library and the tool
    /// turn each answer into their own stable code.
    /// </summary>
    /// <param name="text">The characters.</param>
    /// <param name="money">The amount when read; otherwise <c>default</c>.</param>
    /// <returns>What was found.</returns>
    internal static MoneyText Read(ReadOnlySpan<char> text, out Money money)
    {
        money = default;
        if (text.Length < 5 || text[3] != ' ' || !Currency.TryFromCode(text[..3], out var currency))
        {
            return MoneyText.NotAnAmount;
        }

        if (!decimal.TryParse(text[4..], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || text[4] == '+')
        {
            return MoneyText.NotAnAmount;
        }

        if (Math.Abs(value) > MaxAmount)
        {
            return MoneyText.TooLarge;
        }

        var rounded = Of(value, currency);
        if (rounded.amount != value)
        {
            return MoneyText.TooManyDecimals;
        }

        money = rounded;
        return MoneyText.Read;
    }

    /// <inheritdoc />
    public bool Equals(Money other) => amount == other.amount && currency.Equals(other.currency);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(amount, currency);

    /// <summary>Orders two amounts of the same currency by value.</summary>
    /// <param name="other">An amount in the same currency.</param>
    /// <returns>Negative, zero or positive.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CompareTo(Money other) => amount.CompareTo(SameCurrency(other).amount);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException("The object is not Money.", nameof(obj)),
    };

    /// <summary>The text form, <c>EUR 2500.00</c>.</summary>
    /// <returns>The code, a space and the amount with its minor-unit digits.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats the amount. A null or empty format gives the text form <c>EUR 2500.00</c>;
    /// <c>N</c> adds group separators (<c>EUR 2,500.00</c> in the invariant culture).
    /// </summary>
    /// <param name="format">Null, empty, or <c>N</c>.</param>
    /// <param name="formatProvider">The culture for the number; invariant when null.</param>
    /// <returns>The formatted amount.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var provider = formatProvider ?? CultureInfo.InvariantCulture;
        var digits = currency.MinorUnits.ToString(CultureInfo.InvariantCulture);
        var number = format switch
        {
            null or "" or "G" => amount.ToString("F" + digits, provider),
            "N" => amount.ToString("N" + digits, provider),
            _ => throw new FormatException($"Unknown Money format '{format}'."),
        };
        return currency.Code + " " + number;
    }

    /// <summary>Adds two amounts in one currency.</summary>
    public static Money operator +(Money left, Money right) => left.Add(right);

    /// <summary>Subtracts two amounts in one currency.</summary>
    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>The opposite amount.</summary>
    public static Money operator -(Money value) => value.Negate();

    /// <summary>Applies a rate, rounding half away from zero.</summary>
    public static Money operator *(Money money, Rate rate) => money.Multiply(rate);

    /// <summary>Multiplies by a whole number.</summary>
    public static Money operator *(Money money, int factor) => money.Multiply(factor);

    /// <summary>Whether two amounts are equal (same currency and value).</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Whether two amounts differ.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Whether the left amount is smaller (same currency only).</summary>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Whether the left amount is larger (same currency only).</summary>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Whether the left amount is smaller or equal (same currency only).</summary>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Whether the left amount is larger or equal (same currency only).</summary>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    // Kept small so that the JIT inlines it into every operator: the throw lives out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Money SameCurrency(Money other)
    {
        if (!currency.Equals(other.currency))
        {
            ThrowMixedCurrencies(currency, other.currency);
        }

        return other;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMixedCurrencies(Currency left, Currency right) =>
        throw new InvalidOperationException($"Cannot mix {left.Code} and {right.Code}: convert first.");

    private static decimal Pow10(int digits) => digits switch
    {
        0 => 1m,
        1 => 10m,
        2 => 100m,
        3 => 1000m,
        _ => (decimal)Math.Pow(10, digits),
    };
}

/// <summary>What <see cref="Money.Read"/> found in a text.</summary>
internal enum MoneyText
{
    /// <summary>An amount, read.</summary>
    Read,

    /// <summary>Not the form <c>EUR 2500.00</c> (or an unknown currency).</summary>
    NotAnAmount,

    /// <summary>The form, with more decimals than the currency's minor unit that are not zeros.</summary>
    TooManyDecimals,

    /// <summary>The form, above <see cref="Money.MaxAmount"/> in absolute value.</summary>
    TooLarge,
}
