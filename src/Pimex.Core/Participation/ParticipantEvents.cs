using Pimex.Promotion;

namespace Pimex.Participation;

/// <summary>A fact recorded in a participant's stream.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who caused it.</param>
public abstract record ParticipantEvent(ParticipantId Participant, Instant RecordedAt, Actor Actor) : DomainEvent(RecordedAt, Actor)
{
    /// <summary>
    /// For an event recorded together with the edition's (admission, attendance, consultancy, a
    /// verified claim, an exit): the edition's version once its side of the change is applied.
    /// The participant remembers the newest it has seen (<see cref="Participant.EditionVersionSeen"/>),
    /// so a later command given an older edition is refused. Null for events of the participant
    /// alone, and in streams recorded before this was kept.
    /// </summary>
    public long? EditionVersion { get; init; }
}

/// <summary>The company was admitted: the participant's stream starts here.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Terms">The terms it was admitted on.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who admitted it.</param>
public sealed record ParticipantAdmitted(ParticipantId Participant, ParticipationTerms Terms, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>The participant attended a group session.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Session">The session's id.</param>
/// <param name="Date">The session's date.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">The technical staff who recorded it.</param>
public sealed record SessionAttended(ParticipantId Participant, string Session, LocalDate Date, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>An individual tutorial was held.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Tutorial">The tutorial.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who held and recorded it.</param>
public sealed record TutorialHeld(ParticipantId Participant, Tutorial Tutorial, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>Someone of the company's management attended a training pill.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Pill">The pill.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who recorded it.</param>
public sealed record TrainingPillAttended(ParticipantId Participant, TrainingPill Pill, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>A technician was assigned to the participant.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Technician">The technician's id.</param>
/// <param name="FullTimeInCompany">Whether they work full time in the company (from the rulebook).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who assigned them.</param>
public sealed record TechnicianAssigned(ParticipantId Participant, string Technician, bool FullTimeInCompany, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>A senior consultant advised the participant; the cost was charged to the consultancy line.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Hours">Hours of advice.</param>
/// <param name="Cost">Hours times the rulebook's hourly rate.</param>
/// <param name="Topic">What the advice was about.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who requested it.</param>
public sealed record ConsultancyProvided(ParticipantId Participant, decimal Hours, Money Cost, string Topic, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>The company submitted a version of its SWOT analysis.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Version">The version number, from 1.</param>
/// <param name="Swot">The analysis.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who submitted it.</param>
public sealed record SwotSubmitted(ParticipantId Participant, int Version, Swot Swot, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>Technical staff reviewed the latest SWOT version.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Version">The version reviewed.</param>
/// <param name="Accepted">True when accepted, false when returned.</param>
/// <param name="Comment">The reviewer's comment (required when returned).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who reviewed it.</param>
public sealed record SwotReviewed(ParticipantId Participant, int Version, bool Accepted, string? Comment, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>The company submitted a version of its international roadmap.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Version">The version number, from 1.</param>
/// <param name="Roadmap">The roadmap.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who submitted it.</param>
public sealed record RoadmapSubmitted(ParticipantId Participant, int Version, Roadmap Roadmap, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>Technical staff reviewed the latest roadmap version.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Version">The version reviewed.</param>
/// <param name="Accepted">True when accepted, false when returned.</param>
/// <param name="Comment">The reviewer's comment (required when returned).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who reviewed it.</param>
public sealed record RoadmapReviewed(ParticipantId Participant, int Version, bool Accepted, string? Comment, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>An expense claim for a promotion action was submitted.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Claim">The claim.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who submitted it.</param>
public sealed record ClaimSubmitted(ParticipantId Participant, ExpenseClaim Claim, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>
/// Technical staff verified a claim: what was approved, what support was granted, and what was
/// not supported and why. Approved = granted + not supported, to the cent.
/// </summary>
/// <param name="Participant">The participant.</param>
/// <param name="ClaimId">The claim.</param>
/// <param name="Verdict">Approved in full, in part, or rejected.</param>
/// <param name="Decision">The support decision.</param>
/// <param name="Reason">The verifier's reason (required for a partial approval or a rejection).</param>
/// <param name="GrantedOn">The grant date, in the rulebook's zone.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who verified it.</param>
public sealed record ClaimVerified(ParticipantId Participant, string ClaimId, ClaimVerdict Verdict, SupportDecision Decision, string? Reason, LocalDate GrantedOn, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>The participant answered the satisfaction survey.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Answer">The answer.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who answered.</param>
public sealed record SurveyAnswered(ParticipantId Participant, SurveyAnswer Answer, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>The participant completed the programme.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Released">What was left of its reservation, released back to the actions line.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who recorded it.</param>
public sealed record ParticipationCompleted(ParticipantId Participant, Money Released, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>The company withdrew.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Reason">Why.</param>
/// <param name="Released">What was left of its reservation, released back to the actions line.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who recorded it.</param>
public sealed record ParticipantWithdrew(ParticipantId Participant, string Reason, Money Released, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);

/// <summary>The programme manager excluded the participant.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Reason">Why.</param>
/// <param name="Released">What was left of its reservation, released back to the actions line.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Actor">Who excluded it.</param>
public sealed record ParticipantExcluded(ParticipantId Participant, string Reason, Money Released, Instant RecordedAt, Actor Actor)
    : ParticipantEvent(Participant, RecordedAt, Actor);
