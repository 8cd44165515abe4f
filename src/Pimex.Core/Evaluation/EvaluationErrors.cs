namespace Pimex.Evaluation;

/// <summary>
/// The stable error codes of the reports (<see cref="EditionReport.Create"/>,
/// <see cref="EditionTally.ToReport"/>, <see cref="CompanyTable.Create"/>,
/// <see cref="ProgrammeReport.Create"/>, <see cref="AidStatement.Create"/>): what a host's data
/// can get wrong. A rulebook or a participant of another edition is
/// <see cref="Editions.EditionErrors.WrongEdition"/>, as for commands.
/// </summary>
public static class EvaluationErrors
{
    /// <summary>
    /// The rulebook's survey scale has more scores than a report counts
    /// (<see cref="EditionReport.MaxScalePoints"/>).
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "rulebook")]
    public const string ScaleTooWide = "PIMEX-EVAL-001";

    /// <summary>
    /// A survey score (overall or of a question) lies outside the scale of the rulebook the
    /// report is made with: the participants were answered under other rules.
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "participants")]
    public const string ScoreOutsideScale = "PIMEX-EVAL-002";

    /// <summary>
    /// The participants given (or counted, for a tally) are not as many as the edition admitted:
    /// one is missing or given in addition, or a participant's stream was not applied yet.
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "participants")]
    public const string ParticipantsNotTheEditions = "PIMEX-EVAL-003";

    /// <summary>The rulebook has no state-aid regime in force on the date of an aid statement.</summary>
    [ErrorStatus(ResultStatus.Invalid, "on")]
    public const string NoAidRegime = "PIMEX-EVAL-004";

    /// <summary>A programme report given edition reports of more than one rulebook (it covers one programme).</summary>
    [ErrorStatus(ResultStatus.Invalid, "editions")]
    public const string SeveralProgrammes = "PIMEX-EVAL-005";

    /// <summary>A programme report given the same edition (year) twice.</summary>
    [ErrorStatus(ResultStatus.Invalid, "editions")]
    public const string EditionGivenTwice = "PIMEX-EVAL-006";

    /// <summary>A programme report given a negative number of participants before the data.</summary>
    [ErrorStatus(ResultStatus.Invalid, "participantsBefore")]
    public const string NegativeParticipantsBefore = "PIMEX-EVAL-007";

    /// <summary>
    /// The expenditure given to convert to euros is not the edition's: another currency, or a
    /// line's months do not add up to the line's spend (<see cref="EditionReport.WithEuros"/>).
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "expenditure")]
    public const string ExpenditureNotTheEditions = "PIMEX-EVAL-008";

    /// <summary>
    /// A programme outside the euro has no monthly exchange rate (one covering the whole month) for
    /// a month it recorded spend in, to convert it to euros for the funds (<see cref="EditionReport.WithEuros"/>).
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "month")]
    public const string NoMonthlyRate = "PIMEX-EVAL-009";
}
