using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime.Text;

namespace Pimex.StateAid;

/// <summary>
/// Checks new aid against a state-aid regime's ceiling: the aid already granted to the company
/// within the regime's look-back period, plus the new aid, must not exceed the ceiling.
/// </summary>
/// <remarks>
/// <para>Only aid granted within <see cref="AidPeriod.LookBack"/> of the grant date counts, both
/// ends inclusive: aid granted before the period, or after the grant date, is ignored.</para>
/// <para>Pick the regime by grant date from the rulebook
/// (<c>rulebook.On(grantDate).Value.Aid.Regime</c>): aid granted on 31 December 2023 falls
/// under EU 1407/2013, aid granted on 1 January 2024 under EU 2023/2831.</para>
/// <para>Amounts in another currency than the ceiling, and negative amounts, are programmer
/// errors (the host validates declared aid first) and throw.</para>
/// </remarks>
public static class AidCeiling
{
    /// <summary>Checks new aid against the ceiling.</summary>
    /// <param name="regime">The regime in force on <paramref name="grantDate"/>.</param>
    /// <param name="received">The de minimis aid the company received before (declared, or
    /// granted by PIMEX), in any order; aid outside the look-back is ignored.</param>
    /// <param name="newAid">The aid about to be granted; not negative.</param>
    /// <param name="grantDate">The date the new aid is granted.</param>
    /// <returns>The check, with the look-back, the aid counted and the headroom.</returns>
    /// <exception cref="ArgumentNullException">An argument or an item is null.</exception>
    /// <exception cref="ArgumentException">An amount is in another currency than the ceiling, or
    /// is negative.</exception>
    public static AidCeilingCheck Check(AidRegime regime, IEnumerable<AidReceived> received, Money newAid, LocalDate grantDate)
    {
        ArgumentNullException.ThrowIfNull(received);
        switch (received)
        {
            case AidReceived[] array:
                return Check(regime, array, newAid, grantDate);
            case List<AidReceived> list:
                return Check(regime, CollectionsMarshal.AsSpan(list), newAid, grantDate);
            default:
                var counter = new Counter(regime, newAid, grantDate);
                foreach (var aid in received)
                {
                    counter.Add(aid);
                }

                return counter.Result();
        }
    }

    /// <summary>
    /// Checks new aid against the ceiling, as the <see cref="ReadOnlySpan{T}"/> overload does. It
    /// exists so that passing an array is not ambiguous between the sequence and span overloads
    /// for callers on C# 12 and earlier.
    /// </summary>
    /// <param name="regime">The regime in force on <paramref name="grantDate"/>.</param>
    /// <param name="received">The de minimis aid the company received before, in any order; aid
    /// outside the look-back is ignored.</param>
    /// <param name="newAid">The aid about to be granted; not negative.</param>
    /// <param name="grantDate">The date the new aid is granted.</param>
    /// <returns>The check, with the look-back, the aid counted and the headroom.</returns>
    /// <exception cref="ArgumentNullException">An argument or an item is null.</exception>
    /// <exception cref="ArgumentException">An amount is in another currency than the ceiling, or
    /// is negative.</exception>
    public static AidCeilingCheck Check(AidRegime regime, AidReceived[] received, Money newAid, LocalDate grantDate)
    {
        ArgumentNullException.ThrowIfNull(received);
        return Check(regime, new ReadOnlySpan<AidReceived>(received), newAid, grantDate);
    }

    /// <summary>
    /// Checks new aid against the ceiling, allocating nothing: the hot path of admission and
    /// of every grant.
    /// </summary>
    /// <param name="regime">The regime in force on <paramref name="grantDate"/>.</param>
    /// <param name="received">The de minimis aid the company received before, in any order; aid
    /// outside the look-back is ignored.</param>
    /// <param name="newAid">The aid about to be granted; not negative.</param>
    /// <param name="grantDate">The date the new aid is granted.</param>
    /// <returns>The check, with the look-back, the aid counted and the headroom.</returns>
    /// <exception cref="ArgumentNullException">The regime or an item is null.</exception>
    /// <exception cref="ArgumentException">An amount is in another currency than the ceiling, or
    /// is negative.</exception>
    public static AidCeilingCheck Check(AidRegime regime, ReadOnlySpan<AidReceived> received, Money newAid, LocalDate grantDate)
    {
        var counter = new Counter(regime, newAid, grantDate);
        foreach (var aid in received)
        {
            counter.Add(aid);
        }

        return counter.Result();
    }

    /// <summary>Counts aid within the look-back of a grant; the checks' loop, shared with the verbs that count aid in place.</summary>
    internal struct Counter
    {
        private readonly AidRegime regime;
        private readonly Money newAid;
        private readonly LocalDate lookBackStart;
        private readonly LocalDate grantDate;
        private Money counted;

        public Counter(AidRegime regime, Money newAid, LocalDate grantDate)
        {
            ArgumentNullException.ThrowIfNull(regime);
            ArgumentNullException.ThrowIfNull(regime.Period, nameof(regime));
            var currency = regime.Ceiling.Currency;
            if (newAid.Currency != currency || newAid.IsNegative)
            {
                ThrowUnusableNewAid(regime, newAid);
            }

            this.regime = regime;
            this.newAid = newAid;
            lookBackStart = regime.Period.LookBackStart(grantDate);
            this.grantDate = grantDate;
            counted = Money.Zero(currency);
        }

        public void Add(AidReceived received)
        {
            ArgumentNullException.ThrowIfNull(received);
            var amount = received.Amount;
            if (amount.Currency != counted.Currency || amount.IsNegative)
            {
                ThrowUnusableAid(regime, received, counted.Currency);
            }

            if (lookBackStart <= received.GrantedOn && received.GrantedOn <= grantDate)
            {
                counted += amount;
            }
        }

        /// <summary>Counts aid known by its amount and date only: aid the programme itself granted.</summary>
        /// <param name="amount">The amount, in the ceiling's currency, not negative.</param>
        /// <param name="grantedOn">When it was granted.</param>
        public void Add(Money amount, LocalDate grantedOn)
        {
            if (amount.Currency != counted.Currency || amount.IsNegative)
            {
                ThrowUnusableNewAid(regime, amount);
            }

            if (lookBackStart <= grantedOn && grantedOn <= grantDate)
            {
                counted += amount;
            }
        }

        // The throws live out of line, so that the loop over the aid stays small and fast.
        [DoesNotReturn]
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowUnusableNewAid(AidRegime regime, Money newAid) =>
            throw new ArgumentException(
                newAid.Currency != regime.Ceiling.Currency
                    ? $"The new aid is in {newAid.Currency}; the {regime.Name} ceiling is in {regime.Ceiling.Currency}."
                    : $"The new aid must not be negative (was {newAid}).",
                nameof(newAid));

        [DoesNotReturn]
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowUnusableAid(AidRegime regime, AidReceived received, Currency currency) =>
            throw new ArgumentException(
                received.Amount.Currency != currency
                    ? $"Aid granted on {LocalDatePattern.Iso.Format(received.GrantedOn)} by {received.GrantingBody} is in {received.Amount.Currency}; the {regime.Name} ceiling is in {currency}."
                    : $"Aid granted on {LocalDatePattern.Iso.Format(received.GrantedOn)} by {received.GrantingBody} is negative ({received.Amount}).",
                nameof(received));

        public readonly AidCeilingCheck Result()
        {
            var ceiling = regime.Ceiling;
            var headroom = Money.Max(ceiling - counted, Money.Zero(ceiling.Currency));
            return new AidCeilingCheck(regime, lookBackStart, grantDate, counted, newAid, headroom, counted + newAid <= ceiling);
        }
    }
}
