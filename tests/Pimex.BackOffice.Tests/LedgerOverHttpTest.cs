using System.Net;
using System.Text.Json;
using Ardalis.Result;
using Marten;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.BackOffice.Tests.Support;
using Pimex.Cli.Commands;
using Pimex.Cli.Ledger;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Tests;

/// <summary>The embedded 2016 ledger sent over HTTP to the back office on PostgreSQL, against the tool's run of the same ledger.</summary>
[Collection(OnPostgres.Name)]
public sealed class LedgerOverHttpTest(LedgerFixture ledger) : IClassFixture<LedgerFixture>
{
    [Fact]
    public async Task TheWhole2016Ledger_OverHttp_GivesTheSameEditionReportAsPimexReport()
    {
        var answer = await ledger.Api.GetAsync(Api.Manager, ledger.Api.Edition() + "/report");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(EditionReports.Of(ledger.Expected, Rulebook.Extremadura).Ok().ToJson(), answer.Text);
        Assert.Contains("\"admitted\": 30", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTextReport_OverHttp_IsTheToolsText()
    {
        var answer = await ledger.Api.GetAsync(Api.Consultant, ledger.Api.Edition() + "/report?format=text");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(EditionReports.Of(ledger.Expected, Rulebook.Extremadura).Ok().ToText(), answer.Text);
    }

    [Fact]
    public async Task TheLedgersCompanyNames_AreInTheRegionsDirectory_ForEveryApplicationReceived()
    {
        var accepted = ledger.Responses.Where(r => r.Accepted).Select(r => r.Line).ToHashSet();
        var named = ledger.Entries.Where(e => accepted.Contains(e.Line)).Select(e => e.Command).OfType<Apply>().Where(a => a.CompanyName is not null).ToList();
        Assert.True(named.Count >= 30, $"only {named.Count} named applications");

        foreach (var apply in named)
        {
            var answer = await ledger.Api.GetAsync(Api.Manager, $"/regions/extremadura/companies/{apply.Application.Company.Value}");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var view = answer.As<CompanyNameView>();
            Assert.Equal((apply.CompanyName, apply.Actor.Id), (view.Name, view.SetBy));
        }
    }

    [Fact]
    public void TheRefusedCommands_AreTheOnesTheToolRefuses_WithTheSameCodes()
    {
        // Sent in time order, as the tool applies them; listed by line, as the tool lists them.
        var refused = ledger.Responses.Where(r => !r.Accepted).OrderBy(r => r.Line).ToList();

        Assert.Equal(ledger.Expected.Refused.Select(r => r.Line), refused.Select(r => r.Line));
        Assert.Equal(
            ledger.Expected.Refused.Select(r => string.Join(' ', r.Errors.Select(e => e.Code).Where(c => c.Length > 0).Distinct())),
            refused.Select(r => string.Join(' ', r.Codes)));
        Assert.Equal(7, refused.Count);
        Assert.All(refused, r => Assert.True(r.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.NotFound, $"line {r.Line}: {r.Status}"));
    }

    [Fact]
    public async Task ReplayingEveryStream_EqualsTheToolsStateAndTheViews()
    {
        await using var session = ledger.Factory.Store.QuerySession("extremadura");
        var edition = Edition.Replay((await session.Events.FetchStreamAsync("extremadura-2016")).Select(e => (EditionEvent)e.Data));
        Assert.Equal(ledger.Expected.Edition, edition);

        var figures = await session.LoadAsync<EditionFiguresView>("extremadura-2016");
        Assert.Equal(Json(EditionFiguresView.Of(edition)), Json(figures));

        var views = await session.Query<ParticipantView>().Where(v => v.Edition == "extremadura-2016").ToListAsync();
        Assert.Equal(ledger.Expected.Participants.Count, views.Count);
        foreach (var expected in ledger.Expected.Participants)
        {
            var events = await session.Events.FetchStreamAsync(expected.Id.ToString());
            var participant = Participant.Replay(events.Select(e => (ParticipantEvent)e.Data));
            Assert.Equal(expected, participant);
            Assert.Equal(Json(ParticipantView.Of(participant)), Json(views.Single(v => v.Id == expected.Id.ToString())));
        }
    }

    [Fact]
    public async Task ReplayingEveryStream_EqualsTheProjections_AndTheReportServedIsTheProjections()
    {
        var replayed = await ProjectionCheck.ReplayingEveryStreamEqualsTheProjectionsAsync(ledger.Factory.Store, "extremadura", Rulebook.Extremadura);
        var served = await ledger.Api.GetAsync(Api.Manager, ledger.Api.Edition() + "/report");

        Assert.Equal(EditionReports.Of(ledger.Expected, Rulebook.Extremadura).Ok(), replayed);
        Assert.Equal(replayed.ToJson(), served.Text);
    }

    [Fact]
    public async Task TheFiguresKeptAsEventsArrive_EqualTheEditionReportOverTheSameStreams()
    {
        var report = EditionReports.Of(ledger.Expected, Rulebook.Extremadura).Ok();
        var figures = (await ledger.Api.GetAsync(Api.Manager, ledger.Api.Edition() + "/figures")).As<EditionFiguresView>();
        var rows = (await ledger.Api.GetAsync(Api.Manager, ledger.Api.Edition() + "/participants")).As<List<ParticipantView>>();

        Assert.Equal(report.EditionVersion, figures.Version);
        Assert.Equal(report.Participants.Admitted, figures.Admitted);
        Assert.Equal(
            report.Budget.Lines.Select(l => (l.Line.ToString(), l.Allocated.Amount, l.Reserved.Amount, l.Spent.Amount, l.Released.Amount, l.Available.Amount)),
            figures.Lines.Select(l => (l.Line, l.Allocated, l.Reserved, l.Spent, l.Released, l.Available)));
        Assert.Equal(report.Support.Total.Amount, rows.Sum(r => r.SupportGranted));
        Assert.Equal(report.Training.TutorialsHeld, rows.Sum(r => r.Tutorials));
    }

    [Fact]
    public async Task AnAidStatement_OverHttp_IsTheLibrarysForTheSameParticipant()
    {
        var participant = ledger.Expected.Participants[0];
        var company = participant.Id.Company.Value;
        var rep = Actor.CompanyRepresentative("rep-" + company, participant.Id.Company);

        var answer = await ledger.Api.GetAsync(rep, ledger.Api.Participant(company) + "/aid-statement?on=2016-12-31");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(AidStatement.Create(participant, Rulebook.Extremadura, new NodaTime.LocalDate(2016, 12, 31)).Ok().ToJson(), answer.Text);
    }

    [Fact]
    public async Task TheParticipantList_IsOneRowPerAdmittedCompany_AndTheProgrammeReportCountsThem()
    {
        var list = await ledger.Api.GetAsync(Api.Tech, ledger.Api.Edition() + "/participants");
        var programme = await ledger.Api.GetAsync(Api.Manager, "/regions/extremadura/programme/report");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(ledger.Expected.Participants.Select(p => p.Id.Company.Value).Order(StringComparer.Ordinal), list.As<List<ParticipantView>>().Select(v => v.Company));
        Assert.Equal(HttpStatusCode.OK, programme.Status);
        Assert.Equal(ProgrammeReport.Create([EditionReports.Of(ledger.Expected, Rulebook.Extremadura).Ok()]).Ok().ToJson(), programme.Text);
    }

    [Fact]
    public void TheRolesMatrix_CoversEveryCommandEndpointOfTheLedger()
    {
        var commands = ledger.Entries.Select(e => e.Command.Name).Where(n => n != "openEdition").ToHashSet(StringComparer.Ordinal);

        Assert.Equal(commands.Order(StringComparer.Ordinal), ledger.Matrix.Select(m => m.Command).Distinct().Order(StringComparer.Ordinal));
        Assert.True(commands.Count >= 18, $"Only {commands.Count} kinds of command in the ledger.");
        Assert.True(ledger.Matrix.Count(m => m.Http is not null) >= 30, $"Only {ledger.Matrix.Count(m => m.Http is not null)} refused cases were sent.");
    }

    [Fact]
    public void EveryCommandTheLibraryForbids_IsA403Problem_WithTheLibrarysCodes()
    {
        var sent = ledger.Matrix.Where(m => m.Library == ResultStatus.Forbidden).ToList();

        Assert.NotEmpty(sent);
        Assert.All(sent, m =>
        {
            Assert.True(m.Http == HttpStatusCode.Forbidden, $"{m.Command} by {m.Actor}: {m.Http}");
            Assert.Equal(m.LibraryCodes.Where(c => c.Length > 0).Distinct(), m.HttpCodes);
        });
    }

    [Fact]
    public void EveryRefusalOfTheMatrix_ChangesNothing()
    {
        var sent = ledger.Matrix.Where(m => m.Http is not null).ToList();

        Assert.NotEmpty(sent);
        Assert.All(sent, m => Assert.True(m.Unchanged, $"{m.Command} by {m.Actor} changed a stream."));
    }

    [Fact]
    public async Task ARepresentative_ReadsItsOwnCompanyOnly_AndNoEditionReport()
    {
        var own = ledger.Expected.Participants[0].Id.Company.Value;
        var other = ledger.Expected.Participants[1].Id.Company.Value;
        var rep = Api.Rep(own);

        Assert.Equal(HttpStatusCode.OK, (await ledger.Api.GetAsync(rep, ledger.Api.Participant(own))).Status);
        var theirs = await ledger.Api.GetAsync(rep, ledger.Api.Participant(other));
        var report = await ledger.Api.GetAsync(rep, ledger.Api.Edition() + "/report");

        Assert.Equal(HttpStatusCode.Forbidden, theirs.Status);
        Assert.Equal([Problems.NotYours], theirs.Problem().Codes);
        Assert.Equal(HttpStatusCode.Forbidden, report.Status);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, BackOfficeJson.Options);
}
