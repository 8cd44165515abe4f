using Ardalis.Result;
using NodaTime;
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
    public const string BeforeLastEvent = "PIMEX-TIME-001";

    /// <summary>
    /// A fact (a session attended, a tutorial, a training pill, an invoice) dated after the local
    /// date of the command that records it: a tutorial held "tomorrow" is not yet held.
    /// </summary>
    public const string DatedAfterCommand = "PIMEX-TIME-002";

    /// <summary>
    /// A fact dated before what it depends on: a session, tutorial or pill before the
    /// participant's admission.
    /// </summary>
    public const string DatedBeforeDependency = "PIMEX-TIME-003";

    /// <summary>
    /// The command's date has no rules in force (before the edition's rules take effect, or
    /// before the rulebook's first rules): one error, with both dates, instead of one per
    /// parameter.
    /// </summary>
    public const string NoRulesInForce = "PIMEX-TIME-004";

    /// <summary>
    /// The command's instant is outside the calendar the library supports
    /// (<see cref="CommandContext.EarliestSupported"/> to <see cref="CommandContext.LatestSupported"/>).
    /// </summary>
    public const string OutsideCalendar = "PIMEX-TIME-005";

    /// <summary>
    /// The satisfaction survey answered before the participant completed the programme
    /// (<see cref="ResultStatus.Conflict"/>).
    /// </summary>
    public const string SurveyBeforeCompletion = "PIMEX-TIME-006";

    internal static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    internal static string Format(Instant instant) => InstantPattern.General.Format(instant);

    /// <summary>A fact dated after its command: Invalid, naming the field and both dates.</summary>
    internal static ValidationError AfterCommand(string field, string what, LocalDate factDate, LocalDate commandDate) =>
        DomainErrors.Validation(field, DatedAfterCommand, $"{what} is dated {Format(factDate)}, after the command's date {Format(commandDate)}: record it once it has happened.");

    /// <summary>A fact dated before what it depends on: Invalid, naming the field and both dates.</summary>
    internal static ValidationError BeforeDependency(string field, string what, LocalDate factDate, string dependency, LocalDate dependencyDate) =>
        DomainErrors.Validation(field, DatedBeforeDependency, $"{what} is dated {Format(factDate)}, before {dependency} on {Format(dependencyDate)}.");

    /// <summary>A command before the last event of an aggregate: Conflict, naming both instants.</summary>
    internal static Result<T> BackInTime<T>(string aggregate, Instant last, Instant at) =>
        Result<T>.Conflict(DomainErrors.Coded(BeforeLastEvent, $"The command at {Format(at)} is before the last event of {aggregate}, at {Format(last)}: an aggregate never goes back in time."));

    /// <summary>A command outside the supported calendar: Invalid, naming the instant and the range.</summary>
    internal static Result<T> OutsideSupportedCalendar<T>(Instant at) =>
        Result<T>.Invalid(DomainErrors.Validation("at", OutsideCalendar, $"The command's instant {Format(at)} is outside the supported calendar, {Format(CommandContext.EarliestSupported)} to {Format(CommandContext.LatestSupported)}."));

    /// <summary>
    /// The rules in force on a command's date, with one error (not one per parameter) when there
    /// are none, naming the date and, where it is later, the date the rules are taken from.
    /// </summary>
    internal static Result<Rulebooks.RuleSet> RulesOn(Rulebooks.Rulebook rulebook, LocalDate date, string field, string what)
    {
        var rules = rulebook.On(date);
        if (rules.IsSuccess)
        {
            return rules;
        }

        var missing = rules.ValidationErrors.Select(e => e.Identifier).ToList();
        var first = missing.Count > 0 ? missing[0] : "a parameter";
        var more = missing.Count > 1 ? $" and {missing.Count - 1} more" : string.Empty;
        return Result<Rulebooks.RuleSet>.Invalid(DomainErrors.Validation(
            field,
            NoRulesInForce,
            $"{what} on {Format(date)} has no rules in force in the rulebook '{rulebook.Id}' ('{first}'{more} not yet in force on that date)."));
    }
}
