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
/// A deliberately plain model of an edition and its participants: counts, sets and euro cents in
/// dictionaries, each rule written out again from the rulebook's numbers in the order the
/// domain checks them. It predicts whether each command is accepted (or why not) and what every
/// balance is after it.
/// </summary>
internal sealed class ReferenceModel
{
    public static readonly int[] SessionSeats = [0, 40, 40, 2, 1];

    private readonly RuleSet rules;
    private readonly Rulebook rulebook;
    private readonly AnnuityRules annuity;

    public ReferenceModel(Rulebook rulebook, AnnuityRules annuity)
    {
        this.rulebook = rulebook;
        this.annuity = annuity;
        rules = rulebook.On(annuity.Applications.Start).Value;
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

    public Outcome Predict(ModelCommand command, ModelDates dates) => command switch
    {
        Apply c => DoApply(c, dates),
        Admit c => DoAdmit(c, dates),
        SpendOnTraining c => DoSpendOnTraining(c),
        _ when !Participants.TryGetValue(command.Company, out var p) => Outcome.Skipped,
        Attend c => DoAttend(c, Participants[c.Company]),
        HoldTutorial c => DoTutorial(c, Participants[c.Company]),
        SubmitSwot c => DoSubmitSwot(c, Participants[c.Company]),
        ReviewSwot c => DoReviewSwot(c, Participants[c.Company]),
        SubmitRoadmap c => DoSubmitRoadmap(c, Participants[c.Company]),
        ReviewRoadmap c => DoReviewRoadmap(c, Participants[c.Company]),
        SubmitClaim c => DoSubmitClaim(c, Participants[c.Company]),
        VerifyClaim c => DoVerify(c, Participants[c.Company], dates),
        RequestConsultancy c => DoConsultancy(c, Participants[c.Company]),
        Withdraw c => DoWithdraw(c, Participants[c.Company]),
        AnswerSurvey c => DoSurvey(c, Participants[c.Company]),
        Complete c => DoComplete(c, Participants[c.Company]),
        _ => throw new InvalidOperationException("Unknown command " + command),
    };

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

    private Outcome DoApply(Apply c, ModelDates dates)
    {
        if (Applications.ContainsKey(c.Company) || Participants.ContainsKey(c.Company))
        {
            return Outcome.Refused(ResultStatus.Conflict, AdmissionErrors.AlreadyApplied);
        }

        Applications[c.Company] = (c.Late ? dates.LateApplication : dates.Application, c.Kind);
        EditionVersion++;
        return Outcome.Ok;
    }

    private Outcome DoAdmit(Admit c, ModelDates dates)
    {
        if (c.Stale)
        {
            return Outcome.Refused(ResultStatus.Conflict, CommonErrors.VersionMismatch);
        }

        if (Participants.ContainsKey(c.Company))
        {
            return Outcome.Refused(ResultStatus.Conflict, AdmissionErrors.AlreadyDecided);
        }

        if (!Applications.TryGetValue(c.Company, out var application))
        {
            return Outcome.Refused(ResultStatus.NotFound, AdmissionErrors.NotApplied);
        }

        var broken = new List<string>();
        if (Participants.Count >= annuity.Capacity)
        {
            broken.Add(AdmissionErrors.CapacityReached);
        }

        if (application.AppliedOn < annuity.Applications.Start || application.AppliedOn > annuity.Applications.End)
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

        var regime = rulebook.On(dates.Admission).Value.Aid.Regime;
        var declared = InLookBack(regime, DeclaredOn(application.Kind), dates.Admission) ? Declared(application.Kind) : 0;
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
        Participants[c.Company] = new ModelParticipant(application.Kind, dates.Admission) { ReservationLeft = CapCents };
        Reserved[BudgetLine.Actions] += CapCents;
        EditionVersion += 2;
        return Outcome.Ok;
    }

    private Outcome DoSpendOnTraining(SpendOnTraining c)
    {
        if (c.Actor != Who.Manager)
        {
            return Outcome.Refused(ResultStatus.Forbidden, CommonErrors.WrongActor);
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
        EditionVersion++;
        return Outcome.Ok;
    }

    private static bool IsStaff(Who who) => who is Who.Technician or Who.SecondTechnician or Who.Manager;

    /// <summary>The checks every participant verb makes first: actor, expected version, final state.</summary>
    private static Outcome? Precheck(ModelParticipant p, bool actorAllowed, bool stale, bool allowFinal = false)
    {
        if (!actorAllowed)
        {
            return Outcome.Refused(ResultStatus.Forbidden, CommonErrors.WrongActor);
        }

        if (stale)
        {
            return Outcome.Refused(ResultStatus.Conflict, CommonErrors.VersionMismatch);
        }

        if (p.IsFinal && !allowFinal)
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.NotActive);
        }

        return null;
    }

    private Outcome DoAttend(Attend c, ModelParticipant p)
    {
        if (Precheck(p, IsStaff(c.Actor), c.Stale) is { } refused)
        {
            return refused;
        }

        if (c.Session >= SessionSeats.Length)
        {
            return Outcome.Refused(ResultStatus.NotFound, ParticipationErrors.UnknownSession);
        }

        if (p.Sessions.Contains(c.Session))
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.SessionAlreadyAttended);
        }

        if (Attendance[c.Session] >= SessionSeats[c.Session])
        {
            return Outcome.Refused(ResultStatus.Invalid, ParticipationErrors.SessionFull);
        }

        Attendance[c.Session]++;
        p.Sessions.Add(c.Session);
        p.Train();
        EditionVersion++;
        return Outcome.Ok;
    }

    private Outcome DoTutorial(HoldTutorial c, ModelParticipant p)
    {
        if (Precheck(p, c.Actor is Who.Technician or Who.SecondTechnician or Who.Consultant, stale: false) is { } refused)
        {
            return refused;
        }

        if (p.Tutorials.Contains(c.Tutorial))
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.TutorialAlreadyRecorded);
        }

        var errors = new List<string>();
        if (!c.InWindow)
        {
            errors.Add(ParticipationErrors.OutsideTrainingWindow);
        }

        if (rules.Commitment.TutorialVenue == TutorialVenue.CompanyPremises && !c.AtPremises)
        {
            errors.Add(ParticipationErrors.TutorialNotAtPremises);
        }

        if (errors.Count > 0)
        {
            return Outcome.Of(ResultStatus.Invalid, errors);
        }

        p.Tutorials.Add(c.Tutorial);
        p.Train();
        return Outcome.Ok;
    }

    private static Outcome DoSubmitSwot(SubmitSwot c, ModelParticipant p)
    {
        if (Precheck(p, c.Actor == Who.Representative, stale: false) is { } refused)
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
        p.Version++;
        return Outcome.Ok;
    }

    private static Outcome DoReviewSwot(ReviewSwot c, ModelParticipant p)
    {
        if (Precheck(p, IsStaff(c.Actor), stale: false) is { } refused)
        {
            return refused;
        }

        if (p.Swot != ReviewStatus.Submitted)
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.NothingToReview);
        }

        p.Swot = c.Accept ? ReviewStatus.Accepted : ReviewStatus.Returned;
        p.Version++;
        return Outcome.Ok;
    }

    private static Outcome DoSubmitRoadmap(SubmitRoadmap c, ModelParticipant p)
    {
        if (Precheck(p, c.Actor == Who.Representative, stale: false) is { } refused)
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
        p.Version++;
        return Outcome.Ok;
    }

    private static Outcome DoReviewRoadmap(ReviewRoadmap c, ModelParticipant p)
    {
        if (Precheck(p, IsStaff(c.Actor), stale: false) is { } refused)
        {
            return refused;
        }

        if (p.Roadmap != ReviewStatus.Submitted)
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.NothingToReview);
        }

        p.Roadmap = c.Accept ? ReviewStatus.Accepted : ReviewStatus.Returned;
        p.Version++;
        return Outcome.Ok;
    }

    private Outcome DoSubmitClaim(SubmitClaim c, ModelParticipant p)
    {
        if (Precheck(p, c.Actor == Who.Representative || IsStaff(c.Actor), c.Stale) is { } refused)
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

        var errors = new List<string>();
        if (!c.InWindow)
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
            errors.Add(PromotionErrors.InvalidAmount);
        }

        if (errors.Count > 0)
        {
            return Outcome.Of(ResultStatus.Invalid, errors);
        }

        var eligible = !c.VatRecoverable && rules.Promotion.NonRecoverableVatEligible ? c.NetCents + c.VatCents : c.NetCents;
        p.Claims[c.Claim] = new ModelClaim(c.Invoice, c.Supplier, eligible, ModelDates.ActorId(c.Actor, c.Company));
        p.Version++;
        return Outcome.Ok;
    }

    private Outcome DoVerify(VerifyClaim c, ModelParticipant p, ModelDates dates)
    {
        if (Precheck(p, IsStaff(c.Actor), c.Stale) is { } refused)
        {
            return refused;
        }

        if (!p.Claims.TryGetValue(c.Claim, out var claim))
        {
            return Outcome.Refused(ResultStatus.NotFound, PromotionErrors.ClaimNotFound);
        }

        if (claim.SubmittedBy == ModelDates.ActorId(c.Actor, c.Company))
        {
            return Outcome.Refused(ResultStatus.Forbidden, PromotionErrors.VerifierIsSubmitter);
        }

        if (claim.Verified)
        {
            return Outcome.Refused(ResultStatus.Conflict, PromotionErrors.ClaimAlreadyVerified);
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
        // the reservation, and of the state-aid ceiling on the grant date.
        var grantDate = c.InOctober ? dates.OctoberGrant : dates.MayGrant;
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
        p.Version++;
        if (granted > 0)
        {
            p.GrantedCents += granted;
            p.ReservationLeft -= granted;
            p.Grants.Add((granted, grantDate));
            Reserved[BudgetLine.Actions] -= granted;
            Spent[BudgetLine.Actions] += granted;
            EditionVersion++;
        }

        return Outcome.Ok;
    }

    private Outcome DoConsultancy(RequestConsultancy c, ModelParticipant p)
    {
        if (Precheck(p, c.Actor == Who.Representative || IsStaff(c.Actor), c.Stale) is { } refused)
        {
            return refused;
        }

        if (c.HalfHours <= 0)
        {
            return Outcome.Refused(ResultStatus.Invalid, ParticipationErrors.InvalidHours);
        }

        long cost = RoundCents(Cents(rules.Support.ConsultantHourlyRate) * c.HalfHours / 2m);
        if (cost > Available(BudgetLine.Consultancy))
        {
            return Outcome.Refused(ResultStatus.Invalid, ParticipationErrors.ConsultancyLineExhausted);
        }

        Spent[BudgetLine.Consultancy] += cost;
        p.ConsultancyCents += cost;
        p.Version++;
        EditionVersion++;
        return Outcome.Ok;
    }

    private Outcome DoWithdraw(Withdraw c, ModelParticipant p)
    {
        if (Precheck(p, c.Actor is Who.Representative or Who.Manager, c.Stale) is { } refused)
        {
            return refused;
        }

        Exit(p, ParticipantStatus.Withdrawn);
        return Outcome.Ok;
    }

    private Outcome DoSurvey(AnswerSurvey c, ModelParticipant p)
    {
        if (Precheck(p, c.Actor == Who.Representative, stale: false, allowFinal: true) is { } refused)
        {
            return refused;
        }

        if (p.Surveyed)
        {
            return Outcome.Refused(ResultStatus.Conflict, ParticipationErrors.SurveyAlreadyAnswered);
        }

        if (c.Score < rules.Survey.ScaleMin || c.Score > rules.Survey.ScaleMax)
        {
            return Outcome.Refused(ResultStatus.Invalid, ParticipationErrors.ScoreOutOfScale);
        }

        p.Surveyed = true;
        p.Version++;
        return Outcome.Ok;
    }

    private Outcome DoComplete(Complete c, ModelParticipant p)
    {
        if (Precheck(p, IsStaff(c.Actor), stale: false) is { } refused)
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

        if (rules.Commitment.TrainingPills > 0)
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

        Exit(p, ParticipantStatus.Completed);
        return Outcome.Ok;
    }

    /// <summary>Completion or withdrawal: what is left of the reservation goes back to the actions line.</summary>
    private void Exit(ModelParticipant p, ParticipantStatus status)
    {
        if (p.ReservationLeft > 0)
        {
            Reserved[BudgetLine.Actions] -= p.ReservationLeft;
            ReleasedCents += p.ReservationLeft;
            EditionVersion++;
        }

        p.ReservationLeft = 0;
        p.Status = status;
        p.Version++;
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
internal sealed class ModelParticipant(ApplicantKind kind, LocalDate admittedOn)
{
    public ApplicantKind Kind { get; } = kind;

    public LocalDate AdmittedOn { get; } = admittedOn;

    public long Version { get; set; } = 1;

    public ParticipantStatus Status { get; set; } = ParticipantStatus.Admitted;

    public bool IsFinal => Status is ParticipantStatus.Completed or ParticipantStatus.Withdrawn or ParticipantStatus.Excluded;

    public HashSet<int> Sessions { get; } = [];

    public HashSet<int> Tutorials { get; } = [];

    public ReviewStatus Swot { get; set; } = ReviewStatus.NotSubmitted;

    public ReviewStatus Roadmap { get; set; } = ReviewStatus.NotSubmitted;

    public Dictionary<int, ModelClaim> Claims { get; } = [];

    public List<(long Cents, LocalDate On)> Grants { get; } = [];

    public long GrantedCents { get; set; }

    public long ReservationLeft { get; set; }

    public long ConsultancyCents { get; set; }

    public bool Surveyed { get; set; }

    /// <summary>A session or tutorial was recorded: training starts (and the stream grows).</summary>
    public void Train()
    {
        if (Status == ParticipantStatus.Admitted)
        {
            Status = ParticipantStatus.InTraining;
        }

        Version++;
    }
}

/// <summary>The model's expense claim.</summary>
internal sealed record ModelClaim(int Invoice, int Supplier, long EligibleCents, string SubmittedBy)
{
    public bool Verified { get; set; }

    public long ApprovedCents { get; set; }

    public long GrantedCents { get; set; }
}

/// <summary>The dates the commands of a run happen on, from the annuity's windows.</summary>
/// <param name="Annuity">The annuity.</param>
internal sealed record ModelDates(AnnuityRules Annuity)
{
    public LocalDate Application => Annuity.Applications.Start.PlusDays(10);

    public LocalDate LateApplication => Annuity.Applications.End.PlusDays(5);

    public LocalDate Admission => Annuity.Applications.End.PlusDays(5);

    public LocalDate Training => Annuity.Training.Start.PlusDays(30);

    public LocalDate OutsideTraining => Annuity.Training.End.PlusDays(1);

    public LocalDate Invoice => Annuity.Expenses.Start.PlusDays(100);

    public LocalDate OutsideExpenses => Annuity.Expenses.End.PlusDays(1);

    public LocalDate MayGrant => new(Annuity.Year, 5, 20);

    public LocalDate OctoberGrant => new(Annuity.Year, 10, 20);

    public static string ActorId(Who who, int company) => who switch
    {
        Who.Representative => "rep-C" + company,
        Who.OtherRepresentative => "rep-C" + ((company + 1) % ReliabilityArbitraries.Companies),
        Who.Technician => "tech-1",
        Who.SecondTechnician => "tech-2",
        Who.Manager => "mgr-1",
        _ => "cons-1",
    };
}
