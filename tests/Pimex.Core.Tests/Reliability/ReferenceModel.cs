using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Tests.Reliability;

/// <summary>What the model predicts for a command: a status and the distinct error codes, sorted.</summary>
/// <param name="Status">The result's status.</param>
/// <param name="Codes">The error codes.</param>
public sealed record Outcome(ResultStatus Status, string Codes)
{
    public static readonly Outcome Ok = new(ResultStatus.Ok, string.Empty);

    /// <summary>Nothing to do: the command is about a company that is not a participant.</summary>
    public static readonly Outcome Skipped = new(ResultStatus.Unavailable, "skipped");

    public static Outcome Of(ResultStatus status, IEnumerable<string> codes) =>
        new(status, string.Join(",", codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));

    public static Outcome Refused(ResultStatus status, params string[] codes) => Of(status, codes);
}

/// <summary>
/// A deliberately plain model of an edition and its participants: counts, sets, instants and euro
/// cents in dictionaries, each rule written out again from the rulebook's numbers in the order
/// the domain checks them. It predicts whether each command is accepted (or why not) and what
/// every balance is after it.
/// </summary>
/// <remarks>
/// Time, as the model reads the rules: a command's instant must lie in years 1 to 9998 (UTC)
/// (TIME-005), and not before the last event of the participant it changes nor, for a command
/// that changes the edition too, before the edition's (TIME-001). A session attended, a
/// tutorial, a pill or an invoice is not dated after the command's local date (TIME-002), and a
/// training fact not before the admission (TIME-003). An admission dated before the applications
/// window opens has no rules (TIME-004). The survey comes after completion (TIME-006). A joint
/// command given an edition older than one the participant acted on is refused (VER-002), one from
/// before the participant's admission is not its edition (ED-006). The checks come in the order of
/// the library's one precedence table, <see cref="CheckOrder.Stages"/>, which the model walks too:
/// actor, expected version, calendar, the aggregate's last event, a final state; then, for a joint
/// command, the edition given and the edition's last event; then the aggregate's state, a missing
/// target, and the verb's own rules.
/// </remarks>
internal sealed class ReferenceModel
{
    public static readonly int[] SessionSeats = [0, 40, 40, 2, 1];

    private readonly RuleSet rules;
    private readonly Rulebook rulebook;
    private readonly AnnuityRules annuity;
    private readonly LocalDate[] sessionDates;

    public ReferenceModel(Rulebook rulebook, AnnuityRules annuity, ModelRun run)
    {
        this.rulebook = rulebook;
        this.annuity = annuity;
        rules = rulebook.On(annuity.Applications.Start).Value;
        sessionDates = [default, .. Enumerable.Range(1, SessionSeats.Length - 1).Select(s => ModelTime.SessionDate(annuity, run, s))];
        EditionLast = ModelTime.Scheduled(rulebook, annuity, SessionSeats.Length - 1);
        Allocated[BudgetLine.Actions] = Cents(annuity.Budget.Actions);
        Allocated[BudgetLine.Training] = Cents(annuity.Budget.Training);
        Allocated[BudgetLine.Consultancy] = Cents(annuity.Budget.Consultancy);
        foreach (var line in Enum.GetValues<BudgetLine>())
        {
            Reserved[line] = 0;
            Spent[line] = 0;
        }

        CapCents = Cents(rules.Promotion.CapPerCompany);
        InKindCents = rules.Aid.InKindValuation == InKindValuation.BudgetShare
            ? RoundCents((decimal)(Allocated[BudgetLine.Training] + Allocated[BudgetLine.Consultancy]) / annuity.Capacity)
            : 0;
    }

    public long EditionVersion { get; private set; } = 1 + 4; // opened, then four sessions scheduled

    /// <summary>The instant of the edition's last event.</summary>
    public Instant EditionLast { get; private set; }

    /// <summary>
    /// Why the last command predicted was refused for time, when it was: "participant" or
    /// "edition" for TIME-001, by whose last event.
    /// </summary>
    public string? BackInTimeOf { get; private set; }

    public Dictionary<BudgetLine, long> Allocated { get; } = [];

    public Dictionary<BudgetLine, long> Reserved { get; } = [];

    public Dictionary<BudgetLine, long> Spent { get; } = [];

    public long ReleasedCents { get; private set; }

    public Dictionary<int, (LocalDate AppliedOn, ApplicantKind Kind)> Applications { get; } = [];

    public Dictionary<int, ModelParticipant> Participants { get; } = [];

    public int[] Attendance { get; } = new int[SessionSeats.Length];

    public long CapCents { get; }

    public long InKindCents { get; }

    public static long Cents(Pimex.Monetary.Money money) => money.MinorUnits;

    public long Available(BudgetLine line) => Allocated[line] - Reserved[line] - Spent[line];

    /// <summary>The last event of a stream, for back-dated commands: null when the company is not a participant.</summary>
    public Instant? LastOf(LastEventOf stream, int company) =>
        stream == LastEventOf.Edition ? EditionLast : Participants.TryGetValue(company, out var p) ? p.Last : null;

    public Outcome Predict(ModelCommand command, Instant at)
    {
        BackInTimeOf = null;
        return command switch
        {
            Apply c => DoApply(c, at),
            Admit c => DoAdmit(c, at),
            SpendOnTraining c => DoSpendOnTraining(c, at),
            _ when !Participants.TryGetValue(command.Company, out var p) => Outcome.Skipped,
            Attend c => DoAttend(c, Participants[c.Company], at),
            HoldTutorial c => DoTutorial(c, Participants[c.Company], at),
            RecordPill c => DoPill(c, Participants[c.Company], at),
            SubmitSwot c => DoSubmitSwot(c, Participants[c.Company], at),
            ReviewSwot c => DoReviewSwot(c, Participants[c.Company], at),
            SubmitRoadmap c => DoSubmitRoadmap(c, Participants[c.Company], at),
            ReviewRoadmap c => DoReviewRoadmap(c, Participants[c.Company], at),
            SubmitClaim c => DoSubmitClaim(c, Participants[c.Company], at),
            VerifyClaim c => DoVerify(c, Participants[c.Company], at),
            RequestConsultancy c => DoConsultancy(c, Participants[c.Company], at),
            Withdraw c => DoExit(Participants[c.Company], c.Actor is Who.Representative or Who.Manager, c.Stale, c.OldEdition, ParticipantStatus.Withdrawn, at),
            Exclude c => DoExit(Participants[c.Company], c.Actor == Who.Manager, c.Stale, c.OldEdition, ParticipantStatus.Excluded, at),
            AnswerSurvey c => DoSurvey(c, Participants[c.Company], at),
            Complete c => DoComplete(c, Participants[c.Company], at),
            _ => throw new InvalidOperationException("Unknown command " + command),
        };
    }

    /// <summary>The partial amount a verifier approves, from the claim's eligible amount.</summary>
    public static long PartialCents(PartialAmount partial, long eligible) => partial switch
    {
        PartialAmount.Zero => 0,
        PartialAmount.OneCent => 1,
        PartialAmount.Half => eligible / 2,
        PartialAmount.EligibleLessACent => eligible - 1,
        PartialAmount.Eligible => eligible,
        _ => eligible + 1,
    };

    public static long Declared(ApplicantKind kind) => kind switch
    {
        ApplicantKind.SomeAid => 1_800_00,
        ApplicantKind.NearCeiling => 199_000_00,
        ApplicantKind.OldAid => 250_000_00,
        _ => 0,
    };

    public static LocalDate DeclaredOn(ApplicantKind kind) =>
        kind == ApplicantKind.OldAid ? new LocalDate(2012, 6, 1) : new LocalDate(2015, 6, 1);

    private static long RoundCents(decimal cents) => (long)decimal.Round(cents, 0, MidpointRounding.AwayFromZero);

    private static bool Within(DateInterval window, LocalDate date) => window.Start <= date && date <= window.End;

    /// <summary>The local date of an instant in the programme's zone (only asked of instants in the calendar).</summary>
    private LocalDate DateOf(Instant at) => at.InZone(rulebook.TimeZone).Date;

    /// <summary>
    /// The checks every edition verb makes first, walked in the library's order
    /// (<see cref="CheckOrder.Stages"/>): actor, expected version, calendar, the edition's last event.
    /// </summary>
    private Outcome? EditionPrecheck(bool actorAllowed, bool stale, Instant at) =>
        Walk(actorAllowed ? null : Outcome.Refused(ResultStatus.Forbidden, CommonErrors.WrongActor), stale, at, last: EditionLast, whose: "edition", final: null);

    /// <summary>The calendar and the edition's last event, for a command that changes the edition besides a participant.</summary>
    private Outcome? EditionTime(Instant at) => Walk(forbidden: null, stale: false, at, last: EditionLast, whose: "edition", final: null);

    /// <summary>
    /// The checks every verb makes first, one stage after another in the order of the library's
    /// one precedence table (<see cref="CheckOrder.Stages"/>): the first stage that refuses decides.
    /// </summary>
    private Outcome? Walk(Outcome? forbidden, bool stale, Instant at, Instant last, string whose, Outcome? final)
    {
        foreach (var stage in CheckOrder.Stages)
        {
            var refused = stage switch
            {
                CheckStage.Actor => forbidden,
                CheckStage.Version => stale ? Outcome.Refused(ResultStatus.Conflict, CommonErrors.VersionMismatch) : null,
                CheckStage.Calendar => ModelTime.InCalendar(at) ? null : Outcome.Refused(ResultStatus.Invalid, TimeErrors.OutsideCalendar),
                CheckStage.LastEvent => at < last ? BackInTime(whose) : null,
                CheckStage.Final => final,
                _ => null,
            };
            if (refused is not null)
            {
                return refused;
            }
        }

        return null;
    }

    private Outcome BackInTime(string whose)
    {
        BackInTimeOf = whose;
        return Outcome.Refused(ResultStatus.Conflict, TimeErrors.BeforeLastEvent);
    }

    private Outcome DoApply(Apply c, Instant at)
    {
        if (EditionPrecheck(actorAllowed: true, stale: false, at) is { } refused)
        {
            return refused;
        }

        if (Applications.ContainsKey(c.Company) || Participants.ContainsKey(c.Company))
        {
            return Outcome.Refused(ResultStatus.Conflict, AdmissionErrors.AlreadyApplied);
        }

        Applications[c.Company] = (DateOf(at), c.Kind);
        EditionChanged(1, at);
        return Outcome.Ok;
    }

    private Outcome DoAdmit(Admit c, Instant at)
    {
        if (EditionPrecheck(actorAllowed: true, c.Stale, at) is { } refused)
        {
            return refused;
        }

        if (Participants.ContainsKey(c.Company))
        {
            return Outcome.Refused(ResultStatus.Conflict, AdmissionErrors.AlreadyDecided);
        }

        if (!Applications.TryGetValue(c.Company, out var application))
        {
            return Outcome.Refused(ResultStatus.NotFound, AdmissionErrors.NotApplied);
        }

        // The edition's rules are those of the first day of its applications window: an
        // admission dated before it has none.
        var today = DateOf(at);
        if (today < annuity.Applications.Start)
        {
            return Outcome.Refused(ResultStatus.Invalid, TimeErrors.NoRulesInForce);
        }

        var broken = new List<string>();
        if (Participants.Count >= annuity.Capacity)
        {
            broken.Add(AdmissionErrors.CapacityReached);
        }

        if (!Within(annuity.Applications, application.AppliedOn))
        {
            broken.Add(AdmissionErrors.OutsideApplicationWindow);
        }

        if (application.Kind == ApplicantKind.Elsewhere && rules.Eligibility.Regions.Count > 0)
        {
            broken.Add(AdmissionErrors.NotEstablishedInRegion);
        }

        if (application.Kind == ApplicantKind.Large)
        {
            broken.Add(AdmissionErrors.NotAnSme);
        }

        var regime = rulebook.On(today).Value.Aid.Regime;
        var declared = InLookBack(regime, DeclaredOn(application.Kind), today) ? Declared(application.Kind) : 0;
        if (declared + CapCents + InKindCents > Cents(regime.Ceiling))
        {
            broken.Add(AdmissionErrors.AidCeilingExceeded);
        }

        if (Available(BudgetLine.Actions) < CapCents)
        {
            broken.Add(AdmissionErrors.BudgetCannotReserveCap);
        }

        if (broken.Count > 0)
        {
            return Outcome.Of(ResultStatus.Invalid, broken);
        }

        Applications.Remove(c.Company);
        Reserved[BudgetLine.Actions] += CapCents;
        EditionChanged(2, at);
        Participants[c.Company] = new ModelParticipant(application.Kind, today, at)
        {
            ReservationLeft = CapCents,
            JoinedAtEditionVersion = EditionVersion - 1, // the company is the edition's from its first admission event on
            EditionSeen = EditionVersion,
        };
        return Outcome.Ok;
    }

    private Outcome DoSpendOnTraining(SpendOnTraining c, Instant at)
    {
        if (EditionPrecheck(c.Actor == Who.Manager, stale: false, at) is { } refused)
        {
            return refused;
        }

        if (c.Cents <= 0)
        {
            return Outcome.Refused(ResultStatus.Invalid, CommonErrors.InvalidAmount);
        }

        if (c.Cents > Available(BudgetLine.Training))
        {
            return Outcome.Refused(ResultStatus.Invalid, EditionErrors.LineWouldGoNegative);
        }

        Spent[BudgetLine.Training] += c.Cents;
        EditionChanged(1, at);
        return Outcome.Ok;
    }

    private void EditionChanged(int events, Instant at)
    {
        EditionVersion += events;
        EditionLast = at;
    }

    private static bool IsStaff(Who who) => who is Who.Technician or Who.SecondTechnician or Who.Manager;

    /// <summary>
    /// The checks every participant verb makes first, in the library's order: actor (its role,
    /// then <paramref name="forbidden"/>, who may act on the target), expected version, calendar,
    /// the participant's last event, final state.
    /// </summary>
    private Outcome? Precheck(ModelParticipant p, bool actorAllowed, bool stale, Instant at, bool allowFinal = false, Outcome? forbidden = null) =>
        Walk(
            actorAllowed ? forbidden : Outcome.Refused(ResultStatus.Forbidden, CommonErrors.WrongActor),
            stale,
            at,
            last: p.Last,
            whose: "participant",
            final: p.IsFinal && !allowFinal ? Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.NotActive) : null);

    /// <summary>
    /// The checks of a command that changes the edition too, after <see cref="Precheck"/>: the
    /// edition given (the current one, or one <paramref name="oldEdition"/> versions before the
    /// newest the participant acted on), then the edition's last event.
    /// </summary>
    private Outcome? EditionCheck(ModelParticipant p, int oldEdition, Instant at)
    {
        if (oldEdition > 0)
        {
            long given = Math.Max(1, p.EditionSeen - oldEdition);
            return given < p.JoinedAtEditionVersion
                ? Outcome.Refused(ResultStatus.Invalid, EditionErrors.WrongEdition)
                : Outcome.Refused(ResultStatus.Conflict, CommonErrors.StaleEdition);
        }

        return EditionTime(at);
    }

    /// <summary>A training fact's date: not after the command's date, not before the admission.</summary>
    private void CheckFactDate(List<string> errors, ModelParticipant p, LocalDate date, Instant at)
    {
        if (date > DateOf(at))
        {
            errors.Add(TimeErrors.DatedAfterCommand);
        }
        else if (date < p.AdmittedOn)
        {
            errors.Add(TimeErrors.DatedBeforeDependency);
        }
    }

    /// <summary>A command that changed the edition (<paramref name="editionEvents"/> events) and the participant.</summary>
    private void Jointly(ModelParticipant p, int editionEvents, Instant at)
    {
        if (editionEvents > 0)
        {
            EditionChanged(editionEvents, at);
        }

        p.EditionSeen = EditionVersion;
        p.Touch(at);
    }

    private Outcome DoAttend(Attend c, ModelParticipant p, Instant at)
    {
        if ((Precheck(p, IsStaff(c.Actor), c.Stale, at) ?? EditionCheck(p, c.OldEdition, at)) is { } refused)
        {
            return refused;
        }

        if (p.Sessions.Contains(c.Session))
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.SessionAlreadyAttended);
        }

        if (c.Session >= SessionSeats.Length)
        {
            return Outcome.Refused(ResultStatus.NotFound, ParticipationErrors.UnknownSession);
        }

        var errors = new List<string>();
        if (Attendance[c.Session] >= SessionSeats[c.Session])
        {
            errors.Add(ParticipationErrors.SessionFull);
        }

        CheckFactDate(errors, p, sessionDates[c.Session], at);
        if (errors.Count > 0)
        {
            return Outcome.Of(ResultStatus.Invalid, errors);
        }

        Attendance[c.Session]++;
        p.Sessions.Add(c.Session);
        p.Train();
        Jointly(p, 1, at);
        return Outcome.Ok;
    }

    private Outcome DoTutorial(HoldTutorial c, ModelParticipant p, Instant at)
    {
        if (Precheck(p, c.Actor is Who.Technician or Who.SecondTechnician or Who.Consultant, stale: false, at) is { } refused)
        {
            return refused;
        }

        if (p.Tutorials.Contains(c.Tutorial))
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.TutorialAlreadyRecorded);
        }

        var date = ModelTime.DateOf(c.Date, c, at, rulebook);
        var errors = new List<string>();
        if (!Within(annuity.Training, date))
        {
            errors.Add(ParticipationErrors.OutsideTrainingWindow);
        }

        if (rules.Commitment.TutorialVenue == TutorialVenue.CompanyPremises && !c.AtPremises)
        {
            errors.Add(ParticipationErrors.TutorialNotAtPremises);
        }

        CheckFactDate(errors, p, date, at);
        if (errors.Count > 0)
        {
            return Outcome.Of(ResultStatus.Invalid, errors);
        }

        p.Tutorials.Add(c.Tutorial);
        p.Train();
        p.Touch(at);
        return Outcome.Ok;
    }

    private Outcome DoPill(RecordPill c, ModelParticipant p, Instant at)
    {
        if (Precheck(p, IsStaff(c.Actor), stale: false, at) is { } refused)
        {
            return refused;
        }

        var date = ModelTime.DateOf(c.Date, c, at, rulebook);
        var errors = new List<string>();
        if (!Within(annuity.Training, date))
        {
            errors.Add(ParticipationErrors.OutsideTrainingWindow);
        }

        if (!c.AllowedRole)
        {
            errors.Add(ParticipationErrors.PillAttendeeRoleNotAllowed);
        }

        CheckFactDate(errors, p, date, at);
        if (errors.Count > 0)
        {
            return Outcome.Of(ResultStatus.Invalid, errors);
        }

        p.Pills++;
        p.Train();
        p.Touch(at);
        return Outcome.Ok;
    }

    private Outcome DoSubmitSwot(SubmitSwot c, ModelParticipant p, Instant at)
    {
        if (Precheck(p, c.Actor == Who.Representative, stale: false, at) is { } refused)
        {
            return refused;
        }

        if (p.Swot == ReviewStatus.Accepted)
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.DeliverableAlreadyAccepted);
        }

        if (!c.Complete)
        {
            return Outcome.Refused(ResultStatus.Invalid, ParticipationErrors.SwotIncomplete);
        }

        p.Swot = ReviewStatus.Submitted;
        p.Touch(at);
        return Outcome.Ok;
    }

    private Outcome DoReviewSwot(ReviewSwot c, ModelParticipant p, Instant at)
    {
        if (Precheck(p, IsStaff(c.Actor), stale: false, at) is { } refused)
        {
            return refused;
        }

        if (p.Swot != ReviewStatus.Submitted)
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.NothingToReview);
        }

        p.Swot = c.Accept ? ReviewStatus.Accepted : ReviewStatus.Returned;
        p.Touch(at);
        return Outcome.Ok;
    }

    private Outcome DoSubmitRoadmap(SubmitRoadmap c, ModelParticipant p, Instant at)
    {
        if (Precheck(p, c.Actor == Who.Representative, stale: false, at) is { } refused)
        {
            return refused;
        }

        if (p.Roadmap == ReviewStatus.Accepted)
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.DeliverableAlreadyAccepted);
        }

        var errors = new List<string>();
        if (p.Swot != ReviewStatus.Accepted)
        {
            errors.Add(ParticipationErrors.RoadmapNeedsAcceptedSwot);
        }

        if (!c.Valid)
        {
            errors.Add(ParticipationErrors.RoadmapInvalid);
        }

        if (errors.Count > 0)
        {
            return Outcome.Of(ResultStatus.Invalid, errors);
        }

        p.Roadmap = ReviewStatus.Submitted;
        p.Touch(at);
        return Outcome.Ok;
    }

    private Outcome DoReviewRoadmap(ReviewRoadmap c, ModelParticipant p, Instant at)
    {
        if (Precheck(p, IsStaff(c.Actor), stale: false, at) is { } refused)
        {
            return refused;
        }

        if (p.Roadmap != ReviewStatus.Submitted)
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.NothingToReview);
        }

        p.Roadmap = c.Accept ? ReviewStatus.Accepted : ReviewStatus.Returned;
        p.Touch(at);
        return Outcome.Ok;
    }

    private Outcome DoSubmitClaim(SubmitClaim c, ModelParticipant p, Instant at)
    {
        if (Precheck(p, c.Actor == Who.Representative || IsStaff(c.Actor), c.Stale, at) is { } refused)
        {
            return refused;
        }

        if (p.Claims.ContainsKey(c.Claim))
        {
            return Outcome.Refused(ResultStatus.Conflict, PromotionErrors.DuplicateClaimId);
        }

        if (p.Claims.Values.Any(k => k.Invoice == c.Invoice && k.Supplier == c.Supplier))
        {
            return Outcome.Refused(ResultStatus.Conflict, PromotionErrors.DuplicateInvoice);
        }

        var invoiceDate = ModelTime.DateOf(c.InvoiceDate, c, at, rulebook);
        var errors = new List<string>();
        if (!Within(annuity.Expenses, invoiceDate))
        {
            errors.Add(PromotionErrors.InvoiceOutsideWindow);
        }

        var category = rules.Promotion.Categories.FirstOrDefault(k => k.Code == c.Category);
        if (category is null)
        {
            errors.Add(PromotionErrors.UnknownCategory);
        }
        else
        {
            if (category.ExportAid)
            {
                errors.Add(PromotionErrors.ExportAidExcluded);
            }

            if (!category.Eligible)
            {
                errors.Add(PromotionErrors.CategoryNotEligible);
            }
        }

        if (c.NetCents <= 0)
        {
            errors.Add(CommonErrors.InvalidAmount);
        }

        if (invoiceDate > DateOf(at))
        {
            errors.Add(TimeErrors.DatedAfterCommand);
        }

        if (errors.Count > 0)
        {
            return Outcome.Of(ResultStatus.Invalid, errors);
        }

        var eligible = !c.VatRecoverable && rules.Promotion.NonRecoverableVatEligible ? c.NetCents + c.VatCents : c.NetCents;
        p.Claims[c.Claim] = new ModelClaim(c.Invoice, c.Supplier, eligible, ModelActors.Id(c.Actor, c.Company));
        p.Touch(at);
        return Outcome.Ok;
    }

    private Outcome DoVerify(VerifyClaim c, ModelParticipant p, Instant at)
    {
        var claim = p.Claims.GetValueOrDefault(c.Claim);
        var ownClaim = claim is not null && claim.SubmittedBy == ModelActors.Id(c.Actor, c.Company)
            ? Outcome.Refused(ResultStatus.Forbidden, PromotionErrors.VerifierIsSubmitter)
            : null;
        if ((Precheck(p, IsStaff(c.Actor), c.Stale, at, forbidden: ownClaim) ?? EditionCheck(p, c.OldEdition, at)) is { } refused)
        {
            return refused;
        }

        if (claim is { Verified: true })
        {
            return Outcome.Refused(ResultStatus.Conflict, PromotionErrors.ClaimAlreadyVerified);
        }

        if (claim is null)
        {
            return Outcome.Refused(ResultStatus.NotFound, PromotionErrors.ClaimNotFound);
        }

        var approved = c.Verdict switch
        {
            ClaimVerdict.ApprovedInFull => claim.EligibleCents,
            ClaimVerdict.ApprovedInPart => PartialCents(c.Partial, claim.EligibleCents),
            _ => 0,
        };
        var errors = new List<string>();
        if (c.Verdict == ClaimVerdict.ApprovedInPart && (approved <= 0 || approved >= claim.EligibleCents))
        {
            errors.Add(PromotionErrors.ApprovedAmountInvalid);
        }

        if (c.Verdict != ClaimVerdict.ApprovedInFull && c.BlankReason)
        {
            errors.Add(PromotionErrors.ReasonRequired);
        }

        if (errors.Count > 0)
        {
            return Outcome.Of(ResultStatus.Invalid, errors);
        }

        // Granted: the approved amount times the intensity, within what is left of the cap, of
        // the reservation, and of the state-aid ceiling on the grant date (the command's date).
        var grantDate = DateOf(at);
        var regime = rulebook.On(grantDate).Value.Aid.Regime;
        long counted = InLookBack(regime, DeclaredOn(p.Kind), grantDate) ? Declared(p.Kind) : 0;
        counted += InLookBack(regime, p.AdmittedOn, grantDate) ? InKindCents : 0;
        counted += p.Grants.Where(g => InLookBack(regime, g.On, grantDate)).Sum(g => g.Cents);
        long headroom = Math.Max(Cents(regime.Ceiling) - counted, 0);
        long granted = RoundCents(approved * rules.Promotion.SupportIntensity.Fraction);
        granted = Math.Min(granted, Math.Max(CapCents - p.GrantedCents, 0));
        granted = Math.Min(granted, Math.Max(p.ReservationLeft, 0));
        granted = Math.Min(granted, headroom);

        claim.Verified = true;
        claim.ApprovedCents = approved;
        claim.GrantedCents = granted;
        if (granted > 0)
        {
            p.GrantedCents += granted;
            p.ReservationLeft -= granted;
            p.Grants.Add((granted, grantDate));
            Reserved[BudgetLine.Actions] -= granted;
            Spent[BudgetLine.Actions] += granted;
        }

        Jointly(p, granted > 0 ? 1 : 0, at);
        return Outcome.Ok;
    }

    private Outcome DoConsultancy(RequestConsultancy c, ModelParticipant p, Instant at)
    {
        if ((Precheck(p, c.Actor == Who.Representative || IsStaff(c.Actor), c.Stale, at) ?? EditionCheck(p, c.OldEdition, at)) is { } refused)
        {
            return refused;
        }

        if (c.Hours <= 0m)
        {
            return Outcome.Refused(ResultStatus.Invalid, ParticipationErrors.InvalidHours);
        }

        long cost = RoundCents(Cents(rules.Support.ConsultantHourlyRate) * c.Hours);
        if (cost == 0)
        {
            return Outcome.Refused(ResultStatus.Invalid, ParticipationErrors.ConsultancyChargesNothing);
        }

        if (cost > Available(BudgetLine.Consultancy))
        {
            return Outcome.Refused(ResultStatus.Invalid, ParticipationErrors.ConsultancyLineExhausted);
        }

        Spent[BudgetLine.Consultancy] += cost;
        p.ConsultancyCents += cost;
        Jointly(p, 1, at);
        return Outcome.Ok;
    }

    private Outcome DoExit(ModelParticipant p, bool actorAllowed, bool stale, int oldEdition, ParticipantStatus status, Instant at)
    {
        if ((Precheck(p, actorAllowed, stale, at) ?? EditionCheck(p, oldEdition, at)) is { } refused)
        {
            return refused;
        }

        Exit(p, status, at);
        return Outcome.Ok;
    }

    private Outcome DoSurvey(AnswerSurvey c, ModelParticipant p, Instant at)
    {
        if (Precheck(p, c.Actor == Who.Representative, stale: false, at, allowFinal: true) is { } refused)
        {
            return refused;
        }

        if (p.Surveyed)
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.SurveyAlreadyAnswered);
        }

        if (p.Status != ParticipantStatus.Completed)
        {
            return Outcome.Refused(ResultStatus.Conflict, TimeErrors.SurveyBeforeCompletion);
        }

        if (c.Score < rules.Survey.ScaleMin || c.Score > rules.Survey.ScaleMax)
        {
            return Outcome.Refused(ResultStatus.Invalid, ParticipationErrors.ScoreOutOfScale);
        }

        p.Surveyed = true;
        p.Touch(at);
        return Outcome.Ok;
    }

    private Outcome DoComplete(Complete c, ModelParticipant p, Instant at)
    {
        if ((Precheck(p, IsStaff(c.Actor), stale: false, at) ?? EditionCheck(p, c.OldEdition, at)) is { } refused)
        {
            return refused;
        }

        var missing = new List<string>();
        if (p.Sessions.Count < rules.Commitment.GroupSessions)
        {
            missing.Add(ParticipationErrors.SessionsMissing);
        }

        if (p.Tutorials.Count < rules.Commitment.Tutorials)
        {
            missing.Add(ParticipationErrors.TutorialsMissing);
        }

        if (p.Pills < rules.Commitment.TrainingPills)
        {
            missing.Add(ParticipationErrors.PillsMissing);
        }

        if (p.Swot != ReviewStatus.Accepted)
        {
            missing.Add(ParticipationErrors.SwotNotAccepted);
        }

        if (p.Roadmap != ReviewStatus.Accepted)
        {
            missing.Add(ParticipationErrors.RoadmapNotAccepted);
        }

        if (missing.Count > 0)
        {
            return Outcome.Of(ResultStatus.Invalid, missing);
        }

        Exit(p, ParticipantStatus.Completed, at);
        return Outcome.Ok;
    }

    /// <summary>Completion, withdrawal or exclusion: what is left of the reservation goes back to the actions line.</summary>
    private void Exit(ModelParticipant p, ParticipantStatus status, Instant at)
    {
        int released = 0;
        if (p.ReservationLeft > 0)
        {
            Reserved[BudgetLine.Actions] -= p.ReservationLeft;
            ReleasedCents += p.ReservationLeft;
            released = 1;
        }

        p.ReservationLeft = 0;
        p.Status = status;
        Jointly(p, released, at);
    }

    /// <summary>Whether aid granted on a date counts for a grant on another, under a regime's look-back.</summary>
    private static bool InLookBack(AidRegime regime, LocalDate aidDate, LocalDate grantDate)
    {
        var period = regime.Period;
        LocalDate start;
        if (period.Kind == AidPeriodKind.RollingYears)
        {
            start = grantDate.PlusYears(-period.Years).PlusDays(1);
        }
        else
        {
            var startThisYear = period.FiscalYearStart.InYear(grantDate.Year);
            var fiscalYear = grantDate >= startThisYear ? grantDate.Year : grantDate.Year - 1;
            start = period.FiscalYearStart.InYear(fiscalYear - period.Years + 1);
        }

        return start <= aidDate && aidDate <= grantDate;
    }
}

/// <summary>The model's participant.</summary>
internal sealed class ModelParticipant(ApplicantKind kind, LocalDate admittedOn, Instant admittedAt)
{
    public ApplicantKind Kind { get; } = kind;

    public LocalDate AdmittedOn { get; } = admittedOn;

    public long Version { get; private set; } = 1;

    /// <summary>The instant of its last event.</summary>
    public Instant Last { get; private set; } = admittedAt;

    /// <summary>The edition's version once its admission was recorded: the newest edition it has acted on so far.</summary>
    public long EditionSeen { get; set; }

    /// <summary>The first edition version that counts the company as a participant.</summary>
    public long JoinedAtEditionVersion { get; init; }

    public ParticipantStatus Status { get; set; } = ParticipantStatus.Admitted;

    public bool IsFinal => Status is ParticipantStatus.Completed or ParticipantStatus.Withdrawn or ParticipantStatus.Excluded;

    public HashSet<int> Sessions { get; } = [];

    public HashSet<int> Tutorials { get; } = [];

    public int Pills { get; set; }

    public ReviewStatus Swot { get; set; } = ReviewStatus.NotSubmitted;

    public ReviewStatus Roadmap { get; set; } = ReviewStatus.NotSubmitted;

    public Dictionary<int, ModelClaim> Claims { get; } = [];

    public List<(long Cents, LocalDate On)> Grants { get; } = [];

    public long GrantedCents { get; set; }

    public long ReservationLeft { get; set; }

    public long ConsultancyCents { get; set; }

    public bool Surveyed { get; set; }

    /// <summary>A session, tutorial or pill was recorded: training starts.</summary>
    public void Train()
    {
        if (Status == ParticipantStatus.Admitted)
        {
            Status = ParticipantStatus.InTraining;
        }
    }

    /// <summary>One event more in its stream, recorded at <paramref name="at"/>.</summary>
    public void Touch(Instant at)
    {
        Version++;
        Last = at;
    }
}

/// <summary>The model's expense claim.</summary>
internal sealed record ModelClaim(int Invoice, int Supplier, long EligibleCents, string SubmittedBy)
{
    public bool Verified { get; set; }

    public long ApprovedCents { get; set; }

    public long GrantedCents { get; set; }
}

/// <summary>The ids of the actors of the model runs.</summary>
internal static class ModelActors
{
    public static string Id(Who who, int company) => who switch
    {
        Who.Representative => "rep-C" + company,
        Who.OtherRepresentative => "rep-C" + ((company + 1) % ReliabilityArbitraries.Companies),
        Who.Technician => "tech-1",
        Who.SecondTechnician => "tech-2",
        Who.Manager => "mgr-1",
        _ => "cons-1",
    };
}
