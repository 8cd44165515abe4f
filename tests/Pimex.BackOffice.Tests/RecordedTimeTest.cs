using System.Net;
using Marten;
using NodaTime;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Participation;

namespace Pimex.BackOffice.Tests;

/// <summary>
/// An edition with B1 and B4 admitted on 20 March and B2 on 10 April (so the edition's last event
/// is after B1's), loaded by a migration client into a back office that accepts recorded times; a
/// second back office over the same database that does not.
/// </summary>
public sealed class RecordedTimeFixture : IAsyncLifetime
{
    public BackOfficeFactory Importing { get; private set; } = null!;

    public BackOfficeFactory Serving { get; private set; } = null!;

    public Api Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared();
        var database = await server.CreateDatabaseAsync("recorded");
        Importing = new BackOfficeFactory(database, acceptRecordedAt: true);
        Serving = new BackOfficeFactory(database, acceptRecordedAt: false);
        Api = Importing.Api();
        await Api.OpenWithApplicantsAsync(["B1", "B2", "B3", "B4"]);
        await Api.AdmitAsync("B1", Api.At(3, 20));
        await Api.AdmitAsync("B4", Api.At(3, 20));
        await Api.AdmitAsync("B2", Api.At(4, 10));
    }

    public async Task DisposeAsync()
    {
        await Importing.DisposeAsync();
        await Serving.DisposeAsync();
    }
}

/// <summary>
/// A command's moment is the server's clock. A client's moment (<c>Pimex-Recorded-At</c>) is
/// accepted only by a back office configured for it, only from a migration token, never after the
/// server's clock and never before the last event of the edition or the participant the command
/// touches; each refusal is a problem with its own code, and changes nothing.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class RecordedTimeTest(RecordedTimeFixture fixture) : IClassFixture<RecordedTimeFixture>
{
    private static readonly Tutorial Diagnosis = new("T1", new LocalDate(2016, 4, 1), VenueKind.CompanyPremises, "Export diagnosis");

    private Api Api => fixture.Api;

    private async Task<long> EventCountAsync()
    {
        await using var session = fixture.Importing.Store.QuerySession("extremadura");
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    /// <summary>Sends a command with a token of the caller's kind and a recorded moment; checks the refusal changed nothing.</summary>
    private async Task<Answer> RefusedAsync(Api api, Actor actor, string path, object body, Instant at, bool migration, string company = "B1")
    {
        var before = await Api.VersionsAsync(company);
        long events = await EventCountAsync();
        var answer = await api.SendAsync(HttpMethod.Post, path, System.Text.Json.JsonSerializer.Serialize(body, body.GetType(), BackOfficeJson.Options), api.Token(actor, migration: migration), at, before.Participant);

        Assert.True((int)answer.Status >= 400, answer.Text);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(before, await Api.VersionsAsync(company));
        Assert.Equal(events, await EventCountAsync());
        return answer;
    }

    [Fact]
    public async Task ABackOfficeNotConfiguredForIt_RefusesARecordedMoment_EvenFromAMigrationToken()
    {
        var serving = fixture.Serving.Api();
        var answer = await RefusedAsync(serving, Api.Tech, serving.Participant("B1") + "/tutorials", Diagnosis, Api.At(4, 28), migration: true);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([Problems.ClientTimeRefused], answer.Problem().Codes);
    }

    [Theory]
    [InlineData("representative")]
    [InlineData("technician")]
    [InlineData("manager")]
    public async Task AnOrdinaryToken_MayNotSendARecordedMoment_Is403(string who)
    {
        var actor = who switch { "representative" => Api.Rep("B1"), "technician" => Api.Tech, _ => Api.Manager };
        var answer = await RefusedAsync(Api, actor, Api.Participant("B1") + "/consultancy", new ConsultancyRequest(2m, "Pricing"), Api.At(4, 28), migration: false);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal([Problems.ClientTimeNotMigration], answer.Problem().Codes);
    }

    [Fact]
    public async Task AMomentAfterTheServersClock_IsRefused_SoNoClientFreezesAnEdition()
    {
        // The case: a consultancy recorded at 9998-12-30, after which every command at the server's clock was "before the last event".
        var farFuture = Instant.FromUtc(9998, 12, 30, 0, 0);
        var tomorrow = SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(1);
        foreach (var at in new[] { farFuture, tomorrow })
        {
            var answer = await RefusedAsync(Api, Api.Rep("B1"), Api.Participant("B1") + "/consultancy", new ConsultancyRequest(2m, "Pricing"), at, migration: true);

            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Equal([Problems.ClientTimeInFuture], answer.Problem().Codes);
        }
    }

    [Fact]
    public async Task AMomentBeforeTheEditionsLastEvent_IsRefused_ThoughTheCommandChangesOnlyTheParticipant()
    {
        // B1's own stream ends on 20 March, the edition's on 10 April (B2's admission): a tutorial on
        // 5 April changes B1 only (the library accepts it), but would be decided on an edition holding a later fact.
        var answer = await RefusedAsync(Api, Api.Tech, Api.Participant("B1") + "/tutorials", Diagnosis, Api.At(4, 5), migration: true);

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal([Problems.ClientTimeBeforeLastEvent], answer.Problem().Codes);
    }

    [Fact]
    public async Task AMomentBeforeTheParticipantsLastEvent_IsRefused()
    {
        // B2 admitted on 10 April: the command changes B2, so the library's own rule refuses it (PIMEX-TIME-001), before the back office's.
        var answer = await RefusedAsync(Api, Api.Tech, Api.Participant("B2") + "/tutorials", Diagnosis with { Id = "T2" }, Api.At(4, 8), migration: true, company: "B2");

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal([TimeErrors.BeforeLastEvent], answer.Problem().Codes);
    }

    [Fact]
    public async Task AMigrationTokensMoment_InOrder_AndNotInTheFuture_IsRecordedAtThatMoment()
    {
        var version = (await Api.VersionsAsync("B2")).Participant;
        var accepted = Api.Must(await Api.PostAsync(Api.Tech, Api.Participant("B2") + "/tutorials", Diagnosis with { Id = "T9", Date = new LocalDate(2016, 4, 11) }, Api.At(4, 12), version));

        await using var session = fixture.Importing.Store.QuerySession("extremadura");
        var events = await session.Events.FetchStreamAsync("extremadura-2016/B2");
        Assert.Equal(Api.At(4, 12), ((ParticipantEvent)events[^1].Data).RecordedAt);
        Assert.Equal(version + 1, accepted.ETag);
    }

    [Fact]
    public async Task WithoutARecordedMoment_AnOrdinaryTokensCommand_IsRecordedAtTheServersClock()
    {
        var before = SystemClock.Instance.GetCurrentInstant();
        var version = (await Api.VersionsAsync("B4")).Participant;
        var answer = await Api.SendAsync(HttpMethod.Post, Api.Participant("B4") + "/pills", System.Text.Json.JsonSerializer.Serialize(new TrainingPill("Pricing", new LocalDate(2016, 6, 2), "management"), BackOfficeJson.Options), Api.Token(Api.Tech, migration: false), null, version);

        // Whatever the library decides about a 2016 pill recorded today, it decided at the server's clock, never at a client's.
        if (answer.Status == HttpStatusCode.OK)
        {
            await using var session = fixture.Importing.Store.QuerySession("extremadura");
            var events = await session.Events.FetchStreamAsync("extremadura-2016/B4");
            Assert.True(((ParticipantEvent)events[^1].Data).RecordedAt >= before);
        }
        else
        {
            Assert.DoesNotContain(answer.Problem().Codes, c => c.StartsWith("PIMEX-HTTP-", StringComparison.Ordinal));
        }
    }
}
