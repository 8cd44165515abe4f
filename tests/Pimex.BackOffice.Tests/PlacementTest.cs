using System.Net;
using Npgsql;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.BackOffice.Tests.Support;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Tests;

/// <summary>
/// <c>BackOffice:Databases:{region}</c> places a region's data in a database of its own (on any
/// server): Maribor in a second database, the other regions in the default one.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class PlacementTest
{
    [Fact]
    public async Task ARegionPlacedInAnotherDatabase_WritesOnlyThere_AndTheOthersStayInTheDefault()
    {
        var server = await PostgresServer.Shared();
        var main = await server.CreateDatabaseAsync("placed-main");
        var own = await server.CreateDatabaseAsync("placed-maribor");
        await using var factory = new BackOfficeFactory(main, more: new Dictionary<string, string> { ["BackOffice:Databases:maribor"] = own });
        var extremadura = factory.Api("extremadura");
        var maribor = factory.Api("maribor");

        await extremadura.OpenWithApplicantsAsync(["B1"]);
        await extremadura.AdmitAsync("B1");
        Api.Must(await maribor.PostAsync(Api.Manager, "/regions/maribor/editions", new OpenEditionRequest(2026), NodaTime.Instant.FromUtc(2026, 1, 5, 9, 0)));

        var inMain = await StreamsAsync(main);
        Assert.Contains("extremadura:extremadura-2016", inMain);
        Assert.All(inMain, stream => Assert.StartsWith("extremadura:", stream, StringComparison.Ordinal));
        Assert.Equal(["maribor:maribor-2026"], await StreamsAsync(own));
        var figures = (await maribor.GetAsync(Api.Manager, maribor.Edition(2026))).As<EditionFiguresView>();
        Assert.Equal("maribor-2026", figures.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await extremadura.GetAsync(Api.Manager, extremadura.Edition(2026))).Status);
        await ProjectionCheck.ReplayingEveryStreamEqualsTheProjectionsAsync(factory.Store, "extremadura", Rulebook.Extremadura);
    }

    private static async Task<List<string>> StreamsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT tenant_id || ':' || id FROM pimex.mt_streams ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var streams = new List<string>();
        while (await reader.ReadAsync())
        {
            streams.Add(reader.GetString(0));
        }

        return streams;
    }
}
