using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;

namespace Pimex.BackOffice.Store;

/// <summary>
/// The edition's own part of its report: the library's <see cref="EditionTally"/> folded from
/// the edition's stream only (budget lines, sessions, capacity), one Marten document per edition
/// (id <c>extremadura-2016</c>). It is written only with the edition's events, whose stream's
/// expected version already serialises its writers; the participants' parts are added when the
/// report is read (<see cref="ReportQueries"/>), so a command on one participant never writes a
/// document that a command on another participant writes too.
/// </summary>
public sealed record EditionReportView(string Id, EditionTally Tally);

/// <summary>
/// One participant's part in its edition's report (<see cref="ParticipantTally"/>), a Marten
/// document (id <c>extremadura-2016/B06123456</c>) written only with its participant's events,
/// whose stream's expected version already serialises its writers.
/// </summary>
public sealed record ParticipantTallyView(string Id, string Edition, ParticipantTally Tally);

/// <summary>
/// The projection that keeps <see cref="EditionReportView"/> and <see cref="ParticipantTallyView"/>:
/// registered inline, so Marten runs it inside the transaction that appends the events (a joint
/// change, the edition's part and its participant's part are saved together or not at all). Per
/// event it does O(1) work, and each document is written only with the events of its own
/// stream: two commands contend on a document exactly when they append to the same stream.
/// </summary>
public sealed class ReportProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var stream in events.GroupBy(e => e.StreamKey ?? string.Empty, StringComparer.Ordinal))
        {
            var ordered = stream.OrderBy(e => e.Version).ToList();
            switch (ordered[0].Data)
            {
                case EditionEvent first:
                    {
                        var id = first.Edition.ToString();
                        var tally = first is EditionOpened ? null : (await operations.LoadAsync<EditionReportView>(id, cancellation))?.Tally
                            ?? throw new InvalidOperationException($"No report of {id}: the projection was not kept from the edition's start.");
                        foreach (var e in ordered.Select(e => (EditionEvent)e.Data))
                        {
                            tally = tally is null ? EditionTally.Start((EditionOpened)e) : tally.Apply(e);
                        }

                        operations.Store(new EditionReportView(id, tally!));
                        break;
                    }

                case ParticipantEvent first:
                    {
                        var id = first.Participant.ToString();
                        var tally = first is ParticipantAdmitted ? null : (await operations.LoadAsync<ParticipantTallyView>(id, cancellation))?.Tally
                            ?? throw new InvalidOperationException($"No report part of {id}: the projection was not kept from the stream's start.");
                        foreach (var e in ordered.Select(e => (ParticipantEvent)e.Data))
                        {
                            tally = tally is null ? ParticipantTally.Start((ParticipantAdmitted)e) : tally.Apply(e);
                        }

                        operations.Store(new ParticipantTallyView(id, first.Participant.Edition.ToString(), tally!));
                        break;
                    }
            }
        }
    }
}
