using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;

namespace Pimex.Monetary;

/// <summary>
/// A non-negative rate or percentage, such as a support intensity (100 %), a co-financing rate
/// (85 %) or a completion rate, held as a fraction (0.85).
/// </summary>
/// <remarks>
/// Equality and ordering are those of the fraction. The <c>default</c> value is
/// <see cref="Zero"/>. <see cref="ToString()"/> shows the percentage with at most four decimals,
/// <c>85%</c> or <c>33.3333%</c>; the round-trip form <c>ToString("R", null)</c> writes every
/// digit (<c>33.333333333333333333333333%</c>), and <see cref="Parse"/> and
/// <see cref="TryParse"/> read both. Rulebooks and ledgers write rates in the round-trip form.
/// </remarks>
public readonly struct Rate : IEquatable<Rate>, IComparable<Rate>, IFormattable
{
    private readonly decimal fraction;

    private Rate(decimal fraction) => this.fraction = fraction;

    /// <summary>0 %.</summary>
    public static Rate Zero => default;

    /// <summary>100 %.</summary>
    public static Rate One => new(1m);

    /// <summary>The rate as a fraction: 0.85 for 85 %.</summary>
    public decimal Fraction => fraction;

    /// <summary>The rate as a percentage: 85 for 85 %.</summary>
    public decimal Percent => fraction * 100m;

    /// <summary>Creates a rate from a fraction (0.85 for 85 %).</summary>
    /// <param name="fraction">A non-negative fraction.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentException">The fraction is negative.</exception>
    public static Rate FromFraction(decimal fraction) => new(Guard.Against.NegativeDecimal(fraction));

    /// <summary>Creates a rate from a percentage (85 for 85 %).</summary>
    /// <param name="percent">A non-negative percentage.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentException">The percentage is negative.</exception>
    public static Rate FromPercent(decimal percent) => new(Guard.Against.NegativeDecimal(percent) / 100m);

    /// <summary>
    /// The ratio of two counts, <c>0</c> when the denominator is zero (a rate over nobody is
    /// reported as 0 %, not as an error).
    /// </summary>
    /// <param name="numerator">The part; not negative.</param>
    /// <param name="denominator">The whole; not negative.</param>
    /// <returns>The ratio.</returns>
    public static Rate Ratio(decimal numerator, decimal denominator)
    {
        Guard.Against.NegativeDecimal(numerator);
        Guard.Against.NegativeDecimal(denominator);
        return denominator == 0m ? Zero : new Rate(numerator / denominator);
    }

    /// <summary>The complement, 1 - this rate: the share left to pay by others.</summary>
    /// <returns>The complement.</returns>
    /// <exception cref="InvalidOperationException">This rate is above 100 %.</exception>
    public Rate Complement() => fraction <= 1m
        ? new Rate(1m - fraction)
        : throw new InvalidOperationException("A rate above 100 % has no complement.");

    /// <inheritdoc />
    public bool Equals(Rate other) => fraction == other.fraction;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => fraction.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Rate other) => fraction.CompareTo(other.fraction);

    /// <summary>The percentage, such as <c>85%</c> or <c>12.5%</c>, with at most four decimals.</summary>
    /// <returns>The percentage text.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats the percentage in the invariant culture: a null, empty or <c>G</c> format gives at
    /// most four decimals (<c>33.3333%</c>); <c>R</c>, the round-trip form, every digit the rate
    /// holds (<c>33.333333333333333333333333%</c>), which <see cref="Parse"/> reads back to an
    /// equal rate.
    /// </summary>
    /// <param name="format">Null, empty, <c>G</c> or <c>R</c>.</param>
    /// <param name="formatProvider">Ignored: rates are written in the invariant culture (reports use their language's own form).</param>
    /// <returns>The percentage text.</returns>
    /// <exception cref="FormatException">The format is none of these.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "G" => Percent.ToString("0.####", CultureInfo.InvariantCulture) + "%",
        "R" => Percent.ToString("0.############################", CultureInfo.InvariantCulture) + "%",
        _ => throw new FormatException($"Unknown Rate format '{format}'."),
    };

    /// <summary>
    /// Reads a percentage such as <c>85%</c> or <c>12.5%</c>: digits with an optional point and
    /// decimals (invariant culture, no sign, group separator, exponent or spaces), then <c>%</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="rate">The rate when the text is a percentage; otherwise <see cref="Zero"/>.</param>
    /// <returns>Whether the text is a percentage.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Rate rate) =>
        Read(text.AsSpan(), out rate) == RateText.Read && text is not null;

    /// <summary>Reads a percentage such as <c>85%</c>, as <see cref="TryParse"/>, for text that must be one.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentNullException">The text is null.</exception>
    /// <exception cref="FormatException">The text is not a percentage; the message says why.</exception>
    public static Rate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(text, out var rate) switch
        {
            RateText.Read => rate,
            RateText.Negative => throw new FormatException($"'{text}' is negative: a rate is zero or more."),
            _ => throw new FormatException($"'{text}' is not a percentage such as '85%'."),
        };
    }

    /// <summary>
    /// Reads a percentage and says why it is not one: the readers of the library and the tool turn
    /// each answer into their own stable code.
    /// </summary>
    /// <param name="text">The characters.</param>
    /// <param name="rate">The rate when read; otherwise <see cref="Zero"/>.</param>
    /// <returns>What was found.</returns>
    internal static RateText Read(ReadOnlySpan<char> text, out Rate rate)
    {
        rate = default;
        if (text.Length < 2 || text[^1] != '%' || text[0] == '+'
            || !decimal.TryParse(text[..^1], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
        {
            return RateText.NotARate;
        }

        if (text[0] == '-' && percent != 0m)
        {
            return RateText.Negative;
        }

        if (text[0] == '-')
        {
            return RateText.NotARate;
        }

        rate = new Rate(percent / 100m);
        return RateText.Read;
    }

    /// <summary>Whether two rates are equal.</summary>
    public static bool operator ==(Rate left, Rate right) => left.Equals(right);

    /// <summary>Whether two rates differ.</summary>
    public static bool operator !=(Rate left, Rate right) => !left.Equals(right);

    /// <summary>Whether the left rate is lower.</summary>
    public static bool operator <(Rate left, Rate right) => left.CompareTo(right) < 0;

    /// <summary>Whether the left rate is higher.</summary>
    public static bool operator >(Rate left, Rate right) => left.CompareTo(right) > 0;

    /// <summary>Whether the left rate is lower or equal.</summary>
    public static bool operator <=(Rate left, Rate right) => left.CompareTo(right) <= 0;

    /// <summary>Whether the left rate is higher or equal.</summary>
    public static bool operator >=(Rate left, Rate right) => left.CompareTo(right) >= 0;
}

/// <summary>What <see cref="Rate.Read"/> found in a text.</summary>
internal enum RateText
{
    /// <summary>A percentage, read.</summary>
    Read,

    /// <summary>Not the form <c>85%</c>.</summary>
    NotARate,

    /// <summary>The form with a minus sign: a negative percentage.</summary>
    Negative,
}
