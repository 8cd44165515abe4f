using Pimex.Rulebooks;

namespace Pimex.Editions;

/// <summary>
/// An edition's whole state at one version of its stream, as plain data a host can store beside
/// the stream and read back (<see cref="Edition.ToSnapshot"/>, <see cref="Edition.FromSnapshot"/>),
/// so that loading a long stream is the snapshot plus the events after <see cref="Version"/>
/// instead of a replay from the opening.
/// </summary>
/// <remarks>
/// A snapshot is a cache of the fold of the stream, never a fact: the events stay the only
/// truth. A host uses one only when it was taken by the same build of the library's fold and
/// when the stream still holds <see cref="Version"/> events, the last of them at
/// <see cref="LastRecordedAt"/>; otherwise it replays the stream (Pimex.Core.Serialization.SystemTextJson
/// writes and reads a snapshot with its schema version and the build that took it). Its fields
/// are those of <see cref="Edition"/>, under the same names.
/// </remarks>
/// <param name="Id">The edition's id.</param>
/// <param name="Annuity">The annuity's rules.</param>
/// <param name="RulesDate">The date whose rules the edition applies.</param>
/// <param name="Version">How many events of its stream the snapshot folds.</param>
/// <param name="LastRecordedAt">The instant of the last of them.</param>
/// <param name="Budget">The budget, line by line.</param>
/// <param name="Applications">Applications received and not yet decided, by company.</param>
/// <param name="Participants">Admitted participants, by company.</param>
/// <param name="Reservations">Each participant's reservation left on the actions line.</param>
/// <param name="Sessions">The group sessions, by id.</param>
/// <param name="SessionAttendance">How many participants are registered at each session.</param>
public sealed record EditionSnapshot(
    EditionId Id,
    AnnuityRules Annuity,
    LocalDate RulesDate,
    long Version,
    Instant LastRecordedAt,
    BudgetLedger Budget,
    EquatableDictionary<CompanyId, ApplicationReceived> Applications,
    EquatableDictionary<CompanyId, ParticipantId> Participants,
    EquatableDictionary<ParticipantId, Money> Reservations,
    EquatableDictionary<string, GroupSession> Sessions,
    EquatableDictionary<string, int> SessionAttendance);

public sealed partial record Edition
{
    /// <summary>The edition's state as a snapshot, to store beside its stream at <see cref="Version"/>.</summary>
    /// <returns>The snapshot; <see cref="FromSnapshot"/> gives back an edition equal to this one.</returns>
    public EditionSnapshot ToSnapshot() =>
        new(Id, Annuity, RulesDate, Version, LastRecordedAt, Budget, Applications, Participants, Reservations, Sessions, SessionAttendance);

    /// <summary>
    /// The edition a snapshot holds: equal to the replay of the first
    /// <see cref="EditionSnapshot.Version"/> events of its stream when the snapshot was taken from
    /// that replay (<see cref="ToSnapshot"/>); fold the events after it with <see cref="Apply"/>.
    /// </summary>
    /// <param name="snapshot">A snapshot taken by <see cref="ToSnapshot"/> with this build of the library.</param>
    /// <returns>The edition.</returns>
    /// <exception cref="ArgumentNullException">A field that cannot be null is.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is below 1: no stream starts empty.</exception>
    public static Edition FromSnapshot(EditionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(snapshot.Annuity, nameof(snapshot));
        ArgumentNullException.ThrowIfNull(snapshot.Budget, nameof(snapshot));
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshot.Version, 1, nameof(snapshot));
        return new Edition(snapshot.Id, snapshot.Annuity, snapshot.RulesDate) with
        {
            Version = snapshot.Version,
            LastRecordedAt = snapshot.LastRecordedAt,
            Budget = snapshot.Budget,
            Applications = snapshot.Applications,
            Participants = snapshot.Participants,
            Reservations = snapshot.Reservations,
            Sessions = snapshot.Sessions,
            SessionAttendance = snapshot.SessionAttendance,
        };
    }
}
