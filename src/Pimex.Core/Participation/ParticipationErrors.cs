namespace Pimex.Participation;

/// <summary>The stable error codes of participation commands.</summary>
public static class ParticipationErrors
{
    /// <summary>The participant has completed, withdrawn or been excluded.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string NotActive = "PIMEX-PART-001";

    /// <summary>The participant's attendance at that session is already recorded.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string SessionAlreadyAttended = "PIMEX-PART-002";

    /// <summary>A session, tutorial or pill outside the edition's training window.</summary>
    [ErrorStatus(ResultStatus.Invalid, "tutorial.date", "pill.date")]
    public const string OutsideTrainingWindow = "PIMEX-PART-003";

    /// <summary>A tutorial not held at the company's premises where the rulebook requires it.</summary>
    [ErrorStatus(ResultStatus.Invalid, "tutorial.venue")]
    public const string TutorialNotAtPremises = "PIMEX-PART-004";

    /// <summary>A tutorial held by a technician other than the assigned one.</summary>
    [ErrorStatus(ResultStatus.Forbidden)]
    public const string NotTheAssignedTechnician = "PIMEX-PART-005";

    /// <summary>A training pill attended by someone in a role the rulebook does not name.</summary>
    [ErrorStatus(ResultStatus.Invalid, "pill.attendeeRole")]
    public const string PillAttendeeRoleNotAllowed = "PIMEX-PART-006";

    /// <summary>A tutorial with an id already recorded.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string TutorialAlreadyRecorded = "PIMEX-PART-007";

    /// <summary>A SWOT analysis with an empty quadrant.</summary>
    [ErrorStatus(ResultStatus.Invalid, "swot.strengths", "swot.weaknesses", "swot.opportunities", "swot.threats")]
    public const string SwotIncomplete = "PIMEX-PART-008";

    /// <summary>No submitted version is waiting for review.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string NothingToReview = "PIMEX-PART-009";

    /// <summary>A roadmap submitted before the SWOT analysis is accepted.</summary>
    [ErrorStatus(ResultStatus.Invalid, "swot")]
    public const string RoadmapNeedsAcceptedSwot = "PIMEX-PART-010";

    /// <summary>A roadmap with no target market or objective, a bad country code, or an action outside its horizon.</summary>
    [ErrorStatus(ResultStatus.Invalid, "targetMarkets", "targetMarkets[i]", "objectives", "indicators", "actions", "actions[i]", "actions[i].description", "actions[i].market", "actions[i].due")]
    public const string RoadmapInvalid = "PIMEX-PART-011";

    /// <summary>Completion refused: fewer group sessions attended than committed.</summary>
    [ErrorStatus(ResultStatus.Invalid, "groupSessions")]
    public const string SessionsMissing = "PIMEX-PART-012";

    /// <summary>Completion refused: fewer tutorials held than committed.</summary>
    [ErrorStatus(ResultStatus.Invalid, "tutorials")]
    public const string TutorialsMissing = "PIMEX-PART-013";

    /// <summary>Completion refused: fewer training pills attended than required.</summary>
    [ErrorStatus(ResultStatus.Invalid, "trainingPills")]
    public const string PillsMissing = "PIMEX-PART-014";

    /// <summary>Completion refused: the SWOT analysis is not accepted.</summary>
    [ErrorStatus(ResultStatus.Invalid, "swot")]
    public const string SwotNotAccepted = "PIMEX-PART-015";

    /// <summary>Completion refused: the roadmap is not accepted.</summary>
    [ErrorStatus(ResultStatus.Invalid, "roadmap")]
    public const string RoadmapNotAccepted = "PIMEX-PART-016";

    /// <summary>Consultancy refused: the consultancy line would go below zero.</summary>
    [ErrorStatus(ResultStatus.Invalid, "hours")]
    public const string ConsultancyLineExhausted = "PIMEX-PART-017";

    /// <summary>
    /// The participant, session or command belongs to another edition: now
    /// <see cref="Editions.EditionErrors.WrongEdition"/> (<c>PIMEX-ED-006</c>);
    /// <c>PIMEX-PART-018</c>, the code participants' verbs carried before, is its alias.
    /// </summary>
    [Obsolete("Merged into EditionErrors.WrongEdition (PIMEX-ED-006); PIMEX-PART-018 is its alias and no longer emitted.")]
    public const string WrongEdition = Editions.EditionErrors.WrongEdition;

    /// <summary>The participant already answered the satisfaction survey.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string SurveyAlreadyAnswered = "PIMEX-PART-019";

    /// <summary>A survey score outside the rulebook's scale.</summary>
    [ErrorStatus(ResultStatus.Invalid, "overall", "questions.*")]
    public const string ScoreOutOfScale = "PIMEX-PART-020";

    /// <summary>Consultancy hours that are not positive.</summary>
    [ErrorStatus(ResultStatus.Invalid, "hours")]
    public const string InvalidHours = "PIMEX-PART-021";

    /// <summary>The session is full.</summary>
    [ErrorStatus(ResultStatus.Invalid, "session")]
    public const string SessionFull = "PIMEX-PART-022";

    /// <summary>No group session with that id.</summary>
    [ErrorStatus(ResultStatus.NotFound)]
    public const string UnknownSession = "PIMEX-PART-023";

    /// <summary>The technician assigned is already the participant's technician.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string TechnicianAlreadyAssigned = "PIMEX-PART-024";

    /// <summary>The deliverable is already accepted.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string DeliverableAlreadyAccepted = "PIMEX-PART-025";

    /// <summary>
    /// Consultancy refused: the hours cost nothing at the rulebook's hourly rate once rounded to
    /// the currency's minor unit (less than half a cent in euros, or any hours at a rate of zero).
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "hours")]
    public const string ConsultancyChargesNothing = "PIMEX-PART-026";
}
