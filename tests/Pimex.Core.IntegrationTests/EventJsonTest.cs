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
/// per event type and schema version (<c>Golden/{Type}.v{N}.json</c>), and the round-trip law over
/// every event of a realistic edition.
/// </summary>
/// <remarks>
/// The golden files are frozen: an event stored at a released schema version reads back the same
/// forever, so its file is never re-approved. A change to an event's shape is a new schema version
/// (<see cref="PimexJson.EventSchemaVersions"/>), an upcaster from the previous one
/// (<see cref="PimexJson.Upcasters"/>) and a new golden file beside the old one: set
/// PIMEX_GOLDEN_DIR to the Golden folder to write the files of the current versions that do not
/// exist yet; an existing file is never written over. <see cref="EventShapeTest"/> fails when a
/// shape changes without its version.
/// </remarks>
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

    /// <summary>The golden file of an event type at a schema version.</summary>
    internal static string GoldenFile(string type, int version) => $"{type}.v{version}.json";

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
            var file = GoldenFile(name, PimexJson.EventSchemaVersions[name]);
            var path = Path.Combine(AppContext.BaseDirectory, "Golden", file);
            if (!string.IsNullOrEmpty(update) && !File.Exists(Path.Combine(update, file)))
            {
                // Only a version that has no golden file yet is written: the others are frozen.
                File.WriteAllText(Path.Combine(update, file), actual);
                continue;
            }

            Assert.True(File.Exists(path), $"No golden file {file}: set PIMEX_GOLDEN_DIR to the Golden folder to write it, then review and commit it.");
            var golden = File.ReadAllText(path).ReplaceLineEndings("\n");
            if (golden != actual)
            {
                mismatches.Add(file);
            }

            Assert.Equal(e, Read(e, golden));
        }

        Assert.True(
            mismatches.Count == 0,
            "The JSON of these events changed, and their golden files are frozen (an event stored at a released version reads back the same forever; "
            + "a file is never re-approved, PIMEX_GOLDEN_DIR does not write over it): give the event a new schema version in PimexJson.EventSchemaVersions, "
            + "an upcaster from the previous one in PimexJson.Upcasters, and a new golden file beside the old one: " + string.Join(", ", mismatches));
    }

    [Fact]
    public void EveryGoldenFile_OfEveryVersion_ReadsBackThroughTheUpcasters()
    {
        var golden = Path.Combine(AppContext.BaseDirectory, "Golden");
        foreach (var (name, version) in PimexJson.EventSchemaVersions)
        {
            Assert.True(File.Exists(Path.Combine(golden, GoldenFile(name, version))), $"No golden file {GoldenFile(name, version)}.");
        }

        var files = Directory.GetFiles(golden, "*.v*.json");
        foreach (var file in files)
        {
            var json = File.ReadAllText(file);
            var type = PimexJson.EventTypes[JsonNode.Parse(json)![PimexJson.TypeProperty]!.GetValue<string>()];
            DomainEvent e = typeof(EditionEvent).IsAssignableFrom(type)
                ? PimexJson.Deserialize<EditionEvent>(json, PimexJson.Upcasters)
                : PimexJson.Deserialize<ParticipantEvent>(json, PimexJson.Upcasters);
            Assert.IsType(type, e);
        }
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
