namespace Pimex.Promotion;

/// <summary>Why part of an approved amount was not supported. Several may apply at once.</summary>
[Flags]
public enum NotSupportedReasons
{
    /// <summary>Everything approved was granted.</summary>
    None = 0,

    /// <summary>The support intensity pays less than 100 % of the approved amount.</summary>
    Intensity = 1,

    /// <summary>The company's promotion cap was reached.</summary>
    Cap = 2,

    /// <summary>What was left of the company's reservation on the actions line ran out.</summary>
    Reservation = 4,

    /// <summary>The state-aid ceiling would be exceeded.</summary>
    AidCeiling = 8,
}

/// <summary>
/// How much of an approved eligible expense is granted as support, and how much is not
/// supported and why. <see cref="Approved"/> = <see cref="Granted"/> + <see cref="NotSupported"/>,
/// to the cent.
/// </summary>
/// <param name="Approved">The approved eligible amount.</param>
/// <param name="Granted">The support granted.</param>
/// <param name="NotSupported">The rest.</param>
/// <param name="Reasons">Why the rest was not supported.</param>
public readonly record struct SupportDecision(Money Approved, Money Granted, Money NotSupported, NotSupportedReasons Reasons)
{
    /// <summary>
    /// Decides the support for an approved amount: granted = min(approved x intensity, cap -
    /// support already granted, what is left of the reservation, state-aid headroom), never below
    /// zero. Allocates nothing.
    /// </summary>
    /// <param name="approved">The approved eligible amount.</param>
    /// <param name="intensity">The rulebook's support intensity.</param>
    /// <param name="cap">The company's cap.</param>
    /// <param name="alreadyGranted">Support already granted to the company in the edition.</param>
    /// <param name="reservationLeft">What is left of its reservation on the actions line.</param>
    /// <param name="aidHeadroom">How much more aid the state-aid ceiling allows.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="InvalidOperationException">The amounts are in different currencies.</exception>
    public static SupportDecision Decide(Money approved, Rate intensity, Money cap, Money alreadyGranted, Money reservationLeft, Money aidHeadroom)
    {
        var zero = Money.Zero(approved.Currency);
        var granted = approved * intensity;
        var reasons = granted < approved ? NotSupportedReasons.Intensity : NotSupportedReasons.None;
        var capLeft = Money.Max(cap - alreadyGranted, zero);
        if (granted > capLeft)
        {
            granted = capLeft;
            reasons |= NotSupportedReasons.Cap;
        }

        var reservation = Money.Max(reservationLeft, zero);
        if (granted > reservation)
        {
            granted = reservation;
            reasons |= NotSupportedReasons.Reservation;
        }

        var headroom = Money.Max(aidHeadroom, zero);
        if (granted > headroom)
        {
            granted = headroom;
            reasons |= NotSupportedReasons.AidCeiling;
        }

        return new SupportDecision(approved, granted, approved - granted, reasons);
    }
}
