using Pimex.Editions;
using Pimex.Promotion;

namespace Pimex.Participation;

/// <summary>Where a participant stands in the programme.</summary>
public enum ParticipantStatus
{
    /// <summary>Admitted; no training activity recorded yet.</summary>
    Admitted,

    /// <summary>At least one session, tutorial or pill recorded.</summary>
    InTraining,

    /// <summary>Completed the programme (final).</summary>
    Completed,

    /// <summary>Withdrew (final).</summary>
    Withdrawn,

    /// <summary>Excluded by the programme manager (final).</summary>
    Excluded,
}

/// <summary>
/// One SME admitted to one edition: the main aggregate. It changes only through its verbs, each
/// of which returns the new state and the past-tense events to persist, or a failed
/// <see cref="Result"/> and no change; its state is the fold of its events
/// (<see cref="Replay"/>).
/// </summary>
/// <remarks>
/// A participant is immutable: a verb never changes the instance it is called on. Equality is
/// that of the whole state, so a participant equals the replay of its own events.
/// </remarks>
public sealed partial record Participant : IEventSourced
{
    private Participant(ParticipantId id, ParticipationTerms terms)
    {
        Id = id;
        Terms = terms;
        Swot = new Deliverable<Swot>(ReviewStatus.NotSubmitted, default, null);
        Roadmap = new Deliverable<Roadmap>(ReviewStatus.NotSubmitted, default, null);
        var zero = Money.Zero(terms.Cap.Currency);
        SupportGranted = zero;
        ConsultancyCost = zero;
        ReservationLeft = terms.Cap;
    }

    /// <summary>The participant's id: its edition and company.</summary>
    public ParticipantId Id { get; }

    /// <summary>The terms it was admitted on.</summary>
    public ParticipationTerms Terms { get; }

    /// <summary>How many events its stream holds: the version a writer expects.</summary>
    public long Version { get; private set; }

    /// <summary>The instant of its last event: no command before it is accepted.</summary>
    public Instant LastRecordedAt { get; private set; }

    /// <summary>
    /// The newest version of its edition that a change of this participant was computed on (0
    /// when its stream records none): a command given an older edition is refused
    /// (<see cref="CommonErrors.StaleEdition"/>).
    /// </summary>
    public long EditionVersionSeen { get; private set; }

    /// <summary>Where it stands.</summary>
    public ParticipantStatus Status { get; private init; }

    /// <summary>Whether it is completed, withdrawn or excluded: no command changes it any more.</summary>
    public bool IsFinal => Status is ParticipantStatus.Completed or ParticipantStatus.Withdrawn or ParticipantStatus.Excluded;

    /// <summary>The assigned technician's id, if any.</summary>
    public string? Technician { get; private init; }

    /// <summary>The ids of the group sessions attended.</summary>
    public EquatableArray<string> SessionsAttended { get; private init; }

    /// <summary>The tutorials held.</summary>
    public EquatableArray<Tutorial> Tutorials { get; private init; }

    /// <summary>The training pills attended.</summary>
    public EquatableArray<TrainingPill> Pills { get; private init; }

    /// <summary>Hours of senior-consultant advice received.</summary>
    public decimal ConsultancyHours { get; private init; }

    /// <summary>What that advice cost the consultancy line.</summary>
    public Money ConsultancyCost { get; private init; }

    /// <summary>The SWOT analysis.</summary>
    public Deliverable<Swot> Swot { get; private init; }

    /// <summary>The international roadmap.</summary>
    public Deliverable<Roadmap> Roadmap { get; private init; }

    /// <summary>The expense claims, by claim id.</summary>
    public EquatableDictionary<string, ClaimRecord> Claims { get; private init; }

    /// <summary>The promotion support granted so far.</summary>
    public Money SupportGranted { get; private init; }

    /// <summary>What is left of its reservation on the actions line (zero once released).</summary>
    public Money ReservationLeft { get; private init; }

    /// <summary>Its survey answer, if it answered.</summary>
    public SurveyAnswer? Survey { get; private init; }

    /// <summary>Why it withdrew or was excluded, if it did.</summary>
    public string? ExitReason { get; private init; }

    /// <summary>Whether it reached its promotion cap.</summary>
    public bool ReachedCap => SupportGranted >= Terms.Cap;

    /// <summary>
    /// Rebuilds a participant from its stream: the fold of its events, starting with
    /// <see cref="ParticipantAdmitted"/>.
    /// </summary>
    /// <param name="events">The stream, in order.</param>
    /// <returns>The participant.</returns>
    /// <exception cref="ArgumentException">The stream is empty or does not start with admission.</exception>
    public static Participant Replay(IEnumerable<ParticipantEvent> events) =>
        EventFold.Replay<Participant, ParticipantEvent, ParticipantAdmitted>(events, Start, static (state, e) => state.Apply(e), "A participant's");

    /// <summary>Applies one event: the state after it. Events are facts, so nothing is checked.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The new state.</returns>
    public Participant Apply(ParticipantEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var next = e switch
        {
            ParticipantAdmitted => throw new InvalidOperationException("A participant is admitted once."),
            SessionAttended a => this with { SessionsAttended = Add(SessionsAttended, a.Session), Status = Training() },
            TutorialHeld t => this with { Tutorials = Add(Tutorials, t.Tutorial), Status = Training() },
            TrainingPillAttended p => this with { Pills = Add(Pills, p.Pill), Status = Training() },
            TechnicianAssigned t => this with { Technician = t.Technician },
            ConsultancyProvided c => this with { ConsultancyHours = ConsultancyHours + c.Hours, ConsultancyCost = ConsultancyCost + c.Cost },
            SwotSubmitted s => this with { Swot = new Deliverable<Swot>(ReviewStatus.Submitted, Add(Swot.Versions, s.Swot), null) },
            SwotReviewed r => this with { Swot = Swot with { Status = r.Accepted ? ReviewStatus.Accepted : ReviewStatus.Returned, LastComment = r.Comment } },
            RoadmapSubmitted s => this with { Roadmap = new Deliverable<Roadmap>(ReviewStatus.Submitted, Add(Roadmap.Versions, s.Roadmap), null) },
            RoadmapReviewed r => this with { Roadmap = Roadmap with { Status = r.Accepted ? ReviewStatus.Accepted : ReviewStatus.Returned, LastComment = r.Comment } },
            ClaimSubmitted c => this with { Claims = Claims.SetItem(c.Claim.Id, new ClaimRecord(c.Claim, c.Actor.Id, null)) },
            ClaimVerified v => this with
            {
                Claims = Claims.SetItem(v.ClaimId, Claims[v.ClaimId] with { Verification = new ClaimVerifiedRecord(v.Verdict, v.Decision, v.Reason, v.GrantedOn) }),
                SupportGranted = SupportGranted + v.Decision.Granted,
                ReservationLeft = ReservationLeft - v.Decision.Granted,
            },
            SurveyAnswered s => this with { Survey = s.Answer },
            ParticipationCompleted c => this with { Status = ParticipantStatus.Completed, ReservationLeft = ReservationLeft - c.Released },
            ParticipantWithdrew w => this with { Status = ParticipantStatus.Withdrawn, ExitReason = w.Reason, ReservationLeft = ReservationLeft - w.Released },
            ParticipantExcluded x => this with { Status = ParticipantStatus.Excluded, ExitReason = x.Reason, ReservationLeft = ReservationLeft - x.Released },
            _ => throw new ArgumentException($"Unknown participant event {e.GetType().Name}.", nameof(e)),
        };
        // Every arm above made a fresh copy that nobody else holds yet: stamping it in place
        // saves copying the whole participant a second time.
        next.Version = Version + 1;
        next.LastRecordedAt = e.RecordedAt;
        next.EditionVersionSeen = Math.Max(EditionVersionSeen, e.EditionVersion ?? 0);
        return next;
    }

    internal static Participant Start(ParticipantAdmitted admitted) =>
        new Participant(admitted.Participant, admitted.Terms) with { Version = 1, LastRecordedAt = admitted.RecordedAt, EditionVersionSeen = admitted.EditionVersion ?? 0 };

    private static EquatableArray<T> Add<T>(EquatableArray<T> list, T item) => new(list.Items.Add(item));

    private ParticipantStatus Training() => Status == ParticipantStatus.Admitted ? ParticipantStatus.InTraining : Status;

    private Changed<Participant, ParticipantEvent> Emit(ParticipantEvent e) =>
        EventFold.Emit(this, e, static (state, e) => state.Apply(e));

    private Changed<Participant, ParticipantEvent> Emit(params ParticipantEvent[] events) =>
        EventFold.Emit(this, events, static (state, e) => state.Apply(e));

    /// <summary>
    /// A change of both the edition and this participant: each participant event records the
    /// edition's version once the edition's events are applied.
    /// </summary>
    private ParticipationChange Jointly(Changed<Edition, EditionEvent> editionChange, ParticipantEvent e) =>
        new(editionChange, Emit(e.EditionVersion == editionChange.Aggregate.Version ? e : e with { EditionVersion = editionChange.Aggregate.Version }));

    /// <summary>
    /// The checks every verb makes first, in the order of <see cref="CheckOrder"/>: the actor
    /// (its role, then <paramref name="forbidden"/>, who may act on the target), the expected
    /// version, the calendar and time (no command before the participant's last event), a final
    /// state.
    /// </summary>
    [Plumbing(CheckStage.Final, ParticipationErrors.NotActive)]
    private Result? Precheck(CommandContext context, bool actorAllowed, string what, bool allowFinal = false, Result? forbidden = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var final = IsFinal && !allowFinal
            ? Result.Conflict(DomainErrors.Coded(context.Language, ParticipationErrors.NotActive, Id, Status, context.Language.Refusal("action." + what)))
            : null;
        return CheckOrder.Precheck(this, Id, context, CommonErrors.ForbiddenUnless(actorAllowed, context, what) ?? forbidden, final);
    }

    /// <summary>
    /// The checks of a verb that changes the edition too (<see cref="CheckStage.EditionGiven"/>),
    /// after <see cref="Precheck"/>: the edition is this participant's, it is not older than one
    /// this participant already acted on, and the command does not take it back in time.
    /// </summary>
    [Plumbing(CheckStage.EditionGiven, EditionErrors.WrongEdition)]
    [Plumbing(CheckStage.EditionGiven, CommonErrors.StaleEdition)]
    private Result? EditionCheck(Edition edition, CommandContext context)
    {
        if (edition.Id != Id.Edition || !edition.Participants.ContainsKey(Id.Company))
        {
            return Result.Invalid(DomainErrors.Refusal(context.Language, "edition", EditionErrors.WrongEdition + ".participant", Id, edition.Id));
        }

        if (edition.Version < EditionVersionSeen)
        {
            return CommonErrors.StaleEditionConflict(context.Language, edition.Version, EditionVersionSeen);
        }

        return edition.TimeCheck(context);
    }

    private bool ActsForCompany(Actor actor) => actor.Represents(Id.Company);

    private static ImmutableArray<T> One<T>(T item) => [item];
}
