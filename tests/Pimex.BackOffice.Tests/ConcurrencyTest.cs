using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Marten;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Promotion;

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
public sealed class ConcurrencyTest(RaceFixture race) : IClassFixture<RaceFixture>
{
    private const int Clients = 8;

    private static (int Status, IReadOnlyList<string> Codes) Classify(Answer answer) =>
        ((int)answer.Status, (int)answer.Status >= 400 ? answer.Problem().Codes : []);

    [Fact]
    public async Task EightClientsRacingOnAdmissions_NeverExceedTheCapacityNorTheActionsLine_AndLosersGet409()
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
                    var (status, codes) = Classify(await client.PostAsync(Api.Manager, client.Edition() + "/admissions", new AdmitRequest(new CompanyId(company)), Api.At(3, 20)));
                    statuses.Add((company, status, codes));
                    if (!(status == 409 && codes.Contains(CommonErrors.VersionMismatch)))
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

        Assert.Contains(statuses, s => s.Status == 409 && s.Codes.Contains(CommonErrors.VersionMismatch));
        Assert.Equal(edition.Annuity.Capacity, admitted.Count);
        Assert.Equal(admitted.Order(StringComparer.Ordinal), edition.Participants.Select(p => p.Key.Value).Order(StringComparer.Ordinal));
        Assert.True(edition.Ledger.Actions.Available.Amount >= 0m, $"Actions line overspent: {edition.Ledger.Actions}");
        Assert.Equal(Api.Eur(2_500m * admitted.Count), edition.Ledger.Actions.Reserved);
        Assert.Equal(admitted.Count, await session.Query<ParticipantView>().CountAsync());
        Assert.All(statuses.Where(s => s.Status is not (201 or 409)), s => Assert.Equal(400, s.Status));
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

        Assert.Contains(statuses, s => s.Status == 409);
        Assert.Equal(companies.Count * 2, statuses.Count(s => s.Status == 200));
        Assert.All(views, v => Assert.Equal(2_500m, v.SupportGranted));
        Assert.Equal(Api.Eur(2_500m * companies.Count), edition.Ledger.Actions.Spent);
        Assert.True(edition.Ledger.Actions.Available.Amount >= 0m);
        Assert.Equal(JsonSerializer.Serialize(EditionFiguresView.Of(edition), BackOfficeJson.Options), JsonSerializer.Serialize(figures, BackOfficeJson.Options));
    }
}
