using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.Tests.Reliability;
using Pimex.Tests.Support;

namespace Pimex.Tests.Evaluation;

/// <summary>
/// The laws of <see cref="EditionTally"/>: kept up to date event by event, its report equals
/// <see cref="EditionReport.Create"/> over the same streams, after every command of a random
/// sequence (the model-based test's commands, run against the domain) and whatever the order in
/// which the edition's and the participants' streams are applied.
/// </summary>
[Properties(Arbitrary = new[] { typeof(EvaluationArbitraries) })]
public class EditionTallyLaws
{
    /// <summary>
    /// Random command sequences (<see cref="ReliabilityArbitraries.Runs"/>) under the three model
    /// rulebooks; after each command the tally has applied exactly the events the domain
    /// recorded, and its report is the report of the edition and participants as they are.
    /// Half as many sequences as the model-based test (<c>PIMEX_MODEL_RUNS</c>).
    /// </summary>
    [Fact]
    public void TheTallysReportEqualsTheReport_AfterEveryCommand()
    {
        Prop.ForAll(ReliabilityArbitraries.Runs(), (ModelRun run) => Check(run))
            .Check(ReliabilityRuns.Checking(Math.Max(20, ReliabilityRuns.ModelSequences / 2)));
    }

    [Property]
    public void TheTallysReportEqualsTheReport_WhateverTheOrderOfTheStreams(EditionSpec spec, int seed)
    {
        var builder = spec.Builder();
        var (edition, participants) = builder.Build();
        var rulebook = Rulebook.Extremadura;

        var tally = ApplyInterleaved(builder, new Random(seed));

        Assert.Equal(EditionReport.Create(edition, participants, rulebook).Ok(), tally.ToReport(rulebook).Ok());
    }

    [Property]
    public void ApplyingAParticipantsEventsOneByOneOrAllAtOnce_GivesTheSameTally(EditionSpec spec)
    {
        var builder = spec.Builder();
        var oneByOne = Replay(builder.Events);
        var atOnce = oneByOne;
        foreach (var p in builder.Participants)
        {
            ParticipantTally? before = null;
            foreach (var e in p.Events)
            {
                var after = before is null ? ParticipantTally.Start((ParticipantAdmitted)e) : before.Apply(e);
                oneByOne = oneByOne.Apply(before, after);
                before = after;
            }

            atOnce = atOnce.Apply(null, Replay(p.Events));
        }

        Assert.Equal(atOnce, oneByOne);
    }

    /// <summary>The edition's events folded into a tally.</summary>
    internal static EditionTally Replay(IEnumerable<EditionEvent> events)
    {
        EditionTally? tally = null;
        foreach (var e in events)
        {
            tally = tally is null ? EditionTally.Start((EditionOpened)e) : tally.Apply(e);
        }

        return tally ?? throw new ArgumentException("An edition's stream starts with its opening.", nameof(events));
    }

    /// <summary>A participant's events folded into its tally.</summary>
    internal static ParticipantTally Replay(IEnumerable<ParticipantEvent> events)
    {
        ParticipantTally? tally = null;
        foreach (var e in events)
        {
            tally = tally is null ? ParticipantTally.Start((ParticipantAdmitted)e) : tally.Apply(e);
        }

        return tally ?? throw new ArgumentException("A participant's stream starts with its admission.", nameof(events));
    }

    /// <summary>Applies every stream's events, one at a time, picking the next stream at random.</summary>
    private static EditionTally ApplyInterleaved(EditionBuilder builder, Random random)
    {
        var edition = builder.Events;
        var tally = EditionTally.Start((EditionOpened)edition[0]);
        int nextOfEdition = 1;
        var streams = builder.Participants.Select(p => p.Events).ToList();
        var next = new int[streams.Count];
        var parts = new ParticipantTally?[streams.Count];
        var open = Enumerable.Range(-1, streams.Count + 1).ToList();
        while (open.Count > 0)
        {
            int pick = open[random.Next(open.Count)];
            if (pick < 0)
            {
                tally = tally.Apply(edition[nextOfEdition++]);
                if (nextOfEdition == edition.Count)
                {
                    open.Remove(pick);
                }

                continue;
            }

            var e = streams[pick][next[pick]++];
            var before = parts[pick];
            parts[pick] = before is null ? ParticipantTally.Start((ParticipantAdmitted)e) : before.Apply(e);
            tally = tally.Apply(before, parts[pick]!);
            if (next[pick] == streams[pick].Count)
            {
                open.Remove(pick);
            }
        }

        return tally;
    }

    private static void Check(ModelRun run)
    {
        var rulebook = ModelRulebooks.All[run.Rulebook];
        var driver = DomainDriver.Open(rulebook, run);
        var tally = Replay(driver.EditionEvents);
        int editionApplied = driver.EditionEvents.Count;
        var parts = new Dictionary<int, ParticipantTally>();
        var applied = new Dictionary<int, int>();
        Assert.Equal(EditionReport.Create(driver.Edition, [], rulebook).Ok(), tally.ToReport(rulebook).Ok());
        for (int i = 0; i < run.Commands.Length; i++)
        {
            var command = run.Commands[i];
            var at = ModelTime.Resolve(command, stream => driver.LastOf(stream, command.Company));
            driver.Execute(command, at);
            for (; editionApplied < driver.EditionEvents.Count; editionApplied++)
            {
                tally = tally.Apply(driver.EditionEvents[editionApplied]);
            }

            foreach (var (company, events) in driver.ParticipantEvents)
            {
                int from = applied.GetValueOrDefault(company);
                if (from == events.Count)
                {
                    continue;
                }

                var before = parts.GetValueOrDefault(company);
                var after = before;
                foreach (var e in events.Skip(from))
                {
                    after = after is null ? ParticipantTally.Start((ParticipantAdmitted)e) : after.Apply(e);
                }

                tally = tally.Apply(before, after!);
                parts[company] = after!;
                applied[company] = events.Count;
            }

            var expected = EditionReport.Create(driver.Edition, driver.Participants.Values, rulebook).Ok();
            Assert.True(expected == tally.ToReport(rulebook).Ok(), $"after step {i + 1}, {command} at {at}:\nexpected {expected.ToJson()}\ngot {tally.ToReport(rulebook).Ok().ToJson()}");
        }
    }
}
