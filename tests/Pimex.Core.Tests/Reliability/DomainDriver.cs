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
        Dates = new ModelDates(Edition.Annuity);
        Rules = rulebook.On(Edition.RulesDate).Value;
    }

    public Rulebook Rulebook { get; }

    public RuleSet Rules { get; }

    public ModelDates Dates { get; }

    public Edition Edition { get; private set; }

    public Dictionary<int, Participant> Participants { get; } = [];

    public IReadOnlyList<EditionEvent> EditionEvents => editionEvents;

    public IReadOnlyDictionary<int, List<ParticipantEvent>> ParticipantEvents => participantEvents;

    public static DomainDriver Open(Rulebook rulebook, int year = 2016)
    {
        var annuity = rulebook.Annuity(year).Value;
        var driver = new DomainDriver(rulebook, Scenario.Must(Edition.Open(rulebook, year, Context(Who.Manager, 0, annuity.Applications.Start.PlusDays(-5), null, rulebook))));
        for (int s = 1; s < ReferenceModel.SessionSeats.Length; s++)
        {
            var session = new GroupSession("S" + s, annuity.Training.Start.PlusDays(7 * s), "Mérida", "Session " + s, ReferenceModel.SessionSeats[s]);
            driver.Track(Scenario.Must(driver.Edition.ScheduleSession(session, Context(Who.Technician, 0, annuity.Applications.End, null, rulebook))));
        }

        return driver;
    }

    public static Actor ActorFor(Who who, int company) => who switch
    {
        Who.Representative => Actor.Representative(ModelDates.ActorId(who, company), Company(company)),
        Who.OtherRepresentative => Actor.Representative(ModelDates.ActorId(who, company), Company((company + 1) % ReliabilityArbitraries.Companies)),
        Who.Technician or Who.SecondTechnician => Actor.Technician(ModelDates.ActorId(who, company)),
        Who.Manager => Actor.Manager(ModelDates.ActorId(who, company)),
        _ => Actor.Consultant(ModelDates.ActorId(who, company)),
    };

    public static CompanyId Company(int index) => new("C" + index);

    public static Money Eur(long cents) => Money.FromMinorUnits(cents, Currency.EUR);

    /// <summary>Runs one command; tracks its changes when accepted.</summary>
    /// <returns>The outcome, with the result's distinct codes.</returns>
    public Outcome Execute(ModelCommand command)
    {
        return command switch
        {
            Apply c => Run(Edition.ReceiveApplication(Application(c), Rulebook, Ctx(Who.Representative, c.Company, c.Late ? Dates.LateApplication : Dates.Application)), Track),
            Admit c => Run(Edition.Admit(Company(c.Company), Rulebook, Ctx(Who.Manager, c.Company, Dates.Admission, c.Stale ? Edition.Version - 1 : null)), Track),
            SpendOnTraining c => Run(Edition.RecordExpense(BudgetLine.Training, Eur(c.Cents), "Trainer fees", Ctx(c.Actor, 0, Dates.Training)), Track),
            _ when !Participants.TryGetValue(command.Company, out var p) => Outcome.Skipped,
            _ => OnParticipant(command, Participants[command.Company]),
        };
    }

    private Outcome OnParticipant(ModelCommand command, Participant p)
    {
        long? Stale(bool stale) => stale ? p.Version - 1 : null;
        return command switch
        {
            Attend c => Run(p.RecordAttendance(Edition, "S" + c.Session, Ctx(c.Actor, c.Company, Dates.Training, Stale(c.Stale))), Track),
            HoldTutorial c => Run(
                p.RecordTutorial(
                    new Tutorial("T" + c.Tutorial, c.InWindow ? Dates.Training : Dates.OutsideTraining, c.AtPremises ? VenueKind.CompanyPremises : VenueKind.OperatorOffice, "Export diagnosis"),
                    Ctx(c.Actor, c.Company, Dates.Training)),
                Track),
            SubmitSwot c => Run(p.SubmitSwot(c.Complete ? Scenario.FullSwot() : Scenario.FullSwot() with { Threats = default }, Ctx(c.Actor, c.Company, Dates.Training)), Track),
            ReviewSwot c => Run(p.ReviewSwot(c.Accept, c.Accept ? null : "Be more specific", Ctx(c.Actor, c.Company, Dates.Training)), Track),
            SubmitRoadmap c => Run(p.SubmitRoadmap(c.Valid ? Scenario.ValidRoadmap() : Scenario.ValidRoadmap() with { Objectives = default }, Ctx(c.Actor, c.Company, Dates.Training)), Track),
            ReviewRoadmap c => Run(p.ReviewRoadmap(c.Accept, c.Accept ? null : "Add indicators", Ctx(c.Actor, c.Company, Dates.Training)), Track),
            SubmitClaim c => Run(p.SubmitClaim(Claim(c), Rulebook, Ctx(c.Actor, c.Company, Dates.Invoice.PlusDays(5), Stale(c.Stale))), Track),
            VerifyClaim c => Run(
                p.VerifyClaim(Edition, "K" + c.Claim, Verification(c, p), Rulebook, Ctx(c.Actor, c.Company, c.InOctober ? Dates.OctoberGrant : Dates.MayGrant, Stale(c.Stale))),
                Track),
            RequestConsultancy c => Run(p.RequestConsultancy(Edition, c.HalfHours / 2m, "Export pricing", Rulebook, Ctx(c.Actor, c.Company, Dates.Training, Stale(c.Stale))), Track),
            Withdraw c => Run(p.Withdraw(Edition, "Changed plans", Ctx(c.Actor, c.Company, Dates.Training, Stale(c.Stale))), Track),
            AnswerSurvey c => Run(p.AnswerSurvey(new SurveyAnswer(c.Score, default), Rulebook, Ctx(c.Actor, c.Company, Dates.OctoberGrant)), Track),
            Complete c => Run(p.Complete(Edition, Ctx(c.Actor, c.Company, Dates.OctoberGrant)), Track),
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

    private ExpenseClaim Claim(SubmitClaim c) => new(
        "K" + c.Claim,
        "I" + c.Invoice,
        "B" + c.Supplier,
        c.InWindow ? Dates.Invoice : Dates.OutsideExpenses,
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

    private CommandContext Ctx(Who who, int company, LocalDate date, long? expected = null) =>
        Context(who, company, date, expected, Rulebook);

    private static CommandContext Context(Who who, int company, LocalDate date, long? expected, Rulebook rulebook) =>
        new(ActorFor(who, company), date.At(new LocalTime(10, 0)).InZoneStrictly(rulebook.TimeZone).ToInstant(), expected);

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
