using NodaTime.Text;

namespace Pimex.Common;

/// <summary>
/// The stable error codes of time and causality: a command never takes an aggregate back in
/// time, a fact is never dated after the command that records it nor before what it depends on,
/// and a command's date must have rules in force. The table of which verb checks which date is in
/// <c>docs/architecture.md</c> ("Time and causality").
/// </summary>
public static class TimeErrors
{
    /// <summary>
    /// The command's instant is before the instant of the last event of an aggregate it changes
    /// (<see cref="ResultStatus.Conflict"/>): reload, and send the command with the host's current
    /// clock.
    /// </summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string BeforeLastEvent = "PIMEX-TIME-001";

    /// <summary>
    /// A fact (a session attended, a tutorial, a training pill, an invoice) dated after the local
    /// date of the command that records it: a tutorial held "tomorrow" is not yet held.
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "session.date", "tutorial.date", "pill.date", "invoiceDate")]
    public const string DatedAfterCommand = "PIMEX-TIME-002";

    /// <summary>
    /// A fact dated before what it depends on: a session, tutorial or pill before the
    /// participant's admission.
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "session.date", "tutorial.date", "pill.date")]
    public const string DatedBeforeDependency = "PIMEX-TIME-003";

    /// <summary>
    /// The command's date has no rules in force (before the edition's rules take effect, or
    /// before the rulebook's first rules): one error, with both dates, instead of one per
    /// parameter.
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "at")]
    public const string NoRulesInForce = "PIMEX-TIME-004";

    /// <summary>
    /// The command's instant is outside the calendar the library supports
    /// (<see cref="CommandContext.EarliestSupported"/> to <see cref="CommandContext.LatestSupported"/>).
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "at")]
    public const string OutsideCalendar = "PIMEX-TIME-005";

    /// <summary>
    /// The satisfaction survey answered before the participant completed the programme
    /// (<see cref="ResultStatus.Conflict"/>).
    /// </summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string SurveyBeforeCompletion = "PIMEX-TIME-006";

    internal static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    internal static string Format(Instant instant) => InstantPattern.General.Format(instant);

    /// <summary>
    /// A fact dated after its command: Invalid, naming the field and both dates.
    /// <paramref name="fact"/> is <c>session</c>, <c>tutorial</c>, <c>pill</c> or <c>invoice</c>.
    /// </summary>
    internal static ValidationError AfterCommand(ReportLanguage language, string field, string fact, string id, LocalDate factDate, LocalDate commandDate) =>
        DomainErrors.Refusal(language, field, DatedAfterCommand + "." + fact, id, factDate, commandDate);

    /// <summary>A training fact dated before the participant's admission: Invalid, naming the field and both dates.</summary>
    internal static ValidationError BeforeAdmission(ReportLanguage language, string field, string fact, string id, LocalDate factDate, LocalDate admittedOn) =>
        DomainErrors.Refusal(language, field, DatedBeforeDependency + "." + fact, id, factDate, admittedOn);

    /// <summary>A command before the last event of an aggregate: Conflict, naming both instants.</summary>
    internal static Result BackInTime(ReportLanguage language, string aggregate, Instant last, Instant at) =>
        Result.Conflict(DomainErrors.Coded(language, BeforeLastEvent, at, aggregate, last));

    /// <summary>A command outside the supported calendar: Invalid, naming the instant and the range.</summary>
    internal static Result OutsideSupportedCalendar(ReportLanguage language, Instant at) =>
        Result.Invalid(DomainErrors.Refusal(language, "at", OutsideCalendar, at, CommandContext.EarliestSupported, CommandContext.LatestSupported));

    /// <summary>
    /// The rules in force on a command's date, with one error (not one per parameter) when there
    /// are none, naming the date and, where it is later, the date the rules are taken from.
    /// <paramref name="what"/> is the variant of the command (<c>grant</c>).
    /// </summary>
    [Plumbing(CheckStage.Rules, NoRulesInForce)]
    internal static Result<Rulebooks.RuleSet> RulesOn(ReportLanguage language, Rulebooks.Rulebook rulebook, LocalDate date, string field, string what)
    {
        var rules = rulebook.On(date);
        if (rules.IsSuccess)
        {
            return rules;
        }

        var missing = rules.ValidationErrors.Select(e => e.Identifier).ToList();
        var first = missing.Count > 0 ? missing[0] : "?";
        return Result.Invalid(missing.Count > 1
            ? DomainErrors.Refusal(language, field, NoRulesInForce + "." + what + "More", date, rulebook.Id, first, missing.Count - 1)
            : DomainErrors.Refusal(language, field, NoRulesInForce + "." + what, date, rulebook.Id, first));
    }
}
