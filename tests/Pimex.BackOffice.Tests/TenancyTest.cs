using System.Net;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;

namespace Pimex.BackOffice.Tests;

/// <summary>Three regions as tenants: Extremadura and Ribatejo on the same rulebook (the same stream keys), Maribor on its own.</summary>
public sealed class RegionsFixture : IAsyncLifetime
{
    public BackOfficeFactory Factory { get; private set; } = null!;

    public Api Extremadura { get; private set; } = null!;

    public Api Ribatejo { get; private set; } = null!;

    public Api Maribor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared();
        Factory = new BackOfficeFactory(await server.CreateDatabaseAsync("tenancy"));
        Extremadura = Factory.Api("extremadura");
        Ribatejo = Factory.Api("ribatejo");
        Maribor = Factory.Api("maribor");
        await Extremadura.OpenWithApplicantsAsync(["B1", "B2"]);
        await Extremadura.AdmitAsync("B1");
        await Ribatejo.OpenWithApplicantsAsync(["P1"]);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

[Collection(OnPostgres.Name)]
public sealed class TenancyTest(RegionsFixture regions) : IClassFixture<RegionsFixture>
{
    [Fact]
    public async Task AUserOfOneRegion_CannotReadAnothersEdition_NorItsReports()
    {
        var edition = await regions.Ribatejo.GetAsync(Api.Manager, regions.Ribatejo.Edition(), tokenRegion: "extremadura");
        var report = await regions.Ribatejo.GetAsync(Api.Manager, regions.Ribatejo.Edition() + "/report", tokenRegion: "extremadura");
        var participant = await regions.Extremadura.GetAsync(Api.Manager, regions.Extremadura.Participant("B1"), tokenRegion: "ribatejo");

        Assert.Equal(HttpStatusCode.Forbidden, edition.Status);
        Assert.Equal([Problems.OtherRegion], edition.Problem().Codes);
        Assert.Equal(HttpStatusCode.Forbidden, report.Status);
        Assert.Equal(HttpStatusCode.Forbidden, participant.Status);
    }

    [Fact]
    public async Task AUserOfOneRegion_CannotWriteIntoAnother_AndNothingChangesThere()
    {
        var before = await regions.Ribatejo.VersionsAsync();
        var apply = await regions.Ribatejo.PostAsync(Api.Rep("B9"), regions.Ribatejo.Edition() + "/applications", Api.Application("B9"), Api.At(2, 2), tokenRegion: "extremadura");
        var admit = await regions.Ribatejo.PostAsync(Api.Manager, regions.Ribatejo.Edition() + "/admissions", new AdmitRequest(new CompanyId("P1")), Api.At(3, 20), tokenRegion: "extremadura");

        Assert.Equal(HttpStatusCode.Forbidden, apply.Status);
        Assert.Equal(HttpStatusCode.Forbidden, admit.Status);
        Assert.Equal(before, await regions.Ribatejo.VersionsAsync());
    }

    [Fact]
    public async Task TwoRegionsOnTheSameRulebook_KeepTheSameStreamKeysApart()
    {
        var extremadura = (await regions.Extremadura.GetAsync(Api.Manager, regions.Extremadura.Edition())).As<EditionFiguresView>();
        var ribatejo = (await regions.Ribatejo.GetAsync(Api.Manager, regions.Ribatejo.Edition())).As<EditionFiguresView>();

        Assert.Equal("extremadura-2016", extremadura.Id);
        Assert.Equal(extremadura.Id, ribatejo.Id);
        Assert.Equal((1, 1), (extremadura.PendingApplications, extremadura.Admitted)); // B2 waits, B1 is admitted
        Assert.Equal((1, 0), (ribatejo.PendingApplications, ribatejo.Admitted));
        Assert.Equal(HttpStatusCode.NotFound, (await regions.Ribatejo.GetAsync(Api.Manager, regions.Ribatejo.Participant("B1"))).Status);
    }

    [Fact]
    public async Task ARegionRunsItsOwnRulebook()
    {
        var opened = await regions.Maribor.PostAsync(Api.Manager, "/regions/maribor/editions", new OpenEditionRequest(2026), NodaTime.Instant.FromUtc(2026, 1, 5, 9, 0));
        Api.Must(opened);

        var figures = (await regions.Maribor.GetAsync(Api.Manager, regions.Maribor.Edition(2026))).As<EditionFiguresView>();
        Assert.Equal("maribor-2026", figures.Id);
        Assert.Equal(60_000m, figures.Lines.Single(l => l.Line == "Actions").Allocated);
        Assert.Equal(HttpStatusCode.NotFound, (await regions.Extremadura.GetAsync(Api.Manager, regions.Extremadura.Edition(2026))).Status);
    }
}
