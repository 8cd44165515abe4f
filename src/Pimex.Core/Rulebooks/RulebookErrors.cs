namespace Pimex.Rulebooks;

/// <summary>
/// The stable error codes of rulebook loading and lookup. Each failed load returns
/// <c>Result.Invalid</c> with one validation error per problem: the code, and the JSON path of
/// the problem as its identifier (for example <c>$.annuities.2016.budget.training</c>).
/// </summary>
public static class RulebookErrors
{
    /// <summary>The text is not well-formed JSON.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string MalformedJson = "PIMEX-RB-001";

    /// <summary>The document is larger than the loader accepts.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$")]
    public const string TooLarge = "PIMEX-RB-002";

    /// <summary>The document is nested more deeply than the loader accepts.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$")]
    public const string TooDeep = "PIMEX-RB-003";

    /// <summary>A field the format does not define.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string UnknownField = "PIMEX-RB-004";

    /// <summary>The same key twice in one object.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string DuplicateKey = "PIMEX-RB-005";

    /// <summary>A value of the wrong JSON type (a string where a number belongs...).</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string WrongType = "PIMEX-RB-006";

    /// <summary>A required field is missing.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string MissingField = "PIMEX-RB-007";

    /// <summary>A value that does not parse: a date, an amount, a rate, a code, a zone.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string InvalidValue = "PIMEX-RB-008";

    /// <summary>A negative amount.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string NegativeAmount = "PIMEX-RB-009";

    /// <summary>An amount in another currency than the rulebook's.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string CurrencyMismatch = "PIMEX-RB-010";

    /// <summary>An annuity's budget lines do not add up to its total, to the cent.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.annuities*")]
    public const string BudgetDoesNotAddUp = "PIMEX-RB-011";

    /// <summary>Dates out of order: timeline entries not strictly increasing, a window that ends before it starts.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.parameters*", "$.overrides*", "$.annuities*")]
    public const string DatesOutOfOrder = "PIMEX-RB-012";

    /// <summary>An override names a parameter the base rulebook does not have.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.overrides*")]
    public const string UnknownParameter = "PIMEX-RB-013";

    /// <summary>A partner rulebook's base is missing or is not the one it extends.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.extends")]
    public const string BaseMismatch = "PIMEX-RB-014";

    /// <summary>A value outside its range: a rate above 100 %, shares that do not add up to 100 %, a scale whose minimum is not below its maximum, an amount above 10^15, a malformed language code.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string OutOfRange = "PIMEX-RB-015";

    /// <summary>A timeline with no entry.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.parameters*", "$.overrides*")]
    public const string EmptyTimeline = "PIMEX-RB-016";

    /// <summary>A parameter has no value in force on the date asked (the date is before its first entry).</summary>
    [ErrorStatus(ResultStatus.Invalid, "*.*")]
    public const string NotInForce = "PIMEX-RB-017";

    /// <summary>The rulebook has no annuity for the year asked.</summary>
    [ErrorStatus(ResultStatus.Invalid, "annuities")]
    public const string NoAnnuity = "PIMEX-RB-018";

    /// <summary>A base rulebook section in a partner rulebook, or the reverse (parameters with extends, overrides without).</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.basedOn", "$.parameters", "$.overrides")]
    public const string WrongKind = "PIMEX-RB-019";

    /// <summary>
    /// An annuity's edition could not open: a parameter has no value in force on its rules date,
    /// the first day of its applications window.
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "$.annuities*")]
    public const string CannotRun = "PIMEX-RB-020";

    /// <summary>
    /// An annuity's windows are out of order (applications not before training) or far from its
    /// year (training or expenses without a day in it, a window beyond the year before or after).
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "$.annuities*")]
    public const string ImplausibleWindows = "PIMEX-RB-021";

    /// <summary>A partner rulebook's id is the id of a rulebook in its chain (its base, its base's base...).</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.id")]
    public const string IdInChain = "PIMEX-RB-022";
}
