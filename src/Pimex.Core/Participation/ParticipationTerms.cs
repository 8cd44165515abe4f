using Pimex.Admission;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Participation;

/// <summary>
/// The terms a participant was admitted on, fixed at admission and carried by its first event so
/// that its stream replays without the rulebook: its commitment, its promotion cap, its
/// edition's windows, and what counts towards its state-aid ceiling.
/// </summary>
/// <param name="Commitment">What it committed to.</param>
/// <param name="Cap">Its promotion support cap, reserved on the actions line.</param>
/// <param name="TrainingWindow">When sessions, pills and tutorials take place.</param>
/// <param name="ExpensesWindow">The dates an invoice must fall in.</param>
/// <param name="SizeClass">Its size class under the SME test at admission.</param>
/// <param name="DeclaredAid">The de minimis aid of its single undertaking at admission: what it
/// declared itself, what its linked undertakings received (<see cref="AidReceived.Recipient"/> names
/// them) and the aid carried by mergers, acquisitions and splits (<see cref="Admission.SingleUndertaking.Aid"/>).</param>
/// <param name="InKindAid">The value of its in-kind support (training and consultancy) as aid.</param>
/// <param name="AdmittedOn">The admission date, in the rulebook's zone: the date of the in-kind aid.</param>
/// <param name="RulesDate">The date whose rules the edition applies.</param>
/// <param name="Zone">The programme's time zone (the rulebook's), in which a command's local date is read.</param>
public sealed record ParticipationTerms(
    CommitmentRules Commitment,
    Money Cap,
    DateInterval TrainingWindow,
    DateInterval ExpensesWindow,
    SizeClass SizeClass,
    EquatableArray<AidReceived> DeclaredAid,
    Money InKindAid,
    LocalDate AdmittedOn,
    LocalDate RulesDate,
    DateTimeZone Zone);
