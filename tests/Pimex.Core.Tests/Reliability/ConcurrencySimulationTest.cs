using Ardalis.Result;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Reliability;

/// <summary>What a writer wants to do.</summary>
public enum IntentKind
{
    /// <summary>Admit an applicant (reserves the cap on the actions line).</summary>
    Admit,

    /// <summary>Senior-consultant advice for C0 (spends on the consultancy line).</summary>
    Consultancy,

    /// <summary>Verify one of C0's claims in full (spends C0's reservation).</summary>
    Verify,

    /// <summary>C0 withdraws (releases what is left of its reservation).</summary>
    Withdraw,

    /// <summary>A direct spend on the training line.</summary>
    TrainingSpend,
}

/// <summary>One command a writer issues: what, and about which company, claim or amount.</summary>
/// <param name="Kind">What.</param>
/// <param name="Argument">The applicant (1..3), the claim (0..2), the half-hours or the hundreds of euros.</param>
public sealed record Intent(IntentKind Kind, int Argument);

/// <summary>Writers, each with its commands, and the order in which they get to act.</summary>
/// <param name="Writers">Each writer's commands.</param>
/// <param name="Schedule">Which writer acts at each step (load, or decide and append).</param>
public sealed record Interleaving(Intent[][] Writers, int[] Schedule);

/// <summary>Generators of concurrent writers and their interleavings.</summary>
public static class ConcurrencyArbitraries
{
    private static readonly Gen<Intent> IntentGen = Gen.OneOf(
        Gen.Choose(1, 3).Select(c => new Intent(IntentKind.Admit, c)),
        Gen.Choose(1, 8).Select(h => new Intent(IntentKind.Consultancy, h)),
        Gen.Choose(0, 2).Select(k => new Intent(IntentKind.Verify, k)),
        Gen.Constant(new Intent(IntentKind.Withdraw, 0)),
        Gen.Choose(1, 6).Select(h => new Intent(IntentKind.TrainingSpend, h)));

    /// <summary>Two to four writers of one to three commands each, and a random schedule.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Interleaving> Interleavings() =>
        (from writers in Gen.Choose(2, 4)
         from intents in Gen.ArrayOf(Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(IntentGen, n)), writers)
         from schedule in Gen.ArrayOf(Gen.Choose(0, writers - 1), 40)
         select new Interleaving(intents, schedule)).ToArbitrary();
}

/// <summary>
/// Concurrent writers, simulated: each loads the edition and its participants from an event
/// store, decides with the domain at the host's current clock (which ticks a minute at every
/// step of any writer), and appends with the versions the change says it was computed on
/// (<see cref="Changed{TAggregate, TEvent}.ExpectedVersion"/>). However their steps interleave,
/// one of two writers that read the same version wins and the other gets a conflict (then
/// reloads and retries, or is refused by the rules); no budget line is ever overspent, no cap
/// passed, no event is lost or stored twice, and every stream is stored in time order. The
/// control, a store that does not check versions, overspends.
/// </summary>
/// <remarks>
/// Environment: <c>PIMEX_CONCURRENCY_RUNS</c> sets the number of random schedules (200 by default).
/// </remarks>
public class ConcurrencySimulationTest
{
    private static readonly Rulebook Rules = ModelRulebooks.Tight;

    [Fact]
    public void TwoCommandsWithTheSameExpectedVersion_TheFirstWins_TheSecondGetsConflict()
    {
        var world = World.Create(new InMemoryEventStore());
        var edition = world.LoadEdition();
        var participant = world.LoadParticipant(0);
        var seen = participant.Version;

        var first = participant.RequestConsultancy(edition, 1m, "Pricing", Rules, Ctx(Scenario.Tech, seen));
        Assert.True(first.IsSuccess);
        Assert.Equal((seen, edition.Version), (first.Value.Participant.ExpectedVersion, first.Value.Edition.ExpectedVersion));
        Assert.True(world.Store.TryAppend(world.AppendsFor(first.Value)));

        // The second writer saw the same version: on the current state, the domain refuses it...
        var second = world.LoadParticipant(0).RequestConsultancy(world.LoadEdition(), 1m, "Logistics", Rules, Ctx(Scenario.Tech2, seen));
        Assert.Equal(ResultStatus.Conflict, second.Status);
        Assert.Equal([CommonErrors.VersionMismatch], second.Codes());

        // ...and when it decided on the state it read, the store refuses to append it.
        var stale = participant.RequestConsultancy(edition, 1m, "Logistics", Rules, Ctx(Scenario.Tech2, seen));
        Assert.True(stale.IsSuccess);
        Assert.False(world.Store.TryAppend(world.AppendsFor(stale.Value)));
        Assert.Equal(Money.Of(69m, Currency.EUR), world.LoadEdition().Budget.Consultancy.Spent);
        Assert.Equal(seen + 1, world.LoadParticipant(0).Version);
    }

    [Fact]
    public void AWriterThatRetriesAtTheInstantItFirstStamped_AfterALaterCommit_IsRefusedAsBackInTime()
    {
        // A host that keeps the instant of the user's first click and retries with it after a
        // conflict would record its command before the winner's: the domain refuses it; retried
        // at the host's current clock, it is accepted.
        var world = World.Create(new InMemoryEventStore());
        var stamped = Scenario.At(2016, 10, 20, 10);
        var winner = world.LoadParticipant(0).RequestConsultancy(world.LoadEdition(), 1m, "Pricing", Rules, new CommandContext(Scenario.Tech, stamped + Duration.FromMinutes(5)));
        Assert.True(world.Store.TryAppend(world.AppendsFor(winner.Value)));

        var reloaded = world.LoadParticipant(0);
        var retried = reloaded.RequestConsultancy(world.LoadEdition(), 1m, "Logistics", Rules, new CommandContext(Scenario.Tech2, stamped, reloaded.Version));
        Assert.Equal(ResultStatus.Conflict, retried.Status);
        Assert.Equal([TimeErrors.BeforeLastEvent], retried.Codes());

        var now = reloaded.RequestConsultancy(world.LoadEdition(), 1m, "Logistics", Rules, new CommandContext(Scenario.Tech2, stamped + Duration.FromMinutes(6), reloaded.Version));
        Assert.True(now.IsSuccess);
        Assert.True(world.Store.TryAppend(world.AppendsFor(now.Value)));
        Assert.Equal(Money.Of(138m, Currency.EUR), world.LoadEdition().Budget.Consultancy.Spent);
    }

    [Fact]
    public void TwoAdmissionsForTheLastReservableCap_EveryInterleavingAdmitsOne()
    {
        EnumerateInterleavings([new Intent(IntentKind.Admit, 1)], [new Intent(IntentKind.Admit, 2)], (world, outcomes) =>
        {
            Assert.Equal(1, outcomes.Count(o => o == Outcome.Ok));
            Assert.Contains(outcomes, o => o.Codes == "PIMEX-ADM-006");
            Assert.Equal(2, world.LoadEdition().AdmittedCount);
        });
    }

    [Fact]
    public void TwoVerificationsOfOneParticipantsClaims_NeverGrantMoreThanItsReservation()
    {
        EnumerateInterleavings([new Intent(IntentKind.Verify, 0)], [new Intent(IntentKind.Verify, 1)], (world, outcomes) =>
        {
            Assert.All(outcomes, o => Assert.Equal(Outcome.Ok, o));
            var participant = world.LoadParticipant(0);
            Assert.Equal(Money.Of(2500m, Currency.EUR), participant.SupportGranted);
            Assert.Equal(Money.Of(2500m, Currency.EUR), world.LoadEdition().Budget.Actions.Spent);
        });
    }

    [Fact]
    public void AVerificationAndAWithdrawal_NeverBothSpendAndReleaseTheSameReservation()
    {
        EnumerateInterleavings([new Intent(IntentKind.Verify, 0)], [new Intent(IntentKind.Withdraw, 0)], (world, outcomes) =>
        {
            var ledger = world.LoadEdition().Budget.Actions;
            Assert.Equal(Money.Of(2500m, Currency.EUR), ledger.Spent + ledger.Released);
            Assert.True(world.LoadParticipant(0).IsFinal);
        });
    }

    [Fact]
    public void TwoConsultancyRequestsForTheRemainingBudget_EveryInterleavingSpendsWithinTheLine()
    {
        EnumerateInterleavings([new Intent(IntentKind.Consultancy, 8)], [new Intent(IntentKind.Consultancy, 6)], (world, outcomes) =>
        {
            Assert.Equal(1, outcomes.Count(o => o == Outcome.Ok));
            Assert.True(world.LoadEdition().Budget.Consultancy.Spent <= Money.Of(345m, Currency.EUR));
        });
    }

    [Fact]
    public void WithoutTheVersionCheck_TwoVerificationsOverspendTheReservation()
    {
        // The control: the same two writers against a store that does not check versions.
        var world = World.Create(new InMemoryEventStore(checkVersions: false));
        var writers = new[] { new Writer([new Intent(IntentKind.Verify, 0)]), new Writer([new Intent(IntentKind.Verify, 1)]) };
        Simulate(world, writers, [0, 1, 0, 1]);

        var rebuilt = Participant.Replay(world.Store.Read<ParticipantEvent>(World.ParticipantStream(0)));
        Assert.True(rebuilt.SupportGranted > rebuilt.Terms.Cap, "without the check both grants are stored");
    }

    [Fact]
    public void AnyInterleavingOfWriters_KeepsEveryLineWithinItsAllocation_AndStoresEachAcceptedChangeOnce()
    {
        Prop.ForAll(ConcurrencyArbitraries.Interleavings(), (Interleaving interleaving) =>
        {
            var world = World.Create(new InMemoryEventStore());
            var writers = interleaving.Writers.Select(w => new Writer(w)).ToArray();
            Simulate(world, writers, interleaving.Schedule);
            CheckStore(world, writers);
        }).Check(ReliabilityRuns.Checking(ReliabilityRuns.Schedules));
    }

    private static void EnumerateInterleavings(Intent[] first, Intent[] second, Action<World, List<Outcome>> check)
    {
        // Every order of the two writers' steps (load, decide and append, retries included) up
        // to eight steps; the rest runs in turn.
        for (int bits = 0; bits < 256; bits++)
        {
            var schedule = Enumerable.Range(0, 8).Select(i => (bits >> i) & 1).ToArray();
            var world = World.Create(new InMemoryEventStore());
            var writers = new[] { new Writer(first), new Writer(second) };
            Simulate(world, writers, schedule);
            CheckStore(world, writers);
            check(world, [.. writers.SelectMany(w => w.Outcomes)]);
        }
    }

    private static void Simulate(World world, Writer[] writers, int[] schedule)
    {
        foreach (var w in schedule)
        {
            world.Tick();
            writers[w].Step(world);
        }

        for (int guard = 0; writers.Any(w => !w.Done); guard++)
        {
            Assert.True(guard < 1000, "writers never finish");
            foreach (var writer in writers.Where(w => !w.Done))
            {
                world.Tick();
                writer.Step(world);
            }
        }
    }

    /// <summary>What must hold in the store, whatever the interleaving.</summary>
    private static void CheckStore(World world, Writer[] writers)
    {
        var edition = world.LoadEdition();
        var participants = Enumerable.Range(0, 4).Where(world.IsParticipant).Select(world.LoadParticipant).ToList();
        foreach (var line in edition.Budget.Lines)
        {
            Assert.False(line.Available.IsNegative, $"{line.Line} overspent: {line.Available}");
            Assert.False(line.Reserved.IsNegative, $"{line.Line} reserved below zero");
            Assert.Equal(line.Allocated, line.Available + line.Reserved + line.Spent);
        }

        var zero = Money.Zero(Currency.EUR);
        Assert.Equal(participants.Aggregate(zero, (s, p) => s + p.ReservationLeft), edition.Budget.Actions.Reserved);
        Assert.Equal(participants.Aggregate(zero, (s, p) => s + p.SupportGranted), edition.Budget.Actions.Spent);
        Assert.Equal(participants.Aggregate(zero, (s, p) => s + p.ConsultancyCost), edition.Budget.Consultancy.Spent);
        Assert.All(participants, p => Assert.True(p.SupportGranted <= p.Terms.Cap));
        Assert.True(edition.AdmittedCount <= edition.Annuity.Capacity);

        // Each accepted change is in the store exactly once; each lost attempt not at all.
        var stored = world.Store.StreamIds.SelectMany(s => world.Store.Read<object>(s)).ToList();
        Assert.Equal(stored.Count, stored.Distinct(ReferenceEqualityComparer.Instance).Count());
        var committed = writers.SelectMany(w => w.Committed).ToList();
        var lost = writers.SelectMany(w => w.Lost).ToList();
        Assert.All(committed, e => Assert.Contains(e, stored, ReferenceEqualityComparer.Instance));
        Assert.All(lost, e => Assert.DoesNotContain(e, stored, ReferenceEqualityComparer.Instance));
        Assert.Equal(world.SetupEvents + committed.Count, stored.Count);
        Assert.All(writers, w => Assert.True(w.Done));

        // Every stream is stored in time order, and each aggregate's last instant is its last event's.
        foreach (var stream in world.Store.StreamIds)
        {
            var instants = world.Store.Read<DomainEvent>(stream).Select(e => e.RecordedAt).ToList();
            Assert.Equal(instants.Order(), instants);
        }

        Assert.Equal(world.Store.Read<EditionEvent>(world.EditionStream)[^1].RecordedAt, edition.LastRecordedAt);
        Assert.All(participants, p => Assert.Equal(world.Store.Read<ParticipantEvent>(p.Id.ToString())[^1].RecordedAt, p.LastRecordedAt));
    }

    private static CommandContext Ctx(Actor actor, long? expected) =>
        new(actor, Scenario.At(2016, 10, 20), expected);

    /// <summary>
    /// The store, set up with the tight edition: C0 admitted with three EUR 2,000 claims
    /// submitted; C1, C2 and C3 applied; the actions line can reserve one more cap.
    /// </summary>
    private sealed class World
    {
        private World(InMemoryEventStore store, string editionStream)
        {
            Store = store;
            EditionStream = editionStream;
        }

        public InMemoryEventStore Store { get; }

        public string EditionStream { get; }

        public int SetupEvents { get; private set; }

        /// <summary>The host's clock: after every event of the setup, a minute more at each step of any writer.</summary>
        public Instant Now { get; private set; } = Scenario.At(2016, 10, 20, 10);

        public void Tick() => Now += Duration.FromMinutes(1);

        public static World Create(InMemoryEventStore store)
        {
            var s = Scenario.Open(Rules);
            s.Join("C0");
            for (int k = 0; k < 3; k++)
            {
                s.SubmitClaim("C0", Scenario.Claim("K" + k, 2000m));
            }

            s.ApplyFor(Scenario.Application("C1")).ApplyFor(Scenario.Application("C2")).ApplyFor(Scenario.Application("C3"));
            var world = new World(store, s.Edition.Id.ToString());
            Assert.True(store.TryAppend(new StreamAppend(world.EditionStream, 0, [.. s.EditionEvents])));
            Assert.True(store.TryAppend(new StreamAppend(World.ParticipantStream(0), 0, [.. s.EventsOf("C0")])));
            world.SetupEvents = s.EditionEvents.Count + s.EventsOf("C0").Count;
            return world;
        }

        public static string ParticipantStream(int company) => new ParticipantId(new EditionId(Rules.Id, 2016), new CompanyId("C" + company)).ToString();

        public bool IsParticipant(int company) => Store.VersionOf(ParticipantStream(company)) > 0;

        public Edition LoadEdition() => Edition.Replay(Store.Read<EditionEvent>(EditionStream));

        public Participant LoadParticipant(int company) => Participant.Replay(Store.Read<ParticipantEvent>(ParticipantStream(company)));

        /// <summary>The appends of a change, each stream at the version the change says the decision started from.</summary>
        public StreamAppend[] AppendsFor(ParticipationChange change) =>
        [
            new StreamAppend(EditionStream, change.Edition.ExpectedVersion, [.. change.Edition.Events]),
            new StreamAppend(change.Participant.Aggregate.Id.ToString(), change.Participant.ExpectedVersion, [.. change.Participant.Events]),
        ];
    }

    /// <summary>A writer: for each intent, load, then decide and append; on a conflict, reload and retry.</summary>
    private sealed class Writer(Intent[] intents)
    {
        private int next;
        private Edition? edition;
        private Dictionary<int, Participant>? participants;

        public bool Done => next >= intents.Length;

        public List<Outcome> Outcomes { get; } = [];

        public List<object> Committed { get; } = [];

        public List<object> Lost { get; } = [];

        public void Step(World world)
        {
            if (Done)
            {
                return;
            }

            if (edition is null)
            {
                edition = world.LoadEdition();
                participants = Enumerable.Range(0, 4).Where(world.IsParticipant).ToDictionary(c => c, world.LoadParticipant);
                return;
            }

            var (result, appends) = Decide(world, intents[next], edition, participants!);
            edition = null;
            if (appends is null)
            {
                Outcomes.Add(result);
                next++;
                return;
            }

            var events = appends.SelectMany(a => a.Events).ToList();
            if (world.Store.TryAppend(appends))
            {
                Committed.AddRange(events);
                Outcomes.Add(Outcome.Ok);
                next++;
            }
            else
            {
                Lost.AddRange(events);
            }
        }

        private static (Outcome Result, StreamAppend[]? Appends) Decide(World world, Intent intent, Edition edition, Dictionary<int, Participant> participants)
        {
            var c0 = participants[0];
            switch (intent.Kind)
            {
                case IntentKind.Admit:
                    {
                        var admitted = edition.Admit(new CompanyId("C" + intent.Argument), Rules, Ctx(world, Scenario.Manager, edition.Version));
                        return admitted.IsSuccess ? (Outcome.Ok, world.AppendsFor(admitted.Value)) : (Refused(admitted), null);
                    }

                case IntentKind.Consultancy:
                    return Joint(world, c0.RequestConsultancy(edition, intent.Argument / 2m, "Pricing", Rules, Ctx(world, Scenario.Tech, c0.Version)), edition, c0);
                case IntentKind.Verify:
                    return Joint(world, c0.VerifyClaim(edition, "K" + intent.Argument, ClaimVerification.ApproveInFull(), Rules, Ctx(world, Scenario.Tech2, c0.Version)), edition, c0);
                case IntentKind.Withdraw:
                    return Joint(world, c0.Withdraw(edition, "Changed plans", Ctx(world, Scenario.Manager, c0.Version)), edition, c0);
                default:
                    {
                        var spent = edition.RecordExpense(BudgetLine.Training, Money.Of(intent.Argument * 100m, Currency.EUR), "Trainer", Ctx(world, Scenario.Manager, edition.Version));
                        return spent.IsSuccess ? (Outcome.Ok, [new StreamAppend(world.EditionStream, spent.Value.ExpectedVersion, [.. spent.Value.Events])]) : (Refused(spent), null);
                    }
            }
        }

        private static (Outcome, StreamAppend[]?) Joint(World world, Result<ParticipationChange> result, Edition edition, Participant participant)
        {
            if (!result.IsSuccess)
            {
                return (Refused(result), null);
            }

            // The change says which versions it was computed on: the ones this writer loaded.
            Assert.Equal((participant.Version, edition.Version), (result.Value.Participant.ExpectedVersion, result.Value.Edition.ExpectedVersion));
            return (Outcome.Ok, world.AppendsFor(result.Value));
        }

        /// <summary>A command at the host's current clock, expecting a version.</summary>
        private static CommandContext Ctx(World world, Actor actor, long expected) => new(actor, world.Now, expected);

        private static Outcome Refused<T>(Result<T> result) => Outcome.Of(result.Status, result.Codes());
    }
}
