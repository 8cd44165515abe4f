using Marten;
using Microsoft.Extensions.Configuration;
using NodaTime;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Store;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Tests;

/// <summary>
/// The aggregates a command decides on come from the cache and the events after it: whatever
/// the history and wherever another writer (another process, or a command that bypassed the
/// cache) appended, that equals replaying the whole stream.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class AggregateCacheTest : IAsyncLifetime
{
    private DocumentStore store = null!;
    private DocumentStore other = null!;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 24)];

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared();
        store = await StoreOnAsync(await server.CreateDatabaseAsync("cache"));
        other = await StoreOnAsync(await server.CreateDatabaseAsync("cache-other"));
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        other.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A law over many histories: cache the streams at a random point of a random history, let
    /// the rest be appended without the cache, and the cached aggregate with the events after it
    /// equals the full replay (and the library's own in-memory state), stream by stream.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task CachedAggregatePlusTheEventsAfterIt_EqualsTheFullReplay(int seed)
    {
        var history = History.Generate(seed);
        var tenant = $"law-{seed}";
        var cut = new Random(seed).Next(1, history.Saves.Count + 1);
        var cache = new AggregateCache();

        await AppendAsync(store, tenant, history.Saves.Take(cut));
        await LoadAllAsync(store, tenant, history, cache);
        await AppendAsync(store, tenant, history.Saves.Skip(cut));

        // Twice: the first load folds the tail onto the cached state, the second finds none after it.
        for (int pass = 0; pass < 2; pass++)
        {
            var (edition, participants) = await LoadAllAsync(store, tenant, history, cache);
            var (replayedEdition, replayedParticipants) = await LoadAllAsync(store, tenant, history, cache: null);
            Assert.Equal(replayedEdition, edition);
            Assert.Equal(history.Edition, edition);
            Assert.Equal(replayedParticipants, participants);
            Assert.Equal(history.Participants, participants);
        }
    }

    /// <summary>
    /// The cache is never trusted over the store: the same region's streams in another database
    /// (restored from an older backup, or recreated) hold another history under the same keys,
    /// shorter or longer than the cached one, and a load through the cache that knew the first
    /// database answers the second one's replay.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACacheThatKnewAnotherHistory_IsNotTrusted(bool storeIsShorter)
    {
        var cache = new AggregateCache();
        var tenant = storeIsShorter ? "shorter" : "longer";
        var known = History.Generate(101);
        var stored = History.Generate(202);
        var cachedSaves = storeIsShorter ? known.Saves : known.Saves.Take(known.Saves.Count / 3).ToList();
        var storedSaves = storeIsShorter ? stored.Saves.Take(stored.Saves.Count / 3).ToList() : stored.Saves;
        await AppendAsync(store, tenant, cachedSaves);
        var (cachedEdition, _) = await LoadAllAsync(store, tenant, known, cache);
        await AppendAsync(other, tenant, storedSaves);

        var (edition, participants) = await LoadAllAsync(other, tenant, known, cache);
        var (replayedEdition, replayedParticipants) = await LoadAllAsync(other, tenant, known, cache: null);
        Assert.Equal(storeIsShorter, replayedEdition!.Version < cachedEdition!.Version);
        Assert.NotEqual(cachedEdition, edition);
        Assert.Equal(replayedEdition, edition);
        Assert.Equal(replayedParticipants, participants);
    }

    private static async Task<DocumentStore> StoreOnAsync(string connection)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Pimex"] = connection }).Build();
        var opened = new DocumentStore(BackOfficeApp.StoreOptionsFor(configuration));
        await opened.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return opened;
    }

    private static async Task AppendAsync(DocumentStore target, string tenant, IEnumerable<Save> saves)
    {
        foreach (var save in saves)
        {
            await using var session = target.LightweightSession(tenant);
            var streams = new EventStreams(session);
            if (save.Edition is { } e)
            {
                streams.Stage(e.Aggregate.Id.ToString(), e);
            }

            if (save.Participant is { } p)
            {
                streams.Stage(p.Aggregate.Id.ToString(), p);
            }

            await session.SaveChangesAsync();
        }
    }

    private static async Task<(Edition? Edition, IReadOnlyList<Participant?> Participants)> LoadAllAsync(DocumentStore source, string tenant, History history, AggregateCache? cache)
    {
        await using var session = source.LightweightSession(tenant);
        var streams = new EventStreams(session, cache);
        var edition = await streams.LoadEditionAsync(history.Edition.Id, CancellationToken.None);
        var participants = new List<Participant?>();
        foreach (var id in history.Participants.Select(p => p.Id))
        {
            participants.Add(await streams.LoadParticipantAsync(id, CancellationToken.None));
        }

        return (edition, participants);
    }

    /// <summary>What one command saves: its edition change, its participant change, or both.</summary>
    internal sealed record Save(Changed<Edition, EditionEvent>? Edition, Changed<Participant, ParticipantEvent>? Participant);

    /// <summary>A random year of one edition decided by the library in memory: the saves in order, and the aggregates they end at.</summary>
    internal sealed record History(IReadOnlyList<Save> Saves, Edition Edition, IReadOnlyList<Participant> Participants)
    {
        public static History Generate(int seed)
        {
            var random = new Random(seed);
            var rulebook = Rulebook.Extremadura;
            var manager = Api.Manager;
            var saves = new List<Save>();
            var edition = Editions.Edition.Open(rulebook, 2016, new CommandContext(manager, Api.At(1, 10))).Value;
            saves.Add(new Save(edition, null));
            var state = edition.Aggregate;
            for (int s = 1; s <= 3; s++)
            {
                var scheduled = state.ScheduleSession(new GroupSession("S" + s, new LocalDate(2016, 4 + s, 10), "Mérida", "Session " + s, 40), new CommandContext(Api.Tech, Api.At(1, 15))).Value;
                saves.Add(new Save(scheduled, null));
                state = scheduled.Aggregate;
            }

            var companies = Enumerable.Range(1, random.Next(2, 6)).Select(i => $"C{i}").ToList();
            foreach (var company in companies)
            {
                var received = state.ReceiveApplication(Api.Application(company), rulebook, new CommandContext(Api.Rep(company), Api.At(2, 1))).Value;
                saves.Add(new Save(received, null));
                state = received.Aggregate;
            }

            var participants = new Dictionary<string, Participant>(StringComparer.Ordinal);
            foreach (var company in companies)
            {
                var admitted = state.Admit(new CompanyId(company), rulebook, new CommandContext(manager, Api.At(3, 20))).Value;
                saves.Add(new Save(admitted.Edition, admitted.Participant));
                state = admitted.Edition.Aggregate;
                participants[company] = admitted.Participant.Aggregate;
            }

            int commands = random.Next(10, 60);
            for (int i = 0; i < commands; i++)
            {
                var company = companies[random.Next(companies.Count)];
                var p = participants[company];
                var at = Api.At(10, 5).Plus(Duration.FromMinutes(i));
                var context = new CommandContext(random.Next(2) == 0 ? Api.Tech : Api.Tech2, at);
                Save? save = random.Next(5) switch
                {
                    0 => Of(p.RecordTrainingPill(new TrainingPill("Pill " + i, new LocalDate(2016, 6, 1 + (i % 28)), "management"), context)),
                    1 => Of(p.RecordTutorial(new Tutorial("T" + i, new LocalDate(2016, 5, 1 + (i % 28)), VenueKind.CompanyPremises, "Export plan"), context)),
                    2 => Of(p.RecordAttendance(state, "S" + random.Next(1, 4), context)),
                    3 => Of(p.SubmitClaim(Api.Claim("K" + i, 100m + random.Next(0, 400)), rulebook, new CommandContext(Api.Rep(company), at))),
                    _ => p.Claims.Keys.Order(StringComparer.Ordinal).FirstOrDefault(k => p.Claims[k].Verification is null) is { } claim
                        ? Of(p.VerifyClaim(state, claim, ClaimVerification.ApproveInFull(), rulebook, context))
                        : null,
                };
                if (save is null)
                {
                    continue;
                }

                saves.Add(save);
                state = save.Edition?.Aggregate ?? state;
                participants[company] = save.Participant?.Aggregate ?? p;
            }

            return new History(saves, state, [.. companies.Select(c => participants[c])]);
        }

        private static Save? Of(Ardalis.Result.Result<Changed<Participant, ParticipantEvent>> result) =>
            result.IsSuccess ? new Save(null, result.Value) : null;

        private static Save? Of(Ardalis.Result.Result<ParticipationChange> result) =>
            result.IsSuccess ? new Save(result.Value.Edition, result.Value.Participant) : null;
    }
}
