namespace Pimex.Common;

/// <summary>Error codes shared by every aggregate.</summary>
public static class CommonErrors
{
    /// <summary>The actor may not issue this command (<see cref="ResultStatus.Forbidden"/>).</summary>
    [ErrorStatus(ResultStatus.Forbidden)]
    public const string WrongActor = "PIMEX-AUTH-001";

    /// <summary>The aggregate's version is not the one the caller expected (<see cref="ResultStatus.Conflict"/>).</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string VersionMismatch = "PIMEX-VER-001";

    /// <summary>
    /// A command about a participant given a version of its edition older than one the
    /// participant already acted on (<see cref="ResultStatus.Conflict"/>): the host kept a stale
    /// edition; reload it.
    /// </summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string StaleEdition = "PIMEX-VER-002";

    /// <summary>
    /// An amount that must be positive (or zero or more) is not, or is in the wrong currency.
    /// Alias: <c>PIMEX-PROMO-006</c>, which expense claims carried before.
    /// </summary>
    [ErrorStatus(ResultStatus.Invalid, "amount", "net", "vat", "declaredAid[i].amount")]
    public const string InvalidAmount = "PIMEX-INPUT-001";

    /// <summary>A required text (a reason, a record) is empty.</summary>
    [ErrorStatus(ResultStatus.Invalid, "region", "description", "invoiceId", "reason", "comment", "technician", "topic", "pill.topic", "tutorial.record")]
    public const string MissingText = "PIMEX-INPUT-002";

    /// <summary>A refusal for the wrong actor.</summary>
    /// <typeparam name="T">The result's value type.</typeparam>
    /// <param name="actor">Who tried.</param>
    /// <param name="what">What they tried, as a phrase.</param>
    /// <returns>A Forbidden result.</returns>
    public static Result<T> Forbidden<T>(Actor actor, string what) =>
        Result.Forbidden(DomainErrors.Coded(ReportLanguage.English, WrongActor, actor, what));

    /// <summary>A refusal for a stale version.</summary>
    /// <typeparam name="T">The result's value type.</typeparam>
    /// <param name="expected">The version the caller expected.</param>
    /// <param name="actual">The aggregate's version.</param>
    /// <returns>A Conflict result.</returns>
    public static Result<T> VersionConflict<T>(long expected, long actual) => VersionConflict(ReportLanguage.English, expected, actual);

    /// <summary>A refusal for a stale edition.</summary>
    /// <typeparam name="T">The result's value type.</typeparam>
    /// <param name="given">The version of the edition given.</param>
    /// <param name="seen">The newest edition version the participant already acted on.</param>
    /// <returns>A Conflict result.</returns>
    public static Result<T> StaleEditionConflict<T>(long given, long seen) => StaleEditionConflict(ReportLanguage.English, given, seen);

    /// <summary>A refusal for the wrong actor, in the context's language.</summary>
    /// <param name="context">The command's context: its actor and language.</param>
    /// <param name="action">The key of the action tried (<c>refusal.action.KEY</c> in the glossary).</param>
    /// <param name="subject">What the action is about, when its phrase names it (<c>apply for {0}</c>).</param>
    internal static Result Forbidden(CommandContext context, string action, object? subject = null) =>
        Result.Forbidden(DomainErrors.Coded(context.Language, WrongActor, context.Actor, context.Language.Refusal("action." + action, subject)));

    /// <summary>The actor stage of a verb: null when the actor may act, else <see cref="Forbidden(CommandContext, string, object?)"/>.</summary>
    [Plumbing(CheckStage.Actor, WrongActor)]
    internal static Result? ForbiddenUnless(bool allowed, CommandContext context, string action, object? subject = null) =>
        allowed ? null : Forbidden(context, action, subject);

    internal static Result VersionConflict(ReportLanguage language, long expected, long actual) =>
        Result.Conflict(DomainErrors.Coded(language, VersionMismatch, expected, actual));

    internal static Result StaleEditionConflict(ReportLanguage language, long given, long seen) =>
        Result.Conflict(DomainErrors.Coded(language, StaleEdition, given, seen));
}
