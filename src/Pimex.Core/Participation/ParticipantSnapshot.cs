using Pimex.Promotion;

namespace Pimex.Participation;

/// <summary>
/// A participant's whole state at one version of its stream, as plain data a host can store
/// beside the stream and read back (<see cref="Participant.ToSnapshot"/>,
/// <see cref="Participant.FromSnapshot"/>), so that loading a long stream is the snapshot plus
/// the events after <see cref="Version"/> instead of a replay from the admission.
/// </summary>
/// <remarks>
/// A snapshot is a cache of the fold of the stream, never a fact: the events stay the only
/// truth. A host uses one only when it was taken by the same build of the library's fold and
/// when the stream still holds <see cref="Version"/> events, the last of them at
/// <see cref="LastRecordedAt"/>; otherwise it replays the stream (Pimex.Core.Serialization.SystemTextJson
/// writes and reads a snapshot with its schema version and the build that took it). Its fields
/// are those of <see cref="Participant"/>, under the same names.
/// </remarks>
/// <param name="Id">The participant's id.</param>
/// <param name="Terms">The terms it was admitted on.</param>
/// <param name="Version">How many events of its stream the snapshot folds.</param>
/// <param name="LastRecordedAt">The instant of the last of them.</param>
/// <param name="EditionVersionSeen">The newest edition version a change of the participant was computed on.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Technician">The assigned technician's id, if any.</param>
/// <param name="SessionsAttended">The ids of the group sessions attended.</param>
/// <param name="Tutorials">The tutorials held.</param>
/// <param name="Pills">The training pills attended.</param>
/// <param name="ConsultancyHours">Hours of senior-consultant advice received.</param>
/// <param name="ConsultancyCost">What that advice cost the consultancy line.</param>
/// <param name="Swot">The SWOT analysis.</param>
/// <param name="Roadmap">The international roadmap.</param>
/// <param name="Claims">The expense claims, by claim id.</param>
/// <param name="SupportGranted">The promotion support granted so far.</param>
/// <param name="ReservationLeft">What is left of its reservation on the actions line.</param>
/// <param name="Survey">Its survey answer, if it answered.</param>
/// <param name="ExitReason">Why it withdrew or was excluded, if it did.</param>
public sealed record ParticipantSnapshot(
    ParticipantId Id,
    ParticipationTerms Terms,
    long Version,
    Instant LastRecordedAt,
    long EditionVersionSeen,
    ParticipantStatus Status,
    string? Technician,
    EquatableArray<string> SessionsAttended,
    EquatableArray<Tutorial> Tutorials,
    EquatableArray<TrainingPill> Pills,
    decimal ConsultancyHours,
    Money ConsultancyCost,
    Deliverable<Swot> Swot,
    Deliverable<Roadmap> Roadmap,
    EquatableDictionary<string, ClaimRecord> Claims,
    Money SupportGranted,
    Money ReservationLeft,
    SurveyAnswer? Survey,
    string? ExitReason);

public sealed partial record Participant
{
    /// <summary>The participant's state as a snapshot, to store beside its stream at <see cref="Version"/>.</summary>
    /// <returns>The snapshot; <see cref="FromSnapshot"/> gives back a participant equal to this one.</returns>
    public ParticipantSnapshot ToSnapshot() => new(
        Id, Terms, Version, LastRecordedAt, EditionVersionSeen, Status, Technician, SessionsAttended, Tutorials, Pills,
        ConsultancyHours, ConsultancyCost, Swot, Roadmap, Claims, SupportGranted, ReservationLeft, Survey, ExitReason);

    /// <summary>
    /// The participant a snapshot holds: equal to the replay of the first
    /// <see cref="ParticipantSnapshot.Version"/> events of its stream when the snapshot was taken
    /// from that replay (<see cref="ToSnapshot"/>); fold the events after it with <see cref="Apply"/>.
    /// </summary>
    /// <param name="snapshot">A snapshot taken by <see cref="ToSnapshot"/> with this build of the library.</param>
    /// <returns>The participant.</returns>
    /// <exception cref="ArgumentNullException">A field that cannot be null is.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is below 1: no stream starts empty.</exception>
    public static Participant FromSnapshot(ParticipantSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(snapshot.Terms, nameof(snapshot));
        ArgumentNullException.ThrowIfNull(snapshot.Swot, nameof(snapshot));
        ArgumentNullException.ThrowIfNull(snapshot.Roadmap, nameof(snapshot));
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshot.Version, 1, nameof(snapshot));
        return new Participant(snapshot.Id, snapshot.Terms) with
        {
            Version = snapshot.Version,
            LastRecordedAt = snapshot.LastRecordedAt,
            EditionVersionSeen = snapshot.EditionVersionSeen,
            Status = snapshot.Status,
            Technician = snapshot.Technician,
            SessionsAttended = snapshot.SessionsAttended,
            Tutorials = snapshot.Tutorials,
            Pills = snapshot.Pills,
            ConsultancyHours = snapshot.ConsultancyHours,
            ConsultancyCost = snapshot.ConsultancyCost,
            Swot = snapshot.Swot,
            Roadmap = snapshot.Roadmap,
            Claims = snapshot.Claims,
            SupportGranted = snapshot.SupportGranted,
            ReservationLeft = snapshot.ReservationLeft,
            Survey = snapshot.Survey,
            ExitReason = snapshot.ExitReason,
        };
    }
}
