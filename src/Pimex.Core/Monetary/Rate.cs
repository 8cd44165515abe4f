using Ardalis.GuardClauses;

namespace Pimex.Monetary;

/// <summary>
/// A non-negative rate or percentage, such as a support intensity (100 %), a co-financing rate
/// (85 %) or a completion rate, held as a fraction (0.85).
/// </summary>
/// <remarks>
/// Equality and ordering are those of the fraction. The <c>default</c> value is
/// <see cref="Zero"/>. The text form is the percentage with at most four decimals, <c>85%</c>
/// or <c>33.3333%</c>.
/// </remarks>
public readonly struct Rate : IEquatable<Rate>, IComparable<Rate>
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

    /// <summary>The percentage, such as <c>85%</c> or <c>12.5%</c>.</summary>
    /// <returns>The percentage text.</returns>
    public override string ToString() => (fraction * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%";

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
