// Commands per second through the back office (HTTP + PostgreSQL) for admissions and claim
// verifications, beside Marten's raw append of the same events: the practical limit of the
// store. Not run in CI (docs/benchmarks.md, "Back office on PostgreSQL"). Usage, with a
// PostgreSQL that accepts CREATE DATABASE:
//   dotnet run -c Release --project benchmarks/Pimex.BackOffice.Bench -- "Host=127.0.0.1;Port=5432;Username=pimex;Database=postgres" [regions]
// Each region is a tenant with its own 2016 edition of 30 companies, the real size of an edition.
// With a second server's connection string as third argument it measures placement instead
// (docs/scaling.md): the same regions, one writer per region at once, over HTTP, with the regions
// (a) conjoined in one database, (b) in a database each on the first server, (c) split over the
// two servers, a database on each:
//   dotnet run -c Release --project benchmarks/Pimex.BackOffice.Bench -- "Host=...;Port=5432;..." 8 "Host=...;Port=5434;..."
// Without it, the same run then measures each command's latency against history (p50/p99 over
// HTTP, one writer): editions of 30, 300 and 3,000 companies and a participant with 5,000 events.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Marten;
using NodaTime;
using Npgsql;
using Pimex.BackOffice.Bench;
using Pimex.BackOffice.Hosting;

var admin = args.Length > 0 ? args[0] : "Host=127.0.0.1;Port=5432;Username=pimex;Database=postgres";
int regionCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
var regions = Enumerable.Range(1, regionCount).Select(i => $"bench-{i}").ToList();
const string Key = "pimex-backoffice-bench-signing-key-0123456789abcdef";

// Per history: rounds that only warm the server, then the commands measured (p99 is the 6th slowest).
const int WarmRounds = 60;
const int MeasuredCommands = 600;
var plans = regions.ToDictionary(r => r, r => Plan.For(r, 30));
var loadBefore = LoadAverage();

async Task<string> CreateDatabase(string name)
{
    await using var connection = new NpgsqlConnection(admin);
    await connection.OpenAsync();
    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
    await create.ExecuteNonQueryAsync();
    return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 50 }.ConnectionString;
}

Dictionary<string, string?> Settings(string connection)
{
    var settings = new Dictionary<string, string?>
    {
        ["ConnectionStrings:Pimex"] = connection,
        ["BackOffice:AcceptRecordedAt"] = "true",
        ["BackOffice:Jwt:SigningKey"] = Key,
        ["Logging:LogLevel:Default"] = "Warning",
    };
    foreach (var region in regions)
    {
        settings["BackOffice:Regions:" + region] = "embedded";
    }

    return settings;
}

// Runs one phase for every region: one writer after the other, or one writer per region at once.
async Task<(int Commands, double Seconds)> Phase(string phase, bool parallel, Func<string, Step, Task> run)
{
    var watch = Stopwatch.StartNew();
    async Task Region(string region)
    {
        foreach (var step in plans[region].Steps.Where(s => s.Phase == phase))
        {
            await run(region, step);
        }
    }

    if (parallel)
    {
        await Task.WhenAll(regions.Select(r => Task.Run(() => Region(r))));
    }
    else
    {
        foreach (var region in regions)
        {
            await Region(region);
        }
    }

    return (regions.Sum(r => plans[r].Steps.Count(s => s.Phase == phase)), watch.Elapsed.TotalSeconds);
}

var rows = new List<(string What, string Phase, int Commands, double Seconds)>();

async Task<string> CreateDatabaseOn(string server, string name)
{
    await using var connection = new NpgsqlConnection(server);
    await connection.OpenAsync();
    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
    await create.ExecuteNonQueryAsync();
    return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 50 }.ConnectionString;
}

// The back office over HTTP with the given settings, one writer per region at once.
async Task MeasureHttp(string what, Dictionary<string, string?> settings, bool parallel = true, bool record = true)
{
    var (app, port) = await StartBackOfficeAsync(settings);
    var tokens = new Tokens(Key);
    var clients = regions.ToDictionary(r => r, r => new HttpSender(new Uri($"http://127.0.0.1:{port}"), tokens, r));
    foreach (var phase in Plan.Phases)
    {
        var (commands, seconds) = await Phase(phase, parallel, (region, step) => clients[region].SendAsync(step));
        if (record)
        {
            rows.Add((what, phase, commands, seconds));
        }
    }

    await app.StopAsync();
    await app.DisposeAsync();
    foreach (var client in clients.Values)
    {
        client.Dispose();
    }
}

if (args.Length > 2)
{
    var second = args[2];
    // A first pass, not recorded, so that no layout pays for the JIT and the first connections.
    await MeasureHttp("warm-up", Settings(await CreateDatabaseOn(admin, $"pimex_place_warm_{stamp}")), record: false);
    var conjoined = Settings(await CreateDatabaseOn(admin, $"pimex_place_one_{stamp}"));
    await MeasureHttp($"{regionCount} regions conjoined in one database, server 1", conjoined);

    var perRegion = Settings(await CreateDatabaseOn(admin, $"pimex_place_default_{stamp}"));
    for (int i = 0; i < regions.Count; i++)
    {
        perRegion["BackOffice:Databases:" + regions[i]] = await CreateDatabaseOn(admin, $"pimex_place_r{i + 1}_{stamp}");
    }

    await MeasureHttp($"a database per region, all on server 1", perRegion);

    var split = Settings(await CreateDatabaseOn(admin, $"pimex_place_a_{stamp}"));
    var onSecond = await CreateDatabaseOn(second, $"pimex_place_b_{stamp}");
    foreach (var region in regions.Skip(regions.Count / 2))
    {
        split["BackOffice:Databases:" + region] = onSecond;
    }

    await MeasureHttp($"half the regions on server 1, half on server 2 (a database each)", split);
}

foreach (var parallel in args.Length > 2 ? Array.Empty<bool>() : [false, true])
{
    var writers = parallel ? $"{regionCount} writers" : "1 writer";

    // Marten's raw append: the events the library decided in memory, one session (transaction)
    // per command, at the versions the command started from.
    var raw = await CreateDatabase($"pimex_bench_raw_{stamp}_{(parallel ? "p" : "s")}");
    using (var store = new DocumentStore(BackOfficeApp.StoreOptionsFor(new ConfigurationBuilder().AddInMemoryCollection(Settings(raw)).Build())))
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        async Task Append(string region, Step step)
        {
            await using var session = store.LightweightSession(region);
            step.Stage(session);
            await session.SaveChangesAsync();
        }

        foreach (var phase in Plan.Phases)
        {
            var (commands, seconds) = await Phase(phase, parallel, Append);
            rows.Add(($"Marten raw append, {writers}", phase, commands, seconds));
        }
    }

    // The back office: HTTP on loopback, JWT, load the streams, decide, append, views.
    var http = await CreateDatabase($"pimex_bench_http_{stamp}_{(parallel ? "p" : "s")}");
    await MeasureHttp($"Back office over HTTP, {writers}", Settings(http), parallel);
}

// Cost against history: an edition of 30, 300 and 3,000 companies, and a participant with 5,000
// events, each loaded with one raw append; then 300 commands over HTTP one at a time (a pill, a
// claim, its verification), after one warm-up command on each participant they touch.
var latencies = new List<(string Name, double ColdMs, Dictionary<string, List<double>> Ms)>();
if (args.Length <= 2)
{
    var rulebookFile = Path.Combine(Path.GetTempPath(), $"pimex-bench-rulebook-{stamp}.json");
    await File.WriteAllTextAsync(rulebookFile, History.RulebookJson());
    var rulebook = Pimex.Rulebooks.Rulebook.Load(History.RulebookJson(), Pimex.Rulebooks.Rulebook.Extremadura).Value;
    var histories = new[]
    {
        History.For(rulebook, "edition of 30 companies", "history-30", 30, 0, WarmRounds + MeasuredCommands),
        History.For(rulebook, "edition of 300 companies", "history-300", 300, 0, WarmRounds + MeasuredCommands),
        History.For(rulebook, "edition of 3,000 companies", "history-3000", 3_000, 0, WarmRounds + MeasuredCommands),
        History.For(rulebook, "participant with 5,000 events (edition of 30)", "history-p5000", 30, 5_000, WarmRounds + MeasuredCommands),
    };
    // Not measured: its warm-up commands are the server's first, so that the JIT and the first
    // connections fall on none of the cold figures (40 companies: its edition has a snapshot too).
    var serverWarmUp = History.For(rulebook, "server warm-up", "history-warm", 40, 0, 0);
    var settings = Settings(await CreateDatabase($"pimex_bench_history_{stamp}"));
    foreach (var history in histories.Append(serverWarmUp))
    {
        settings["BackOffice:Regions:" + history.Region] = rulebookFile;
    }

    using (var store = new DocumentStore(BackOfficeApp.StoreOptionsFor(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())))
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        foreach (var history in histories.Append(serverWarmUp))
        {
            await history.LoadAsync(store, new BackOfficeOptions().SnapshotInterval);
        }
    }

    var (app, port) = await StartBackOfficeAsync(settings);
    var tokens = new Tokens(Key);
    // The histories are measured in turns, one command of each in turn, so that the server's
    // warm-up (JIT tiers, connections, caches) and the machine's noise fall on all of them alike;
    // the first rounds only warm the server and are not counted.
    var senders = histories.Select(h => new HttpSender(new Uri($"http://127.0.0.1:{port}"), tokens, h.Region)).ToList();
    using (var warming = new HttpSender(new Uri($"http://127.0.0.1:{port}"), tokens, serverWarmUp.Region))
    {
        foreach (var step in serverWarmUp.WarmUp)
        {
            await warming.SendAsync(step);
        }
    }

    var watch = Stopwatch.StartNew();
    var colds = new double[histories.Length];
    for (int h = 0; h < histories.Length; h++)
    {
        for (int w = 0; w < histories[h].WarmUp.Count; w++)
        {
            watch.Restart();
            await senders[h].SendAsync(histories[h].WarmUp[w]);
            colds[h] = w == 0 ? watch.Elapsed.TotalMilliseconds : colds[h];
        }
    }

    var measures = histories.Select(_ => new Dictionary<string, List<double>>(StringComparer.Ordinal) { ["all"] = [] }).ToArray();
    for (int i = 0; i < WarmRounds + MeasuredCommands; i++)
    {
        for (int h = 0; h < histories.Length; h++)
        {
            var step = histories[h].Measured[i];
            watch.Restart();
            await senders[h].SendAsync(step);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (i < WarmRounds)
            {
                continue;
            }

            measures[h]["all"].Add(elapsed);
            if (!measures[h].TryGetValue(step.Phase, out var list))
            {
                measures[h][step.Phase] = list = [];
            }

            list.Add(elapsed);
        }
    }

    foreach (var sender in senders)
    {
        sender.Dispose();
    }

    for (int h = 0; h < histories.Length; h++)
    {
        latencies.Add((histories[h].Name, colds[h], measures[h]));
    }

    await app.StopAsync();
    await app.DisposeAsync();
}

Console.WriteLine($"{regionCount} regions x 30 companies; {Environment.ProcessorCount} cores; PostgreSQL at {new NpgsqlConnectionStringBuilder(admin).Host}:{new NpgsqlConnectionStringBuilder(admin).Port}{(args.Length > 2 ? " and " + new NpgsqlConnectionStringBuilder(args[2]).Port : string.Empty)}; load average {loadBefore} before the run, {LoadAverage()} after");
Console.WriteLine();
Console.WriteLine("| path | command | commands | seconds | commands/s |");
Console.WriteLine("|---|---|---:|---:|---:|");
foreach (var row in rows.Where(r => r.Phase is "admit" or "verifyClaim"))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row.What} | {row.Phase} | {row.Commands} | {row.Seconds:0.00} | {row.Commands / row.Seconds:0} |"));
}

if (latencies.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Per history, one writer over HTTP: {MeasuredCommands} commands measured after {WarmRounds} warm-up rounds, the histories in turns."));
    Console.WriteLine();
    Console.WriteLine("| history | first command, cold (ms) | p50 all (ms) | p99 all (ms) | p50 pill | p50 submitClaim | p50 verifyClaim | p99 verifyClaim |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var (name, cold, ms) in latencies)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {cold:0.0} | {Percentile(ms["all"], 50):0.0} | {Percentile(ms["all"], 99):0.0} | {Percentile(ms["pill"], 50):0.0} | {Percentile(ms["submitClaim"], 50):0.0} | {Percentile(ms["verifyClaim"], 50):0.0} | {Percentile(ms["verifyClaim"], 99):0.0} |"));
    }
}

return 0;

static double Percentile(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

// The back office on a free loopback port with the given settings.
static async Task<(WebApplication App, int Port)> StartBackOfficeAsync(Dictionary<string, string?> settings)
{
    int port;
    using (var listener = new TcpListener(IPAddress.Loopback, 0))
    {
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    var app = BackOfficeApp.Build([], builder =>
    {
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
    });
    await app.StartAsync();
    return (app, port);
}
