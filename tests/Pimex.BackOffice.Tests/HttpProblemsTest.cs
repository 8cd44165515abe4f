using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;

namespace Pimex.BackOffice.Tests;

/// <summary>An edition with two admitted companies, B1 and B2, for the HTTP problem tests.</summary>
public sealed class SmallEditionFixture : IAsyncLifetime
{
    public BackOfficeFactory Factory { get; private set; } = null!;

    public Api Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared();
        Factory = new BackOfficeFactory(await server.CreateDatabaseAsync("problems"));
        Api = Factory.Api();
        await Api.OpenWithApplicantsAsync(["B1", "B2", "B3"]);
        await Api.AdmitAsync("B1");
        await Api.AdmitAsync("B2");
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>RFC 9457 problems, ETags and If-Match, tokens, limits and the OpenAPI document.</summary>
[Collection(OnPostgres.Name)]
public sealed class HttpProblemsTest(SmallEditionFixture edition) : IClassFixture<SmallEditionFixture>
{
    private Api Api => edition.Api;

    private static Tutorial Tutorial(string id, VenueKind venue = VenueKind.CompanyPremises) => new(id, new LocalDate(2016, 6, 1), venue, "Export diagnosis");

    private async Task<long> VersionOf(string company) => (await Api.VersionsAsync(company)).Participant!.Value;

    [Fact]
    public async Task MalformedJson_Is400Problem_NeverAStackTrace()
    {
        var answer = await Api.SendAsync(HttpMethod.Post, Api.Participant("B1") + "/tutorials", "{\"id\": \"T1\", \"date\": ", Api.Token(Api.Tech), Api.At(6, 5), await VersionOf("B1"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal([Problems.MalformedBody], answer.Problem().Codes);
        Assert.DoesNotContain("Exception", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValueOfTheWrongShape_Is400_WithItsJsonPath()
    {
        var json = """{"id":"T1","date":"the first of June","venue":"CompanyPremises","record":"x"}""";
        var answer = await Api.SendAsync(HttpMethod.Post, Api.Participant("B1") + "/tutorials", json, Api.Token(Api.Tech), Api.At(6, 5), await VersionOf("B1"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("$.date", Assert.Single(answer.Problem().Errors).Path);
    }

    [Fact]
    public async Task AMissingField_Is400_NotACrash()
    {
        var answer = await Api.SendAsync(HttpMethod.Post, Api.Participant("B1") + "/tutorials", """{"id":"T1","venue":"CompanyPremises"}""", Api.Token(Api.Tech), Api.At(6, 5), await VersionOf("B1"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([Problems.MalformedBody], answer.Problem().Codes);
    }

    [Theory]
    [InlineData("""{"id":"T1","date":"2016-06-01","venue":"CompanyPremises","record":"Export diagnosis","reson":"x"}""", "$.reson")]
    [InlineData("""{"id":"T1","id":"T2","date":"2016-06-01","venue":"CompanyPremises","record":"Export diagnosis"}""", "$.id")]
    public async Task AnUnknownFieldOrTheSameFieldTwice_Is400_WithItsPath_AndChangesNothing(string json, string path)
    {
        var before = await Api.VersionsAsync("B1");
        var answer = await Api.SendAsync(HttpMethod.Post, Api.Participant("B1") + "/tutorials", json, Api.Token(Api.Tech), Api.At(6, 5), before.Participant);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([Problems.MalformedBody], answer.Problem().Codes);
        Assert.Equal(path, Assert.Single(answer.Problem().Errors).Path);
        Assert.Equal(before, await Api.VersionsAsync("B1"));
    }

    [Theory]
    [InlineData("""{"horizon":{"start":"2016-06-01","end":"2017-05-31","__proto__":"x"},"targetMarkets":["PT"],"objectives":["Two distributors"],"actions":[{"description":"Fair in Lisbon","market":"PT","due":"2016-09-01"}],"indicators":["Distributors signed"]}""")]
    [InlineData("""{"horizon":{"start":"2017-05-31","end":"2016-06-01"},"targetMarkets":["PT"],"objectives":["Two distributors"],"actions":[{"description":"Fair in Lisbon","market":"PT","due":"2016-09-01"}],"indicators":["Distributors signed"]}""")]
    public async Task AnIntervalWithAnUnknownFieldOrBackwards_Is400_AndChangesNothing(string json)
    {
        var before = await Api.VersionsAsync("B1");
        var answer = await Api.SendAsync(HttpMethod.Post, Api.Participant("B1") + "/roadmap", json, Api.Token(Api.Rep("B1")), Api.At(6, 5), before.Participant);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([Problems.MalformedBody], answer.Problem().Codes);
        Assert.Equal(before, await Api.VersionsAsync("B1"));
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413_AndChangesNothing()
    {
        var before = await Api.VersionsAsync("B1");
        var huge = JsonSerializer.Serialize(Tutorial("T1") with { Record = new string('x', 70_000) }, BackOfficeJson.Options);
        var answer = await Api.SendAsync(HttpMethod.Post, Api.Participant("B1") + "/tutorials", huge, Api.Token(Api.Tech), Api.At(6, 5), before.Participant);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal([Problems.BodyTooLarge], answer.Problem().Codes);
        Assert.Equal(before, await Api.VersionsAsync("B1"));
    }

    [Fact]
    public async Task ABrokenRule_Is400_WithThePimexCodeAndItsPath_AndChangesNothing()
    {
        var before = await Api.VersionsAsync("B2");
        var answer = await Api.PostAsync(Api.Tech, Api.Participant("B2") + "/tutorials", Tutorial("T1", VenueKind.OperatorOffice), Api.At(6, 5), before.Participant);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var problem = answer.Problem();
        Assert.Contains(problem.Codes, c => c.StartsWith("PIMEX-PART-", StringComparison.Ordinal));
        Assert.All(problem.Errors, e => Assert.False(string.IsNullOrEmpty(e.Path)));
        Assert.Equal(before, await Api.VersionsAsync("B2"));
    }

    [Fact]
    public async Task AClashWithTheState_Is409()
    {
        var admitAgain = await Api.PostOnEditionAsync(Api.Manager, Api.Edition() + "/admissions", new AdmitRequest(new CompanyId("B1")), Api.At(3, 21));
        var openAgain = await Api.PostAsync(Api.Manager, "/regions/extremadura/editions", new OpenEditionRequest(2016), Api.At(3, 21));

        Assert.Equal(HttpStatusCode.Conflict, admitAgain.Status);
        Assert.NotEmpty(admitAgain.Problem().Codes);
        Assert.Equal(HttpStatusCode.Conflict, openAgain.Status);
        Assert.Equal([Problems.AlreadyOpen], openAgain.Problem().Codes);
    }

    [Fact]
    public async Task UnknownParticipantsEditionsAndClaims_Are404()
    {
        var participant = await Api.PostAsync(Api.Tech, Api.Participant("B404") + "/tutorials", Tutorial("T1"), Api.At(6, 5), 1);
        var year = await Api.GetAsync(Api.Manager, Api.Edition(2015));
        var claim = await Api.PostAsync(Api.Tech2, Api.Participant("B1") + "/claims/NOPE/verification", ClaimVerification.ApproveInFull(), Api.At(10, 20), await VersionOf("B1"));
        var region = await Api.GetAsync(Api.Manager, "/regions/atlantis/editions/2016", tokenRegion: "atlantis");

        Assert.Equal(HttpStatusCode.NotFound, participant.Status);
        Assert.Equal(HttpStatusCode.NotFound, year.Status);
        Assert.Equal(HttpStatusCode.NotFound, claim.Status);
        Assert.NotEmpty(claim.Problem().Codes);
        Assert.Equal(HttpStatusCode.NotFound, region.Status);
    }

    [Fact]
    public async Task ACommandOnAParticipantWithoutIfMatch_Is428_AndChangesNothing()
    {
        var before = await Api.VersionsAsync("B1");
        var answer = await Api.PostAsync(Api.Tech, Api.Participant("B1") + "/pills", new TrainingPill("Pricing", new LocalDate(2016, 6, 20), "management"), Api.At(6, 20));

        Assert.Equal(HttpStatusCode.PreconditionRequired, answer.Status);
        Assert.Equal([Problems.MissingIfMatch], answer.Problem().Codes);
        Assert.Equal(before, await Api.VersionsAsync("B1"));
    }

    [Theory]
    [InlineData("/sessions")]
    [InlineData("/applications")]
    [InlineData("/expenses")]
    [InlineData("/admissions")]
    public async Task ACommandOnTheEditionWithoutIfMatch_Is428_AndChangesNothing(string path)
    {
        var before = await Api.VersionsAsync();
        var answer = await Api.PostAsync(Api.Manager, Api.Edition() + path, EditionBody(path), Api.At(3, 22));

        Assert.Equal(HttpStatusCode.PreconditionRequired, answer.Status);
        Assert.Equal([Problems.MissingIfMatch], answer.Problem().Codes);
        Assert.Equal(before, await Api.VersionsAsync());
    }

    [Theory]
    [InlineData("/sessions")]
    [InlineData("/applications")]
    [InlineData("/expenses")]
    [InlineData("/admissions")]
    public async Task ACommandOnTheEditionWithAStaleIfMatch_Is412_AndChangesNothing(string path)
    {
        var before = await Api.VersionsAsync();
        var answer = await Api.PostAsync(Api.Manager, Api.Edition() + path, EditionBody(path), Api.At(3, 22), before.Edition!.Value - 1);

        Assert.Equal(HttpStatusCode.PreconditionFailed, answer.Status);
        Assert.Equal([CommonErrors.VersionMismatch], answer.Problem().Codes);
        Assert.Equal(before, await Api.VersionsAsync());
    }

    [Fact]
    public async Task ACommandOnTheEditionWithTheCurrentIfMatch_IsAccepted_AndAnswersTheNewEditionVersion()
    {
        var before = await Api.EditionVersionAsync();
        var answer = Api.Must(await Api.PostAsync(Api.Tech, Api.Edition() + "/sessions", new GroupSession("S9", new LocalDate(2016, 9, 9), "Cáceres", "Session 9", 20), Api.At(3, 22), before));

        Assert.Equal(before + 1, answer.ETag);
        Assert.Equal(answer.ETag, await Api.EditionVersionAsync());
    }

    private static object EditionBody(string path) => path switch
    {
        "/sessions" => new GroupSession("S8", new LocalDate(2016, 9, 8), "Mérida", "Session 8", 20),
        "/applications" => Api.Application("B8"),
        "/expenses" => new ExpenseRequest(BudgetLine.Training, Api.Eur(100m), "Room hire"),
        _ => new AdmitRequest(new CompanyId("B3")),
    };

    [Fact]
    public async Task AStaleIfMatch_Is412_AndChangesNothing()
    {
        var before = await Api.VersionsAsync("B1");
        var answer = await Api.PostAsync(Api.Tech, Api.Participant("B1") + "/pills", new TrainingPill("Pricing", new LocalDate(2016, 6, 20), "management"), Api.At(6, 20), before.Participant!.Value - 1);

        Assert.Equal(HttpStatusCode.PreconditionFailed, answer.Status);
        Assert.Equal([CommonErrors.VersionMismatch], answer.Problem().Codes);
        Assert.Equal(before, await Api.VersionsAsync("B1"));
    }

    [Fact]
    public async Task AnAcceptedCommand_AnswersTheNewVersionAsETag_AndTheNextReadAgrees()
    {
        var before = await VersionOf("B2");
        var answer = Api.Must(await Api.PostAsync(Api.Manager, Api.Participant("B2") + "/technician", new TechnicianRequest("tech-7"), Api.At(3, 22), before));

        Assert.Equal(before + 1, answer.ETag);
        Assert.Equal(answer.ETag, answer.As<CommandAccepted>().ParticipantVersion);
        Assert.Equal(answer.ETag, (await Api.GetAsync(Api.Tech, Api.Participant("B2"))).ETag);
    }

    [Fact]
    public async Task NoTokenAForgedTokenOrAnExpiredToken_Is401()
    {
        var path = Api.Edition();
        var forged = new Tokens("another-key-another-key-another-key-0123456789").Mint(Api.Manager, "extremadura", SystemClock.Instance.GetCurrentInstant(), Duration.FromHours(1));
        var expired = edition.Factory.Tokens.Mint(Api.Manager, "extremadura", SystemClock.Instance.GetCurrentInstant() - Duration.FromHours(3), Duration.FromHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.SendAsync(HttpMethod.Get, path, null, null, null, null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.SendAsync(HttpMethod.Get, path, null, forged, null, null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.SendAsync(HttpMethod.Get, path, null, expired, null, null)).Status);
    }

    [Fact]
    public async Task TheOpenApiDocument_ListsEveryEndpoint()
    {
        var document = await Api.SendAsync(HttpMethod.Get, "/openapi/v1.json", null, null, null, null);
        Assert.Equal(HttpStatusCode.OK, document.Status);

        using var json = JsonDocument.Parse(document.Text);
        var documented = json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant() + " " + p.Name.TrimEnd('/')))
            .ToHashSet(StringComparer.Ordinal);
        var served = edition.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText != "/openapi/{documentName}.json")
            // The API only: not the staff pages (Razor Pages, issue 18) nor what says it is left out of the description (the root's redirect to them).
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => m + " " + Normalize(e.RoutePattern.RawText!)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(served.Count >= 27, $"Only {served.Count} endpoints.");
        Assert.Equal(served.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    private static string Normalize(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([a-z]+):[a-z]+\}", "{$1}").Replace("//", "/", StringComparison.Ordinal).TrimEnd('/');
}
