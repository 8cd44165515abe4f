using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Configuration;
using NodaTime;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Tests;

/// <summary>
/// The back office as a separate process, killed (SIGKILL, as kill -9) while four clients send
/// joint changes (admissions, attendance), then started again on the same database.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class CrashTest
{
    [Fact]
    public async Task AServerKilledMidRun_LeavesNoHalfAppendedJointChange_AndRebuildsEqualState()
    {
        var server = await PostgresServer.Shared();
        var connection = await server.CreateDatabaseAsync("crash");
        var settings = BackOfficeFactory.Settings(connection, acceptRecordedAt: true);
        var tokens = new Tokens(BackOfficeFactory.SigningKey);
        var companies = Enumerable.Range(1, 30).Select(i => $"K{i:00}").ToList();
        var acknowledged = new ConcurrentBag<(string Company, string Command)>();

        // One clock for all writers, a second a command from the session's day: time moves forward in every stream.
        long tick = 0;
        Instant Now() => Api.At(5, 10) + Duration.FromSeconds(Interlocked.Increment(ref tick));

        using (var first = await BackOfficeProcess.StartAsync(settings))
        {
            var api = new Api(first.Client, tokens, "extremadura");
            await api.OpenWithApplicantsAsync(companies);
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                var client = new Api(first.NewClient(), tokens, "extremadura");
                try
                {
                    foreach (var company in companies.Where((_, i) => i % 4 == w))
                    {
                        var admitted = await client.PostOnEditionAsync(Api.Manager, client.Edition() + "/admissions", new AdmitRequest(new CompanyId(company)), Now());
                        if (admitted.Status != HttpStatusCode.Created)
                        {
                            continue;
                        }

                        acknowledged.Add((company, "admit"));
                        var attended = await client.PostAsync(Api.Tech, client.Participant(company) + "/attendance", new AttendanceRequest("S1"), Now(), admitted.As<CommandAccepted>().ParticipantVersion);
                        if (attended.Status == HttpStatusCode.OK)
                        {
                            acknowledged.Add((company, "attend"));
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The server died under this request: its fate is what the test checks.
                }
            })).ToList();

            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (acknowledged.Count < 12 && DateTime.UtcNow < deadline && workers.Any(t => !t.IsCompleted))
            {
                await Task.Delay(20);
            }

            first.Kill();
            await Task.WhenAll(workers);
        }

        Assert.True(acknowledged.Count >= 12, $"Only {acknowledged.Count} commands were acknowledged before the kill.");
        Assert.True(acknowledged.Count < 60, "The server was killed after the run, not in its middle.");

        // What is stored: both halves of every joint change, or neither; everything acknowledged.
        using var store = new DocumentStore(BackOfficeApp.StoreOptionsFor(new ConfigurationBuilder().AddInMemoryCollection(settings!).Build()));
        await using var session = store.QuerySession("extremadura");
        var edition = Edition.Replay((await session.Events.FetchStreamAsync("extremadura-2016")).Select(e => (EditionEvent)e.Data));
        var participantStreams = await Strings(connection, "SELECT id FROM pimex.mt_streams WHERE tenant_id = 'extremadura' AND id LIKE 'extremadura-2016/%'");
        Assert.Equal(edition.Participants.Select(p => p.Value.ToString()).Order(StringComparer.Ordinal), participantStreams.Order(StringComparer.Ordinal));
        var registered = await Strings(connection, "SELECT data ->> 'participant' FROM pimex.mt_events WHERE tenant_id = 'extremadura' AND type = 'AttendanceRegistered'");

        var participants = new List<Participant>();
        foreach (var id in edition.Participants.Select(p => p.Value))
        {
            var participant = Participant.Replay((await session.Events.FetchStreamAsync(id.ToString())).Select(e => (ParticipantEvent)e.Data));
            participants.Add(participant);
            Assert.Equal(participant.SessionsAttended.Count, registered.Count(r => r == id.ToString()));
            Assert.Equal(JsonSerializer.Serialize(ParticipantView.Of(participant), BackOfficeJson.Options), JsonSerializer.Serialize(await session.LoadAsync<ParticipantView>(id.ToString()), BackOfficeJson.Options));
        }

        Assert.All(acknowledged.Where(a => a.Command == "admit"), a => Assert.True(edition.Participants.ContainsKey(new CompanyId(a.Company)), $"{a.Company}'s admission was acknowledged but is not stored."));
        Assert.All(acknowledged.Where(a => a.Command == "attend"), a => Assert.Contains("S1", participants.Single(p => p.Id.Company.Value == a.Company).SessionsAttended));
        Assert.Equal(JsonSerializer.Serialize(EditionFiguresView.Of(edition), BackOfficeJson.Options), JsonSerializer.Serialize(await session.LoadAsync<EditionFiguresView>("extremadura-2016"), BackOfficeJson.Options));

        // Started again: the same state, and it goes on.
        using var second = await BackOfficeProcess.StartAsync(settings);
        var again = new Api(second.Client, tokens, "extremadura");
        var report = await again.GetAsync(Api.Manager, again.Edition() + "/report");
        Assert.Equal(EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().ToJson(), report.Text);
        Assert.Equal(EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok(), await ProjectionCheck.ReplayingEveryStreamEqualsTheProjectionsAsync(store, "extremadura", Rulebook.Extremadura));
        var next = companies.First(c => !edition.Participants.ContainsKey(new CompanyId(c)));
        Assert.Equal(HttpStatusCode.Created, (await again.PostOnEditionAsync(Api.Manager, again.Edition() + "/admissions", new AdmitRequest(new CompanyId(next)), Now())).Status);
    }

    private static async Task<List<string>> Strings(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>The back office's own executable, run with <c>dotnet</c> on a free loopback port.</summary>
    private sealed class BackOfficeProcess : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private readonly List<HttpClient> clients = [];

        private BackOfficeProcess(Process process, Uri address)
        {
            this.process = process;
            Address = address;
            Client = NewClient();
        }

        public Uri Address { get; }

        public HttpClient Client { get; }

        public HttpClient NewClient()
        {
            var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
            clients.Add(client);
            return client;
        }

        public static async Task<BackOfficeProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
            var start = new ProcessStartInfo(dotnet, [Path.Combine(AppContext.BaseDirectory, "Pimex.BackOffice.dll")])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var (key, value) in settings)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start) ?? throw new InvalidOperationException("The back office did not start.");
            var running = new BackOfficeProcess(process, new Uri($"http://127.0.0.1:{port}"));
            process.OutputDataReceived += (_, e) => running.Log(e.Data);
            process.ErrorDataReceived += (_, e) => running.Log(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The back office exited with {process.ExitCode}: {running.Output}");
                }

                try
                {
                    using var health = await running.Client.GetAsync("/health");
                    if (health.IsSuccessStatusCode)
                    {
                        return running;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(200);
            }

            running.Kill();
            throw new InvalidOperationException("The back office did not answer /health in 90 seconds: " + running.Output);
        }

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, no flush, no finally.</summary>
        public void Kill()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Kill();
            foreach (var client in clients)
            {
                client.Dispose();
            }

            process.Dispose();
        }

        private void Log(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }
}
