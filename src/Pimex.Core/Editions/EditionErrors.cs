namespace Pimex.Editions;

/// <summary>The stable error codes of edition commands.</summary>
public static class EditionErrors
{
    /// <summary>The rulebook has no rules in force on the edition's date, or no annuity for its year.</summary>
    [ErrorStatus(ResultStatus.Invalid, "year", "*.*")]
    public const string NoRules = "PIMEX-ED-001";

    /// <summary>A session outside the edition's training window.</summary>
    [ErrorStatus(ResultStatus.Invalid, "session.date")]
    public const string SessionOutsideTrainingWindow = "PIMEX-ED-002";

    /// <summary>A session id already scheduled.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string SessionAlreadyScheduled = "PIMEX-ED-003";

    /// <summary>A session with no seat, or empty venue or topic.</summary>
    [ErrorStatus(ResultStatus.Invalid, "session")]
    public const string SessionInvalid = "PIMEX-ED-004";

    /// <summary>A direct spend larger than what is available on the line.</summary>
    [ErrorStatus(ResultStatus.Invalid, "amount")]
    public const string LineWouldGoNegative = "PIMEX-ED-005";

    /// <summary>
    /// A command (or a report) about a participant, rulebook or annuity of another edition, or
    /// given an edition that is not the participant's. Alias: <c>PIMEX-PART-018</c>, which participants' verbs
    /// carried before.
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "edition", "rulebook", "participants")]
    public const string WrongEdition = "PIMEX-ED-006";

    /// <summary>Direct spends are for the training and consultancy lines; the actions line moves through reservations.</summary>
    [ErrorStatus(ResultStatus.Invalid, "line")]
    public const string LineNotForDirectSpend = "PIMEX-ED-007";

    /// <summary>
    /// A command for a company that is not a participant of the edition: it has not
    /// been admitted, or it is another edition's.
    /// </summary>
    [ErrorStatus(ResultStatus.NotFound)]
    public const string NotAParticipant = "PIMEX-ED-008";
}
