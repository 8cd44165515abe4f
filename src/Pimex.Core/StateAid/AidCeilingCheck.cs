namespace Pimex.StateAid;

/// <summary>
/// The outcome of checking new aid against a regime's ceiling, with the figures a decision letter
/// shows.
/// </summary>
/// <param name="Regime">The regime checked against.</param>
/// <param name="LookBackStart">The first date whose aid counts.</param>
/// <param name="GrantDate">The grant date: the last date whose aid counts.</param>
/// <param name="AlreadyCounted">The aid already received within the look-back.</param>
/// <param name="NewAid">The new aid checked.</param>
/// <param name="Headroom">How much more aid fits under the ceiling: the ceiling less
/// <paramref name="AlreadyCounted"/>, never below zero.</param>
/// <param name="IsWithinCeiling">Whether <paramref name="AlreadyCounted"/> plus
/// <paramref name="NewAid"/> is at most the ceiling.</param>
/// <remarks>Two checks are equal when all their members are equal. The <c>default</c> value has
/// no regime and no look-back; it is never the result of <see cref="AidCeiling.Check(AidRegime, ReadOnlySpan{AidReceived}, Money, LocalDate)"/>.</remarks>
public readonly record struct AidCeilingCheck(
    AidRegime Regime,
    LocalDate LookBackStart,
    LocalDate GrantDate,
    Money AlreadyCounted,
    Money NewAid,
    Money Headroom,
    bool IsWithinCeiling)
{
    /// <summary>The dates whose aid counts, both ends inclusive (allocates the interval).</summary>
    public DateInterval LookBack => new(LookBackStart, GrantDate);
}
