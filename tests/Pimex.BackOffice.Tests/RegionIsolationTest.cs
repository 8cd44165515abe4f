using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;

namespace Pimex.BackOffice.Tests;

/// <summary>Keeps what the back office logs, for a test to read.</summary>
public sealed class KeptLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(KeptLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : $" [{exception.GetType().FullName}: {(exception as Npgsql.PostgresException)?.SqlState} {exception.Message}]")));
    }
}

/// <summary>
/// A region whose rulebook does not load (a file the rulebook's validation refuses, a file that
/// is not there) is named in the log at start-up and answers 503 with a problem naming it, while
/// the other regions serve; <c>/health</c> says degraded and <c>/health/ready</c> not ready.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class RegionIsolationTest : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pimex-regions-" + Guid.NewGuid().ToString("N"));
    private KeptLogs Logs { get; } = new();

    private BackOfficeFactory Factory { get; set; } = null!;

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<BackOfficeEntryPoint> App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var invalid = Path.Combine(folder, "invalid.json");
        await File.WriteAllTextAsync(invalid, """{ "id": "invalid", "name": "Invalid", "extends": "extremadura", "currency": "EUR", "timeZone": "Nowhere/Atlantis" }""");
        var server = await PostgresServer.Shared();
        Factory = new BackOfficeFactory(await server.CreateDatabaseAsync("regions"), more: new Dictionary<string, string>
        {
            ["BackOffice:Regions:invalid"] = invalid,
            ["BackOffice:Regions:missing"] = Path.Combine(folder, "not-there.json"),
        });
        App = Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(Logs)));
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Factory.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private Api For(string region) => new(App.CreateClient(), Factory.Tokens, region);

    [Fact]
    public void TheStartUpLog_NamesEachRegionThatDoesNotServe_AndWhy()
    {
        var critical = Logs.Entries.Where(e => e.Level == LogLevel.Critical).Select(e => e.Message).ToList();

        Assert.Contains(critical, m => m.Contains("Region invalid does not serve", StringComparison.Ordinal) && m.Contains("Nowhere/Atlantis", StringComparison.Ordinal));
        Assert.Contains(critical, m => m.Contains("Region missing does not serve", StringComparison.Ordinal) && m.Contains("not-there.json", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("invalid")]
    [InlineData("missing")]
    public async Task ARegionWhoseRulebookDoesNotLoad_Answers503_NamingIt_AndStoresNothing(string region)
    {
        var api = For(region);
        var read = await api.GetAsync(Api.Manager, api.Edition());
        var opened = await api.PostAsync(Api.Manager, $"/regions/{region}/editions", new OpenEditionRequest(2016), Api.At(1, 10));

        foreach (var answer in new[] { read, opened })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
            Assert.Equal("application/problem+json", answer.ContentType);
            Assert.Equal([Problems.RegionUnavailable], answer.Problem().Codes);
            Assert.Contains($"'{region}'", answer.Problem().Errors[0].Message, StringComparison.Ordinal);
        }

        // A token of another region learns nothing more than before: 403.
        var other = await api.GetAsync(Api.Manager, api.Edition(), tokenRegion: "extremadura");
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
    }

    [Fact]
    public async Task TheOtherRegions_KeepServing()
    {
        var extremadura = For("extremadura");
        await extremadura.OpenWithApplicantsAsync(["B1"]);
        await extremadura.AdmitAsync("B1");
        var participant = await extremadura.GetAsync(Api.Manager, extremadura.Participant("B1"));
        Assert.Equal(HttpStatusCode.OK, participant.Status);

        var maribor = For("maribor");
        var none = await maribor.GetAsync(Api.Manager, maribor.Edition(2026));
        Assert.Equal(HttpStatusCode.NotFound, none.Status);
        Assert.Equal([Problems.NotFound], none.Problem().Codes);
    }

    [Fact]
    public async Task Health_SaysDegraded_NamingTheRegions_AndReadiness_SaysNotReady()
    {
        using var client = App.CreateClient();
        using var health = await client.GetAsync("/health");
        using var ready = await client.GetAsync("/health/ready");
        var healthText = await health.Content.ReadAsStringAsync();
        var readyText = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("degraded", healthText, StringComparison.Ordinal);
        Assert.Contains("invalid", healthText, StringComparison.Ordinal);
        Assert.Contains("missing", healthText, StringComparison.Ordinal);
        Assert.DoesNotContain(folder, healthText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.StartsWith("not ready", readyText, StringComparison.Ordinal);
        Assert.Contains("invalid", readyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithEveryRulebookLoaded_HealthIsOk_AndReady()
    {
        using var healthy = new BackOfficeFactory(Factory.ConnectionString);
        using var client = healthy.CreateClient();
        using var health = await client.GetAsync("/health");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync());
    }
}
