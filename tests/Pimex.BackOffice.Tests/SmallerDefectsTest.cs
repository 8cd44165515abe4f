using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using Npgsql;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;

namespace Pimex.BackOffice.Tests;

/// <summary>An edition with B1 and B2 admitted, in a database of its own (these tests move the edition on to June).</summary>
public sealed class DefectsFixture : IAsyncLifetime
{
    public BackOfficeFactory Factory { get; private set; } = null!;

    public Api Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared();
        Factory = new BackOfficeFactory(await server.CreateDatabaseAsync("defects"));
        Api = Factory.Api();
        await Api.OpenWithApplicantsAsync(["B1", "B2"]);
        await Api.AdmitAsync("B1");
        await Api.AdmitAsync("B2");
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// The smaller defects of issue 30: an enum sent by number, a roadmap error's path, consultancy
/// that charges nothing, a token signed with another algorithm, a lost race logged as an error
/// with its SQL.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class SmallerDefectsTest(DefectsFixture edition) : IClassFixture<DefectsFixture>
{
    private Api Api => edition.Api;

    [Theory]
    [InlineData("1")]
    [InlineData("99")]
    [InlineData("-1")]
    [InlineData("\"1\"")]
    [InlineData("\"Catering\"")]
    public async Task ABudgetLineByNumberOrUnknownName_Is400_NamingTheAllowedNames_AndChangesNothing(string line)
    {
        var body = JsonNode.Parse(JsonSerializer.Serialize(new ExpenseRequest(BudgetLine.Training, Api.Eur(10m), "Room hire"), BackOfficeJson.Options))!;
        body["line"] = JsonNode.Parse(line);
        var before = await Api.EditionVersionAsync();
        var answer = await Api.SendAsync(HttpMethod.Post, Api.Edition() + "/expenses", body.ToJsonString(), Api.Token(Api.Manager), Api.At(6, 5), before);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Problem().Errors);
        Assert.Equal(Problems.MalformedBody, error.Code);
        Assert.Equal("$.line", error.Path);
        foreach (var name in Enum.GetNames<BudgetLine>())
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("System.", answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, await Api.EditionVersionAsync());
    }

    [Fact]
    public async Task ABudgetLineByName_InAnyCase_IsRead()
    {
        var body = JsonNode.Parse(JsonSerializer.Serialize(new ExpenseRequest(BudgetLine.Training, Api.Eur(10m), "Room hire"), BackOfficeJson.Options))!;
        body["line"] = "training";
        var answer = await Api.SendAsync(HttpMethod.Post, Api.Edition() + "/expenses", body.ToJsonString(), Api.Token(Api.Manager), Api.At(6, 5), await Api.EditionVersionAsync());

        Assert.NotEqual(HttpStatusCode.BadRequest, answer.Status);
    }

    [Theory]
    [InlineData("""{"horizon":{"start":"2016-06-01","end":"2017-05-31"},"targetMarkets":["PT"],"objectives":["Two distributors"],"actions":[{"description":"Fair in Lisbon","market":"PT","due":"2016-09-01"},{"description":"Visit","market":"PT","due":"next spring"}],"indicators":["Distributors signed"]}""", "$.actions[1].due")]
    [InlineData("""{"horizon":{"start":"2016-06-01","end":"2017-05-31"},"targetMarkets":["PT", 7],"objectives":["Two distributors"],"actions":[],"indicators":["Distributors signed"]}""", "$.targetMarkets[1]")]
    public async Task AnErrorInsideARoadmapsList_NamesItsFullPath(string json, string path)
    {
        var before = await Api.VersionsAsync("B1");
        var answer = await Api.SendAsync(HttpMethod.Post, Api.Participant("B1") + "/roadmap", json, Api.Token(Api.Rep("B1")), Api.At(6, 5), before.Participant);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(path, Assert.Single(answer.Problem().Errors).Path);
        Assert.Equal(before, await Api.VersionsAsync("B1"));
    }

    [Theory]
    [InlineData("0.0000001")]
    [InlineData("0.00007")]
    public async Task ConsultancyThatChargesNothing_Is400WithItsCode_AndChangesNothing(string hours)
    {
        // Issue 30, item 6: 0.0000001 hours were accepted, with FundsSpent EUR 0.00.
        var before = await Api.VersionsAsync("B1");
        var answer = await Api.SendAsync(HttpMethod.Post, Api.Participant("B1") + "/consultancy", $$"""{"hours":{{hours}},"topic":"Pricing for France"}""", Api.Token(Api.Rep("B1")), Api.At(6, 5), before.Participant);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Problem().Errors);
        Assert.Equal(ParticipationErrors.ConsultancyChargesNothing, error.Code);
        Assert.Equal(before, await Api.VersionsAsync("B1"));
    }

    [Theory]
    [InlineData(SecurityAlgorithms.HmacSha384)]
    [InlineData(SecurityAlgorithms.HmacSha512)]
    public async Task ATokenSignedWithAnotherAlgorithm_WithTheRightKey_Is401(string algorithm)
    {
        // A key long enough for HS512 (64 bytes and more), so that only the algorithm differs.
        const string LongKey = "pimex-backoffice-tests-a-signing-key-long-enough-for-hs512-0123456789abcdef";
        var server = await PostgresServer.Shared();
        await using var factory = new BackOfficeFactory(await server.CreateDatabaseAsync("alg"), more: new Dictionary<string, string> { ["BackOffice:Jwt:SigningKey"] = LongKey });
        var api = new Api(factory.CreateClient(), new Tokens(LongKey), "extremadura");

        string Signed(string with) => new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            Tokens.Issuer,
            Tokens.Audience,
            [new Claim(JwtRegisteredClaimNames.Sub, "mgr-1"), new Claim(Tokens.RoleClaim, "ProgrammeManager"), new Claim(Tokens.RegionClaim, "extremadura")],
            notBefore: DateTime.UtcNow.AddMinutes(-1),
            expires: DateTime.UtcNow.AddHours(1),
            signingCredentials: new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(LongKey)), with)));

        var pinned = await api.SendAsync(HttpMethod.Get, api.Edition(), null, Signed(SecurityAlgorithms.HmacSha256), null, null);
        var other = await api.SendAsync(HttpMethod.Get, api.Edition(), null, Signed(algorithm), null, null);

        Assert.Equal(HttpStatusCode.NotFound, pinned.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, other.Status);
    }

    [Fact]
    public async Task LostRaces_AreAnswered409_AndNeverLoggedAsErrors()
    {
        var logs = new KeptLogs();
        await using var app = edition.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var api = new Api(app.CreateClient(), edition.Factory.Tokens, "extremadura");
        int conflicts = 0;
        for (int round = 0; round < 20 && conflicts == 0; round++)
        {
            var version = (await api.VersionsAsync("B2")).Participant;
            var racing = Enumerable.Range(0, 8).Select(i => api.PostAsync(Api.Tech, api.Participant("B2") + "/pills", new TrainingPill($"Pricing {round}-{i}", new LocalDate(2016, 6, 2), "management"), Api.At(6, 5), version));
            var answers = await Task.WhenAll(racing);
            conflicts += answers.Count(a => a.Status == HttpStatusCode.Conflict && a.Problem().Codes.Contains(CommonErrors.VersionMismatch));
        }

        Assert.True(conflicts > 0, "no race was lost in 20 rounds of 8 writers");
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public void MartensLog_ALostRace_IsInformationWithoutItsSql_AnotherFailure_AnErrorWithIt()
    {
        var logs = new KeptLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var log = new MartenLog(factory.CreateLogger("Marten"));
        using var command = new NpgsqlCommand("INSERT INTO pimex.mt_events VALUES ('the-sql')");

        log.LogFailure(command, new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));
        var race = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Information, race.Level);
        Assert.DoesNotContain("the-sql", race.Message, StringComparison.Ordinal);

        log.LogFailure(command, new PostgresException("Stream version mismatch", "ERROR", "ERROR", MartenLog.StreamVersionMismatch));
        Assert.Equal(2, logs.Entries.Count);
        Assert.All(logs.Entries, e => Assert.Equal(LogLevel.Information, e.Level));

        log.LogFailure(command, new InvalidOperationException("the disk is full"));
        var failure = logs.Entries.Last();
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Contains("the-sql", failure.Message, StringComparison.Ordinal);
    }
}
