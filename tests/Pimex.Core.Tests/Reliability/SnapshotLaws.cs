using FsCheck;
using FsCheck.Fluent;
using Pimex.Editions;
using Pimex.Participation;

namespace Pimex.Tests.Reliability;

/// <summary>
/// The law of snapshots: for the streams of random command sequences (the model-based test's
/// commands, run against the domain), the snapshot taken at any version of a stream, read back
/// and folded with the rest of the stream, is the aggregate the whole stream replays to.
/// </summary>
public class SnapshotLaws
{
    [Fact]
    public void TheSnapshotAtAnyVersionPlusTheRestOfTheStream_FoldsToTheReplayOfTheWholeStream()
    {
        Prop.ForAll(ReliabilityArbitraries.Runs(), (ModelRun run) => Check(run))
            .Check(ReliabilityRuns.Checking(Math.Max(20, ReliabilityRuns.ModelSequences / 3)));
    }

    [Fact]
    public void ASnapshotReadsBackEqualToItsAggregate()
    {
        var run = ReliabilityArbitraries.Runs().Generator.Sample(1, 40).Single();
        var driver = Drive(run);
        Assert.Equal(driver.Edition, Edition.FromSnapshot(driver.Edition.ToSnapshot()));
        Assert.Equal(driver.Edition.ToSnapshot(), Edition.FromSnapshot(driver.Edition.ToSnapshot()).ToSnapshot());
        foreach (var participant in driver.Participants.Values)
        {
            Assert.Equal(participant, Participant.FromSnapshot(participant.ToSnapshot()));
        }
    }

    [Fact]
    public void FromSnapshot_OfVersionZero_Throws()
    {
        var run = ReliabilityArbitraries.Runs().Generator.Sample(1, 1).Single();
        var edition = Drive(run).Edition;
        Assert.Throws<ArgumentOutOfRangeException>(() => Edition.FromSnapshot(edition.ToSnapshot() with { Version = 0 }));
    }

    private static DomainDriver Drive(ModelRun run)
    {
        var driver = DomainDriver.Open(ModelRulebooks.All[run.Rulebook], run);
        foreach (var command in run.Commands)
        {
            driver.Execute(command, ModelTime.Resolve(command, stream => driver.LastOf(stream, command.Company)));
        }

        return driver;
    }

    private static void Check(ModelRun run)
    {
        var driver = Drive(run);
        CheckStream(driver.EditionEvents, Edition.Replay, (e, x) => e.Apply(x), e => Edition.FromSnapshot(e.ToSnapshot()));
        Assert.Equal(driver.Edition, Edition.Replay(driver.EditionEvents));
        foreach (var (company, events) in driver.ParticipantEvents)
        {
            CheckStream(events, Participant.Replay, (p, x) => p.Apply(x), p => Participant.FromSnapshot(p.ToSnapshot()));
            Assert.Equal(driver.Participants[company], Participant.Replay(events));
        }
    }

    /// <summary>At every version k of the stream: the snapshot of the first k events, then the others one by one.</summary>
    private static void CheckStream<TAggregate, TEvent>(IReadOnlyList<TEvent> events, Func<IEnumerable<TEvent>, TAggregate> replay, Func<TAggregate, TEvent, TAggregate> apply, Func<TAggregate, TAggregate> throughSnapshot)
    {
        var whole = replay(events);
        for (int k = 1; k <= events.Count; k++)
        {
            var state = throughSnapshot(replay(events.Take(k)));
            for (int i = k; i < events.Count; i++)
            {
                state = apply(state, events[i]);
            }

            Assert.True(Equals(whole, state), $"The snapshot at version {k} of {events.Count}, folded with the rest, differs from the replay.");
        }
    }
}
