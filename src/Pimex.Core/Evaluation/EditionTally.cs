using Pimex.Admission;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.Evaluation;

/// <summary>
/// One participant's part in its edition's report, kept up to date event by event: what
/// <see cref="EditionReport"/> reads of a <see cref="Participant"/>, and nothing else (no claims,
/// no tutorials' records, no versions of deliverables), so that it stays small and each event
/// costs O(1). A projection of the participant's stream: <see cref="Start"/> on its first event,
/// <see cref="Apply"/> on each of the others.
/// </summary>
/// <remarks>
/// Immutable, with value equality; its constructor's parameters are its whole state, so a host
/// can store it as a document and read it back. <see cref="EditionTally"/> sums these parts.
/// </remarks>
/// <param name="Participant">The participant.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="SizeClass">The company's size class at admission.</param>
/// <param name="SessionsCommitted">Group sessions it committed to attend.</param>
/// <param name="TutorialsCommitted">Tutorials it committed to hold.</param>
/// <param name="Cap">Its support cap.</param>
/// <param name="SessionsAttended">Group sessions attended.</param>
/// <param name="TutorialsHeld">Tutorials held.</param>
/// <param name="Pills">Training pills attended.</param>
/// <param name="ConsultancyHours">Hours of senior consultancy received.</param>
/// <param name="HasTechnician">Whether a technician was assigned.</param>
/// <param name="SwotVersions">SWOT analyses submitted.</param>
/// <param name="Swot">The SWOT analysis's review status.</param>
/// <param name="RoadmapVersions">Roadmaps submitted.</param>
/// <param name="Roadmap">The roadmap's review status.</param>
/// <param name="SupportGranted">Promotion support granted so far.</param>
/// <param name="Survey">Its survey answer, if it answered.</param>
public sealed record ParticipantTally(
    ParticipantId Participant,
    ParticipantStatus Status,
    SizeClass SizeClass,
    int SessionsCommitted,
    int TutorialsCommitted,
    Money Cap,
    int SessionsAttended,
    int TutorialsHeld,
    int Pills,
    decimal ConsultancyHours,
    bool HasTechnician,
    int SwotVersions,
    ReviewStatus Swot,
    int RoadmapVersions,
    ReviewStatus Roadmap,
    Money SupportGranted,
    SurveyAnswer? Survey)
{
    /// <summary>Whether it is done with the programme (completed, withdrew or was excluded).</summary>
    public bool IsFinal => Status is ParticipantStatus.Completed or ParticipantStatus.Withdrawn or ParticipantStatus.Excluded;

    /// <summary>Whether its support reached its cap.</summary>
    public bool ReachedCap => SupportGranted >= Cap;

    /// <summary>
    /// Whether it received non-financial support: a session, a tutorial, a pill, consultancy or
    /// an assigned technician (the common indicators' count of enterprises supported otherwise than financially).
    /// </summary>
    public bool ReceivedNonFinancialSupport => SessionsAttended > 0 || TutorialsHeld > 0 || Pills > 0 || ConsultancyHours > 0 || HasTechnician;

    /// <summary>The tally of a participant just admitted: its stream's first event.</summary>
    /// <param name="admitted">The participant's first event.</param>
    /// <returns>The tally.</returns>
    public static ParticipantTally Start(ParticipantAdmitted admitted)
    {
        ArgumentNullException.ThrowIfNull(admitted);
        var terms = admitted.Terms;
        var zero = Money.Zero(terms.Cap.Currency);
        return new ParticipantTally(
            admitted.Participant,
            ParticipantStatus.Admitted,
            terms.SizeClass,
            terms.Commitment.GroupSessions,
            terms.Commitment.Tutorials,
            terms.Cap,
            0,
            0,
            0,
            0m,
            false,
            0,
            ReviewStatus.NotSubmitted,
            0,
            ReviewStatus.NotSubmitted,
            zero,
            null);
    }

    /// <summary>
    /// The tally after one more event of the participant's stream, as <see cref="Participant.Apply"/>
    /// changes the participant: O(1).
    /// </summary>
    /// <param name="e">The event; not the stream's first.</param>
    /// <returns>The new tally.</returns>
    /// <exception cref="ArgumentException">The event is of another participant, or of an unknown type.</exception>
    /// <exception cref="InvalidOperationException">The event admits the participant again.</exception>
    public ParticipantTally Apply(ParticipantEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Participant != Participant)
        {
            throw new ArgumentException($"{e.GetType().Name} is about {e.Participant}, not {Participant}.", nameof(e));
        }

        return e switch
        {
            ParticipantAdmitted => throw new InvalidOperationException("A participant is admitted once."),
            SessionAttended => this with { SessionsAttended = SessionsAttended + 1, Status = Training() },
            TutorialHeld => this with { TutorialsHeld = TutorialsHeld + 1, Status = Training() },
            TrainingPillAttended => this with { Pills = Pills + 1, Status = Training() },
            TechnicianAssigned => this with { HasTechnician = true },
            ConsultancyProvided c => this with { ConsultancyHours = ConsultancyHours + c.Hours },
            SwotSubmitted => this with { SwotVersions = SwotVersions + 1, Swot = ReviewStatus.Submitted },
            SwotReviewed r => this with { Swot = r.Accepted ? ReviewStatus.Accepted : ReviewStatus.Returned },
            RoadmapSubmitted => this with { RoadmapVersions = RoadmapVersions + 1, Roadmap = ReviewStatus.Submitted },
            RoadmapReviewed r => this with { Roadmap = r.Accepted ? ReviewStatus.Accepted : ReviewStatus.Returned },
            ClaimSubmitted => this,
            ClaimVerified v => this with { SupportGranted = SupportGranted + v.Decision.Granted },
            SurveyAnswered s => this with { Survey = s.Answer },
            ParticipationCompleted => this with { Status = ParticipantStatus.Completed },
            ParticipantWithdrew => this with { Status = ParticipantStatus.Withdrawn },
            ParticipantExcluded => this with { Status = ParticipantStatus.Excluded },
            _ => throw new ArgumentException($"Unknown participant event {e.GetType().Name}.", nameof(e)),
        };
    }

    private ParticipantStatus Training() => Status == ParticipantStatus.Admitted ? ParticipantStatus.InTraining : Status;
}

/// <summary>
/// An edition's report kept up to date event by event: the edition's own figures (budget lines,
/// sessions, capacity) and the sums of its participants' <see cref="ParticipantTally"/> parts, so
/// that each event costs O(1) whatever the number of participants, and <see cref="ToReport"/>
/// equals <see cref="EditionReport.Create"/> over the same streams.
/// </summary>
/// <remarks>
/// <para>A projection: <see cref="Start"/> on the edition's first event, <see cref="Apply(EditionEvent)"/>
/// on each of the others, and <see cref="Apply(ParticipantTally?, ParticipantTally)"/> each time
/// a participant's tally changes (its stream's events applied with <see cref="ParticipantTally.Apply"/>).
/// The two kinds of stream may be applied in any order relative to each other; the report is
/// whole once every event of every stream was applied (<see cref="IsWhole"/>).</para>
/// <para>Immutable, with value equality; its constructor's parameters are its whole state, so a
/// host can store it as a document and read it back. The survey's scores are kept per score
/// (at most <see cref="EditionReport.MaxScalePoints"/> of them), so an answer costs O(1) in the
/// number of participants.</para>
/// <para>One difference with <see cref="EditionReport.Create"/>: an overall score outside the
/// scale is refused in the same way, but a score of an optional question is not checked here
/// (only its sum and count are kept); <see cref="Participant.AnswerSurvey"/> refuses both.</para>
/// </remarks>
/// <param name="Edition">The edition.</param>
/// <param name="EditionVersion">The version of the edition's stream applied so far.</param>
/// <param name="RulesDate">The date whose rules the edition applies.</param>
/// <param name="Capacity">The edition's seats.</param>
/// <param name="Ledger">The edition's budget ledger.</param>
/// <param name="SessionsScheduled">Group sessions scheduled.</param>
/// <param name="CompaniesAdmitted">Companies admitted, as the edition's stream counts them.</param>
/// <param name="Admitted">Participants counted, as their streams count them.</param>
/// <param name="Active">Participants admitted or in training.</param>
/// <param name="Completed">Participants who completed.</param>
/// <param name="Withdrawn">Participants who withdrew.</param>
/// <param name="Excluded">Participants excluded.</param>
/// <param name="SessionsCommitted">Group sessions committed, in total.</param>
/// <param name="SessionsAttended">Group sessions attended, in total.</param>
/// <param name="SessionsTowardsCommitment">Attendances counted towards each participant's commitment (at most its commitment).</param>
/// <param name="TutorialsCommitted">Tutorials committed, in total.</param>
/// <param name="TutorialsHeld">Tutorials held, in total.</param>
/// <param name="TutorialsTowardsCommitment">Tutorials counted towards each participant's commitment.</param>
/// <param name="Pills">Training pills attended.</param>
/// <param name="ConsultancyHours">Hours of senior consultancy.</param>
/// <param name="SwotSubmitted">Participants who submitted a SWOT analysis.</param>
/// <param name="SwotAccepted">Participants whose SWOT analysis is accepted.</param>
/// <param name="RoadmapSubmitted">Participants who submitted a roadmap.</param>
/// <param name="RoadmapAccepted">Participants whose roadmap is accepted.</param>
/// <param name="SupportTotal">Promotion support granted, in total.</param>
/// <param name="SupportMax">The most support granted to one participant (support granted only grows).</param>
/// <param name="Supported">Participants granted some support.</param>
/// <param name="ReachedCap">Participants whose support reached their cap.</param>
/// <param name="NonFinancial">Participants who received non-financial support.</param>
/// <param name="BySize">Participants per size class, by the class's number.</param>
/// <param name="Responses">Survey answers.</param>
/// <param name="ScoreSum">The sum of the overall scores.</param>
/// <param name="Scores">How many answers gave each overall score.</param>
/// <param name="QuestionSums">The sum of the scores per optional question.</param>
/// <param name="QuestionCounts">The answers per optional question.</param>
public sealed record EditionTally(
    EditionId Edition,
    long EditionVersion,
    LocalDate RulesDate,
    int Capacity,
    BudgetLedger Ledger,
    int SessionsScheduled,
    int CompaniesAdmitted,
    int Admitted,
    int Active,
    int Completed,
    int Withdrawn,
    int Excluded,
    int SessionsCommitted,
    int SessionsAttended,
    int SessionsTowardsCommitment,
    int TutorialsCommitted,
    int TutorialsHeld,
    int TutorialsTowardsCommitment,
    int Pills,
    decimal ConsultancyHours,
    int SwotSubmitted,
    int SwotAccepted,
    int RoadmapSubmitted,
    int RoadmapAccepted,
    Money SupportTotal,
    Money SupportMax,
    int Supported,
    int ReachedCap,
    int NonFinancial,
    EquatableDictionary<SizeClass, int> BySize,
    int Responses,
    long ScoreSum,
    EquatableDictionary<int, int> Scores,
    EquatableDictionary<string, long> QuestionSums,
    EquatableDictionary<string, int> QuestionCounts)
{
    /// <summary>The edition's currency.</summary>
    public Currency Currency => Ledger.Actions.Allocated.Currency;

    /// <summary>
    /// Whether every admitted company's participant stream was counted: the edition's stream and
    /// its participants' streams agree, as they do after every joint change a host saved whole.
    /// </summary>
    public bool IsWhole => Admitted == CompaniesAdmitted;

    /// <summary>The tally of an edition just opened: its stream's first event.</summary>
    /// <param name="opened">The edition's first event.</param>
    /// <returns>The tally, with no participant.</returns>
    public static EditionTally Start(EditionOpened opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var zero = Money.Zero(opened.Annuity.Budget.Actions.Currency);
        return new EditionTally(
            opened.Edition,
            1,
            opened.RulesDate,
            opened.Annuity.Capacity,
            BudgetLedger.From(opened.Annuity.Budget),
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0m,
            0,
            0,
            0,
            0,
            zero,
            zero,
            0,
            0,
            0,
            default,
            0,
            0L,
            default,
            default,
            default);
    }

    /// <summary>
    /// The tally after one more event of the edition's stream, as <see cref="Editions.Edition.Apply"/>
    /// changes the edition's figures: O(1).
    /// </summary>
    /// <param name="e">The event; not the stream's first.</param>
    /// <returns>The new tally.</returns>
    /// <exception cref="ArgumentException">The event is of another edition, or of an unknown type.</exception>
    /// <exception cref="InvalidOperationException">The event opens the edition again.</exception>
    public EditionTally Apply(EditionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Edition != Edition)
        {
            throw new ArgumentException($"{e.GetType().Name} is about {e.Edition}, not {Edition}.", nameof(e));
        }

        var next = e switch
        {
            EditionOpened => throw new InvalidOperationException("An edition is opened once."),
            ApplicationReceived or AttendanceRegistered => this,
            CompanyAdmitted => this with { CompaniesAdmitted = CompaniesAdmitted + 1 },
            FundsReserved r => this with { Ledger = Ledger.Reserve(r.Line, r.Amount) },
            ReservedFundsSpent s => this with { Ledger = Ledger.SpendReserved(s.Line, s.Amount) },
            ReservationReleased r => this with { Ledger = Ledger.Release(r.Line, r.Amount) },
            FundsSpent s => this with { Ledger = Ledger.Spend(s.Line, s.Amount) },
            SessionScheduled => this with { SessionsScheduled = SessionsScheduled + 1 },
            _ => throw new ArgumentException($"Unknown edition event {e.GetType().Name}.", nameof(e)),
        };
        return next with { EditionVersion = EditionVersion + 1 };
    }

    /// <summary>
    /// The tally after a participant's part changed from <paramref name="before"/> to
    /// <paramref name="after"/> (one or more of its events applied): the old part taken out of
    /// the sums and the new one put in, O(1).
    /// </summary>
    /// <param name="before">The participant's tally before; null when <paramref name="after"/> starts its stream.</param>
    /// <param name="after">The participant's tally after.</param>
    /// <returns>The new tally.</returns>
    /// <exception cref="ArgumentException">
    /// The participant is not of this edition, the two tallies are of different participants, or
    /// its support granted went down (support granted only grows).
    /// </exception>
    public EditionTally Apply(ParticipantTally? before, ParticipantTally after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (after.Participant.Edition != Edition)
        {
            throw new ArgumentException($"{after.Participant} is not a participant of {Edition}.", nameof(after));
        }

        if (before is not null && before.Participant != after.Participant)
        {
            throw new ArgumentException($"{before.Participant} and {after.Participant} are two participants.", nameof(before));
        }

        if (before is not null && after.SupportGranted < before.SupportGranted)
        {
            throw new ArgumentException($"{after.Participant}'s support granted went down from {before.SupportGranted} to {after.SupportGranted}.", nameof(after));
        }

        var without = before is null ? this : Count(before, -1);
        return without.Count(after, 1) with { SupportMax = Money.Max(SupportMax, after.SupportGranted) };
    }

    /// <summary>
    /// The edition's report from the tally, equal to <see cref="EditionReport.Create"/> over the
    /// same streams: O(1) in the number of participants (the survey's scale and questions aside).
    /// </summary>
    /// <param name="rulebook">The edition's rulebook: the funding rates, cap and survey scale in force on <see cref="RulesDate"/>.</param>
    /// <returns>
    /// The report; or Invalid when the rulebook is not the edition's (<see cref="EditionErrors.WrongEdition"/>)
    /// or has no rules in force on its date, when its survey scale is too wide
    /// (<see cref="EvaluationErrors.ScaleTooWide"/>), when the tally is not whole
    /// (<see cref="IsWhole"/>; <see cref="EvaluationErrors.ParticipantsNotTheEditions"/>), or when an
    /// overall score lies outside the scale (<see cref="EvaluationErrors.ScoreOutsideScale"/>).
    /// </returns>
    public Result<EditionReport> ToReport(Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        return EditionReport.Counters.Start(Edition, RulesDate, Currency, rulebook)
            .Bind(counters => counters.Count(this))
            .Map(counters => counters.Report(EditionVersion, Capacity, SessionsScheduled, Ledger));
    }

    private static int Min(int a, int b) => a < b ? a : b;

    /// <summary>Adds to one entry of a map of sums; an entry that falls to zero is removed, so equal sums are equal maps.</summary>
    private static EquatableDictionary<TKey, TValue> Add<TKey, TValue>(EquatableDictionary<TKey, TValue> sums, TKey key, TValue by, Func<TValue, TValue, TValue> add)
        where TKey : notnull
        where TValue : struct, IEquatable<TValue>
    {
        var sum = add(sums.TryGetValue(key, out var n) ? n : default, by);
        return sum.Equals(default) ? sums.Remove(key) : sums.SetItem(key, sum);
    }

    /// <summary>Puts a participant's part into the sums (<paramref name="sign"/> 1) or takes it out (-1).</summary>
    private EditionTally Count(ParticipantTally p, int sign)
    {
        var next = this with
        {
            Admitted = Admitted + sign,
            Active = Active + (p.IsFinal ? 0 : sign),
            Completed = Completed + (p.Status == ParticipantStatus.Completed ? sign : 0),
            Withdrawn = Withdrawn + (p.Status == ParticipantStatus.Withdrawn ? sign : 0),
            Excluded = Excluded + (p.Status == ParticipantStatus.Excluded ? sign : 0),
            SessionsCommitted = SessionsCommitted + (sign * p.SessionsCommitted),
            SessionsAttended = SessionsAttended + (sign * p.SessionsAttended),
            SessionsTowardsCommitment = SessionsTowardsCommitment + (sign * Min(p.SessionsAttended, p.SessionsCommitted)),
            TutorialsCommitted = TutorialsCommitted + (sign * p.TutorialsCommitted),
            TutorialsHeld = TutorialsHeld + (sign * p.TutorialsHeld),
            TutorialsTowardsCommitment = TutorialsTowardsCommitment + (sign * Min(p.TutorialsHeld, p.TutorialsCommitted)),
            Pills = Pills + (sign * p.Pills),
            ConsultancyHours = ConsultancyHours + (sign * p.ConsultancyHours),
            SwotSubmitted = SwotSubmitted + (p.SwotVersions > 0 ? sign : 0),
            SwotAccepted = SwotAccepted + (p.Swot == ReviewStatus.Accepted ? sign : 0),
            RoadmapSubmitted = RoadmapSubmitted + (p.RoadmapVersions > 0 ? sign : 0),
            RoadmapAccepted = RoadmapAccepted + (p.Roadmap == ReviewStatus.Accepted ? sign : 0),
            SupportTotal = sign > 0 ? SupportTotal + p.SupportGranted : SupportTotal - p.SupportGranted,
            Supported = Supported + (p.SupportGranted.IsPositive ? sign : 0),
            ReachedCap = ReachedCap + (p.ReachedCap ? sign : 0),
            NonFinancial = NonFinancial + (p.ReceivedNonFinancialSupport ? sign : 0),
            BySize = Add(BySize, SizeOf(p.SizeClass), sign, static (a, b) => a + b),
        };
        if (p.Survey is not { } answer)
        {
            return next;
        }

        next = next with
        {
            Responses = next.Responses + sign,
            ScoreSum = next.ScoreSum + (sign * answer.Overall),
            Scores = Add(next.Scores, answer.Overall, sign, static (a, b) => a + b),
        };
        if (answer.Questions.Count == 0)
        {
            return next;
        }

        var sums = next.QuestionSums;
        var counts = next.QuestionCounts;
        foreach (var (question, score) in answer.Questions)
        {
            sums = Add(sums, question, (long)sign * score, static (a, b) => a + b);
            counts = Add(counts, question, sign, static (a, b) => a + b);
        }

        return next with { QuestionSums = sums, QuestionCounts = counts };
    }

    /// <summary>The size class a report counts a participant under (an unknown number as the largest class, as the report does).</summary>
    private static SizeClass SizeOf(SizeClass size) => (SizeClass)Math.Clamp((int)size, 0, 3);
}
