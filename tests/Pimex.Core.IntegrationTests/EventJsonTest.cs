using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.IntegrationTests.EventStore;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.IntegrationTests;

/// <summary>
/// The stable JSON form of the events (Pimex.Core.Serialization.SystemTextJson): one golden file
/// per event type, so a change to an event's shape breaks a test and must come with a new schema
/// version and an upcaster; and the round-trip law over every event of a realistic edition.
/// Set PIMEX_GOLDEN_DIR to the Golden folder to write the files anew after a deliberate change.
/// </summary>
public sealed class EventJsonTest : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly string directory = Directory.CreateTempSubdirectory("pimex-json-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>The first event of each type in the realistic edition of the SQLite test.</summary>
    internal static IReadOnlyList<DomainEvent> RealisticEvents(string directory)
    {
        using var store = new SqliteEventStore(Path.Combine(directory, "events.db"));
        var host = new Host(store, Rulebook.Extremadura);
        SqliteEventStoreTest.RunRealisticEdition(host);
        var events = new List<DomainEvent>(store.Read<EditionEvent>(host.Edition.Id.ToString()));
        foreach (var p in host.Participants.Values)
        {
            events.AddRange(store.Read<ParticipantEvent>(p.Id.ToString()));
        }

        return events;
    }

    private static string Json(DomainEvent e) => e switch
    {
        EditionEvent edition => PimexJson.Serialize(edition),
        ParticipantEvent participant => PimexJson.Serialize(participant),
        _ => throw new ArgumentException(e.GetType().Name, nameof(e)),
    };

    private static DomainEvent Read(DomainEvent like, string json) => like switch
    {
        EditionEvent => PimexJson.Deserialize<EditionEvent>(json),
        _ => PimexJson.Deserialize<ParticipantEvent>(json),
    };

    private static string Pretty(string json) => JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    [Fact]
    public void EveryEventType_MatchesItsGoldenFile_AndTheFileReadsBackEqual()
    {
        var firsts = RealisticEvents(directory).GroupBy(e => e.GetType().Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Assert.Equal(PimexJson.EventTypes.Keys.Order(StringComparer.Ordinal), firsts.Keys.Order(StringComparer.Ordinal));
        var update = Environment.GetEnvironmentVariable("PIMEX_GOLDEN_DIR");
        var mismatches = new List<string>();
        foreach (var (name, e) in firsts)
        {
            var actual = Pretty(Json(e));
            if (!string.IsNullOrEmpty(update))
            {
                File.WriteAllText(Path.Combine(update, name + ".json"), actual);
                continue;
            }

            var path = Path.Combine(AppContext.BaseDirectory, "Golden", name + ".json");
            Assert.True(File.Exists(path), $"No golden file for {name}.");
            var golden = File.ReadAllText(path).ReplaceLineEndings("\n");
            if (golden != actual)
            {
                mismatches.Add(name);
            }

            Assert.Equal(e, Read(e, golden));
        }

        Assert.True(mismatches.Count == 0, "The JSON of these events changed (bump the schema version and add an upcaster): " + string.Join(", ", mismatches));
    }

    [Fact]
    public void EveryEvent_CarriesItsTypeAndSchemaVersion()
    {
        foreach (var e in RealisticEvents(directory))
        {
            var node = JsonNode.Parse(Json(e))!.AsObject();
            Assert.Equal(e.GetType().Name, node[PimexJson.TypeProperty]!.GetValue<string>());
            Assert.Equal(PimexJson.EventSchemaVersions[e.GetType().Name], node[PimexJson.VersionProperty]!.GetValue<int>());
        }
    }

    [Fact]
    public void Deserialize_WhenTheStoredVersionIsNewer_Throws()
    {
        var e = RealisticEvents(directory).OfType<EditionEvent>().First();
        var node = JsonNode.Parse(Json(e))!.AsObject();
        node[PimexJson.VersionProperty] = 2;
        Assert.Throws<JsonException>(() => PimexJson.Deserialize<EditionEvent>(node.ToJsonString()));
    }

    [Fact]
    public void Deserialize_WithAnUpcaster_ReadsAnOlderShape()
    {
        // A made-up version 0 of EditionOpened that called the rules date "rulesOn".
        var e = RealisticEvents(directory).OfType<EditionOpened>().First();
        var node = JsonNode.Parse(Json(e))!.AsObject();
        node[PimexJson.VersionProperty] = 0;
        var date = node["rulesDate"]!.DeepClone();
        node.Remove("rulesDate");
        node["rulesOn"] = date;
        var upcaster = new EventUpcaster(nameof(EditionOpened), 0, old =>
        {
            var moved = old["rulesOn"]!.DeepClone();
            old.Remove("rulesOn");
            old["rulesDate"] = moved;
            return old;
        });

        Assert.Equal<EditionEvent>(e, PimexJson.Deserialize<EditionEvent>(node.ToJsonString(), [upcaster]));
        Assert.Throws<JsonException>(() => PimexJson.Deserialize<EditionEvent>(node.ToJsonString(), []));
    }

    [Fact]
    public void Deserialize_WhenTheTypeIsUnknown_Throws() =>
        Assert.ThrowsAny<JsonException>(() => PimexJson.Deserialize<EditionEvent>("""{"$type":"EditionBurnt","schemaVersion":1}"""));

    [Property(Arbitrary = [typeof(JsonArbitraries)])]
    public bool AnyEventAtAnyMomentByAnyActor_RoundTrips(DomainEvent e) => Read(e, Json(e)).Equals(e);

    [Property(Arbitrary = [typeof(JsonArbitraries)])]
    public bool AnyAmount_RoundTrips(Money money) =>
        JsonSerializer.Deserialize<Money>(JsonSerializer.Serialize(money, PimexJson.Options), PimexJson.Options) == money;

    [Property(Arbitrary = [typeof(JsonArbitraries)])]
    public bool AnyParticipantId_RoundTrips(ParticipantId id) =>
        JsonSerializer.Deserialize<ParticipantId>(JsonSerializer.Serialize(id, PimexJson.Options), PimexJson.Options) == id;
}

/// <summary>Generators for the JSON laws: the realistic edition's events at random moments by random actors.</summary>
public static class JsonArbitraries
{
    private static readonly Lazy<IReadOnlyList<DomainEvent>> Events = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("pimex-json-gen-").FullName;
        try
        {
            return EventJsonTest.RealisticEvents(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    });

    private static Gen<string> Token =>
        Gen.Elements("a", "b", "x", "tech-1", "B06", "Ñandú", "quote\"d", "sl/ash")
            .Two().Select(t => t.Item1 + t.Item2);

    private static Gen<Actor> Actors =>
        from role in Gen.Elements(Enum.GetValues<ActorRole>())
        from id in Token
        from company in Token
        select role == ActorRole.CompanyRepresentative ? Actor.CompanyRepresentative(id, new CompanyId(company)) : new Actor(id, role);

    public static Arbitrary<DomainEvent> DomainEvent() =>
        (from e in Gen.Elements(Events.Value.ToArray())
         from ticks in Gen.Choose(0, int.MaxValue)
         from actor in Actors
         select e with { RecordedAt = Instant.FromUnixTimeSeconds(ticks), Actor = actor }).ToArbitrary();

    public static Arbitrary<Money> Money() =>
        (from cents in ArbMap.Default.GeneratorFor<long>()
         from currency in Gen.Elements(Currency.EUR, Currency.GBP)
         select Monetary.Money.Of(cents / 100m, currency)).ToArbitrary();

    public static Arbitrary<ParticipantId> ParticipantId() =>
        (from rulebook in Gen.Elements("extremadura", "maribor-pilot", "coventry")
         from year in Gen.Choose(2002, 2100)
         from company in Token
         select new Pimex.Common.ParticipantId(new EditionId(rulebook, year), new CompanyId(company))).ToArbitrary();
}
