using Ardalis.Result;

namespace Pimex.Cli.Ledger;

/// <summary>
/// The stable error codes of ledgers. Codes 001 to 099 are found while reading: any of them
/// stops the whole ledger before anything is applied (exit code 2). Codes from 100 are refusals
/// found while applying, like the library's own codes: the command is skipped and the run goes on.
/// </summary>
internal static class LedgerErrors
{
    /// <summary>The line is not well-formed JSON.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$")]
    public const string MalformedJson = "PIMEX-LEDGER-001";

    /// <summary>The line is JSON but not an object.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$")]
    public const string NotAnObject = "PIMEX-LEDGER-002";

    /// <summary>The <c>command</c> field names no known command.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.command")]
    public const string UnknownCommand = "PIMEX-LEDGER-003";

    /// <summary>A field the command does not define (often a typo).</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string UnknownField = "PIMEX-LEDGER-004";

    /// <summary>A required field is missing.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string MissingField = "PIMEX-LEDGER-005";

    /// <summary>A value of the wrong JSON type (a number where a string belongs...).</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string WrongType = "PIMEX-LEDGER-006";

    /// <summary>A value that does not parse: an instant, a date, an amount, a role, a verdict.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string InvalidValue = "PIMEX-LEDGER-007";

    /// <summary>The same key twice in one object.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string DuplicateKey = "PIMEX-LEDGER-008";

    /// <summary>The ledger or one of its lines is larger or deeper than the reader accepts.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$")]
    public const string TooLarge = "PIMEX-LEDGER-009";

    /// <summary>The ledger holds no command at all.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$")]
    public const string Empty = "PIMEX-LEDGER-010";

    /// <summary>
    /// A line earlier than a line above it, past the first 50,000 commands of a ledger that
    /// <c>pimex run</c> streams (<see cref="LedgerOrder.MaxKeptWhileStreaming"/>): it cannot be put
    /// in time order without reading the ledger again (a pipe is read once). Sort such a ledger by <c>at</c>.
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "$.at")]
    public const string OutOfOrder = "PIMEX-LEDGER-011";

    /// <summary>A command other than <c>openEdition</c> comes before any edition is open.</summary>
    [ErrorStatus(ResultStatus.Invalid)]
    public const string NoEditionOpen = "PIMEX-LEDGER-101";

    /// <summary>A second <c>openEdition</c>: a ledger runs one edition.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string EditionAlreadyOpen = "PIMEX-LEDGER-102";

    /// <summary>A command about a company that is not a participant of the edition (not admitted).</summary>
    /// <remarks>
    /// The library's <see cref="Pimex.Editions.EditionErrors.NotAParticipant"/> (<c>PIMEX-ED-008</c>) in
    /// the tool's words: <see cref="LedgerRunner"/> answers before its <see cref="Pimex.Editions.EditionSession"/>
    /// would, so that a ledger's refusals keep the code and text they always had.
    /// </remarks>
    [ErrorStatus(ResultStatus.NotFound)]
    public const string NotAParticipant = "PIMEX-LEDGER-103";
}
