using Marten;
using Pimex.BackOffice.Store;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Tests.Support;

/// <summary>Replaying every stream of an edition equals what the projection kept.</summary>
public static class ProjectionCheck
{
    /// <summary>
    /// Replays the edition's stream and every admitted participant's stream, and checks that the
    /// stored <see cref="EditionReportView"/> (the edition's own part) and
    /// <see cref="ParticipantTallyView"/>s are the tallies of those events, that their sum is the
    /// whole edition's tally, and that the report served from the projection is
    /// <see cref="EditionReport.Create"/> over the replayed aggregates.
    /// </summary>
    /// <returns>The report, for further checks.</returns>
    public static async Task<EditionReport> ReplayingEveryStreamEqualsTheProjectionsAsync(IDocumentStore store, string tenant, Rulebook rulebook, int year = 2016)
    {
        await using var session = store.LightweightSession(tenant);
        var editionId = new EditionId(rulebook.Id, year).ToString();
        var editionEvents = (await session.Events.FetchStreamAsync(editionId)).Select(e => (EditionEvent)e.Data).ToList();
        var edition = Edition.Replay(editionEvents);
        var editionPart = editionEvents.Skip(1).Aggregate(EditionTally.Start((EditionOpened)editionEvents[0]), (t, e) => t.Apply(e));
        var tally = editionPart;
        var participants = new List<Participant>();
        foreach (var id in edition.Participants.Select(p => p.Value))
        {
            var events = (await session.Events.FetchStreamAsync(id.ToString())).Select(e => (ParticipantEvent)e.Data).ToList();
            participants.Add(Participant.Replay(events));
            var part = events.Skip(1).Aggregate(ParticipantTally.Start((ParticipantAdmitted)events[0]), (p, e) => p.Apply(e));
            var stored = await session.LoadAsync<ParticipantTallyView>(id.ToString());
            Assert.NotNull(stored);
            Assert.Equal(part, stored.Tally);
            tally = tally.Apply(null, part);
        }

        var view = await session.LoadAsync<EditionReportView>(editionId);
        Assert.NotNull(view);
        Assert.Equal(editionPart, view.Tally);
        Assert.Equal(tally, await ReportQueries.EditionTallyAsync(session, edition.Id, CancellationToken.None));
        Assert.Equal(edition.AdmittedCount, await session.Query<ParticipantTallyView>().CountAsync(v => v.Edition == editionId));
        var replayed = EditionReport.Create(edition, participants, rulebook).Ok();
        var projected = await ReportQueries.EditionReportAsync(session, rulebook, year, CancellationToken.None);
        Assert.Equal(replayed, projected.Ok());
        Assert.Equal(replayed, (await ReportQueries.ReplayedEditionReportAsync(new EventStreams(session), rulebook, year, CancellationToken.None)).Ok());
        return replayed;
    }
}
