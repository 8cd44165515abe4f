using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Marten;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Xunit.Abstractions;

namespace Pimex.BackOffice.Tests;

public sealed class RaceFixture : IAsyncLifetime
{
    public BackOfficeFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared();
        Factory = new BackOfficeFactory(await server.CreateDatabaseAsync("races"));
        _ = Factory.Server;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// Eight clients at once on one edition: each on its own connection, all released together.
/// Every accepted command is kept, every lost race is a 409 that saved nothing, and the budget
/// lines never go below zero.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class ConcurrencyTest(RaceFixture race, ITestOutputHelper output) : IClassFixture<RaceFixture>
{
    private const int Clients = 8;

    private static (int Status, IReadOnlyList<string> Codes) Classify(Answer answer) =>
        ((int)answer.Status, (int)answer.Status >= 400 ? answer.Problem().Codes : []);

    [Fact]
    public async Task EightClientsRacingOnAdmissions_NeverExceedTheCapacityNorTheActionsLine_AndLosersGet409Or412()
    {
        var api = race.Factory.Api("extremadura");
        var companies = Enumerable.Range(1, 40).Select(i => $"A{i:00}").ToList();
        await api.OpenWithApplicantsAsync(companies);

        var statuses = new ConcurrentBag<(string Company, int Status, IReadOnlyList<string> Codes)>();
        var go = new TaskCompletionSource();
        var workers = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var client = race.Factory.Api("extremadura");
            await go.Task;
            foreach (var company in companies.Where((_, i) => i % Clients == c))
            {
                for (int attempt = 0; attempt < 100; attempt++)
                {
                    var version = await client.EditionVersionAsync();
                    var (status, codes) = Classify(await client.PostAsync(Api.Manager, client.Edition() + "/admissions", new AdmitRequest(new CompanyId(company)), Api.At(3, 20), version));
                    statuses.Add((company, status, codes));
                    if (!(status is 409 or 412 && codes.Contains(CommonErrors.VersionMismatch)))
                    {
                        break;
                    }
                }
            }
        })).ToList();
        go.SetResult();
        await Task.WhenAll(workers);

        var admitted = statuses.Where(s => s.Status == 201).Select(s => s.Company).ToList();
        await using var session = race.Factory.Store.QuerySession("extremadura");
        var edition = Edition.Replay((await session.Events.FetchStreamAsync("extremadura-2016")).Select(e => (EditionEvent)e.Data));

        Assert.Contains(statuses, s => s.Status is 409 or 412 && s.Codes.Contains(CommonErrors.VersionMismatch));
        Assert.Equal(edition.Annuity.Capacity, admitted.Count);
        Assert.Equal(admitted.Order(StringComparer.Ordinal), edition.Participants.Select(p => p.Key.Value).Order(StringComparer.Ordinal));
        Assert.True(edition.Budget.Actions.Available.Amount >= 0m, $"Actions line overspent: {edition.Budget.Actions}");
        Assert.Equal(Api.Eur(2_500m * admitted.Count), edition.Budget.Actions.Reserved);
        Assert.Equal(admitted.Count, await session.Query<ParticipantView>().CountAsync());
        Assert.All(statuses.Where(s => s.Status is not (201 or 409 or 412)), s => Assert.Equal(400, s.Status));
        await ProjectionCheck.ReplayingEveryStreamEqualsTheProjectionsAsync(race.Factory.Store, "extremadura", Rulebook.Extremadura);
    }

    [Fact]
    public async Task EightClientsRacingOnClaims_NeverGrantOverTheCapOrTheLine_AndLosersGet409()
    {
        var api = race.Factory.Api("ribatejo");
        var companies = Enumerable.Range(1, 16).Select(i => $"C{i:00}").ToList();
        await api.OpenWithApplicantsAsync(companies);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var company in companies)
        {
            var version = await api.AdmitAsync(company);
            foreach (var (claim, amount) in new[] { ("K1", 1_500m), ("K2", 1_500m) })
            {
                version = Api.Must(await api.PostAsync(Api.Rep(company), api.Participant(company) + "/claims", Api.Claim(claim, amount), Api.At(10, 5), version)).ETag!.Value;
            }

            versions[company] = version;
        }

        var statuses = new ConcurrentBag<(int Status, IReadOnlyList<string> Codes)>();
        var go = new TaskCompletionSource();
        var workers = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var client = race.Factory.Api("ribatejo");
            await go.Task;
            foreach (var company in companies.Where((_, i) => i % Clients == c))
            {
                long version = versions[company];
                foreach (var claim in new[] { "K1", "K2" })
                {
                    for (int attempt = 0; attempt < 100; attempt++)
                    {
                        var answer = await client.PostAsync(Api.Tech2, client.Participant(company) + $"/claims/{claim}/verification", ClaimVerification.ApproveInFull(), Api.At(10, 20), version);
                        var (status, codes) = Classify(answer);
                        statuses.Add((status, codes));
                        if (status == 200)
                        {
                            version = answer.ETag!.Value;
                            break;
                        }

                        Assert.True(status == 409 && codes.Contains(CommonErrors.VersionMismatch), $"{company} {claim}: {answer.Text}");
                    }
                }
            }
        })).ToList();
        go.SetResult();
        await Task.WhenAll(workers);

        await using var session = race.Factory.Store.QuerySession("ribatejo");
        var edition = Edition.Replay((await session.Events.FetchStreamAsync("extremadura-2016")).Select(e => (EditionEvent)e.Data));
        var views = await session.Query<ParticipantView>().ToListAsync();
        var figures = await session.LoadAsync<EditionFiguresView>("extremadura-2016");

        // Every verification spends from the shared actions line, so they all append to the
        // edition's stream: the server decides a lost one again on a fresh read (at most
        // Commands.Attempts times) before it answers 409; the clients retry the rest.
        output.WriteLine($"claim verifications: {statuses.Count(s => s.Status == 409)} of {statuses.Count} requests answered 409");
        Assert.Equal(companies.Count * 2, statuses.Count(s => s.Status == 200));
        Assert.All(views, v => Assert.Equal(2_500m, v.SupportGranted));
        Assert.Equal(Api.Eur(2_500m * companies.Count), edition.Budget.Actions.Spent);
        Assert.True(edition.Budget.Actions.Available.Amount >= 0m);
        Assert.Equal(JsonSerializer.Serialize(EditionFiguresView.Of(edition), BackOfficeJson.Options), JsonSerializer.Serialize(figures, BackOfficeJson.Options));
        await ProjectionCheck.ReplayingEveryStreamEqualsTheProjectionsAsync(race.Factory.Store, "ribatejo", Rulebook.Extremadura);
    }

    /// <summary>
    /// Commands about different participants that touch no shared budget line or seat append to
    /// different streams and write different documents: eight clients recording pills and
    /// tutorials for eight participants at once (each with its participant's version as If-Match)
    /// almost never conflict (at most 1 % of 409s; issue 30 measured 1,256 of 2,000 before the
    /// edition report stopped serialising them), and lose no update of the report.
    /// </summary>
    [Fact]
    public async Task EightClientsOnDifferentParticipants_DoNotConflict_AndLoseNoUpdateOfTheEditionReport()
    {
        const int Pills = 20;
        const int Tutorials = 3;
        var api = race.Factory.Api("alentejo");
        var companies = Enumerable.Range(1, Clients).Select(i => $"T{i:00}").ToList();
        await api.OpenWithApplicantsAsync(companies);
        var versions = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        foreach (var company in companies)
        {
            versions[company] = await api.AdmitAsync(company);
        }

        var statuses = new ConcurrentBag<int>();
        var go = new TaskCompletionSource();
        var workers = companies.Select(company => Task.Run(async () =>
        {
            var client = race.Factory.Api("alentejo");
            await go.Task;
            var commands = Enumerable.Range(1, Pills).Select(i => ("/pills", (object)new TrainingPill("Pill " + i, new NodaTime.LocalDate(2016, 6, 1 + (i % 28)), "management")))
                .Concat(Enumerable.Range(1, Tutorials).Select(t => ("/tutorials", (object)new Tutorial("T" + t, new NodaTime.LocalDate(2016, 5, t), VenueKind.CompanyPremises, "Export plan"))));
            foreach (var (path, body) in commands)
            {
                for (int attempt = 0; attempt < 100; attempt++)
                {
                    var answer = await client.PostAsync(Api.Tech, client.Participant(company) + path, body, Api.At(7, 10), versions[company]);
                    statuses.Add((int)answer.Status);
                    if (answer.Status == System.Net.HttpStatusCode.OK)
                    {
                        versions[company] = answer.ETag!.Value;
                        break;
                    }

                    Assert.True(answer.Status == System.Net.HttpStatusCode.Conflict && answer.Problem().Codes.Contains(CommonErrors.VersionMismatch), $"{company} {path}: {answer.Text}");
                }
            }
        })).ToList();
        go.SetResult();
        await Task.WhenAll(workers);

        var report = await ProjectionCheck.ReplayingEveryStreamEqualsTheProjectionsAsync(race.Factory.Store, "alentejo", Rulebook.Extremadura);
        int accepted = statuses.Count(s => s == 200);
        int conflicts = statuses.Count(s => s == 409);
        output.WriteLine($"pills and tutorials: {conflicts} of {statuses.Count} requests answered 409");
        Assert.Equal(Clients * (Pills + Tutorials), accepted);
        Assert.True(conflicts * 100 <= statuses.Count, $"{conflicts} of {statuses.Count} requests answered 409");
        Assert.Equal(Clients * Tutorials, report.Training.TutorialsHeld);
        Assert.Equal(Clients * Pills, report.Training.TrainingPillsAttended);
    }
}
