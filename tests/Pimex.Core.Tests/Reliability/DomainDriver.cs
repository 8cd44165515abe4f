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
using Pimex.Tests.Support;

namespace Pimex.Tests.Reliability;

/// <summary>
/// Runs model commands against the real domain: one edition opened under a rulebook with four
/// sessions scheduled, its participants, and every event of every stream, kept the way a host
/// keeps them (a refused command stores nothing).
/// </summary>
internal sealed class DomainDriver
{
    private readonly List<EditionEvent> editionEvents = [];
    private readonly Dictionary<int, List<ParticipantEvent>> participantEvents = [];

    private DomainDriver(Rulebook rulebook, Changed<Edition, EditionEvent> opened)
    {
        Rulebook = rulebook;
        Edition = opened.Aggregate;
        editionEvents.AddRange(opened.Events);
        Rules = rulebook.On(Edition.RulesDate).Value;
    }

    public Rulebook Rulebook { get; }

    public RuleSet Rules { get; }

    public Edition Edition { get; private set; }

    public Dictionary<int, Participant> Participants { get; } = [];

    public IReadOnlyList<EditionEvent> EditionEvents => editionEvents;

    public IReadOnlyDictionary<int, List<ParticipantEvent>> ParticipantEvents => participantEvents;

    /// <summary>
    /// Opens the 2016 edition of a rulebook ten days before its applications window, and
    /// schedules sessions S1..S4 the next day, on the run's dates.
    /// </summary>
    public static DomainDriver Open(Rulebook rulebook, ModelRun run)
    {
        var annuity = rulebook.Annuity(2016).Value;
        var driver = new DomainDriver(rulebook, Scenario.Must(Edition.Open(rulebook, 2016, new CommandContext(ActorFor(Who.Manager, 0), ModelTime.Opened(rulebook, annuity)))));
        for (int s = 1; s < ReferenceModel.SessionSeats.Length; s++)
        {
            var session = new GroupSession("S" + s, ModelTime.SessionDate(annuity, run, s), "Mérida", "Session " + s, ReferenceModel.SessionSeats[s]);
            driver.Track(Scenario.Must(driver.Edition.ScheduleSession(session, new CommandContext(ActorFor(Who.Technician, 0), ModelTime.Scheduled(rulebook, annuity, s)))));
        }

        return driver;
    }

    public static Actor ActorFor(Who who, int company) => who switch
    {
        Who.Representative => Actor.CompanyRepresentative(ModelActors.Id(who, company), Company(company)),
        Who.OtherRepresentative => Actor.CompanyRepresentative(ModelActors.Id(who, company), Company((company + 1) % ReliabilityArbitraries.Companies)),
        Who.Technician or Who.SecondTechnician => Actor.Technician(ModelActors.Id(who, company)),
        Who.Manager => Actor.ProgrammeManager(ModelActors.Id(who, company)),
        _ => Actor.SeniorConsultant(ModelActors.Id(who, company)),
    };

    public static CompanyId Company(int index) => new("C" + index);

    public static Money Eur(long cents) => Money.FromMinorUnits(cents, Currency.EUR);

    /// <summary>The last event of a stream as the domain has it: null when the company is not a participant.</summary>
    public Instant? LastOf(LastEventOf stream, int company) =>
        stream == LastEventOf.Edition ? Edition.LastRecordedAt : Participants.TryGetValue(company, out var p) ? p.LastRecordedAt : null;

    /// <summary>Runs one command at <paramref name="at"/>; tracks its changes when accepted.</summary>
    /// <returns>The outcome, with the result's distinct codes.</returns>
    public Outcome Execute(ModelCommand command, Instant at)
    {
        return command switch
        {
            Apply c => Run(Edition.ReceiveApplication(Application(c), Rulebook, Ctx(Who.Representative, c.Company, at)), Track),
            Admit c => Run(Edition.Admit(Company(c.Company), Rulebook, Ctx(Who.Manager, c.Company, at, c.Stale ? Edition.Version - 1 : null)), Track),
            SpendOnTraining c => Run(Edition.RecordExpense(BudgetLine.Training, Eur(c.Cents), "Trainer fees", Ctx(c.Actor, 0, at)), Track),
            _ when !Participants.TryGetValue(command.Company, out var p) => Outcome.Skipped,
            _ => OnParticipant(command, Participants[command.Company], at),
        };
    }

    /// <summary>
    /// The edition a joint command is given: the current one, or the edition as it was
    /// <paramref name="old"/> versions before the newest one the participant acted on.
    /// </summary>
    private Edition EditionFor(Participant p, int old) =>
        old == 0 ? Edition : Edition.Replay(editionEvents.Take((int)Math.Max(1, p.EditionVersionSeen - old)));

    private Outcome OnParticipant(ModelCommand command, Participant p, Instant at)
    {
        long? Stale(bool stale) => stale ? p.Version - 1 : null;
        LocalDate DateOf(FactDate fact) => ModelTime.DateOf(fact, command, at, Rulebook);
        return command switch
        {
            Attend c => Run(p.RecordAttendance(EditionFor(p, c.OldEdition), "S" + c.Session, Ctx(c.Actor, c.Company, at, Stale(c.Stale))), Track),
            HoldTutorial c => Run(
                p.RecordTutorial(new Tutorial("T" + c.Tutorial, DateOf(c.Date), c.AtPremises ? VenueKind.CompanyPremises : VenueKind.OperatorOffice, "Export diagnosis"), Ctx(c.Actor, c.Company, at)),
                Track),
            RecordPill c => Run(p.RecordTrainingPill(new TrainingPill("Strategic planning", DateOf(c.Date), c.AllowedRole ? "management" : "intern"), Ctx(c.Actor, c.Company, at)), Track),
            SubmitSwot c => Run(p.SubmitSwot(c.Complete ? Scenario.FullSwot() : Scenario.FullSwot() with { Threats = default }, Ctx(c.Actor, c.Company, at)), Track),
            ReviewSwot c => Run(p.ReviewSwot(c.Accept, c.Accept ? null : "Be more specific", Ctx(c.Actor, c.Company, at)), Track),
            SubmitRoadmap c => Run(p.SubmitRoadmap(c.Valid ? Scenario.ValidRoadmap() : Scenario.ValidRoadmap() with { Objectives = default }, Ctx(c.Actor, c.Company, at)), Track),
            ReviewRoadmap c => Run(p.ReviewRoadmap(c.Accept, c.Accept ? null : "Add indicators", Ctx(c.Actor, c.Company, at)), Track),
            SubmitClaim c => Run(p.SubmitClaim(Claim(c, DateOf(c.InvoiceDate)), Rulebook, Ctx(c.Actor, c.Company, at, Stale(c.Stale))), Track),
            VerifyClaim c => Run(
                p.VerifyClaim(EditionFor(p, c.OldEdition), "K" + c.Claim, Verification(c, p), Rulebook, Ctx(c.Actor, c.Company, at, Stale(c.Stale))),
                Track),
            RequestConsultancy c => Run(p.RequestConsultancy(EditionFor(p, c.OldEdition), c.Hours, "Export pricing", Rulebook, Ctx(c.Actor, c.Company, at, Stale(c.Stale))), Track),
            Withdraw c => Run(p.Withdraw(EditionFor(p, c.OldEdition), "Changed plans", Ctx(c.Actor, c.Company, at, Stale(c.Stale))), Track),
            Exclude c => Run(p.Exclude(EditionFor(p, c.OldEdition), "Repeated no-shows", Ctx(c.Actor, c.Company, at, Stale(c.Stale))), Track),
            AnswerSurvey c => Run(p.AnswerSurvey(new SurveyAnswer(c.Score, default), Rulebook, Ctx(c.Actor, c.Company, at)), Track),
            Complete c => Run(p.Complete(EditionFor(p, c.OldEdition), Ctx(c.Actor, c.Company, at)), Track),
            _ => throw new InvalidOperationException("Unknown command " + command),
        };
    }

    private static Outcome Run<T>(Result<T> result, Action<T> track)
        where T : class
    {
        if (!result.IsSuccess)
        {
            Assert.Null(result.Value);
            ExplainsItself(result);
            return Outcome.Of(result.Status, result.Codes());
        }

        track(result.Value);
        return Outcome.Ok;
    }

    /// <summary>
    /// A refusal explains itself: each validation error names what it is about and says why, and
    /// each conflict, refusal of the actor or missing thing reads <c>CODE: why</c>.
    /// </summary>
    private static void ExplainsItself<T>(Result<T> result)
    {
        Assert.NotEmpty(result.Codes());
        foreach (var error in result.ValidationErrors)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Identifier), $"{error.ErrorCode} names nothing");
            Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage), $"{error.ErrorCode} at {error.Identifier} says nothing");
            Assert.StartsWith("PIMEX-", error.ErrorCode, StringComparison.Ordinal);
            Assert.Null(ErrorCodes.Undeclared(error.ErrorCode, error.Identifier));
        }

        foreach (var message in result.Errors)
        {
            Assert.Matches("^PIMEX-[A-Z]+(-[A-Z]+)?-[0-9]{3}: \\S", message);
        }
    }

    private static CompanyApplication Application(Apply c)
    {
        var staff = c.Kind == ApplicantKind.Large ? 300m : 20m;
        var region = c.Kind == ApplicantKind.Elsewhere ? "PT11" : "ES43";
        var declared = ReferenceModel.Declared(c.Kind);
        AidReceived[] aid = declared > 0 ? [new AidReceived(Eur(declared), ReferenceModel.DeclaredOn(c.Kind), "Junta de Extremadura")] : [];
        return Scenario.Application(Company(c.Company).Value, staff: staff, region: region, declaredAid: aid);
    }

    private static ExpenseClaim Claim(SubmitClaim c, LocalDate invoiceDate) => new(
        "K" + c.Claim,
        "I" + c.Invoice,
        "B" + c.Supplier,
        invoiceDate,
        c.Category,
        "Stand at a trade fair",
        Eur(c.NetCents),
        Eur(c.VatCents),
        c.VatRecoverable);

    private ClaimVerification Verification(VerifyClaim c, Participant p)
    {
        var eligible = p.Claims.TryGetValue("K" + c.Claim, out var record)
            ? record.Claim.EligibleAmount(Rules.Promotion.NonRecoverableVatEligible).MinorUnits
            : 0;
        return c.Verdict switch
        {
            ClaimVerdict.ApprovedInFull => ClaimVerification.ApproveInFull(),
            ClaimVerdict.ApprovedInPart => ClaimVerification.ApproveInPart(Eur(ReferenceModel.PartialCents(c.Partial, eligible)), c.BlankReason ? " " : "Partly eligible"),
            _ => ClaimVerification.Reject(c.BlankReason ? string.Empty : "Not a promotion expense"),
        };
    }

    private static CommandContext Ctx(Who who, int company, Instant at, long? expected = null) =>
        new(ActorFor(who, company), at, expected);

    private void Track(Changed<Edition, EditionEvent> change)
    {
        Edition = change.Aggregate;
        editionEvents.AddRange(change.Events);
    }

    private void Track(Changed<Participant, ParticipantEvent> change)
    {
        int company = int.Parse(change.Aggregate.Id.Company.Value[1..], System.Globalization.CultureInfo.InvariantCulture);
        Participants[company] = change.Aggregate;
        if (!participantEvents.TryGetValue(company, out var list))
        {
            participantEvents[company] = list = [];
        }

        list.AddRange(change.Events);
    }

    private void Track(ParticipationChange change)
    {
        Track(change.Edition);
        Track(change.Participant);
    }
}
