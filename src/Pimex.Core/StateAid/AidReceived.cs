using NodaTime;
using Pimex.Monetary;

namespace Pimex.StateAid;

/// <summary>
/// One grant of de minimis aid to the company: aid it declares it received from any body, or
/// aid PIMEX itself granted it.
/// </summary>
/// <param name="Amount">The gross grant equivalent of the aid.</param>
/// <param name="GrantedOn">The date the aid was granted: the date the legal right to it was
/// conferred, not the date it was paid.</param>
/// <param name="GrantingBody">Who granted it.</param>
public sealed record AidReceived(Money Amount, LocalDate GrantedOn, string GrantingBody);
