using Ardalis.Result;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using Pimex.Benchmarks.Comparison;
using Pimex.Benchmarks.Fixtures;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;

namespace Pimex.Benchmarks;

/// <summary>
/// The verbs end to end, as a host calls them: the rules in force, the checks, the events and
/// the new aggregates (<c>Admit</c>, <c>RecordAttendance</c>, <c>SubmitClaim</c> then
/// <c>VerifyClaim</c>, <c>Complete</c>), each side by side with the same command on a
/// hand-written host (<see cref="HandWrittenHost"/>: mutable state, the same checks in the same
/// order, the same facts as plain records), the baseline of its category.
/// </summary>
/// <remarks>
/// The aggregates are those of a 13-company 2016 edition run by the domain's own verbs
/// (<see cref="EditionLifecycle"/>), replayed up to the moment of each command. The library's
/// aggregates are immutable, so each call starts from the same state. The hand-written host
/// changes its state, so each of its calls also takes its change back (a few field writes and a
/// removal from a set or dictionary), which the baseline's time includes.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class VerbBenchmarks
{
    private static readonly Actor Manager = Actor.ProgrammeManager("mgr-1");
    private static readonly Actor Tech = Actor.Technician("tech-1");
    private static readonly Actor Verifier = Actor.Technician("tech-2");
    private static readonly Rulebook Rulebook = Rulebook.Extremadura;

    private readonly List<PlainEvent> events = new(4);

    private CompanyId newcomer;
    private Edition beforeAdmission = null!;
    private CommandContext admitContext = null!;
    private PlainEdition plainBeforeAdmission = null!;

    private Edition beforeAttendance = null!;
    private Participant attendee = null!;
    private CommandContext attendContext = null!;
    private PlainEdition plainBeforeAttendance = null!;
    private PlainParticipant plainAttendee = null!;

    private Edition beforeVerification = null!;
    private Participant claimant = null!;
    private ExpenseClaim claim = null!;
    private CommandContext submitContext = null!;
    private CommandContext verifyContext = null!;
    private PlainEdition plainBeforeVerification = null!;
    private PlainParticipant plainClaimant = null!;
    private Actor representative = null!;

    private Edition beforeCompletion = null!;
    private Participant completing = null!;
    private CommandContext completeContext = null!;
    private PlainEdition plainBeforeCompletion = null!;
    private PlainParticipant plainCompleting = null!;

    /// <summary>Replays the lifecycle up to each command, for the library and for the hand-written host.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var run = EditionLifecycle.Run(13);
        var editionStream = run.EditionEvents;
        var first = run.ParticipantStreams[0];
        newcomer = run.ParticipantStreams[12][0].Participant.Company;

        // Admission: every application received and 12 companies admitted; the 13th is admitted.
        int thirteenth = editionStream.Select((e, i) => (e, i)).First(x => x.e is CompanyAdmitted a && a.Participant.Company == newcomer).i;
        beforeAdmission = Edition.Replay(editionStream.Take(thirteenth));
        admitContext = new CommandContext(Manager, Eur.At(new LocalDate(2016, 3, 20)));
        plainBeforeAdmission = Plain(beforeAdmission);

        // Attendance at S1 on 2016-06-01: admitted, technician assigned, nothing attended yet.
        var attendAt = Eur.At(new LocalDate(2016, 6, 1));
        beforeAttendance = Edition.Replay(editionStream.Where(e => e.RecordedAt < attendAt));
        attendee = Participant.Replay(first.Where(e => e.RecordedAt < attendAt));
        attendContext = new CommandContext(Tech, attendAt);
        plainBeforeAttendance = Plain(beforeAttendance);
        plainAttendee = Plain(attendee);
        plainBeforeAttendance.Participants[attendee.Id.Company.Value] = plainAttendee;

        // Claim C1 (EUR 1,200 on 2016-10-03) submitted on 2016-10-05, verified in full on 2016-11-10.
        var claimed = (ClaimSubmitted)first.First(e => e is ClaimSubmitted);
        claim = claimed.Claim;
        representative = claimed.Actor;
        submitContext = new CommandContext(representative, claimed.RecordedAt);
        var verifyAt = Eur.At(new LocalDate(2016, 11, 10));
        verifyContext = new CommandContext(Verifier, verifyAt);
        beforeVerification = Edition.Replay(editionStream.Where(e => e.RecordedAt < verifyAt));
        claimant = Participant.Replay(first.Where(e => e.RecordedAt < claimed.RecordedAt));
        plainBeforeVerification = Plain(beforeVerification);
        plainClaimant = Plain(claimant);
        plainBeforeVerification.Participants[claimant.Id.Company.Value] = plainClaimant;

        // Completion on 2016-12-15: every commitment met, every claim verified.
        var completeAt = Eur.At(new LocalDate(2016, 12, 15));
        beforeCompletion = Edition.Replay(editionStream.Where(e => e.RecordedAt < completeAt));
        completing = Participant.Replay(first.Where(e => e.RecordedAt < completeAt));
        completeContext = new CommandContext(Tech, completeAt);
        plainBeforeCompletion = Plain(beforeCompletion);
        plainCompleting = Plain(completing);
        plainBeforeCompletion.Participants[completing.Id.Company.Value] = plainCompleting;

        // Every benchmark must succeed, on both sides, or it measures a refusal.
        Must(Admit(), AdmitHandWritten(), "Admit");
        Must(RecordAttendance(), RecordAttendanceHandWritten(), "RecordAttendance");
        Must(SubmitAndVerifyClaim(), SubmitAndVerifyClaimHandWritten(), "SubmitAndVerifyClaim");
        Must(Complete(), CompleteHandWritten(), "Complete");
    }

    [Benchmark]
    [BenchmarkCategory("Admit")]
    public Result<ParticipationChange> Admit() => beforeAdmission.Admit(newcomer, Rulebook, admitContext);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Admit")]
    public string? AdmitHandWritten()
    {
        events.Clear();
        var last = plainBeforeAdmission.Last;
        var refused = HandWrittenHost.Admit(plainBeforeAdmission, newcomer.Value, Manager, admitContext.At, events);
        if (refused is null)
        {
            HandWrittenHost.UndoAdmit(plainBeforeAdmission, newcomer.Value, last);
        }

        return refused;
    }

    [Benchmark]
    [BenchmarkCategory("RecordAttendance")]
    public Result<ParticipationChange> RecordAttendance() => attendee.RecordAttendance(beforeAttendance, "S1", attendContext);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("RecordAttendance")]
    public string? RecordAttendanceHandWritten()
    {
        events.Clear();
        var edition = plainBeforeAttendance;
        var participant = plainAttendee;
        var (editionLast, participantLast, seen) = (edition.Last, participant.Last, participant.EditionVersionSeen);
        var refused = HandWrittenHost.RecordAttendance(edition, participant, "S1", Tech, attendContext.At, events);
        if (refused is null)
        {
            HandWrittenHost.UndoAttendance(edition, participant, "S1", editionLast, participantLast, seen);
        }

        return refused;
    }

    [Benchmark]
    [BenchmarkCategory("SubmitAndVerifyClaim")]
    public Result<ParticipationChange> SubmitAndVerifyClaim()
    {
        var submitted = claimant.SubmitClaim(claim, Rulebook, submitContext);
        return submitted.IsSuccess
            ? submitted.Value.Aggregate.VerifyClaim(beforeVerification, claim.Id, ClaimVerification.ApproveInFull(), Rulebook, verifyContext)
            : Result<ParticipationChange>.Error();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SubmitAndVerifyClaim")]
    public string? SubmitAndVerifyClaimHandWritten()
    {
        events.Clear();
        var edition = plainBeforeVerification;
        var participant = plainClaimant;
        var (aid, editionLast, participantLast, editionVersion, participantVersion, seen) =
            (participant.Aid, edition.Last, participant.Last, edition.Version, participant.Version, participant.EditionVersionSeen);
        var refused = HandWrittenHost.SubmitClaim(edition, participant, claim, representative, submitContext.At, events)
            ?? HandWrittenHost.VerifyClaimInFull(edition, participant, claim.Id, Verifier, verifyContext.At, events);
        HandWrittenHost.UndoClaim(edition, participant, claim.Id, aid, editionLast, participantLast, editionVersion, participantVersion, seen);
        return refused;
    }

    [Benchmark]
    [BenchmarkCategory("Complete")]
    public Result<ParticipationChange> Complete() => completing.Complete(beforeCompletion, completeContext);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Complete")]
    public string? CompleteHandWritten()
    {
        events.Clear();
        var edition = plainBeforeCompletion;
        var participant = plainCompleting;
        var (released, editionLast, participantLast, seen) = (participant.ReservationLeft, edition.Last, participant.Last, participant.EditionVersionSeen);
        var terms = completing.Terms.Commitment;
        var refused = HandWrittenHost.Complete(edition, participant, Tech, completeContext.At, terms.Tutorials, terms.TrainingPills, events);
        if (refused is null)
        {
            HandWrittenHost.UndoComplete(edition, participant, released, editionLast, participantLast, seen);
        }

        return refused;
    }

    private static void Must(Result<ParticipationChange> library, string? handWritten, string what)
    {
        if (!library.IsSuccess || handWritten is not null)
        {
            throw new InvalidOperationException(
                $"{what}: the library gave {library.Status} ({string.Join("; ", library.Codes())}), the hand-written host {handWritten ?? "success"}.");
        }
    }

    private static PlainEdition Plain(Edition edition)
    {
        var rules = Rulebook.On(edition.RulesDate).Value;
        var regime = rules.Aid.Regime;
        var plain = new PlainEdition
        {
            Id = edition.Id.ToString(),
            Zone = Rulebook.TimeZone,
            RulesDate = edition.RulesDate,
            Limits = PlainAdmissionLimits.From(rules, edition.Annuity, regime),
            ClaimLimits = PlainClaimLimits.From(rules, regime),
            Categories = [.. rules.Promotion.Categories.Where(c => c.Eligible && !c.ExportAid).Select(c => c.Code)],
            Training = edition.Annuity.Training,
            Expenses = edition.Annuity.Expenses,
            GroupSessions = rules.Commitment.GroupSessions,
            Sme = rules.Sme,
            Version = edition.Version,
            Last = edition.LastRecordedAt,
            ActionsAllocated = edition.Budget.Actions.Allocated.Amount,
            ActionsReserved = edition.Budget.Actions.Reserved.Amount,
            ActionsSpent = edition.Budget.Actions.Spent.Amount,
        };
        foreach (var (company, received) in edition.Applications)
        {
            plain.Applications.Add(company.Value, (received.Application, received.AppliedOn));
        }

        foreach (var (id, session) in edition.Sessions)
        {
            plain.Sessions.Add(id, new PlainSession(session.Date, session.Capacity) { Attended = edition.SessionAttendance.TryGetValue(id, out var n) ? n : 0 });
        }

        foreach (var (company, _) in edition.Participants)
        {
            plain.Participants.Add(company.Value, new PlainParticipant { Company = company.Value, Cap = plain.Limits.Cap, AdmittedOn = edition.RulesDate, Aid = [] });
        }

        return plain;
    }

    private static PlainParticipant Plain(Participant participant)
    {
        var plain = new PlainParticipant
        {
            Company = participant.Id.Company.Value,
            Cap = participant.Terms.Cap.Amount,
            AdmittedOn = participant.Terms.AdmittedOn,
            Aid = [.. participant.AidReceived().Select(PlainApplication.PlainAidFrom)],
            Version = participant.Version,
            Last = participant.LastRecordedAt,
            EditionVersionSeen = participant.EditionVersionSeen,
            Final = participant.Status is ParticipantStatus.Completed or ParticipantStatus.Withdrawn or ParticipantStatus.Excluded,
            Tutorials = participant.Tutorials.Count,
            Pills = participant.Pills.Count,
            SwotAccepted = participant.Swot.IsAccepted,
            RoadmapAccepted = participant.Roadmap.IsAccepted,
            Granted = participant.SupportGranted.Amount,
            ReservationLeft = participant.ReservationLeft.Amount,
        };
        foreach (var session in participant.SessionsAttended)
        {
            plain.Sessions.Add(session);
        }

        foreach (var (id, record) in participant.Claims)
        {
            plain.Claims.Add(id, new PlainClaim(id, record.Claim.InvoiceId, record.Claim.Supplier, record.Claim.Category, record.Claim.Net.Amount, record.Claim.InvoiceDate, record.SubmittedBy) { Verified = record.Verification is not null });
        }

        return plain;
    }
}
