using Ardalis.Result;

namespace Pimex.Common;

/// <summary>Error codes shared by every aggregate.</summary>
public static class CommonErrors
{
    /// <summary>The actor may not issue this command (<see cref="ResultStatus.Forbidden"/>).</summary>
    public const string WrongActor = "PIMEX-AUTH-001";

    /// <summary>The aggregate's version is not the one the caller expected (<see cref="ResultStatus.Conflict"/>).</summary>
    public const string VersionMismatch = "PIMEX-VER-001";

    /// <summary>
    /// A command about a participant given a version of its edition older than one the
    /// participant already acted on (<see cref="ResultStatus.Conflict"/>): the host kept a stale
    /// edition; reload it.
    /// </summary>
    public const string StaleEdition = "PIMEX-VER-002";

    /// <summary>An amount that must be positive is zero or negative, or is in the wrong currency.</summary>
    public const string InvalidAmount = "PIMEX-INPUT-001";

    /// <summary>A required text (a reason, a record) is empty.</summary>
    public const string MissingText = "PIMEX-INPUT-002";

    /// <summary>A refusal for the wrong actor.</summary>
    /// <typeparam name="T">The result's value type.</typeparam>
    /// <param name="actor">Who tried.</param>
    /// <param name="what">What they tried, as a phrase.</param>
    /// <returns>A Forbidden result.</returns>
    public static Result<T> Forbidden<T>(Actor actor, string what) =>
        Result<T>.Forbidden(DomainErrors.Coded(WrongActor, $"{actor} may not {what}."));

    /// <summary>A refusal for a stale version.</summary>
    /// <typeparam name="T">The result's value type.</typeparam>
    /// <param name="expected">The version the caller expected.</param>
    /// <param name="actual">The aggregate's version.</param>
    /// <returns>A Conflict result.</returns>
    public static Result<T> VersionConflict<T>(long expected, long actual) =>
        Result<T>.Conflict(DomainErrors.Coded(VersionMismatch, $"Expected version {expected}, but the aggregate is at version {actual}: reload and retry."));

    /// <summary>A refusal for a stale edition.</summary>
    /// <typeparam name="T">The result's value type.</typeparam>
    /// <param name="given">The version of the edition given.</param>
    /// <param name="seen">The newest edition version the participant already acted on.</param>
    /// <returns>A Conflict result.</returns>
    public static Result<T> StaleEditionConflict<T>(long given, long seen) =>
        Result<T>.Conflict(DomainErrors.Coded(StaleEdition, $"The edition given is at version {given}, older than version {seen} that the participant already acted on: reload the edition and retry."));
}
