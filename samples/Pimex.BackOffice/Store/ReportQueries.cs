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
/// (<see cref="ReportProjection"/>), which is what the HTTP API and the staff pages serve, and
/// by replaying every stream, which is what the projection must always equal.
/// </summary>
public static class ReportQueries
{
    /// <summary>The edition's report from its projection, as of the last saved command, or why the library cannot make it; null when there is no such edition.</summary>
    public static async Task<Result<EditionReport>?> EditionReportAsync(IQuerySession session, Rulebook rulebook, int year, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rulebook);
        var view = await session.LoadAsync<EditionReportView>(new EditionId(rulebook.Id, year).ToString(), cancellation);
        return view?.Tally.ToReport(rulebook);
    }

    /// <summary>The region's programme report, from the editions' projections (by year); or why the library cannot make an edition's report.</summary>
    public static async Task<Result<ProgrammeReport>> ProgrammeReportAsync(IQuerySession session, Rulebook rulebook, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rulebook);
        var views = await session.Query<EditionReportView>().ToListAsync(cancellation);
        var reports = new List<EditionReport>(views.Count);
        foreach (var view in views.OrderBy(v => v.Tally.Edition.Year))
        {
            var report = view.Tally.ToReport(rulebook);
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
}
