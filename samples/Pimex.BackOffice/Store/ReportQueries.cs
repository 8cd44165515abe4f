using Ardalis.Result;
using Marten;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Store;

/// <summary>
/// The reports of one region (the session's tenant): from the projection that keeps them
/// (<see cref="ReportProjection"/>: the edition's part and its participants' parts, summed when
/// read), which is what the HTTP API and the staff pages serve, and
/// by replaying every stream, which is what the projection must always equal.
/// </summary>
public static class ReportQueries
{
    /// <summary>
    /// Options of a session whose reads see one snapshot of the database (PostgreSQL's
    /// repeatable read): the reports below, read from such a session, read the edition's part and
    /// its participants' parts as one joint change left them, never half of one.
    /// </summary>
    public static Marten.Services.SessionOptions SnapshotReads(string tenant) => new() { TenantId = tenant, IsolationLevel = System.Data.IsolationLevel.RepeatableRead };

    /// <summary>
    /// The edition's tally from the projection: its own part (<see cref="EditionReportView"/>)
    /// with every participant's part (<see cref="ParticipantTallyView"/>) added, O(participants);
    /// null when there is no such edition. Read from a <see cref="SnapshotReads"/> session
    /// for a report that no concurrent command cuts in half.
    /// </summary>
    public static async Task<EditionTally?> EditionTallyAsync(IQuerySession session, EditionId edition, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        await InOneSnapshotAsync(session, cancellation);
        var id = edition.ToString();
        var view = await session.LoadAsync<EditionReportView>(id, cancellation);
        if (view is null)
        {
            return null;
        }

        var parts = await session.Query<ParticipantTallyView>().Where(v => v.Edition == id).ToListAsync(cancellation);
        return parts.Aggregate(view.Tally, (tally, part) => tally.Apply(null, part.Tally));
    }

    /// <summary>The edition's report from its projection, as of the last saved command, or why the library cannot make it; null when there is no such edition.</summary>
    public static async Task<Result<EditionReport>?> EditionReportAsync(IQuerySession session, Rulebook rulebook, int year, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rulebook);
        var tally = await EditionTallyAsync(session, new EditionId(rulebook.Id, year), cancellation);
        return tally?.ToReport(rulebook);
    }

    /// <summary>The region's programme report, from the editions' projections (by year); or why the library cannot make an edition's report.</summary>
    public static async Task<Result<ProgrammeReport>> ProgrammeReportAsync(IQuerySession session, Rulebook rulebook, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rulebook);
        await InOneSnapshotAsync(session, cancellation);
        var views = await session.Query<EditionReportView>().ToListAsync(cancellation);
        var parts = (await session.Query<ParticipantTallyView>().ToListAsync(cancellation)).ToLookup(p => p.Edition, StringComparer.Ordinal);
        var reports = new List<EditionReport>(views.Count);
        foreach (var view in views.OrderBy(v => v.Tally.Edition.Year))
        {
            var tally = parts[view.Id].Aggregate(view.Tally, (t, part) => t.Apply(null, part.Tally));
            var report = tally.ToReport(rulebook);
            if (!report.IsSuccess)
            {
                return Result.Invalid(report.ValidationErrors);
            }

            reports.Add(report.Value);
        }

        return ProgrammeReport.Create(reports);
    }

    /// <summary>
    /// The edition's report computed from scratch: the edition's stream and every admitted
    /// participant's stream replayed, then <see cref="EditionReport.Create"/>. O(events); what
    /// the projection is checked against.
    /// </summary>
    public static async Task<Result<EditionReport>?> ReplayedEditionReportAsync(EventStreams streams, Rulebook rulebook, int year, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(rulebook);
        var edition = await streams.LoadEditionAsync(new EditionId(rulebook.Id, year), cancellation);
        if (edition is null)
        {
            return null;
        }

        var participants = new List<Participant>();
        foreach (var id in edition.Participants.Select(kv => kv.Value))
        {
            participants.Add(await streams.LoadParticipantAsync(id, cancellation) ?? throw new InvalidOperationException($"The edition admitted {id}, whose stream is missing."));
        }

        return EditionReport.Create(edition, participants, rulebook);
    }

    /// <summary>One participant's part of the report from the projection; null when it is not a participant.</summary>
    public static async Task<ParticipantTally?> ParticipantTallyAsync(IQuerySession session, ParticipantId participant, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (await session.LoadAsync<ParticipantTallyView>(participant.ToString(), cancellation))?.Tally;
    }

    /// <summary>Starts the session's transaction, so that its reads share one snapshot when it was opened with <see cref="SnapshotReads"/>.</summary>
    private static async Task InOneSnapshotAsync(IQuerySession session, CancellationToken cancellation)
    {
        if (session is IDocumentSession writable)
        {
            await writable.BeginTransactionAsync(cancellation);
        }
    }
}
