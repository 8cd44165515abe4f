using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using NodaTime;
using NodaTime.Text;
using Pimex.BackOffice.Client;
using Pimex.BackOffice.Client.Models;
using Pimex.BackOffice.Client.Regions.Item.Editions.Item;
using Pimex.BackOffice.Client.Regions.Item.Editions.Item.Participants.Item;
using Pimex.BackOffice.ClientTests.Support;
using Pimex.Common;
using Pimex.Rulebooks;
using Api = Pimex.BackOffice.Tests.Support.Api;
using Caller = Pimex.BackOffice.Http.Caller;
using Commands = Pimex.BackOffice.Http.Commands;
using DateInterval = Pimex.BackOffice.Client.Models.DateInterval;
using ParticipantStatus = Pimex.Participation.ParticipantStatus;
using ParticipationErrors = Pimex.Participation.ParticipationErrors;
using Problem = Pimex.BackOffice.Client.Models.Problem;

namespace Pimex.BackOffice.ClientTests;

/// <summary>
/// A short 2016 edition run through the client Kiota generates from the back office's OpenAPI
/// document, and through it only: every command and read is a method of <see cref="PimexClient"/>,
/// every If-Match is the ETag the previous answer carried (read with Kiota's headers inspection
/// and sent back in the request configuration's headers), every refusal the generated
/// <see cref="Problem"/> with its PIMEX code.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class ShortYearTest(BackOfficeOnPostgres office) : IClassFixture<BackOfficeOnPostgres>
{
    private const string Region = "extremadura";
    private const string Kept = "B10475192";
    private const string Leaving = "B06687081";

    private static readonly Actor Manager = Api.Manager;
    private static readonly Actor Tech = Api.Tech;

    [Fact]
    public async Task AShortYear_ThroughTheGeneratedClient_EndsWithTheFiguresTheRulebookGives()
    {
        var manager = office.ClientFor(Manager);
        var tech = office.ClientFor(Tech);
        var kept = office.ClientFor(Api.Rep(Kept));
        var leaving = office.ClientFor(Api.Rep(Leaving));
        var rules = Rulebook.Extremadura.On(new NodaTime.LocalDate(2016, 12, 31)).Value;

        // The edition: opened, three group sessions, two applications, both admitted.
        var edition = new Stream();
        var opened = await edition.Run(c => manager.Regions[Region].Editions.PostAsync(new OpenEditionRequest { Year = 2016 }, c), Api.At(1, 11), ifMatch: false);
        Assert.Equal("extremadura-2016", opened.Edition);
        Assert.Equal(edition.ETag, ETagOf(opened.EditionVersion));
        await edition.Run(c => Edition(kept).Applications.PostAsync(Application(Kept), c), Api.At(1, 18));
        await edition.Run(c => Edition(leaving).Applications.PostAsync(Application(Leaving), c), Api.At(1, 19));
        (string Id, int Month, int Day)[] sessions = [("S1", 4, 20), ("S2", 5, 25), ("S3", 6, 22)];
        foreach (var session in sessions)
        {
            var date = new Date(2016, session.Month, session.Day);
            await edition.Run(c => Edition(tech).Sessions.PostAsync(new GroupSession { Id = session.Id, Date = date, Venue = "Mérida", Topic = "Session " + session.Id, Capacity = 30 }, c), Api.At(3, 1));
        }

        // Refused: a representative may not admit; the problem is the generated type, with the library's code; nothing changed.
        var forbidden = await Assert.ThrowsAsync<Problem>(() => Edition(kept).Admissions.PostAsync(new AdmitRequest { Company = Kept }, edition.Send(Api.At(3, 20))));
        Assert.Equal(403, forbidden.ResponseStatusCode);
        Assert.Equal(403, forbidden.Status);
        Assert.Equal([CommonErrors.WrongActor], forbidden.Codes);
        Assert.Equal(forbidden.Detail, forbidden.Message);
        Assert.Contains("may not", forbidden.Message, StringComparison.Ordinal);
        Assert.Equal(edition.ETag, await ETagAsync(c => Edition(manager).GetAsync(c)));

        var admitted = await edition.Run(c => Edition(manager).Admissions.PostAsync(new AdmitRequest { Company = Kept }, c), Api.At(3, 21));
        Assert.EndsWith("/" + Kept, admitted.Participant, StringComparison.Ordinal);
        await edition.Run(c => Edition(manager).Admissions.PostAsync(new AdmitRequest { Company = Leaving }, c), Api.At(3, 21));
        var figures = await Edition(manager).GetAsync();
        Assert.Equal(2, figures!.Admitted);
        Assert.Equal(0, figures.PendingApplications);

        // One company's year: technician, sessions, tutorials, SWOT and roadmap reviewed, consultancy, two claims.
        var participant = new Stream();
        participant.ETag = await ETagAsync(c => Company(manager, Kept).GetAsync(c));
        Assert.Equal(participant.ETag, ETagOf(admitted.ParticipantVersion));
        await participant.Run(c => Company(manager, Kept).Technician.PostAsync(new TechnicianRequest { Technician = Tech.Id }, c), Api.At(3, 28));
        await participant.Run(c => Company(tech, Kept).Attendance.PostAsync(new AttendanceRequest { Session = "S1" }, c), Api.At(4, 20));
        await participant.Run(c => Company(tech, Kept).Tutorials.PostAsync(Tutorial("T1", 5, 10), c), Api.At(5, 10));

        // Refused by a rule of the library: a tutorial away from the company's premises (400, its code and field); nothing changed.
        var away = Tutorial("T9", 5, 12);
        away.Venue = VenueKind.Online;
        var refused = await Assert.ThrowsAsync<Problem>(() => Company(tech, Kept).Tutorials.PostAsync(away, participant.Send(Api.At(5, 12))));
        Assert.Equal(400, refused.ResponseStatusCode);
        Assert.Contains(ParticipationErrors.TutorialNotAtPremises, refused.Codes!);
        Assert.Contains(refused.Errors!, e => e.Code == ParticipationErrors.TutorialNotAtPremises);
        Assert.Equal(participant.ETag, await ETagAsync(c => Company(manager, Kept).GetAsync(c)));

        // Refused: If-Match older than the participant (412, the version code), nothing saved.
        var stale = participant.ETag;
        await participant.Run(c => Company(tech, Kept).Attendance.PostAsync(new AttendanceRequest { Session = "S2" }, c), Api.At(5, 25));
        var late = await Assert.ThrowsAsync<Problem>(() => Company(tech, Kept).Attendance.PostAsync(new AttendanceRequest { Session = "S3" }, new Stream { ETag = stale }.Send(Api.At(6, 22))));
        Assert.Equal(412, late.ResponseStatusCode);
        Assert.Equal([CommonErrors.VersionMismatch], late.Codes);
        Assert.Equal(participant.ETag, await ETagAsync(c => Company(manager, Kept).GetAsync(c)));

        // The other company leaves.
        var other = new Stream { ETag = await ETagAsync(c => Company(manager, Leaving).GetAsync(c)) };
        await other.Run(c => Company(leaving, Leaving).Withdrawal.PostAsync(new ExitRequest { Reason = "The company was sold." }, c), Api.At(6, 1));

        await participant.Run(c => Company(tech, Kept).Attendance.PostAsync(new AttendanceRequest { Session = "S3" }, c), Api.At(6, 22));
        await participant.Run(c => Company(kept, Kept).Swot.PostAsync(Swot(), c), Api.At(7, 8));
        await participant.Run(c => Company(tech, Kept).Swot.Review.PostAsync(new ReviewRequest { Accept = true }, c), Api.At(7, 18));
        await participant.Run(c => Company(tech, Kept).Tutorials.PostAsync(Tutorial("T2", 7, 19), c), Api.At(7, 19));
        await participant.Run(c => Company(kept, Kept).Roadmap.PostAsync(Roadmap(), c), Api.At(8, 5));
        await participant.Run(c => Company(tech, Kept).Roadmap.Review.PostAsync(new ReviewRequest { Accept = false, Comment = "Name a target market per action." }, c), Api.At(8, 8));
        await participant.Run(c => Company(kept, Kept).Roadmap.PostAsync(Roadmap(), c), Api.At(8, 12));
        await participant.Run(c => Company(tech, Kept).Roadmap.Review.PostAsync(new ReviewRequest { Accept = true }, c), Api.At(8, 16));
        await participant.Run(c => Company(tech, Kept).Tutorials.PostAsync(Tutorial("T3", 9, 14), c), Api.At(9, 14));
        await participant.Run(c => Company(kept, Kept).Consultancy.PostAsync(new ConsultancyRequest { Hours = 2, Topic = "Online reputation and booking channels" }, c), Api.At(10, 13));

        // Two claims approved in full: EUR 1,200.00 and EUR 2,000.00, supported within the cap of the rulebook.
        await participant.Run(c => Company(kept, Kept).Claims.PostAsync(Claim("C1", "EUR 1200.00", 11, 2), c), Api.At(11, 3));
        await participant.Run(c => Company(tech, Kept).Claims["C1"].Verification.PostAsync(new ClaimVerification { Verdict = ClaimVerdict.ApprovedInFull }, c), Api.At(11, 9));
        await participant.Run(c => Company(kept, Kept).Claims.PostAsync(Claim("C2", "EUR 2000.00", 11, 14), c), Api.At(11, 21));
        await participant.Run(c => Company(tech, Kept).Claims["C2"].Verification.PostAsync(new ClaimVerification { Verdict = ClaimVerdict.ApprovedInFull }, c), Api.At(11, 28));
        await participant.Run(c => Company(tech, Kept).Completion.PostAsync(new EmptyRequest(), c), Api.At(12, 2));
        await participant.Run(c => Company(kept, Kept).Survey.PostAsync(Survey(), c), Api.At(12, 16));

        // The manager records a training expense on the edition, at the edition's ETag as read now.
        edition.ETag = await ETagAsync(c => Edition(manager).GetAsync(c));
        await edition.Run(c => Edition(manager).Expenses.PostAsync(new ExpenseRequest { Line = BudgetLine.Training, Amount = "EUR 395.50", Description = "Printed training materials" }, c), Api.At(12, 20));

        // What the server computed, read through the client.
        var cap = rules.Promotion.CapPerCompany.Amount;
        var consultancy = 2 * rules.Support.ConsultantHourlyRate.Amount;
        var rows = await Edition(tech).Participants.GetAsync();
        var row = Assert.Single(rows!, r => r.Company == Kept);
        Assert.Equal(nameof(ParticipantStatus.Completed), row.Status);
        Assert.Equal((3, 3, 2), (row.SessionsAttended, row.Tutorials, row.Claims));
        Assert.Equal((double)cap, row.SupportGranted);
        Assert.Equal(0d, row.ReservationLeft);
        Assert.Equal("Accepted", row.Swot);
        Assert.Equal("Accepted", row.Roadmap);
        Assert.Equal(nameof(ParticipantStatus.Withdrawn), Assert.Single(rows!, r => r.Company == Leaving).Status);

        figures = await Edition(manager).GetAsync();
        var lines = figures!.Lines!.ToDictionary(l => l.Line!, StringComparer.Ordinal);
        Assert.Equal((double)cap, lines["Actions"].Spent);
        Assert.Equal(0d, lines["Actions"].Reserved);
        Assert.Equal((double)consultancy, lines["Consultancy"].Spent);
        Assert.Equal(395.50, lines["Training"].Spent);
        Assert.All(lines.Values, l => Assert.Equal(l.Allocated - l.Spent - l.Reserved, l.Available));

        // The reports: the edition's (a manager's) and the company's aid statement (its representative's).
        var report = await Edition(manager).Report.GetAsync();
        var participants = Object(report!.AdditionalData["participants"]);
        Assert.Equal(2, Number(participants["admitted"]));
        Assert.Equal(1, Number(participants["completed"]));
        var statement = await Company(kept, Kept).AidStatement.GetAsync(c => c.QueryParameters.On = "2016-12-31");
        var aid = statement!.AdditionalData;
        Assert.Equal(Kept, aid["company"]);
        Assert.Equal(cap, Number(aid["promotionSupport"]));
        Assert.Equal(Number(aid["inKind"]) + cap, Number(aid["grantedByPimex"]));
        Assert.True(Number(aid["inKind"]) > 0, "The training and consultancy the company had are aid in kind.");
        Assert.Equal(true, aid["withinCeiling"]);
    }

    private static WithYearItemRequestBuilder Edition(PimexClient client) => client.Regions[Region].Editions[2016];

    private static WithCompanyItemRequestBuilder Company(PimexClient client, string company) => Edition(client).Participants[company];

    private static string ETagOf(long? version) => Commands.ETag(version!.Value);

    /// <summary>The ETag of a read's answer.</summary>
    private static async Task<string> ETagAsync<T>(Func<Action<RequestConfiguration<DefaultQueryParameters>>, Task<T>> read)
    {
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        await read(c => c.Options.Add(headers));
        return Assert.Single(headers.ResponseHeaders["ETag"]);
    }

    private static CompanyApplication Application(string company) => new()
    {
        Company = company,
        Region = "ES43",
        Profile = new CompanyProfile { Own = new EnterpriseFigures { Staff = 20, Turnover = "EUR 3000000.00", BalanceSheet = "EUR 2000000.00" }, Related = [] },
        DeclaredAid = [new AidReceived { Amount = "EUR 12000.00", GrantedOn = new Date(2015, 5, 4), GrantingBody = "Junta de Extremadura" }],
    };

    private static Tutorial Tutorial(string id, int month, int day) =>
        new() { Id = id, Date = new Date(2016, month, day), Venue = VenueKind.CompanyPremises, Record = "Export diagnosis with the management" };

    private static Swot Swot() => new()
    {
        Strengths = ["Quiet rural accommodation"],
        Weaknesses = ["Few direct bookings from abroad"],
        Opportunities = ["Portuguese visitors across the border"],
        Threats = ["Competition from Portugal's Alentejo"],
    };

    private static Roadmap Roadmap() => new()
    {
        Horizon = new DateInterval { Start = new Date(2016, 10, 1), End = new Date(2018, 6, 30) },
        TargetMarkets = ["PT", "GB"],
        Objectives = ["Export 20% of turnover by 2018"],
        Actions = [new RoadmapAction { Description = "Visit tour operators in Lisbon", Market = "PT", Due = new Date(2017, 3, 24) }],
        Indicators = ["Share of bookings from abroad"],
    };

    private static ExpenseClaim Claim(string id, string net, int month, int day) => new()
    {
        Id = id,
        InvoiceId = "FAC-16-" + id,
        Supplier = "B28139202",
        InvoiceDate = new Date(2016, month, day),
        Category = "tradeFair",
        Description = "Stand at a tourism fair",
        Net = net,
        Vat = "EUR 0.00",
        VatRecoverable = true,
    };

    private static SurveyAnswer Survey() => new()
    {
        Overall = 8,
        Questions = [new() { Key = "consultancy", Value = 7 }, new() { Key = "promotionSupport", Value = 9 }, new() { Key = "training", Value = 8 }, new() { Key = "tutorials", Value = 8 }],
    };

    private static Dictionary<string, UntypedNode> Object(object node) =>
        Assert.IsType<UntypedObject>(node).GetValue().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static decimal Number(object node) => node switch
    {
        UntypedInteger i => i.GetValue(),
        UntypedLong l => l.GetValue(),
        UntypedDecimal d => d.GetValue(),
        UntypedDouble d => (decimal)d.GetValue(),
        UntypedFloat f => (decimal)f.GetValue(),
        IConvertible value => value.ToDecimal(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Not a number: {node.GetType().Name}"),
    };

    /// <summary>
    /// A stream as a client sees it: the ETag its last answer carried, sent back as If-Match with
    /// the next command, with the moment the command is recorded at (a 2016 year, so a migration
    /// token's <c>Pimex-Recorded-At</c>).
    /// </summary>
    private sealed class Stream
    {
        public string? ETag { get; set; }

        public Action<RequestConfiguration<DefaultQueryParameters>> Send(Instant at, bool ifMatch = true, HeadersInspectionHandlerOption? headers = null) => c =>
        {
            c.Headers.Add(Caller.RecordedAtHeader, InstantPattern.ExtendedIso.Format(at));
            if (ifMatch)
            {
                c.Headers.Add("If-Match", ETag ?? throw new InvalidOperationException("No ETag seen yet."));
            }

            if (headers is not null)
            {
                c.Options.Add(headers);
            }
        };

        /// <summary>Sends a command with this stream's ETag as If-Match (unless told not to), and keeps the ETag it answers.</summary>
        public async Task<CommandAccepted> Run(Func<Action<RequestConfiguration<DefaultQueryParameters>>, Task<CommandAccepted?>> command, Instant at, bool ifMatch = true)
        {
            var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
            CommandAccepted? accepted = null;
            try
            {
                accepted = await command(Send(at, ifMatch, headers));
            }
            catch (Problem problem)
            {
                Assert.Fail($"Refused {problem.ResponseStatusCode}: {string.Join(", ", problem.Codes ?? [])} {problem.Detail} {string.Join("; ", problem.Errors?.Select(e => $"{e.Code} {e.Path} {e.Message}") ?? [])}");
            }

            Assert.NotNull(accepted);
            ETag = Assert.Single(headers.ResponseHeaders["ETag"]);
            return accepted;
        }
    }
}
