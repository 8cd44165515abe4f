using NodaTime;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Benchmarks.Fixtures;

/// <summary>
/// The claim every implementation decides, with the rules read from the embedded Extremadura
/// rulebook: EUR 900 approved for a participant of the 2016 edition that was already granted
/// EUR 2,100, so that the cap binds; its aid so far is the declared aid of
/// <see cref="AdmissionCase"/>, its in-kind aid and its two earlier grants.
/// </summary>
internal static class ClaimCase
{
    /// <summary>The edition's rules.</summary>
    public static readonly RuleSet Rules = AdmissionCase.Rules;

    /// <summary>The grant date.</summary>
    public static readonly LocalDate GrantDate = new(2016, 12, 1);

    /// <summary>The state-aid regime in force on the grant date.</summary>
    public static readonly AidRegime Regime = AdmissionCase.Rulebook.On(GrantDate).Value.Aid.Regime;

    /// <summary>The approved eligible amount.</summary>
    public static readonly Money Approved = Eur.Of(900m);

    /// <summary>Support already granted in the edition.</summary>
    public static readonly Money AlreadyGranted = Eur.Of(2_100m);

    /// <summary>What is left of the reservation: the cap less what was granted.</summary>
    public static readonly Money ReservationLeft = Rules.Promotion.CapPerCompany - AlreadyGranted;

    /// <summary>Every aid that counts for the company's ceiling, as <c>Participant.AidReceived()</c> lists it.</summary>
    public static readonly AidReceived[] AidReceived =
    [
        .. AdmissionCase.Application.DeclaredAid,
        new AidReceived(Eur.Of(442.67m), AdmissionCase.DecisionDate, "PIMEX extremadura-2016 (in-kind training and consultancy)"),
        new AidReceived(Eur.Of(1_200m), new LocalDate(2016, 10, 20), "PIMEX extremadura-2016 (promotion support, claim C1)"),
        new AidReceived(Eur.Of(900m), new LocalDate(2016, 11, 5), "PIMEX extremadura-2016 (promotion support, claim C2)"),
    ];

    /// <summary>Zero in the rulebook's currency: the new aid of a headroom check.</summary>
    public static readonly Money NoNewAid = Money.Zero(Rules.Currency);
}
