using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.Configuration;
using NodaTime;
using Npgsql;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Serialization.SystemTextJson;
using History = Pimex.BackOffice.Tests.AggregateCacheTest.History;
using Save = Pimex.BackOffice.Tests.AggregateCacheTest.Save;

namespace Pimex.BackOffice.Tests;

/// <summary>
/// The snapshots the back office keeps with its streams (<see cref="StreamSnapshot"/>): a stream
/// the server has not seen is read as its snapshot plus the events after it, and decides as a
/// replay would; a snapshot that is damaged, of another schema or library build, or not
/// confirmed by the stream is ignored and the stream replayed; and a snapshot is saved with its
/// events or not at all, so it is never ahead of its stream.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class SnapshotTest : IAsyncLifetime
{
    private const int Interval = 4;
    private string connection = null!;
    private DocumentStore store = null!;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 12)];

    public static TheoryData<string> Damages => ["garbage", "anotherFold", "anotherSchema", "ahead", "anotherStream", "anotherHistory"];

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared();
        connection = await server.CreateDatabaseAsync("snapshots");
        store = await StoreOnAsync(connection);
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A law over many histories, saved as the back office saves them (a snapshot every
    /// <see cref="Interval"/> events): with a fresh cache (a restarted server), every stream loads
    /// equal to its full replay and to the library's own state, and every snapshot stored equals
    /// the replay of its stream up to its version, which the stream has reached.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task AfterARestart_TheSnapshotPlusTheEventsAfterIt_EqualsTheFullReplay(int seed)
    {
        var history = History.Generate(seed);
        var tenant = $"law-{seed}";
        await AppendAsync(tenant, history.Saves);

        var (edition, participants) = await LoadAllAsync(tenant, history, new AggregateCache());
        Assert.Equal(history.Edition, edition);
        Assert.Equal(history.Participants, participants);
        var snapshots = await CheckSnapshotsAsync(tenant);
        Assert.Contains(snapshots, s => s.Id == history.Edition.Id.ToString());
    }

    /// <summary>
    /// A cold read uses the snapshot, and reads only the events after it: with every event
    /// before the edition's snapshot destroyed, the edition still loads (a replay could not).
    /// </summary>
    [Fact]
    public async Task AColdRead_ReadsTheSnapshotAndOnlyTheEventsAfterIt()
    {
        var history = History.Generate(7);
        const string tenant = "cold";
        await AppendAsync(tenant, history.Saves);
        var id = history.Edition.Id.ToString();
        long snapshotAt;
        await using (var session = store.LightweightSession(tenant))
        {
            snapshotAt = (await session.LoadAsync<StreamSnapshot>(id))!.StreamVersion;
        }

        Assert.True(snapshotAt > 1);
        await ExecuteAsync($"UPDATE pimex.mt_events SET data = '{{}}'::jsonb WHERE tenant_id = '{tenant}' AND stream_id = '{id}' AND version < {snapshotAt}");

        await using (var session = store.LightweightSession(tenant))
        {
            Assert.Equal(history.Edition, await new EventStreams(session, new AggregateCache()).LoadEditionAsync(history.Edition.Id, CancellationToken.None));
            session.Delete<StreamSnapshot>(id);
            await session.SaveChangesAsync();
        }

        // Without the snapshot, the same read replays the stream, and meets the destroyed events.
        await using (var session = store.LightweightSession(tenant))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => new EventStreams(session, new AggregateCache()).LoadEditionAsync(history.Edition.Id, CancellationToken.None));
        }
    }

    /// <summary>
    /// A snapshot that cannot be trusted is not used: damaged, of another library build or
    /// snapshot schema, ahead of its stream, another aggregate's, or not confirmed by the event at
    /// its version. The read replays the stream and answers right, and the next change of that
    /// stream writes a good snapshot again.
    /// </summary>
    [Theory]
    [MemberData(nameof(Damages))]
    public async Task AnUntrustedSnapshot_IsIgnored_TheStreamReplayed_AndTheNextChangeWritesAGoodOne(string damage)
    {
        var history = History.Generate(11);
        var tenant = "damaged-" + damage;
        var half = history.Saves.Count / 2;
        await AppendAsync(tenant, history.Saves.Take(half));
        var id = history.Edition.Id.ToString();
        Edition expected;
        await using (var session = store.LightweightSession(tenant))
        {
            expected = Edition.Replay((await session.Events.FetchStreamAsync(id)).Select(e => (EditionEvent)e.Data));
            var good = (await session.LoadAsync<StreamSnapshot>(id))!;
            string Edit(Action<JsonObject> edit)
            {
                var node = JsonNode.Parse(good.State)!.AsObject();
                edit(node);
                return node.ToJsonString();
            }

            var participant = history.Participants[0];
            session.Store(damage switch
            {
                "garbage" => good with { State = "{\"$snapshot\": \"EditionSnap" },
                // Another build's or schema's state may mean something else: here, an edition without its sessions.
                "anotherFold" => good with { State = Edit(n => (n[PimexJson.SnapshotFoldProperty], n["state"]!["sessions"]) = ("Pimex.Core 0.0.1+0000000", new JsonArray())) },
                "anotherSchema" => good with { State = Edit(n => (n[PimexJson.SnapshotSchemaProperty], n["state"]!["sessions"]) = (PimexJson.SnapshotSchemaVersion + 1, new JsonArray())) },
                "ahead" => StreamSnapshot.Of(history.Edition),
                "anotherStream" => StreamSnapshot.Of(participant) with { Id = id },
                _ => good with { State = Edit(n => (n["state"]!["lastRecordedAt"], n["state"]!["sessions"]) = ("2016-01-01T00:00:00Z", new JsonArray())) },
            });
            await session.SaveChangesAsync();
        }

        if (damage == "ahead")
        {
            Assert.True(history.Edition.Version > expected.Version);
        }

        await using (var session = store.LightweightSession(tenant))
        {
            var streams = new EventStreams(session, new AggregateCache(), Interval);
            var loaded = await streams.LoadEditionAsync(history.Edition.Id, CancellationToken.None);
            Assert.Equal(expected, loaded);

            // The next change of the edition writes its snapshot again, with its events.
            var change = loaded!.ScheduleSession(new GroupSession("S9", new LocalDate(2016, 8, 10), "Mérida", "Session 9", 40), new CommandContext(Api.Tech, Api.At(12, 1))).Value;
            streams.Stage(id, change);
            await session.SaveChangesAsync();
        }

        await using (var session = store.LightweightSession(tenant))
        {
            var rewritten = (await session.LoadAsync<StreamSnapshot>(id))!;
            Assert.Equal(expected.Version + 1, rewritten.StreamVersion);
            Assert.NotNull(rewritten.Edition());
        }

        await CheckSnapshotsAsync(tenant);
    }

    /// <summary>
    /// A save that lost its race saves no snapshot: two writers change the edition from the same
    /// version, each staging its snapshot; the loser's snapshot is not saved, and the one stored
    /// is the winner's, at the stream's version.
    /// </summary>
    [Fact]
    public async Task ASaveThatLosesItsRace_SavesNoSnapshot()
    {
        var history = History.Generate(3);
        const string tenant = "race";
        await AppendAsync(tenant, history.Saves, interval: 1);
        await using var loser = store.LightweightSession(tenant);
        await using var winner = store.LightweightSession(tenant);
        var loserStreams = new EventStreams(loser, null, 1);
        var winnerStreams = new EventStreams(winner, null, 1);
        var id = history.Edition.Id.ToString();
        var fromLoser = (await loserStreams.LoadEditionAsync(history.Edition.Id, CancellationToken.None))!;
        var fromWinner = (await winnerStreams.LoadEditionAsync(history.Edition.Id, CancellationToken.None))!;
        var lost = fromLoser.ScheduleSession(new GroupSession("S8", new LocalDate(2016, 8, 10), "Mérida", "Session 8", 40), new CommandContext(Api.Tech, Api.At(12, 1))).Value;
        var won = fromWinner.ScheduleSession(new GroupSession("S9", new LocalDate(2016, 8, 11), "Cáceres", "Session 9", 40), new CommandContext(Api.Tech, Api.At(12, 1))).Value;
        winnerStreams.Stage(id, won);
        loserStreams.Stage(id, lost);

        await winner.SaveChangesAsync();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => loser.SaveChangesAsync());
        Assert.True(EventStreams.IsConcurrencyFailure(failure), failure.ToString());

        await using var check = store.LightweightSession(tenant);
        var snapshot = (await check.LoadAsync<StreamSnapshot>(id))!;
        Assert.Equal(won.Aggregate, snapshot.Edition());
        await CheckSnapshotsAsync(tenant);
    }

    /// <summary>
    /// Over HTTP, with a snapshot on every change: a refused command and a command with a stale
    /// If-Match save nothing, their snapshots included; an accepted one saves the snapshot of the
    /// state it answers.
    /// </summary>
    [Fact]
    public async Task ARefusedOrConflictingCommand_LeavesTheSnapshotsAsTheyWere()
    {
        var database = await (await PostgresServer.Shared()).CreateDatabaseAsync("snapshots-http");
        using var factory = new BackOfficeFactory(database, more: new Dictionary<string, string> { ["BackOffice:SnapshotInterval"] = "1" });
        var api = factory.Api();
        await api.OpenWithApplicantsAsync(["C1", "C2"]);
        var version = await api.AdmitAsync("C1");
        var participant = api.Participant("C1");

        var before = await SnapshotsAsync(factory.Store);
        var refused = await api.PostAsync(Api.Tech, participant + "/pills", new TrainingPill("Pill", new LocalDate(2016, 6, 1), "intern"), Api.At(6, 1), version);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var stale = await api.PostAsync(Api.Tech, participant + "/pills", new TrainingPill("Pill", new LocalDate(2016, 6, 1), "management"), Api.At(6, 1), version - 1);
        Assert.True(stale.Status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed, stale.Text);
        Assert.Equal(before, await SnapshotsAsync(factory.Store));

        var accepted = Api.Must(await api.PostAsync(Api.Tech, participant + "/pills", new TrainingPill("Pill", new LocalDate(2016, 6, 1), "management"), Api.At(6, 1), version));
        await using var session = factory.Store.LightweightSession("extremadura");
        var snapshot = (await session.LoadAsync<StreamSnapshot>("extremadura-2016/C1"))!;
        Assert.Equal(accepted.ETag, snapshot.StreamVersion);
        Assert.Equal(accepted.ETag, snapshot.Participant()!.Version);
    }

    /// <summary>
    /// A restarted server (a fresh cache) decides from the snapshots exactly as one that must
    /// replay: the same year on two databases, the snapshots of one deleted, then the same
    /// commands, accepted and refused, sent to a new server on each give the same answers and the
    /// same streams; the server that replayed writes the snapshots again.
    /// </summary>
    [Fact]
    public async Task ARestartedServer_DecidesFromTheSnapshotsAsFromAReplay()
    {
        var server = await PostgresServer.Shared();
        var fromSnapshots = await server.CreateDatabaseAsync("restart-snapshots");
        var fromReplay = await server.CreateDatabaseAsync("restart-replay");
        var more = new Dictionary<string, string> { ["BackOffice:SnapshotInterval"] = Interval.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var database in new[] { fromSnapshots, fromReplay })
        {
            using var first = new BackOfficeFactory(database, more: more);
            await YearAsync(first.Api());
        }

        using (var replayed = await StoreOnAsync(fromReplay))
        {
            await using var session = replayed.LightweightSession("extremadura");
            session.DeleteWhere<StreamSnapshot>(s => s.StreamVersion > 0);
            await session.SaveChangesAsync();
        }

        // The snapshots are what the restarted server reads: the events before them are destroyed.
        using (var snapshotted = await StoreOnAsync(fromSnapshots))
        {
            var stored = await SnapshotsAsync(snapshotted);
            Assert.Contains(stored, s => s.Id == "extremadura-2016");
            Assert.Contains(stored, s => s.Id == "extremadura-2016/C1");
            foreach (var snapshot in stored)
            {
                await using var raw = new NpgsqlConnection(fromSnapshots);
                await raw.OpenAsync();
                await using var destroy = new NpgsqlCommand($"UPDATE pimex.mt_events SET data = '{{}}'::jsonb WHERE tenant_id = 'extremadura' AND stream_id = @stream AND version < @version", raw);
                destroy.Parameters.AddWithValue("stream", snapshot.Id);
                destroy.Parameters.AddWithValue("version", snapshot.StreamVersion);
                await destroy.ExecuteNonQueryAsync();
            }
        }

        var answers = new List<IReadOnlyList<string>>();
        var states = new List<(Edition?, IReadOnlyList<Participant?>)>();
        foreach (var database in new[] { fromSnapshots, fromReplay })
        {
            using var restarted = new BackOfficeFactory(database, more: more);
            answers.Add(await AfterTheRestartAsync(restarted.Api()));
            using var check = await StoreOnAsync(database);
            await using var session = check.LightweightSession("extremadura");
            var streams = new EventStreams(session, new AggregateCache());
            var edition = await streams.LoadEditionAsync(new EditionId("extremadura", 2016), CancellationToken.None);
            var participants = new List<Participant?>();
            foreach (var company in new[] { "C1", "C2", "C3" })
            {
                participants.Add(await streams.LoadParticipantAsync(new ParticipantId(new EditionId("extremadura", 2016), new CompanyId(company)), CancellationToken.None));
            }

            states.Add((edition, participants));
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(states[0].Item1, states[1].Item1);
        Assert.Equal(states[0].Item2, states[1].Item2);
        using var rewritten = await StoreOnAsync(fromReplay);
        Assert.Contains(await SnapshotsAsync(rewritten), s => s.Id == "extremadura-2016" && s.Edition() is not null);
    }

    private static async Task YearAsync(Api api)
    {
        await api.OpenWithApplicantsAsync(["C1", "C2", "C3"]);
        foreach (var company in new[] { "C1", "C2", "C3" })
        {
            await api.AdmitAsync(company);
        }

        var (_, version) = await api.VersionsAsync("C1");
        for (int i = 0; i < 6; i++)
        {
            version = Api.Must(await api.PostAsync(Api.Tech, api.Participant("C1") + "/pills", new TrainingPill("Pill " + i, new LocalDate(2016, 6, 1 + i), "management"), Api.At(6, 10), version)).ETag;
        }

        version = Api.Must(await api.PostAsync(Api.Rep("C1"), api.Participant("C1") + "/claims", Api.Claim("K1", 1_500m), Api.At(10, 5), version)).ETag;
        Api.Must(await api.PostAsync(Api.Tech, api.Participant("C1") + "/claims/K1/verification", ClaimVerification.ApproveInFull(), Api.At(10, 20), version));
    }

    /// <summary>Commands that read the restarted server's streams: accepted ones, a joint change, and refusals.</summary>
    private static async Task<IReadOnlyList<string>> AfterTheRestartAsync(Api api)
    {
        var seen = new List<string>();
        async Task Send(Actor actor, string company, string path, object body, Instant at)
        {
            var (_, version) = await api.VersionsAsync(company);
            var answer = await api.PostAsync(actor, api.Participant(company) + path, body, at, version);
            seen.Add($"{(int)answer.Status} {answer.ETag} " + ((int)answer.Status < 300 ? answer.Text : string.Join(",", answer.Problem().Codes)));
        }

        await Send(Api.Tech, "C1", "/pills", new TrainingPill("After", new LocalDate(2016, 11, 2), "management"), Api.At(11, 2));
        await Send(Api.Rep("C1"), "C1", "/claims", Api.Claim("K1", 100m), Api.At(11, 3));
        await Send(Api.Rep("C1"), "C1", "/claims", Api.Claim("K2", 900m), Api.At(11, 3));
        await Send(Api.Tech, "C1", "/claims/K2/verification", ClaimVerification.ApproveInFull(), Api.At(11, 4));
        await Send(Api.Tech, "C2", "/attendance", new AttendanceRequest("S1"), Api.At(11, 5));
        await Send(Api.Tech, "C2", "/attendance", new AttendanceRequest("S1"), Api.At(11, 6));
        return seen;
    }

    /// <summary>Every snapshot stored in a region is at a version its stream has reached, and is the replay of the stream up to it.</summary>
    private async Task<IReadOnlyList<StreamSnapshot>> CheckSnapshotsAsync(string tenant)
    {
        await using var session = store.LightweightSession(tenant);
        var snapshots = await session.Query<StreamSnapshot>().ToListAsync();
        foreach (var snapshot in snapshots)
        {
            var events = await session.Events.FetchStreamAsync(snapshot.Id);
            Assert.True(snapshot.StreamVersion <= events.Count, $"The snapshot of {snapshot.Id} is at {snapshot.StreamVersion}, its stream at {events.Count}.");
            var prefix = events.Take((int)snapshot.StreamVersion).Select(e => e.Data).ToList();
            object? replayed = snapshot.Id.Contains('/', StringComparison.Ordinal)
                ? Participant.Replay(prefix.Cast<ParticipantEvent>())
                : Edition.Replay(prefix.Cast<EditionEvent>());
            object? read = snapshot.Id.Contains('/', StringComparison.Ordinal) ? snapshot.Participant() : snapshot.Edition();
            Assert.Equal(replayed, read);
        }

        return snapshots;
    }

    private static async Task<IReadOnlyList<StreamSnapshot>> SnapshotsAsync(IDocumentStore source)
    {
        await using var session = source.QuerySession("extremadura");
        return [.. (await session.Query<StreamSnapshot>().ToListAsync()).OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var raw = new NpgsqlConnection(connection);
        await raw.OpenAsync();
        await using var command = new NpgsqlCommand(sql, raw);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<DocumentStore> StoreOnAsync(string connection)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Pimex"] = connection }).Build();
        var opened = new DocumentStore(BackOfficeApp.StoreOptionsFor(configuration));
        await opened.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return opened;
    }

    private async Task AppendAsync(string tenant, IEnumerable<Save> saves, int interval = Interval)
    {
        foreach (var save in saves)
        {
            await using var session = store.LightweightSession(tenant);
            var streams = new EventStreams(session, null, interval);
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

    private async Task<(Edition? Edition, IReadOnlyList<Participant?> Participants)> LoadAllAsync(string tenant, History history, AggregateCache cache)
    {
        await using var session = store.LightweightSession(tenant);
        var streams = new EventStreams(session, cache, Interval);
        var edition = await streams.LoadEditionAsync(history.Edition.Id, CancellationToken.None);
        var participants = new List<Participant?>();
        foreach (var id in history.Participants.Select(p => p.Id))
        {
            participants.Add(await streams.LoadParticipantAsync(id, CancellationToken.None));
        }

        return (edition, participants);
    }
}
