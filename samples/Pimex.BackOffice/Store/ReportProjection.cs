using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;

namespace Pimex.BackOffice.Store;

/// <summary>
/// An edition's report kept up to date as its events are appended: the library's
/// <see cref="EditionTally"/> as a Marten document, one per edition (id <c>extremadura-2016</c>).
/// <see cref="Revision"/> counts its writes: every write checks it, so that two commands on
/// different participants of one edition, which append to different streams, cannot both
/// update the same revision (one of them loses the race and saves nothing).
/// </summary>
public sealed record EditionReportView(string Id, long Revision, EditionTally Tally);

/// <summary>
/// One participant's part in its edition's report (<see cref="ParticipantTally"/>), a Marten
/// document (id <c>extremadura-2016/B06123456</c>) written only with its participant's events,
/// whose stream's expected version already serialises its writers.
/// </summary>
public sealed record ParticipantTallyView(string Id, string Edition, ParticipantTally Tally);

/// <summary>
/// The projection that keeps <see cref="EditionReportView"/> and <see cref="ParticipantTallyView"/>:
/// registered inline, so Marten runs it inside the transaction that appends the events (a joint
/// change, its report and its participant's part are saved together or not at all). Per event
/// it does O(1) work: the participant's part is updated, and the edition's sums swap the old
/// part for the new one; it never reads another participant.
/// </summary>
public sealed class ReportProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        var editions = new Dictionary<string, Pending>(StringComparer.Ordinal);
        foreach (var stream in events.GroupBy(e => e.StreamKey ?? string.Empty, StringComparer.Ordinal))
        {
            var ordered = stream.OrderBy(e => e.Version).ToList();
            switch (ordered[0].Data)
            {
                case EditionEvent first:
                    {
                        var pending = await PendingAsync(operations, editions, first.Edition.ToString(), first is EditionOpened, cancellation);
                        foreach (var e in ordered.Select(e => (EditionEvent)e.Data))
                        {
                            pending.Tally = pending.Tally is null ? EditionTally.Start((EditionOpened)e) : pending.Tally.Apply(e);
                        }

                        break;
                    }

                case ParticipantEvent first:
                    {
                        var id = first.Participant.ToString();
                        var before = first is ParticipantAdmitted ? null : (await operations.LoadAsync<ParticipantTallyView>(id, cancellation))?.Tally
                            ?? throw new InvalidOperationException($"No report part of {id}: the projection was not kept from the stream's start.");
                        var after = before;
                        foreach (var e in ordered.Select(e => (ParticipantEvent)e.Data))
                        {
                            after = after is null ? ParticipantTally.Start((ParticipantAdmitted)e) : after.Apply(e);
                        }

                        operations.Store(new ParticipantTallyView(id, first.Participant.Edition.ToString(), after!));
                        var pending = await PendingAsync(operations, editions, first.Participant.Edition.ToString(), false, cancellation);
                        pending.Parts.Add((before, after!));
                        break;
                    }
            }
        }

        foreach (var (id, pending) in editions)
        {
            var tally = pending.Tally ?? throw new InvalidOperationException($"No report of {id}: the projection was not kept from the edition's start.");
            foreach (var (before, after) in pending.Parts)
            {
                tally = tally.Apply(before, after);
            }

            var view = new EditionReportView(id, pending.Revision + 1, tally);
            if (pending.Revision == 0)
            {
                operations.Insert(view);
            }
            else
            {
                operations.UpdateRevision(view, view.Revision);
            }
        }
    }

    private static async Task<Pending> PendingAsync(IDocumentOperations operations, Dictionary<string, Pending> editions, string id, bool opening, CancellationToken cancellation)
    {
        if (editions.TryGetValue(id, out var pending))
        {
            return pending;
        }

        var stored = opening ? null : await operations.LoadAsync<EditionReportView>(id, cancellation);
        pending = new Pending(stored?.Revision ?? 0) { Tally = stored?.Tally };
        editions[id] = pending;
        return pending;
    }

    /// <summary>What one save changes of an edition's report: its tally so far and the participants' parts to swap.</summary>
    private sealed class Pending(long revision)
    {
        public long Revision { get; } = revision;

        public EditionTally? Tally { get; set; }

        public List<(ParticipantTally? Before, ParticipantTally After)> Parts { get; } = [];
    }
}
