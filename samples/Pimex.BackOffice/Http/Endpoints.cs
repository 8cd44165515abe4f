using Marten;
using NodaTime;
using NodaTime.Text;
using Pimex.BackOffice.Store;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;
using Pimex.Promotion;

namespace Pimex.BackOffice.Http;

/// <summary>
/// The back office's HTTP API: one endpoint per verb of the library, and the reports. Every
/// route sits under <c>/regions/{region}</c>, the tenant; commands answer 200 with the new
/// versions and an ETag, refusals answer an RFC 9457 problem.
/// </summary>
public static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var region = app.MapGroup("/regions/{region}").RequireAuthorization().WithTags("PIMEX");
        region.MapPost("/editions", OpenEditionAsync).Accepts<OpenEditionRequest>("application/json").Produces<CommandAccepted>(StatusCodes.Status201Created).WithName("OpenEdition");
        region.MapGet("/programme/report", ProgrammeReportAsync).Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, "application/json", "text/plain").WithName("ProgrammeReport");

        var companies = region.MapGroup("/companies/{company}").AddEndpointFilter(PathSegments.FilterAsync);
        companies.MapGet("/", CompanyDirectory.GetAsync).Produces<CompanyNameView>().WithName("GetCompanyName");
        companies.MapPut("/", CompanyDirectory.SetAsync).Accepts<CompanyNameRequest>("application/json").Produces<CompanyNameView>().WithName("SetCompanyName");

        var edition = region.MapGroup("/editions/{year:int}");
        edition.MapGet("/", GetEditionAsync).Produces<EditionFiguresView>().WithName("GetEdition");
        edition.MapGet("/figures", GetFiguresAsync).Produces<EditionFiguresView>().WithName("GetEditionFigures");
        edition.MapGet("/report", EditionReportAsync).Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, "application/json", "text/plain").WithName("EditionReport");
        edition.MapGet("/participants", ListParticipantsAsync).Produces<IReadOnlyList<ParticipantView>>().WithName("ListParticipants");
        OnEdition<CompanyApplication>(edition, "/applications", "ReceiveApplication", (s, b) => s.Edition.ReceiveApplication(b, s.Caller.Rulebook, s.Caller.Context));
        OnEdition<GroupSession>(edition, "/sessions", "ScheduleSession", (s, b) => s.Edition.ScheduleSession(b, s.Caller.Context));
        OnEdition<ExpenseRequest>(edition, "/expenses", "RecordExpense", (s, b) => s.Edition.RecordExpense(b.Line, b.Amount, b.Description, s.Caller.Context));
        edition.MapPost("/admissions", (HttpContext http, string region, int year) => WithBody<AdmitRequest>(http, b =>
                Commands.RunAsync(http, region, year, null, s => Outcome.Of(s.Edition.Admit(b.Company, s.Caller.Rulebook, s.Caller.Context)), StatusCodes.Status201Created)))
            .Accepts<AdmitRequest>("application/json").Produces<CommandAccepted>(StatusCodes.Status201Created).WithName("Admit");

        var participant = edition.MapGroup("/participants/{company}").AddEndpointFilter(PathSegments.FilterAsync);
        participant.MapGet("/", GetParticipantAsync).Produces<ParticipantView>().WithName("GetParticipant");
        participant.MapGet("/aid-statement", AidStatementAsync).Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, "application/json", "text/plain").WithName("AidStatement");
        OnParticipant<TechnicianRequest>(participant, "/technician", "AssignTechnician", (s, b) => Outcome.Of(s.RequiredParticipant.AssignTechnician(b.Technician, s.Caller.Rulebook, s.Caller.Context)));
        OnParticipant<AttendanceRequest>(participant, "/attendance", "RecordAttendance", (s, b) => Outcome.Of(s.RequiredParticipant.RecordAttendance(s.Edition, b.Session, s.Caller.Context)));
        OnParticipant<Tutorial>(participant, "/tutorials", "RecordTutorial", (s, b) => Outcome.Of(s.RequiredParticipant.RecordTutorial(b, s.Caller.Context)));
        OnParticipant<TrainingPill>(participant, "/pills", "RecordTrainingPill", (s, b) => Outcome.Of(s.RequiredParticipant.RecordTrainingPill(b, s.Caller.Context)));
        OnParticipant<ConsultancyRequest>(participant, "/consultancy", "RequestConsultancy", (s, b) => Outcome.Of(s.RequiredParticipant.RequestConsultancy(s.Edition, b.Hours, b.Topic, s.Caller.Rulebook, s.Caller.Context)));
        OnParticipant<Swot>(participant, "/swot", "SubmitSwot", (s, b) => Outcome.Of(s.RequiredParticipant.SubmitSwot(b, s.Caller.Context)));
        OnParticipant<ReviewRequest>(participant, "/swot/review", "ReviewSwot", (s, b) => Outcome.Of(s.RequiredParticipant.ReviewSwot(b.Accept, b.Comment, s.Caller.Context)));
        OnParticipant<Roadmap>(participant, "/roadmap", "SubmitRoadmap", (s, b) => Outcome.Of(s.RequiredParticipant.SubmitRoadmap(b, s.Caller.Context)));
        OnParticipant<ReviewRequest>(participant, "/roadmap/review", "ReviewRoadmap", (s, b) => Outcome.Of(s.RequiredParticipant.ReviewRoadmap(b.Accept, b.Comment, s.Caller.Context)));
        OnParticipant<ExpenseClaim>(participant, "/claims", "SubmitClaim", (s, b) => Outcome.Of(s.RequiredParticipant.SubmitClaim(b, s.Caller.Rulebook, s.Caller.Context)));
        OnParticipant<SurveyAnswer>(participant, "/survey", "AnswerSurvey", (s, b) => Outcome.Of(s.RequiredParticipant.AnswerSurvey(b, s.Caller.Rulebook, s.Caller.Context)));
        OnParticipant<EmptyRequest>(participant, "/completion", "Complete", (s, _) => Outcome.Of(s.RequiredParticipant.Complete(s.Edition, s.Caller.Context)));
        OnParticipant<ExitRequest>(participant, "/withdrawal", "Withdraw", (s, b) => Outcome.Of(s.RequiredParticipant.Withdraw(s.Edition, b.Reason, s.Caller.Context)));
        OnParticipant<ExitRequest>(participant, "/exclusion", "Exclude", (s, b) => Outcome.Of(s.RequiredParticipant.Exclude(s.Edition, b.Reason, s.Caller.Context)));
        participant.MapPost("/claims/{claim}/verification", (HttpContext http, string region, int year, string company, string claim) => WithBody<ClaimVerification>(http, b =>
                Commands.RunAsync(http, region, year, company, s => Outcome.Of(s.RequiredParticipant.VerifyClaim(s.Edition, claim, b, s.Caller.Rulebook, s.Caller.Context)))))
            .Accepts<ClaimVerification>("application/json").Produces<CommandAccepted>().WithName("VerifyClaim");
    }

    private static void OnEdition<TBody>(RouteGroupBuilder group, string path, string name, Func<Scope, TBody, Ardalis.Result.Result<Changed<Edition, EditionEvent>>> verb)
        where TBody : class =>
        group.MapPost(path, (HttpContext http, string region, int year) => WithBody<TBody>(http, b =>
                Commands.RunAsync(http, region, year, null, s => Outcome.Of(verb(s, b)))))
            .Accepts<TBody>("application/json").Produces<CommandAccepted>().WithName(name);

    private static void OnParticipant<TBody>(RouteGroupBuilder group, string path, string name, Func<Scope, TBody, Ardalis.Result.Result<Outcome>> verb)
        where TBody : class =>
        group.MapPost(path, (HttpContext http, string region, int year, string company) => WithBody<TBody>(http, b =>
                Commands.RunAsync(http, region, year, company, s => verb(s, b))))
            .Accepts<TBody>("application/json").Produces<CommandAccepted>().WithName(name);

    private static async Task<IResult> WithBody<TBody>(HttpContext http, Func<TBody, Task<IResult>> then)
        where TBody : class
    {
        // Who calls comes before what is sent: a caller of another region learns nothing from a 400.
        var (_, refusal) = Caller.Resolve(http, (string)http.GetRouteValue("region")!, requireIfMatch: false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (typeof(TBody) == typeof(EmptyRequest) && (http.Request.ContentLength ?? 0) == 0)
        {
            return await then((TBody)(object)new EmptyRequest());
        }

        var (body, bad) = await Caller.ReadBodyAsync<TBody>(http);
        return body is null ? bad! : await then(body);
    }

    private static async Task<IResult> OpenEditionAsync(HttpContext http, string region)
    {
        var (caller, refusal) = Caller.Resolve(http, region, requireIfMatch: false);
        if (caller is null)
        {
            return refusal!;
        }

        var (body, bad) = await Caller.ReadBodyAsync<OpenEditionRequest>(http);
        if (body is null)
        {
            return bad!;
        }

        var opened = Edition.Open(caller.Rulebook, body.Year, caller.Context);
        if (!opened.IsSuccess)
        {
            return Problems.From(opened, ifMatchGiven: false);
        }

        await using var session = http.RequestServices.GetRequiredService<IDocumentStore>().LightweightSession(caller.Region);
        var streams = new EventStreams(session);
        var edition = opened.Value.Aggregate;
        streams.Stage(edition.Id.ToString(), opened.Value);
        session.Store(EditionFiguresView.Of(edition));
        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception e) when (EventStreams.IsConcurrencyFailure(e))
        {
            return Problems.Of(StatusCodes.Status409Conflict, Problems.AlreadyOpen, $"The edition {edition.Id} is already open.");
        }

        http.Response.Headers.ETag = Commands.ETag(edition.Version);
        return Results.Json(
            new CommandAccepted(edition.Id.ToString(), edition.Version, null, null, [.. opened.Value.Events.Select(e => e.GetType().Name)]),
            BackOfficeJson.Options,
            statusCode: StatusCodes.Status201Created);
    }

    private static async Task<(Caller? Caller, IDocumentSession? Session, IResult? Refusal)> ReadScopeAsync(HttpContext http, string region, string? company)
    {
        var (caller, refusal) = Caller.Resolve(http, region, requireIfMatch: false);
        if (caller is null)
        {
            return (null, null, refusal);
        }

        bool staff = caller.Actor.Role != ActorRole.CompanyRepresentative;
        if (!staff && (company is null || !caller.Actor.Represents(new CompanyId(company))))
        {
            return (null, null, Problems.Of(StatusCodes.Status403Forbidden, Problems.NotYours, "A company representative reads its own company's participation only."));
        }

        return (caller, http.RequestServices.GetRequiredService<IDocumentStore>().LightweightSession(ReportQueries.SnapshotReads(caller.Region)), null);
    }

    private static async Task<IResult> GetEditionAsync(HttpContext http, string region, int year)
    {
        var (caller, session, refusal) = await ReadScopeAsync(http, region, null);
        if (caller is null)
        {
            return refusal!;
        }

        await using (session)
        {
            var edition = await new EventStreams(session!).LoadEditionAsync(new EditionId(caller.Rulebook.Id, year), http.RequestAborted);
            if (edition is null)
            {
                return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, $"No edition {year} in region {region}.");
            }

            http.Response.Headers.ETag = Commands.ETag(edition.Version);
            return Results.Json(EditionFiguresView.Of(edition), BackOfficeJson.Options);
        }
    }

    private static async Task<IResult> GetFiguresAsync(HttpContext http, string region, int year)
    {
        var (caller, session, refusal) = await ReadScopeAsync(http, region, null);
        if (caller is null)
        {
            return refusal!;
        }

        await using (session)
        {
            var view = await session!.LoadAsync<EditionFiguresView>(new EditionId(caller.Rulebook.Id, year).ToString(), http.RequestAborted);
            if (view is null)
            {
                return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, $"No edition {year} in region {region}.");
            }

            http.Response.Headers.ETag = Commands.ETag(view.Version);
            return Results.Json(view, BackOfficeJson.Options);
        }
    }

    private static async Task<IResult> ListParticipantsAsync(HttpContext http, string region, int year)
    {
        var (caller, session, refusal) = await ReadScopeAsync(http, region, null);
        if (caller is null)
        {
            return refusal!;
        }

        await using (session)
        {
            var id = new EditionId(caller.Rulebook.Id, year).ToString();
            var rows = await session!.Query<ParticipantView>().Where(v => v.Edition == id).OrderBy(v => v.Company).ToListAsync(http.RequestAborted);
            return Results.Json(rows, BackOfficeJson.Options);
        }
    }

    private static async Task<IResult> GetParticipantAsync(HttpContext http, string region, int year, string company)
    {
        var (caller, session, refusal) = await ReadScopeAsync(http, region, company);
        if (caller is null)
        {
            return refusal!;
        }

        await using (session)
        {
            var participant = await new EventStreams(session!).LoadParticipantAsync(new ParticipantId(new EditionId(caller.Rulebook.Id, year), new CompanyId(company)), http.RequestAborted);
            if (participant is null)
            {
                return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, $"{company} is not a participant of the {year} edition.");
            }

            http.Response.Headers.ETag = Commands.ETag(participant.Version);
            return Results.Json(ParticipantView.Of(participant), BackOfficeJson.Options);
        }
    }

    private static async Task<IResult> EditionReportAsync(HttpContext http, string region, int year, string? format)
    {
        var (caller, session, refusal) = await ReadScopeAsync(http, region, null);
        if (caller is null)
        {
            return refusal!;
        }

        await using (session)
        {
            var report = await ReportQueries.EditionReportAsync(session!, caller.Rulebook, year, http.RequestAborted);
            if (report is null)
            {
                return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, $"No edition {year} in region {region}.");
            }

            if (!report.IsSuccess)
            {
                return Problems.From(report, ifMatchGiven: false);
            }

            return string.Equals(format, "text", StringComparison.OrdinalIgnoreCase)
                ? Results.Text(report.Value.ToText(), "text/plain; charset=utf-8")
                : Results.Text(report.Value.ToJson(), "application/json; charset=utf-8");
        }
    }

    private static async Task<IResult> ProgrammeReportAsync(HttpContext http, string region)
    {
        var (caller, session, refusal) = await ReadScopeAsync(http, region, null);
        if (caller is null)
        {
            return refusal!;
        }

        await using (session)
        {
            var programme = await ReportQueries.ProgrammeReportAsync(session!, caller.Rulebook, http.RequestAborted);
            return programme.IsSuccess
                ? Results.Text(programme.Value.ToJson(), "application/json; charset=utf-8")
                : Problems.From(programme, ifMatchGiven: false);
        }
    }

    private static async Task<IResult> AidStatementAsync(HttpContext http, string region, int year, string company, string? on)
    {
        var (caller, session, refusal) = await ReadScopeAsync(http, region, company);
        if (caller is null)
        {
            return refusal!;
        }

        var date = caller.At.InZone(caller.Rulebook.TimeZone).Date;
        if (!string.IsNullOrEmpty(on))
        {
            var parsed = LocalDatePattern.Iso.Parse(on);
            if (!parsed.Success)
            {
                return Problems.Of(StatusCodes.Status400BadRequest, Problems.MalformedBody, "'on' is a date such as 2016-12-31.", "on");
            }

            date = parsed.Value;
        }

        await using (session)
        {
            var participant = await new EventStreams(session!).LoadParticipantAsync(new ParticipantId(new EditionId(caller.Rulebook.Id, year), new CompanyId(company)), http.RequestAborted);
            if (participant is null)
            {
                return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, $"{company} is not a participant of the {year} edition.");
            }

            var statement = AidStatement.Create(participant, caller.Rulebook, date);
            return statement.IsSuccess
                ? Results.Text(statement.Value.ToJson(), "application/json; charset=utf-8")
                : Problems.From(statement, ifMatchGiven: false);
        }
    }
}
