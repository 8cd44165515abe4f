using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;

namespace Pimex.Benchmarks.Comparison;

// The limit of the end-to-end verb benchmarks: a host written by hand over mutable in-memory
// state, with the checks the library's verbs make, in their order, and the same facts as plain
// records. The decisions themselves are the hand-written ones of issue 8 (HandWritten); the SME
// explanation an admission carries is the library's (SmeTest.Assess), so both admissions record
// the same facts. Refusals are codes only: no message is formatted.

/// <summary>A fact of the hand-written host.</summary>
public abstract record PlainEvent(Instant At, string Actor);

public sealed record PlainCompanyAdmitted(string Edition, string Company, SizeClass Size, SmeAssessment Sme, Instant At, string Actor) : PlainEvent(At, Actor);

public sealed record PlainFundsReserved(string Edition, string Company, decimal Amount, Instant At, string Actor) : PlainEvent(At, Actor);

public sealed record PlainParticipantAdmitted(string Company, decimal Cap, SizeClass Size, decimal DeclaredAid, LocalDate AdmittedOn, long EditionVersion, Instant At, string Actor) : PlainEvent(At, Actor);

public sealed record PlainAttendanceRegistered(string Edition, string Session, string Company, Instant At, string Actor) : PlainEvent(At, Actor);

public sealed record PlainSessionAttended(string Company, string Session, LocalDate Date, Instant At, string Actor) : PlainEvent(At, Actor);

public sealed record PlainClaimSubmitted(string Company, string Claim, string Category, decimal Net, decimal Vat, LocalDate InvoiceDate, Instant At, string Actor) : PlainEvent(At, Actor);

public sealed record PlainReservedFundsSpent(string Edition, string Company, decimal Amount, Instant At, string Actor) : PlainEvent(At, Actor);

public sealed record PlainClaimVerified(string Company, string Claim, decimal Approved, decimal Granted, decimal NotSupported, LocalDate GrantedOn, Instant At, string Actor) : PlainEvent(At, Actor);

public sealed record PlainFundsReleased(string Edition, string Company, decimal Amount, Instant At, string Actor) : PlainEvent(At, Actor);

public sealed record PlainCompleted(string Company, decimal Released, Instant At, string Actor) : PlainEvent(At, Actor);

/// <summary>One session of the hand-written edition.</summary>
public sealed class PlainSession(LocalDate date, int capacity)
{
    public LocalDate Date { get; } = date;

    public int Capacity { get; } = capacity;

    public int Attended { get; set; }
}

/// <summary>One claim of the hand-written participant.</summary>
public sealed class PlainClaim(string id, string invoice, string supplier, string category, decimal eligible, LocalDate invoiceDate, string submittedBy)
{
    public string Id { get; } = id;

    public string Invoice { get; } = invoice;

    public string Supplier { get; } = supplier;

    public string Category { get; } = category;

    public decimal Eligible { get; } = eligible;

    public LocalDate InvoiceDate { get; } = invoiceDate;

    public string SubmittedBy { get; } = submittedBy;

    public bool Verified { get; set; }
}

/// <summary>The hand-written edition: mutable, one per edition, in memory.</summary>
public sealed class PlainEdition
{
    public required string Id { get; init; }

    public required DateTimeZone Zone { get; init; }

    public required LocalDate RulesDate { get; init; }

    public required PlainAdmissionLimits Limits { get; init; }

    public required PlainClaimLimits ClaimLimits { get; init; }

    public required HashSet<string> Categories { get; init; }

    public required DateInterval Training { get; init; }

    public required DateInterval Expenses { get; init; }

    public required int GroupSessions { get; init; }

    public required Rulebooks.SmeThresholds Sme { get; init; }

    public long Version { get; set; }

    public Instant Last { get; set; }

    public Dictionary<string, (CompanyApplication Application, LocalDate AppliedOn)> Applications { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PlainParticipant> Participants { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PlainSession> Sessions { get; } = new(StringComparer.Ordinal);

    public decimal ActionsAllocated { get; set; }

    public decimal ActionsReserved { get; set; }

    public decimal ActionsSpent { get; set; }
}

/// <summary>The hand-written participant: mutable, in memory.</summary>
public sealed class PlainParticipant
{
    public required string Company { get; init; }

    public required decimal Cap { get; init; }

    public required LocalDate AdmittedOn { get; init; }

    public required PlainAid[] Aid { get; set; }

    public long Version { get; set; }

    public Instant Last { get; set; }

    public long EditionVersionSeen { get; set; }

    public bool Final { get; set; }

    public HashSet<string> Sessions { get; } = new(StringComparer.Ordinal);

    public int Tutorials { get; set; }

    public int Pills { get; set; }

    public bool SwotAccepted { get; set; }

    public bool RoadmapAccepted { get; set; }

    public Dictionary<string, PlainClaim> Claims { get; } = new(StringComparer.Ordinal);

    public decimal Granted { get; set; }

    public decimal ReservationLeft { get; set; }
}

/// <summary>The verbs of the hand-written host: checks in the library's order, then the state changes and the facts.</summary>
public static class HandWrittenHost
{
    private static readonly Instant EarliestSupported = CommandContext.EarliestSupported;
    private static readonly Instant LatestSupported = CommandContext.LatestSupported;

    /// <summary>Admits a company: actor, calendar, time, state, rules date, eligibility; reserves the cap.</summary>
    public static string? Admit(PlainEdition edition, string company, Actor actor, Instant at, List<PlainEvent> events)
    {
        if (actor.Role != ActorRole.ProgrammeManager)
        {
            return CommonErrors.WrongActor;
        }

        if (at < EarliestSupported || at > LatestSupported)
        {
            return TimeErrors.OutsideCalendar;
        }

        if (at < edition.Last)
        {
            return TimeErrors.BeforeLastEvent;
        }

        if (edition.Participants.ContainsKey(company))
        {
            return AdmissionErrors.AlreadyDecided;
        }

        if (!edition.Applications.TryGetValue(company, out var received))
        {
            return AdmissionErrors.NotApplied;
        }

        var today = at.InZone(edition.Zone).Date;
        if (today < edition.RulesDate)
        {
            return TimeErrors.NoRulesInForce;
        }

        var application = PlainApplication.From(received.Application);
        var limits = edition.Limits;
        var check = HandWritten.Admission(limits, application, received.AppliedOn, today, edition.Participants.Count, edition.ActionsAllocated - edition.ActionsReserved - edition.ActionsSpent);
        if (check.Broken != AdmissionRulesBroken.None)
        {
            return "PIMEX-ADM";
        }

        edition.Version += 2;
        edition.Last = at;
        edition.ActionsReserved += limits.Cap;
        events.Add(new PlainCompanyAdmitted(edition.Id, company, check.SizeClass, SmeTest.Assess(received.Application.Profile, edition.Sme), at, actor.Id));
        events.Add(new PlainFundsReserved(edition.Id, company, limits.Cap, at, actor.Id));
        var participant = new PlainParticipant
        {
            Company = company,
            Cap = limits.Cap,
            AdmittedOn = today,
            Aid = [.. application.DeclaredAid, new PlainAid(check.NewAid, today)],
            Version = 1,
            Last = at,
            EditionVersionSeen = edition.Version,
            ReservationLeft = limits.Cap,
        };
        edition.Participants.Add(company, participant);
        events.Add(new PlainParticipantAdmitted(company, limits.Cap, check.SizeClass, check.AidCounted, today, edition.Version, at, actor.Id));
        return null;
    }

    /// <summary>Takes an admission back, so that a benchmark can admit the same company again.</summary>
    public static void UndoAdmit(PlainEdition edition, string company, Instant last)
    {
        edition.Participants.Remove(company);
        edition.ActionsReserved -= edition.Limits.Cap;
        edition.Version -= 2;
        edition.Last = last;
    }

    /// <summary>Records the attendance of a participant at a session.</summary>
    public static string? RecordAttendance(PlainEdition edition, PlainParticipant participant, string session, Actor actor, Instant at, List<PlainEvent> events)
    {
        if (!actor.IsTechnicalStaff)
        {
            return CommonErrors.WrongActor;
        }

        if ((Precheck(participant, at) ?? EditionCheck(edition, participant, at)) is { } refused)
        {
            return refused;
        }

        if (!edition.Sessions.TryGetValue(session, out var held))
        {
            return ParticipationErrors.UnknownSession;
        }

        if (participant.Sessions.Contains(session))
        {
            return ParticipationErrors.SessionAlreadyAttended;
        }

        var today = at.InZone(edition.Zone).Date;
        if (held.Attended >= held.Capacity)
        {
            return ParticipationErrors.SessionFull;
        }

        if (held.Date > today)
        {
            return TimeErrors.DatedAfterCommand;
        }

        if (held.Date < participant.AdmittedOn)
        {
            return TimeErrors.DatedBeforeDependency;
        }

        held.Attended++;
        participant.Sessions.Add(session);
        edition.Version++;
        edition.Last = at;
        participant.Version++;
        participant.Last = at;
        participant.EditionVersionSeen = edition.Version;
        events.Add(new PlainAttendanceRegistered(edition.Id, session, participant.Company, at, actor.Id));
        events.Add(new PlainSessionAttended(participant.Company, session, held.Date, at, actor.Id));
        return null;
    }

    /// <summary>Takes an attendance back, so that a benchmark can record it again.</summary>
    public static void UndoAttendance(PlainEdition edition, PlainParticipant participant, string session, Instant editionLast, Instant participantLast, long seen)
    {
        edition.Sessions[session].Attended--;
        participant.Sessions.Remove(session);
        edition.Version--;
        edition.Last = editionLast;
        participant.Version--;
        participant.Last = participantLast;
        participant.EditionVersionSeen = seen;
    }

    /// <summary>Submits an expense claim.</summary>
    public static string? SubmitClaim(PlainEdition edition, PlainParticipant participant, ExpenseClaim claim, Actor actor, Instant at, List<PlainEvent> events)
    {
        if (!actor.Represents(new CompanyId(participant.Company)) && !actor.IsTechnicalStaff)
        {
            return CommonErrors.WrongActor;
        }

        if (Precheck(participant, at) is { } refused)
        {
            return refused;
        }

        if (participant.Claims.ContainsKey(claim.Id))
        {
            return PromotionErrors.DuplicateClaimId;
        }

        foreach (var other in participant.Claims.Values)
        {
            if (other.Invoice == claim.InvoiceId && other.Supplier == claim.Supplier)
            {
                return PromotionErrors.DuplicateInvoice;
            }
        }

        var today = at.InZone(edition.Zone).Date;
        if (!edition.Expenses.Contains(claim.InvoiceDate) || !edition.Categories.Contains(claim.Category)
            || claim.Net.Amount <= 0m || claim.Vat.Amount < 0m || string.IsNullOrWhiteSpace(claim.Id) || string.IsNullOrWhiteSpace(claim.InvoiceId)
            || string.IsNullOrWhiteSpace(claim.Supplier) || claim.InvoiceDate > today || !participant.RoadmapAccepted)
        {
            return "PIMEX-PROMO";
        }

        participant.Claims.Add(claim.Id, new PlainClaim(claim.Id, claim.InvoiceId, claim.Supplier, claim.Category, claim.Net.Amount, claim.InvoiceDate, actor.Id));
        participant.Version++;
        participant.Last = at;
        events.Add(new PlainClaimSubmitted(participant.Company, claim.Id, claim.Category, claim.Net.Amount, claim.Vat.Amount, claim.InvoiceDate, at, actor.Id));
        return null;
    }

    /// <summary>Verifies a claim in full and grants the support the decision allows.</summary>
    public static string? VerifyClaimInFull(PlainEdition edition, PlainParticipant participant, string claimId, Actor actor, Instant at, List<PlainEvent> events)
    {
        if (!actor.IsTechnicalStaff)
        {
            return CommonErrors.WrongActor;
        }

        if ((Precheck(participant, at) ?? EditionCheck(edition, participant, at)) is { } refused)
        {
            return refused;
        }

        if (!participant.Claims.TryGetValue(claimId, out var claim))
        {
            return PromotionErrors.ClaimNotFound;
        }

        if (claim.SubmittedBy == actor.Id)
        {
            return PromotionErrors.VerifierIsSubmitter;
        }

        if (claim.Verified)
        {
            return PromotionErrors.ClaimAlreadyVerified;
        }

        var grantDate = at.InZone(edition.Zone).Date;
        var decision = HandWritten.Claim(edition.ClaimLimits, participant.Aid, claim.Eligible, participant.Granted, participant.ReservationLeft, grantDate);
        claim.Verified = true;
        participant.Granted += decision.Granted;
        participant.ReservationLeft -= decision.Granted;
        participant.Version++;
        participant.Last = at;
        if (decision.Granted > 0m)
        {
            participant.Aid = [.. participant.Aid, new PlainAid(decision.Granted, grantDate)];
            edition.ActionsReserved -= decision.Granted;
            edition.ActionsSpent += decision.Granted;
            edition.Version++;
            edition.Last = at;
            participant.EditionVersionSeen = edition.Version;
            events.Add(new PlainReservedFundsSpent(edition.Id, participant.Company, decision.Granted, at, actor.Id));
        }

        events.Add(new PlainClaimVerified(participant.Company, claimId, decision.Approved, decision.Granted, decision.NotSupported, grantDate, at, actor.Id));
        return null;
    }

    /// <summary>Takes a submitted and verified claim back, so that a benchmark can submit and verify it again.</summary>
    public static void UndoClaim(PlainEdition edition, PlainParticipant participant, string claimId, PlainAid[] aid, Instant editionLast, Instant participantLast, long editionVersion, long participantVersion, long seen)
    {
        var granted = participant.Aid.Length > aid.Length ? participant.Aid[^1].Amount : 0m;
        participant.Claims.Remove(claimId);
        participant.Aid = aid;
        participant.Granted -= granted;
        participant.ReservationLeft += granted;
        edition.ActionsReserved += granted;
        edition.ActionsSpent -= granted;
        edition.Version = editionVersion;
        edition.Last = editionLast;
        participant.Version = participantVersion;
        participant.Last = participantLast;
        participant.EditionVersionSeen = seen;
    }

    /// <summary>Completes a participant that met its commitment, releasing what is left of its reservation.</summary>
    public static string? Complete(PlainEdition edition, PlainParticipant participant, Actor actor, Instant at, int tutorials, int pills, List<PlainEvent> events)
    {
        if (!actor.IsTechnicalStaff)
        {
            return CommonErrors.WrongActor;
        }

        if ((Precheck(participant, at) ?? EditionCheck(edition, participant, at)) is { } refused)
        {
            return refused;
        }

        if (participant.Sessions.Count < edition.GroupSessions || participant.Tutorials < tutorials || participant.Pills < pills
            || !participant.SwotAccepted || !participant.RoadmapAccepted)
        {
            return ParticipationErrors.SessionsMissing;
        }

        var released = participant.ReservationLeft;
        participant.Final = true;
        participant.ReservationLeft = 0m;
        participant.Version++;
        participant.Last = at;
        edition.ActionsReserved -= released;
        edition.Version++;
        edition.Last = at;
        participant.EditionVersionSeen = edition.Version;
        events.Add(new PlainFundsReleased(edition.Id, participant.Company, released, at, actor.Id));
        events.Add(new PlainCompleted(participant.Company, released, at, actor.Id));
        return null;
    }

    /// <summary>Takes a completion back, so that a benchmark can complete again.</summary>
    public static void UndoComplete(PlainEdition edition, PlainParticipant participant, decimal released, Instant editionLast, Instant participantLast, long seen)
    {
        participant.Final = false;
        participant.ReservationLeft = released;
        participant.Version--;
        participant.Last = participantLast;
        edition.ActionsReserved += released;
        edition.Version--;
        edition.Last = editionLast;
        participant.EditionVersionSeen = seen;
    }

    private static string? Precheck(PlainParticipant participant, Instant at)
    {
        if (at < EarliestSupported || at > LatestSupported)
        {
            return TimeErrors.OutsideCalendar;
        }

        if (at < participant.Last)
        {
            return TimeErrors.BeforeLastEvent;
        }

        return participant.Final ? ParticipationErrors.NotActive : null;
    }

    private static string? EditionCheck(PlainEdition edition, PlainParticipant participant, Instant at)
    {
        if (!edition.Participants.ContainsKey(participant.Company))
        {
            return EditionErrors.WrongEdition;
        }

        if (edition.Version < participant.EditionVersionSeen)
        {
            return CommonErrors.StaleEdition;
        }

        return at < edition.Last ? TimeErrors.BeforeLastEvent : null;
    }
}
