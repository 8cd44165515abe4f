using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marten;
using NodaTime;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;

namespace Pimex.BackOffice.Tests;

/// <summary>
/// An edition with six participants (one per group of endpoints) and a claim to verify, for the
/// fuzz test: a fresh one, in a database of its own, for each block of <see cref="BlockSize"/>
/// cases, so that the damaged commands that are accepted (a pill, an expense, consultancy...) do
/// not pile up in one edition over a long run, and every case is reproducible from the start of
/// its block.
/// </summary>
public sealed class FuzzFixture : IAsyncLifetime
{
    /// <summary>The cases run on one edition.</summary>
    public const int BlockSize = 5_000;

    private int block = -1;

    public BackOfficeFactory Factory { get; private set; } = null!;

    public Api Api { get; private set; } = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The edition of a case's block, set up on first use.</summary>
    public async Task<Api> ForCaseAsync(int run)
    {
        if (run / BlockSize == block)
        {
            return Api;
        }

        await DisposeAsync();
        var server = await PostgresServer.Shared();
        Factory = new BackOfficeFactory(await server.CreateDatabaseAsync("fuzz"));
        Api = Factory.Api();
        await Api.OpenWithApplicantsAsync(["P1", "P2", "P3", "P4", "P5", "P6", "A1", "A2", "A3"]);
        foreach (var company in new[] { "P1", "P2", "P3", "P4", "P5", "P6" })
        {
            await Api.AdmitAsync(company);
        }

        var version = (await Api.VersionsAsync("P2")).Participant!.Value;
        Api.Must(await Api.PostAsync(Api.Rep("P2"), Api.Participant("P2") + "/claims", Api.Claim("K1", 800m), Api.At(10, 5), version));
        block = run / BlockSize;
        return Api;
    }

    public async Task DisposeAsync()
    {
        if (Factory is null)
        {
            return;
        }

        var connectionString = Factory.ConnectionString;
        await Factory.DisposeAsync();
        await (await PostgresServer.Shared()).DropDatabaseAsync(connectionString);
        Factory = null!;
    }
}

/// <summary>
/// Damaged JSON bodies sent to every command endpoint (and to the company directory's PUT): truncated, values of the wrong type,
/// numbers too large for any type, nesting deeper than the reader allows, duplicate keys,
/// unknown fields, missing fields, amounts in another or no currency, strings that are empty,
/// huge or full of control characters, invalid UTF-8, and bodies that are not objects. Each
/// is refused with an RFC 9457 problem carrying PIMEX codes (400, 403, 404, 409, 412 or 428),
/// never a 500 and never a stack trace, and a refused request stores no event; a damaged body
/// that is still a valid command may be accepted.
/// </summary>
/// <remarks>
/// <c>PIMEX_HTTP_FUZZ_RUNS</c> sets the number of damaged requests (240 by default), <c>PIMEX_HTTP_FUZZ_FIRST</c> the first case (0;
/// <c>docs/reliability.md</c> lists the long runs). Each case is reproducible from its number: its block's
/// edition is fresh (<see cref="FuzzFixture.BlockSize"/>), so a run that starts at the block's first case replays it.
/// </remarks>
[Collection(OnPostgres.Name)]
public sealed class HttpFuzzTest(FuzzFixture fuzz) : IClassFixture<FuzzFixture>
{
    private static readonly int[] Refusals = [400, 403, 404, 409, 412, 428];

    private static int Runs =>
        int.TryParse(Environment.GetEnvironmentVariable("PIMEX_HTTP_FUZZ_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 240;

    /// <summary>One command endpoint: its path under the edition (or the region), who sends it, a valid body, and its method (POST unless named).</summary>
    private sealed record Target(string Name, string Path, Actor Actor, string? Company, object Body, string Method = "POST");

    private static IReadOnlyList<Target> Targets(Api api)
    {
        var region = $"/regions/{api.Region}";
        var swot = new Swot(List("Quality"), List("Size"), List("Portugal"), List("Competition"));
        var horizon = new DateInterval(new LocalDate(2016, 6, 1), new LocalDate(2017, 5, 31));
        var roadmap = new Roadmap(horizon, List("PT"), List("Two distributors"), new EquatableArray<RoadmapAction>([new RoadmapAction("Fair in Lisbon", "PT", new LocalDate(2016, 9, 1))]), List("Distributors signed"));
        Target On(string company, string path, Actor actor, object body) => new(path.TrimStart('/'), api.Participant(company) + path, actor, company, body);
        return
        [
            new("openEdition", region + "/editions", Api.Manager, null, new OpenEditionRequest(2017)),
            new("applications", api.Edition() + "/applications", Api.Rep("A9"), null, Api.Application("A9")),
            new("sessions", api.Edition() + "/sessions", Api.Tech, null, new GroupSession("S7", new LocalDate(2016, 9, 7), "Mérida", "Session 7", 30)),
            new("expenses", api.Edition() + "/expenses", Api.Manager, null, new ExpenseRequest(BudgetLine.Training, Api.Eur(10m), "Room hire")),
            new("admissions", api.Edition() + "/admissions", Api.Manager, null, new AdmitRequest(new CompanyId("A1"))),
            On("P1", "/technician", Api.Manager, new TechnicianRequest("tech-5")),
            On("P1", "/attendance", Api.Tech, new AttendanceRequest("S1")),
            On("P1", "/tutorials", Api.Tech, new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Export diagnosis")),
            On("P1", "/pills", Api.Tech, new TrainingPill("Pricing", new LocalDate(2016, 6, 2), "management")),
            On("P1", "/consultancy", Api.Consultant, new ConsultancyRequest(1.5m, "Pricing")),
            On("P2", "/swot", Api.Rep("P2"), swot),
            On("P2", "/swot/review", Api.Tech, new ReviewRequest(false, "More detail")),
            On("P2", "/roadmap", Api.Rep("P2"), roadmap),
            On("P2", "/roadmap/review", Api.Tech, new ReviewRequest(false, "Dates")),
            On("P3", "/claims", Api.Rep("P3"), new ExpenseClaim("K1", "INV-K1", "B11111111", new LocalDate(2016, 6, 10), "tradeFair", "Promotion expense", Api.Eur(300m), Api.Eur(0m), true)),
            On("P2", "/claims/K1/verification", Api.Tech2, ClaimVerification.ApproveInPart(Api.Eur(100m), "Part of it")),
            On("P3", "/survey", Api.Rep("P3"), new SurveyAnswer(8, default)),
            On("P4", "/completion", Api.Tech, new EmptyRequest()),
            On("P5", "/withdrawal", Api.Rep("P5"), new ExitRequest("Changed plans")),
            On("P6", "/exclusion", Api.Manager, new ExitRequest("No shows")),
            new("companyName", region + "/companies/P1", Api.Manager, null, new CompanyNameRequest("Corchos San Vicente SL"), "PUT"),
        ];
    }

    /// <summary>The first case (<c>PIMEX_HTTP_FUZZ_FIRST</c>, 0 by default): a long run splits into processes over disjoint cases.</summary>
    private static int First =>
        int.TryParse(Environment.GetEnvironmentVariable("PIMEX_HTTP_FUZZ_FIRST"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    [Fact]
    public async Task DamagedBodies_OnEveryCommandEndpoint_AreProblemsWithPimexCodes_NeverA500_AndStoreNothing()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int run = First; run < First + Runs; run++)
        {
            var api = await fuzz.ForCaseAsync(run);
            var targets = Targets(api);
            var random = new Random(run);
            var target = targets[run % targets.Count];
            var valid = JsonSerializer.Serialize(target.Body, target.Body.GetType(), BackOfficeJson.Options);
            var (kind, body) = Damage(valid, random);
            seen[kind] = seen.GetValueOrDefault(kind) + 1;

            var versions = await api.VersionsAsync(target.Company);
            long? ifMatch = target.Company is null ? versions.Edition : versions.Participant;
            if (target.Name == "openEdition")
            {
                ifMatch = null;
            }

            long eventsBefore = await EventCountAsync();
            var answer = await SendAsync(api, target, body, ifMatch);
            var status = (int)answer.Status;
            string what = $"case {run} ({target.Name}, {kind}): {status} {answer.Text}\nbody: {Shorten(Encoding.UTF8.GetString(body))}";

            Assert.True(status < 300 || Refusals.Contains(status), what);
            Assert.DoesNotContain("Exception", answer.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", answer.Text, StringComparison.Ordinal);
            Assert.True(status >= 400 || !AlwaysRefused.Contains(kind), "a damaged body that is never a valid command was accepted: " + what);
            if (status >= 300)
            {
                Assert.True(answer.ContentType == "application/problem+json", what);
                var codes = answer.Problem().Codes;
                Assert.True(codes.Count > 0 && codes.All(c => c.StartsWith("PIMEX-", StringComparison.Ordinal)), what);
                Assert.True(eventsBefore == await EventCountAsync(), "a refusal stored events: " + what);
            }
        }

        // Bodies stay under the 64 KiB limit (a larger one is a 413, tested elsewhere). Every kind of damage was sent (at the default count and above).
        Assert.True(seen.Count == DamageKinds, $"only {string.Join(", ", seen.Keys)}");
    }

    private const int DamageKinds = 12;

    /// <summary>The kinds of damage that never leave a valid command (the others may, such as a comment replaced by null).</summary>
    private static readonly HashSet<string> AlwaysRefused = new(StringComparer.Ordinal)
    {
        "truncated", "deep nesting", "duplicate key", "unknown field", "not an object", "invalid UTF-8", "lenient syntax",
    };

    /// <summary>Damages a valid body one way, chosen by the case's random numbers.</summary>
    private static (string Kind, byte[] Body) Damage(string json, Random random)
    {
        var node = JsonNode.Parse(json)!;
        byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
        switch (random.Next(DamageKinds))
        {
            case 0:
                return ("truncated", Text(json[..random.Next(json.Length)]));
            case 1:
                Replace(node, random, _ => Pick(random, "\"text\"", "42", "true", "false", "null", "[]", "{}", "-1", "[1,2]", "{\"a\":1}"));
                return ("wrong type", Text(node.ToJsonString()));
            case 2:
                Replace(node, random, _ => Pick(random, "1e400", "-1e400", "79228162514264337593543950336", "-79228162514264337593543950336", "1e-400", "9223372036854775808", "123456789012345678901234567890.5", "2147483648", "0.0000000000000000000000000000001"));
                return ("huge number", Text(node.ToJsonString()));
            case 3:
                {
                    int depth = Pick(random, 65, 200, 5_000, 20_000);
                    var deep = random.Next(2) == 0
                        ? new string('[', depth) + new string(']', depth)
                        : string.Concat(Enumerable.Repeat("{\"a\":", Math.Min(depth, 5_000))) + "1" + new string('}', Math.Min(depth, 5_000));
                    return ("deep nesting", Text(ReplaceText(node, random, deep)));
                }

            case 4:
                {
                    // The same key twice in one object, the second with another value.
                    if (node is JsonObject root && root.Count > 0)
                    {
                        var key = root.ElementAt(random.Next(root.Count)).Key;
                        var other = Pick(random, "\"other\"", "0", "null", "{}");
                        return ("duplicate key", Text(root.ToJsonString().TrimEnd('}') + (root.Count > 0 ? "," : string.Empty) + JsonSerializer.Serialize(key) + ":" + other + "}"));
                    }

                    return ("duplicate key", Text("{\"a\":1,\"a\":2}"));
                }

            case 5:
                {
                    var objects = Nodes(node).OfType<JsonObject>().ToList();
                    var target = objects.Count > 0 ? objects[random.Next(objects.Count)] : null;
                    if (target is null)
                    {
                        return ("unknown field", Text("{\"unexpected\":true}"));
                    }

                    target[Pick(random, "unexpected", "$type", "__proto__", "idd", "extra")] = JsonValue.Create(Pick(random, "x", "1"));
                    return ("unknown field", Text(node.ToJsonString()));
                }

            case 6:
                {
                    var objects = Nodes(node).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
                    if (objects.Count == 0)
                    {
                        return ("missing field", Text("{}"));
                    }

                    var from = objects[random.Next(objects.Count)];
                    from.Remove(from.ElementAt(random.Next(from.Count)).Key);
                    return ("missing field", Text(node.ToJsonString()));
                }

            case 7:
                {
                    var wrong = Pick(random, "USD 10.00", "XXX 10.00", "EUR 10.001", "EUR", "10.00", "EUR -5.00", "eur 10.00", "EUR 1e5", "EUR 79228162514264337593543950335", "JPY 10.5", "EUR  10.00", "€10");
                    var money = new Regex("\"[A-Z]{3} -?[0-9]+(\\.[0-9]+)?\"");
                    return ("wrong currency", Text(money.IsMatch(json) ? money.Replace(json, JsonSerializer.Serialize(wrong), 1) : ReplaceText(node, random, JsonSerializer.Serialize(wrong))));
                }

            case 8:
                Replace(node, random, _ => JsonSerializer.Serialize(Pick(random, string.Empty, " ", "\u0000", "\u001b[31m", new string('x', 30_000), "2016-02-30", "2016-13-01", "0001-01-01", "9999-12-31T23:59:59Z", "../../etc/passwd", "<script>", "\ud83d\ude00")));
                return ("bad string", Text(node.ToJsonString()));
            case 9:
                return ("not an object", Text(Pick(random, string.Empty, "null", "[]", "\"text\"", "42", "true", "{", "}", "[{}]", "{}{}", "{\"a\":1}}", "\u00ef\u00bb\u00bf{}")));
            case 10:
                {
                    // Invalid UTF-8 inside a string.
                    var bytes = Text(json).ToList();
                    int at = Math.Max(1, bytes.IndexOf((byte)'"', 1) + 1);
                    bytes.InsertRange(at, Pick(random, new byte[] { 0xC3, 0x28 }, [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]));
                    return ("invalid UTF-8", [.. bytes]);
                }

            default:
                {
                    // Comments, trailing commas, single quotes, NaN: JSON5-isms a strict reader refuses.
                    var variant = Pick(random, json.Insert(1, "/* c */"), json.TrimEnd('}') + ",}", json.Replace('"', '\''), ReplaceText(node, random, "NaN"));
                    return ("lenient syntax", Text(variant));
                }
        }
    }

    private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];

    private static IEnumerable<JsonNode> Nodes(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(kv => kv.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var n in Nodes(child))
            {
                yield return n;
            }
        }
    }

    /// <summary>Replaces one value below the root with the JSON <paramref name="make"/> gives (or the root's first member when it has no such value).</summary>
    private static void Replace(JsonNode root, Random random, Func<JsonNode, string> make)
    {
        var candidates = Nodes(root).Skip(1).ToList();
        if (candidates.Count == 0)
        {
            if (root is JsonObject empty)
            {
                empty["x"] = JsonNode.Parse(make(root));
            }

            return;
        }

        var chosen = candidates[random.Next(candidates.Count)];
        var replacement = JsonNode.Parse(make(chosen), documentOptions: new JsonDocumentOptions { MaxDepth = 100_000 });
        switch (chosen.Parent)
        {
            case JsonObject o:
                o[chosen.GetPropertyName()] = replacement;
                break;
            case JsonArray a:
                a[chosen.GetElementIndex()] = replacement;
                break;
        }
    }

    /// <summary>Replaces one value below the root with raw text (which need not be valid JSON), by a marker.</summary>
    private static string ReplaceText(JsonNode root, Random random, string raw)
    {
        const string Marker = "\"__pimex_fuzz_marker__\"";
        Replace(root, random, _ => Marker);
        var text = root.ToJsonString();
        return text.Contains(Marker, StringComparison.Ordinal) ? text.Replace(Marker, raw, StringComparison.Ordinal) : raw;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + $"... ({text.Length} chars)";

    private async Task<long> EventCountAsync()
    {
        await using var session = fuzz.Factory.Store.QuerySession(fuzz.Api.Region);
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    private static async Task<Answer> SendAsync(Api api, Target target, byte[] body, long? ifMatch)
    {
        using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Path);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Token(target.Actor));
        request.Headers.TryAddWithoutValidation(Caller.RecordedAtHeader, "2016-10-20T10:00:00Z");
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Commands.ETag(version));
        }

        using var response = await api.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, null, text, response.Content.Headers.ContentType?.MediaType);
    }

    private static EquatableArray<string> List(string item) => new([item]);
}
