using System.Globalization;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.Benchmarks.Fixtures;

/// <summary>
/// An edition of any size, built by replaying events, not through commands: the streams of the
/// first participant of the 30-participant edition (<see cref="Streams"/>) are copied for each
/// company, and the edition's stream is its opening (with the annuity scaled to the number of
/// participants: capacity, a cap per participant on the actions line, the same share of training
/// and consultancy), its three sessions and, per participant, copies of that participant's
/// edition events. The copies are made as the replay reads them, so only the final states stay
/// in memory.
/// </summary>
internal sealed class LargeEdition
{
    private LargeEdition(Edition edition, Participant[] participants)
    {
        Edition = edition;
        Participants = participants;
    }

    /// <summary>The edition.</summary>
    public Edition Edition { get; }

    /// <summary>Its participants, each replayed from its own stream.</summary>
    public Participant[] Participants { get; }

    /// <summary>Builds an edition of <paramref name="count"/> participants.</summary>
    /// <param name="count">How many participants.</param>
    /// <returns>The edition and its participants.</returns>
    public static LargeEdition Build(int count)
    {
        var source = Streams.Edition30;
        var template = source.ParticipantStreams[0];
        var templateId = template[0].Participant;
        var participants = new Participant[count];
        for (int i = 0; i < count; i++)
        {
            participants[i] = Participant.Replay(EditionLifecycle.For(template, Company(i)));
        }

        var edition = Edition.Replay(EditionStream(source.EditionEvents, templateId, count));
        return new LargeEdition(edition, participants);
    }

    /// <summary>
    /// The projections of the same edition of <paramref name="count"/> participants: the
    /// edition's tally, and each participant's tally (an object of its own, as a host that reads
    /// each one back from its store has), built event by event from the same streams as
    /// <see cref="Build"/>. The edition's tally has every participant's part applied but the
    /// last's, so that one more <see cref="EditionTally.Apply(ParticipantTally?, ParticipantTally)"/>
    /// makes it whole.
    /// </summary>
    /// <param name="count">How many participants.</param>
    /// <returns>The edition's tally without the participants, and the participants' tallies.</returns>
    public static (EditionTally Edition, ParticipantTally[] Participants) Tallies(int count)
    {
        var source = Streams.Edition30;
        var template = source.ParticipantStreams[0];
        var participants = new ParticipantTally[count];
        for (int i = 0; i < count; i++)
        {
            ParticipantTally? tally = null;
            foreach (var e in EditionLifecycle.For(template, Company(i)))
            {
                tally = tally is null ? ParticipantTally.Start((ParticipantAdmitted)e) : tally.Apply(e);
            }

            participants[i] = tally!;
        }

        EditionTally? edition = null;
        foreach (var e in EditionStream(source.EditionEvents, template[0].Participant, count))
        {
            edition = edition is null ? EditionTally.Start((EditionOpened)e) : edition.Apply(e);
        }

        return (edition!, participants);
    }

    private static CompanyId Company(int index) => new("B" + index.ToString("D8", CultureInfo.InvariantCulture));

    private static IEnumerable<EditionEvent> EditionStream(IReadOnlyList<EditionEvent> source, ParticipantId template, int count)
    {
        var opened = (EditionOpened)source[0];
        var annuity = opened.Annuity;
        var budget = annuity.Budget;
        var share = (decimal)count / annuity.Capacity;
        yield return opened with
        {
            Annuity = annuity with
            {
                Capacity = count,
                Budget = new AnnuityBudget(
                    Money.Of(budget.Actions.Amount * share, budget.Actions.Currency),
                    Money.Of(budget.Training.Amount * share, budget.Training.Currency),
                    Money.Of(budget.Consultancy.Amount * share, budget.Consultancy.Currency)),
            },
        };

        var own = new List<EditionEvent>();
        foreach (var e in source.Skip(1))
        {
            switch (ParticipantOf(e))
            {
                case null:
                    yield return e;
                    break;
                case var p when p == template:
                    own.Add(e);
                    break;
                default:
                    break;
            }
        }

        for (int i = 0; i < count; i++)
        {
            var id = new ParticipantId(template.Edition, Company(i));
            foreach (var e in own)
            {
                yield return For(e, id);
            }
        }
    }

    private static ParticipantId? ParticipantOf(EditionEvent e) => e switch
    {
        ApplicationReceived a => new ParticipantId(a.Edition, a.Application.Company),
        CompanyAdmitted a => a.Participant,
        FundsReserved r => r.Participant,
        ReservedFundsSpent s => s.Participant,
        ReservationReleased r => r.Participant,
        FundsSpent s => s.Participant,
        AttendanceRegistered a => a.Participant,
        _ => null,
    };

    private static EditionEvent For(EditionEvent e, ParticipantId id) => e switch
    {
        ApplicationReceived a => a with { Application = a.Application with { Company = id.Company } },
        CompanyAdmitted a => a with { Participant = id },
        FundsReserved r => r with { Participant = id },
        ReservedFundsSpent s => s with { Participant = id },
        ReservationReleased r => r with { Participant = id },
        FundsSpent s => s with { Participant = id },
        AttendanceRegistered a => a with { Participant = id },
        _ => throw new InvalidOperationException($"{e.GetType().Name} is not a participant's edition event."),
    };
}
