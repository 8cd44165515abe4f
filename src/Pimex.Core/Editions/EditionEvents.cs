using Pimex.Admission;
using Pimex.Rulebooks;

namespace Pimex.Editions;

/// <summary>A fact recorded in an edition's stream.</summary>
/// <param name="Edition">The edition.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who caused it.</param>
public abstract record EditionEvent(EditionId Edition, Instant RecordedAt, Actor Actor) : DomainEvent(RecordedAt, Actor);

/// <summary>An edition was opened from a rulebook's annuity: its budget, capacity and windows are fixed.</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Annuity">The annuity's rules, copied so that replay needs no rulebook.</param>
/// <param name="RulesDate">The date whose rules the edition applies (the first day of applications).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who opened it.</param>
public sealed record EditionOpened(EditionId Edition, AnnuityRules Annuity, LocalDate RulesDate, Instant RecordedAt, Actor Actor)
    : EditionEvent(Edition, RecordedAt, Actor);

/// <summary>A company applied to the edition.</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Application">What the company declared.</param>
/// <param name="AppliedOn">The application's date in the rulebook's zone.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who applied.</param>
public sealed record ApplicationReceived(EditionId Edition, CompanyApplication Application, LocalDate AppliedOn, Instant RecordedAt, Actor Actor)
    : EditionEvent(Edition, RecordedAt, Actor);

/// <summary>A company was admitted: it is now a participant.</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Participant">The new participant.</param>
/// <param name="SizeClass">Its size class under the SME test.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who admitted it.</param>
public sealed record CompanyAdmitted(EditionId Edition, ParticipantId Participant, SizeClass SizeClass, Instant RecordedAt, Actor Actor)
    : EditionEvent(Edition, RecordedAt, Actor)
{
    /// <summary>The SME test's assessment behind <see cref="SizeClass"/>: which enterprises were
    /// counted, how and why (<see cref="SmeAssessment.Explain"/>); null in events recorded before it was kept.</summary>
    public SmeAssessment? Sme { get; init; }
}

/// <summary>Funds of a line were reserved for a participant (its promotion cap, at admission).</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Line">The budget line.</param>
/// <param name="Participant">The participant.</param>
/// <param name="Amount">The amount reserved.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who caused it.</param>
public sealed record FundsReserved(EditionId Edition, BudgetLine Line, ParticipantId Participant, Money Amount, Instant RecordedAt, Actor Actor)
    : EditionEvent(Edition, RecordedAt, Actor);

/// <summary>Reserved funds were spent: support granted to a participant.</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Line">The budget line.</param>
/// <param name="Participant">The participant.</param>
/// <param name="Amount">The amount spent from the reservation.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who caused it.</param>
public sealed record ReservedFundsSpent(EditionId Edition, BudgetLine Line, ParticipantId Participant, Money Amount, Instant RecordedAt, Actor Actor)
    : EditionEvent(Edition, RecordedAt, Actor);

/// <summary>What was left of a participant's reservation went back to the line.</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Line">The budget line.</param>
/// <param name="Participant">The participant.</param>
/// <param name="Amount">The amount released.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who caused it.</param>
public sealed record ReservationReleased(EditionId Edition, BudgetLine Line, ParticipantId Participant, Money Amount, Instant RecordedAt, Actor Actor)
    : EditionEvent(Edition, RecordedAt, Actor);

/// <summary>Available funds of a line were spent directly (training costs, consultancy hours).</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Line">The budget line.</param>
/// <param name="Amount">The amount spent.</param>
/// <param name="Participant">The participant it was spent for, if any.</param>
/// <param name="Description">What it paid for.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who caused it.</param>
public sealed record FundsSpent(EditionId Edition, BudgetLine Line, Money Amount, ParticipantId? Participant, string Description, Instant RecordedAt, Actor Actor)
    : EditionEvent(Edition, RecordedAt, Actor);

/// <summary>A group training session was scheduled.</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Session">The session.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who scheduled it.</param>
public sealed record SessionScheduled(EditionId Edition, GroupSession Session, Instant RecordedAt, Actor Actor)
    : EditionEvent(Edition, RecordedAt, Actor);

/// <summary>A participant's attendance at a group session was registered.</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Session">The session's id.</param>
/// <param name="Participant">The participant.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who recorded it.</param>
public sealed record AttendanceRegistered(EditionId Edition, string Session, ParticipantId Participant, Instant RecordedAt, Actor Actor)
    : EditionEvent(Edition, RecordedAt, Actor);
