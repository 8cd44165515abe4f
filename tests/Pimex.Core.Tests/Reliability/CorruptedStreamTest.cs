using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Reliability;

/// <summary>
/// A host that hands the library a damaged stream (empty, not starting with the opening or the
/// admission, the first event twice, an event type the library does not know) gets an exception
/// that says what is wrong, never a state built from part of it.
/// </summary>
public class CorruptedStreamTest
{
    private static readonly Scenario Run = CreateRun();

    [Fact]
    public void AnEmptyStream_IsRefused()
    {
        Assert.NotEmpty(Assert.Throws<ArgumentException>(() => Edition.Replay([])).Message);
        Assert.NotEmpty(Assert.Throws<ArgumentException>(() => Participant.Replay([])).Message);
    }

    [Fact]
    public void AStreamThatDoesNotStartAtTheBeginning_IsRefused()
    {
        var edition = Assert.Throws<ArgumentException>(() => Edition.Replay(Run.EditionEvents.Skip(1)));
        var participant = Assert.Throws<ArgumentException>(() => Participant.Replay(Run.EventsOf("C0").Skip(1)));

        Assert.Contains("EditionOpened", edition.Message, StringComparison.Ordinal);
        Assert.Contains("ParticipantAdmitted", participant.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFirstEventTwice_IsRefused()
    {
        var edition = Assert.Throws<InvalidOperationException>(() => Edition.Replay([Run.EditionEvents[0], .. Run.EditionEvents]));
        var participant = Assert.Throws<InvalidOperationException>(() => Participant.Replay([Run.EventsOf("C0")[0], .. Run.EventsOf("C0")]));

        Assert.NotEmpty(edition.Message);
        Assert.NotEmpty(participant.Message);
    }

    [Fact]
    public void AnEventTheLibraryDoesNotKnow_IsRefused_NamingIt()
    {
        var at = Scenario.At(2016, 6, 1);
        var edition = Assert.Throws<ArgumentException>(() => Run.Edition.Apply(new StrangeEditionEvent(Run.Edition.Id, at, Scenario.Tech)));
        var participant = Assert.Throws<ArgumentException>(() => Run.Participant("C0").Apply(new StrangeParticipantEvent(Run.Participant("C0").Id, at, Scenario.Tech)));

        Assert.Contains(nameof(StrangeEditionEvent), edition.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(StrangeParticipantEvent), participant.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryParameter_IsNamedDescribedAndShown()
    {
        var on = new LocalDate(2016, 1, 15);
        Assert.All(Parameters.All, p =>
        {
            Assert.Equal(p.Group + "." + p.Key, p.Name);
            Assert.Same(p, Parameters.Find(p.Name));
            Assert.False(string.IsNullOrWhiteSpace(p.Description), p.Name + " has no description");
            Assert.False(string.IsNullOrWhiteSpace(p.FormatOn(Rulebook.Extremadura, on)), p.Name + " shows nothing");
            Assert.Null(p.FormatOn(Rulebook.Extremadura, new LocalDate(2001, 12, 31)));
        });
        Assert.Equal(Parameters.All.Length, Parameters.All.Select(p => p.Description).Distinct(StringComparer.Ordinal).Count());
    }

    private static Scenario CreateRun()
    {
        var s = Scenario.Open().ScheduleSessions();
        s.Join("C0");
        s.Do("C0", p => p.RecordAttendance(s.Edition, "S1", Scenario.Ctx(Scenario.Tech, Scenario.At(2016, 5, 11))));
        return s;
    }

    private sealed record StrangeEditionEvent(EditionId Edition, Instant RecordedAt, Actor Actor) : EditionEvent(Edition, RecordedAt, Actor);

    private sealed record StrangeParticipantEvent(ParticipantId Participant, Instant RecordedAt, Actor Actor) : ParticipantEvent(Participant, RecordedAt, Actor);
}
