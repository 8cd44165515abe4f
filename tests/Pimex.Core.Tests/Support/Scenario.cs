using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Tests.Support;

/// <summary>
/// A 2016 Extremadura edition driven through the domain's own verbs, for tests: it keeps the
/// edition, the participants and every event, and fails loudly when a step meant to succeed is
/// refused.
/// </summary>
internal sealed class Scenario
{
    public static readonly Actor Manager = Actor.ProgrammeManager("mgr-1");
    public static readonly Actor Tech = Actor.Technician("tech-1");
    public static readonly Actor Tech2 = Actor.Technician("tech-2");
    public static readonly Actor Consultant = Actor.SeniorConsultant("cons-1");

    /// <summary>
    /// The rulebook of another programme ("other", with Extremadura's rules): what a command is
    /// given by mistake in place of its edition's rulebook.
    /// </summary>
    public static readonly Rulebook OtherProgramme = Rulebook.Load(
        """{ "id": "other", "name": "Other", "extends": "extremadura", "annuities": {} }""",
        Rulebook.Extremadura).Value;

    private readonly List<EditionEvent> editionEvents = [];
    private readonly Dictionary<CompanyId, List<ParticipantEvent>> participantEvents = [];

    private Scenario(Rulebook rulebook, Edition edition, IEnumerable<EditionEvent> events)
    {
        Rulebook = rulebook;
        Edition = edition;
        editionEvents.AddRange(events);
    }

    public Rulebook Rulebook { get; }

    public Edition Edition { get; private set; }

    public Dictionary<CompanyId, Participant> Participants { get; } = [];

    public IReadOnlyList<EditionEvent> EditionEvents => editionEvents;

    public static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    public static Instant At(int year, int month, int day, int hour = 10) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(Rulebook.Extremadura.TimeZone).ToInstant();

    public static Instant AtDate(LocalDate date, int hour = 10) => At(date.Year, date.Month, date.Day, hour);

    public static CommandContext Ctx(Actor actor, Instant at) => new(actor, at);

    public static Actor Rep(string company) => Actor.CompanyRepresentative("rep-" + company, new CompanyId(company));

    public static CompanyApplication Application(
        string company,
        decimal staff = 20m,
        decimal turnoverEur = 3_000_000m,
        decimal balanceEur = 2_000_000m,
        string region = "ES43",
        params AidReceived[] declaredAid) =>
        new(
            new CompanyId(company),
            region,
            new CompanyProfile(new EnterpriseFigures(staff, Eur(turnoverEur), Eur(balanceEur)), default),
            new EquatableArray<AidReceived>(declaredAid));

    public static Scenario Open(Rulebook? rulebook = null, int year = 2016)
    {
        rulebook ??= Rulebook.Extremadura;
        var opened = Must(Edition.Open(rulebook, year, Ctx(Manager, At(year, 1, 10))));
        return new Scenario(rulebook, opened.Aggregate, opened.Events);
    }

    /// <summary>
    /// A default instant for an edition command: the one preferred, or a minute after the
    /// edition's last event when that is later, so that steps taken in any order stay in time order.
    /// </summary>
    public Instant Next(Instant preferred) =>
        preferred > Edition.LastRecordedAt ? preferred : Edition.LastRecordedAt + Duration.FromMinutes(1);

    public static T Must<T>(Result<T> result) =>
        result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException($"Expected success, got {result.Status}: " + string.Join("; ", result.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}").Concat(result.Errors)));

    public Scenario ApplyFor(CompanyApplication application, Instant? at = null)
    {
        var company = application.Company.Value;
        Track(Must(Edition.ReceiveApplication(application, Rulebook, Ctx(Rep(company), at ?? Next(At(2016, 2, 1))))));
        return this;
    }

    public Participant Admit(string company, Instant? at = null)
    {
        Track(Must(Edition.Admit(new CompanyId(company), Rulebook, Ctx(Manager, at ?? Next(At(2016, 2, 1, 12))))));
        return Participant(company);
    }

    /// <summary>Applies and admits a default SME.</summary>
    public Participant Join(string company) => ApplyFor(Application(company)).Admit(company);

    public Participant Participant(string company) => Participants[new CompanyId(company)];

    public IReadOnlyList<ParticipantEvent> EventsOf(string company) => participantEvents[new CompanyId(company)];

    public Scenario Track(Changed<Edition, EditionEvent> change)
    {
        Edition = change.Aggregate;
        editionEvents.AddRange(change.Events);
        return this;
    }

    public Participant Track(Changed<Participant, ParticipantEvent> change)
    {
        var company = change.Aggregate.Id.Company;
        Participants[company] = change.Aggregate;
        if (!participantEvents.TryGetValue(company, out var list))
        {
            participantEvents[company] = list = [];
        }

        list.AddRange(change.Events);
        return change.Aggregate;
    }

    public Participant Track(ParticipationChange change)
    {
        Track(change.Edition);
        return Track(change.Participant);
    }

    public Participant Do(string company, Func<Participant, Result<Changed<Participant, ParticipantEvent>>> command) =>
        Track(Must(command(Participant(company))));

    public Participant Do(string company, Func<Participant, Result<ParticipationChange>> command) =>
        Track(Must(command(Participant(company))));

    /// <summary>
    /// Schedules group sessions S1, S2... on 2 May 2016 and the days after, planned on 15 January
    /// (after the opening, before any application: each aggregate's commands come in time order).
    /// </summary>
    public Scenario ScheduleSessions(int count = 3)
    {
        for (int i = 1; i <= count; i++)
        {
            Track(Must(Edition.ScheduleSession(new GroupSession("S" + i, new LocalDate(2016, 5, 1 + i), "Mérida", "Session " + i, 40), Ctx(Tech, Next(At(2016, 1, 15))))));
        }

        return this;
    }

    public static Swot FullSwot() => new(
        new EquatableArray<string>(["Iberian ham quality"]),
        new EquatableArray<string>(["No export department"]),
        new EquatableArray<string>(["Growing demand in Portugal"]),
        new EquatableArray<string>(["Currency risk outside the euro area"]));

    public static Roadmap ValidRoadmap() => new(
        new DateInterval(new LocalDate(2016, 10, 1), new LocalDate(2018, 12, 31)),
        new EquatableArray<string>(["PT", "FR"]),
        new EquatableArray<string>(["First export sale in Portugal"]),
        new EquatableArray<RoadmapAction>([new RoadmapAction("Attend SISAB Lisbon", "PT", new LocalDate(2017, 2, 15))]),
        new EquatableArray<string>(["Export share of turnover"]));

    /// <summary>Drives a participant through its whole commitment and both deliverables.</summary>
    public Participant Train(string company)
    {
        var rep = Rep(company);
        foreach (var session in Edition.Sessions.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            Do(company, p => p.RecordAttendance(Edition, session, Ctx(Tech, At(2016, 5, 31))));
        }

        for (int i = 1; i <= Rulebook.Extremadura.On(Edition.RulesDate).Value.Commitment.Tutorials; i++)
        {
            Do(company, p => p.RecordTutorial(new Tutorial("T" + i, new LocalDate(2016, 6, i), VenueKind.CompanyPremises, "Export diagnosis"), Ctx(Tech, At(2016, 6, i))));
        }

        Do(company, p => p.SubmitSwot(FullSwot(), Ctx(rep, At(2016, 7, 1))));
        Do(company, p => p.ReviewSwot(true, null, Ctx(Tech, At(2016, 7, 2))));
        Do(company, p => p.SubmitRoadmap(ValidRoadmap(), Ctx(rep, At(2016, 9, 1))));
        return Do(company, p => p.ReviewRoadmap(true, null, Ctx(Tech, At(2016, 9, 2))));
    }

    /// <summary>
    /// A 2016 edition with sessions and one company that completed the programme on
    /// 1 November 2016: what a survey needs.
    /// </summary>
    public static Scenario Completed(string company)
    {
        var s = Open().ScheduleSessions();
        s.Join(company);
        s.Train(company);
        s.Do(company, p => p.Complete(s.Edition, Ctx(Tech, At(2016, 11, 1))));
        return s;
    }

    public static ExpenseClaim Claim(string id, decimal net, string category = "tradeFair", string? invoice = null, string supplier = "B11111111", LocalDate? date = null, decimal vat = 0m, bool vatRecoverable = true) =>
        new(id, invoice ?? "INV-" + id, supplier, date ?? new LocalDate(2016, 10, 1), category, "Stand at a trade fair", Eur(net), Eur(vat), vatRecoverable);

    public Participant SubmitClaim(string company, ExpenseClaim claim) =>
        Do(company, p => p.SubmitClaim(claim, Rulebook, Ctx(Rep(company), At(2016, 10, 5))));

    public Participant Verify(string company, string claimId, ClaimVerification verification, Actor? verifier = null, Instant? at = null) =>
        Do(company, p => p.VerifyClaim(Edition, claimId, verification, Rulebook, Ctx(verifier ?? Tech, at ?? At(2016, 10, 20))));
}
