using System.Text.Json.Nodes;
using Pimex.Editions;
using Pimex.IntegrationTests.EventStore;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.IntegrationTests;

/// <summary>
/// The stored form of the snapshots (Pimex.Core.Serialization.SystemTextJson): at every version of
/// every stream of the realistic edition, the snapshot written and read back, folded with the
/// rest of the stream, is the replay of the whole stream; and anything but a snapshot of this
/// kind, schema and library build is not read (the host replays instead), never misread.
/// </summary>
public sealed class SnapshotJsonTest : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pimex-snapshot-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void TheSnapshotAtAnyVersion_WrittenAndReadBack_PlusTheRestOfTheStream_IsTheReplay()
    {
        var (edition, participants) = Streams();
        CheckEveryVersion(
            edition,
            Edition.Replay,
            (e, x) => e.Apply(x),
            e => PimexJson.TryReadSnapshot(PimexJson.SerializeSnapshot(e.ToSnapshot()), out EditionSnapshot? s) ? Edition.FromSnapshot(s) : null);
        foreach (var events in participants)
        {
            CheckEveryVersion(
                events,
                Participant.Replay,
                (p, x) => p.Apply(x),
                p => PimexJson.TryReadSnapshot(PimexJson.SerializeSnapshot(p.ToSnapshot()), out ParticipantSnapshot? s) ? Participant.FromSnapshot(s) : null);
        }
    }

    [Fact]
    public void ASnapshot_CarriesWhatItIs_ItsSchemaAndTheBuildThatFoldedIt_BeforeItsState()
    {
        var (edition, _) = Streams();
        var json = JsonNode.Parse(PimexJson.SerializeSnapshot(Edition.Replay(edition).ToSnapshot()))!.AsObject();

        Assert.Equal(["$snapshot", "snapshotSchema", "fold", "state"], json.Select(p => p.Key));
        Assert.Equal("EditionSnapshot", (string?)json["$snapshot"]);
        Assert.Equal(PimexJson.SnapshotSchemaVersion, (int?)json["snapshotSchema"]);
        Assert.Equal(PimexJson.SnapshotFold, (string?)json["fold"]);
        Assert.StartsWith("Pimex.Core ", PimexJson.SnapshotFold, StringComparison.Ordinal);
        Assert.Equal(edition.Count, (long?)json["state"]!["version"]);
    }

    public static TheoryData<string> Damages => ["empty", "notJson", "truncated", "anotherKind", "anotherSchema", "anotherFold", "noFold", "missingField", "nullField", "wrongType", "trailing", "versionZero", "headerAfterState"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void ASnapshotOfAnotherKindSchemaOrBuild_OrDamaged_IsNotRead(string damage)
    {
        var (edition, participants) = Streams();
        var participant = Participant.Replay(participants[0]);
        var good = PimexJson.SerializeSnapshot(Edition.Replay(edition).ToSnapshot());
        Assert.True(PimexJson.TryReadSnapshot(good, out EditionSnapshot? _));

        string Edit(Action<JsonObject> edit)
        {
            var node = JsonNode.Parse(good)!.AsObject();
            edit(node);
            return node.ToJsonString();
        }

        var damaged = damage switch
        {
            "empty" => string.Empty,
            "notJson" => "snapshot",
            "truncated" => good[..(good.Length / 2)],
            "anotherKind" => PimexJson.SerializeSnapshot(participant.ToSnapshot()),
            "anotherSchema" => Edit(n => n["snapshotSchema"] = PimexJson.SnapshotSchemaVersion + 1),
            "anotherFold" => Edit(n => n["fold"] = "Pimex.Core 0.0.1+0000000"),
            "noFold" => Edit(n => n.Remove("fold")),
            "missingField" => Edit(n => n["state"]!.AsObject().Remove("reservations")),
            "nullField" => Edit(n => n["state"]!["budget"] = null),
            "wrongType" => Edit(n => n["state"]!["version"] = "many"),
            "trailing" => good + "{}",
            "versionZero" => Edit(n => n["state"]!["version"] = 0),
            _ => Edit(n =>
            {
                var state = n["state"]!;
                n.Remove("state");
                var rest = n.ToArray();
                n.Clear();
                n["state"] = state;
                foreach (var (key, value) in rest)
                {
                    n[key] = value;
                }
            }),
        };

        Assert.False(PimexJson.TryReadSnapshot(damaged, out EditionSnapshot? snapshot));
        Assert.Null(snapshot);
    }

    [Fact]
    public void NoText_IsNoSnapshot()
    {
        Assert.False(PimexJson.TryReadSnapshot(null, out ParticipantSnapshot? snapshot));
        Assert.Null(snapshot);
    }

    private (IReadOnlyList<EditionEvent> Edition, IReadOnlyList<IReadOnlyList<ParticipantEvent>> Participants) Streams()
    {
        using var store = new SqliteEventStore(Path.Combine(directory, "events.db"));
        var host = new Host(store, Rulebook.Extremadura);
        SqliteEventStoreTest.RunRealisticEdition(host);
        return (store.Read<EditionEvent>(host.Edition.Id.ToString()), [.. host.Participants.Values.Select(p => store.Read<ParticipantEvent>(p.Id.ToString()))]);
    }

    private static void CheckEveryVersion<TAggregate, TEvent>(IReadOnlyList<TEvent> events, Func<IEnumerable<TEvent>, TAggregate> replay, Func<TAggregate, TEvent, TAggregate> apply, Func<TAggregate, TAggregate?> throughJson)
        where TAggregate : class
    {
        var whole = replay(events);
        for (int k = 1; k <= events.Count; k++)
        {
            var state = throughJson(replay(events.Take(k)));
            Assert.True(state is not null, $"The snapshot at version {k} was not read back.");
            for (int i = k; i < events.Count; i++)
            {
                state = apply(state, events[i]);
            }

            Assert.True(Equals(whole, state), $"The snapshot at version {k} of {events.Count}, read back and folded with the rest, differs from the replay.");
        }
    }
}
