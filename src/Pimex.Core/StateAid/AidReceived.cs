namespace Pimex.StateAid;

/// <summary>
/// One grant of de minimis aid to the company's single undertaking: aid it declares it received
/// from any body, aid an enterprise linked to it received, aid of an undertaking it merged with or
/// split from, or aid PIMEX itself granted it.
/// </summary>
/// <param name="Amount">The gross grant equivalent of the aid.</param>
/// <param name="GrantedOn">The date the aid was granted: the date the legal right to it was
/// conferred, not the date it was paid.</param>
/// <param name="GrantingBody">Who granted it.</param>
public sealed record AidReceived(Money Amount, LocalDate GrantedOn, string GrantingBody)
{
    /// <summary>Who received it when not the company itself: a linked enterprise of its single
    /// undertaking, or an undertaking it merged with, acquired or split from; null for the company.</summary>
    public string? Recipient { get; init; }
}
