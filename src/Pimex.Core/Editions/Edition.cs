using Pimex.Admission;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.Editions;

/// <summary>
/// One yearly edition (annuity) of the programme: its budget ledger, its capacity, its windows,
/// its applications and admitted participants, and its group sessions. An aggregate with its own
/// event stream; immutable, changed only through its verbs, and equal to the replay of its events.
/// </summary>
public sealed partial record Edition : IEventSourced
{
    private Edition(EditionId id, AnnuityRules annuity, LocalDate rulesDate)
    {
        Id = id;
        Annuity = annuity;
        RulesDate = rulesDate;
        Budget = BudgetLedger.From(annuity.Budget);
    }

    /// <summary>The edition's id.</summary>
    public EditionId Id { get; }

    /// <summary>The annuity's rules: budget, capacity, windows.</summary>
    public AnnuityRules Annuity { get; }

    /// <summary>The date whose rules the edition applies: the first day of its applications window.</summary>
    public LocalDate RulesDate { get; }

    /// <summary>How many events its stream holds.</summary>
    public long Version { get; private set; }

    /// <summary>The instant of its last event: no command before it is accepted.</summary>
    public Instant LastRecordedAt { get; private set; }

    /// <summary>
    /// The edition's budget line by line: what each line was allocated, has reserved, spent and
    /// released (named <c>Budget</c>, not <c>Ledger</c>: in the tool and the docs a ledger is a file of commands).
    /// </summary>
    public BudgetLedger Budget { get; private init; }

    /// <summary>Applications received and not yet decided, by company.</summary>
    public EquatableDictionary<CompanyId, ApplicationReceived> Applications { get; private init; }

    /// <summary>Admitted participants and their size class, by company.</summary>
    public EquatableDictionary<CompanyId, ParticipantId> Participants { get; private init; }

    /// <summary>Each participant's reservation left on the actions line.</summary>
    public EquatableDictionary<ParticipantId, Money> Reservations { get; private init; }

    /// <summary>The group sessions, by id.</summary>
    public EquatableDictionary<string, GroupSession> Sessions { get; private init; }

    /// <summary>How many participants are registered at each session.</summary>
    public EquatableDictionary<string, int> SessionAttendance { get; private init; }

    /// <summary>How many companies were admitted (withdrawn ones included: a seat once given stays counted).</summary>
    public int AdmittedCount => Participants.Count;

    /// <summary>Rebuilds an edition from its stream, which starts with <see cref="EditionOpened"/>.</summary>
    /// <param name="events">The stream, in order.</param>
    /// <returns>The edition.</returns>
    /// <exception cref="ArgumentException">The stream is empty or does not start with the opening.</exception>
    public static Edition Replay(IEnumerable<EditionEvent> events) =>
        EventFold.Replay<Edition, EditionEvent, EditionOpened>(events, Start, static (state, e) => state.Apply(e), "An edition's");

    /// <summary>Applies one event: the state after it. Events are facts, so nothing is checked.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The new state.</returns>
    public Edition Apply(EditionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var next = e switch
        {
            EditionOpened => throw new InvalidOperationException("An edition is opened once."),
            ApplicationReceived a => this with { Applications = Applications.SetItem(a.Application.Company, a) },
            CompanyAdmitted a => this with
            {
                Applications = Applications.Remove(a.Participant.Company),
                Participants = Participants.SetItem(a.Participant.Company, a.Participant),
            },
            FundsReserved r => this with
            {
                Budget = Budget.Reserve(r.Line, r.Amount),
                Reservations = Reservations.SetItem(r.Participant, ReservationOf(r.Participant) + r.Amount),
            },
            ReservedFundsSpent s => this with
            {
                Budget = Budget.SpendReserved(s.Line, s.Amount),
                Reservations = Reservations.SetItem(s.Participant, ReservationOf(s.Participant) - s.Amount),
            },
            ReservationReleased r => this with
            {
                Budget = Budget.Release(r.Line, r.Amount),
                Reservations = Reservations.SetItem(r.Participant, ReservationOf(r.Participant) - r.Amount),
            },
            FundsSpent s => this with { Budget = Budget.Spend(s.Line, s.Amount) },
            SessionScheduled s => this with { Sessions = Sessions.SetItem(s.Session.Id, s.Session) },
            AttendanceRegistered a => this with { SessionAttendance = SessionAttendance.SetItem(a.Session, AttendanceAt(a.Session) + 1) },
            _ => throw new ArgumentException($"Unknown edition event {e.GetType().Name}.", nameof(e)),
        };
        // Every arm above made a fresh copy that nobody else holds yet: stamping it in place
        // saves copying the whole edition a second time.
        next.Version = Version + 1;
        next.LastRecordedAt = e.RecordedAt;
        return next;
    }

    /// <summary>What is left of a participant's reservation on the actions line.</summary>
    /// <param name="participant">The participant.</param>
    /// <returns>Its reservation left, zero if none.</returns>
    public Money ReservationOf(ParticipantId participant) =>
        Reservations.TryGetValue(participant, out var left) ? left : Money.Zero(Annuity.Budget.Actions.Currency);

    /// <summary>How many participants are registered at a session.</summary>
    /// <param name="session">The session's id.</param>
    /// <returns>The count.</returns>
    public int AttendanceAt(string session) => SessionAttendance.TryGetValue(session, out var n) ? n : 0;

    /// <summary>
    /// Opens the edition of a rulebook's annuity. Only a programme manager may. Its rules are
    /// those in force on the first day of the applications window.
    /// </summary>
    /// <param name="rulebook">The rulebook.</param>
    /// <param name="year">The annuity's year.</param>
    /// <param name="context">Who opens it, and when.</param>
    /// <returns>The new edition and its first event, or the reason it cannot be opened.</returns>
    [Plumbing(CheckStage.Rules, EditionErrors.NoRules)]
    public static Result<Changed<Edition, EditionEvent>> Open(Rulebook rulebook, int year, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Actor.Role != ActorRole.ProgrammeManager)
        {
            return CommonErrors.Forbidden(context, "openEdition");
        }

        if (!context.IsInSupportedCalendar)
        {
            return TimeErrors.OutsideSupportedCalendar(context.Language, context.At);
        }

        var annuity = rulebook.Annuity(year);
        if (!annuity.IsSuccess)
        {
            return Result.Invalid(DomainErrors.Refusal(context.Language, "year", EditionErrors.NoRules + ".annuity", rulebook.Id, year.ToString(CultureInfo.InvariantCulture)));
        }

        var rulesDate = annuity.Value.Applications.Start;
        var rules = rulebook.On(rulesDate);
        if (!rules.IsSuccess)
        {
            return Result.Invalid(rules.ValidationErrors.Select(e => DomainErrors.Refusal(context.Language, e.Identifier, EditionErrors.NoRules + ".notInForce", e.Identifier, rulesDate)));
        }

        var opened = new EditionOpened(new EditionId(rulebook.Id, year), annuity.Value, rulesDate, context.At, context.Actor);
        return new Changed<Edition, EditionEvent>(Start(opened), [opened]);
    }

    /// <summary>The rules this edition applies, from its rulebook.</summary>
    /// <param name="rulebook">The edition's rulebook.</param>
    /// <returns>The rules in force on <see cref="RulesDate"/>, or Invalid when the rulebook is not this edition's.</returns>
    public Result<RuleSet> RulesFrom(Rulebook rulebook) => RulesFrom(rulebook, ReportLanguage.English);

    /// <summary>The rules this edition applies, with a refusal's reason in a language.</summary>
    internal Result<RuleSet> RulesFrom(Rulebook rulebook, ReportLanguage language) => RulesOf(Id, RulesDate, rulebook, language);

    /// <summary>
    /// The rules of an edition from its rulebook: those in force on its rules date, or Invalid
    /// (<see cref="EditionErrors.WrongEdition"/>) when the rulebook is not the edition's. The one
    /// place an edition's verbs and its participants' verbs take their rules from.
    /// </summary>
    [Plumbing(CheckStage.EditionGiven, EditionErrors.WrongEdition)]
    internal static Result<RuleSet> RulesOf(EditionId edition, LocalDate rulesDate, Rulebook rulebook, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        if (!string.Equals(rulebook.Id, edition.RulebookId, StringComparison.Ordinal))
        {
            return Result.Invalid(DomainErrors.Refusal(language, "rulebook", EditionErrors.WrongEdition, rulebook.Id, edition));
        }

        return rulebook.On(rulesDate);
    }

    /// <summary>
    /// Schedules a group training session inside the training window. Technical staff only.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="context">Who schedules it, and when.</param>
    /// <returns>The new edition and event, or the reason it is refused.</returns>
    [Plumbing(CheckStage.State, EditionErrors.SessionAlreadyScheduled)]
    public Result<Changed<Edition, EditionEvent>> ScheduleSession(GroupSession session, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        if (Precheck(context, context.Actor.IsTechnicalStaff, "scheduleSession") is { } refused)
        {
            return refused;
        }

        if (Sessions.ContainsKey(session.Id))
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, EditionErrors.SessionAlreadyScheduled, session.Id));
        }

        var errors = new List<ValidationError>();
        EditionRules.SessionInTrainingWindow(errors, context.Language, session, Annuity.Training);
        EditionRules.SessionDescribed(errors, context.Language, session);

        return errors.Count > 0
            ? Result.Invalid(errors)
            : Emit(new SessionScheduled(Id, session, context.At, context.Actor));
    }

    /// <summary>
    /// Records a direct spend on the training line (trainers, rooms) or the consultancy line.
    /// Programme manager only; refused when the line would go below zero.
    /// </summary>
    /// <param name="line">The training or consultancy line.</param>
    /// <param name="amount">A positive amount in the edition's currency.</param>
    /// <param name="description">What it pays for.</param>
    /// <param name="context">Who records it, and when.</param>
    /// <returns>The new edition and event, or the reason it is refused.</returns>
    public Result<Changed<Edition, EditionEvent>> RecordExpense(BudgetLine line, Money amount, string description, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Precheck(context, context.Actor.Role == ActorRole.ProgrammeManager, "recordExpense") is { } refused)
        {
            return refused;
        }

        var errors = new List<ValidationError>();
        EditionRules.DirectSpendAffordable(errors, context.Language, line, amount, Annuity.Budget.Actions.Currency, Budget);
        EditionRules.SpendDescribed(errors, context.Language, description);

        return errors.Count > 0
            ? Result.Invalid(errors)
            : Emit(new FundsSpent(Id, line, amount, null, description, context.At, context.Actor));
    }

    internal static Edition Start(EditionOpened opened) =>
        new Edition(opened.Edition, opened.Annuity, opened.RulesDate) with { Version = 1, LastRecordedAt = opened.RecordedAt };

    internal Changed<Edition, EditionEvent> Emit(EditionEvent e) =>
        EventFold.Emit(this, e, static (state, e) => state.Apply(e));

    internal Changed<Edition, EditionEvent> Emit(params EditionEvent[] events) =>
        EventFold.Emit(this, events, static (state, e) => state.Apply(e));

    /// <summary>
    /// The checks every edition verb makes first, in the order of <see cref="CheckOrder"/>: the
    /// actor, the expected version, the calendar, and time (no command before the edition's last
    /// event).
    /// </summary>
    internal Result? Precheck(CommandContext context, bool actorAllowed, string what, object? subject = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CheckOrder.Precheck(this, Id, context, CommonErrors.ForbiddenUnless(actorAllowed, context, what, subject));
    }

    /// <summary>The calendar and time checks of a command that changes this edition.</summary>
    internal Result? TimeCheck(CommandContext context) => CheckOrder.TimeCheck(this, Id, context);
}

/// <summary>
/// The outcome of a command that changes both an edition and one of its participants (admission,
/// attendance, consultancy, granted support, exits): both new states and both sets of events, to
/// append to both streams together.
/// </summary>
/// <param name="Edition">The edition's change.</param>
/// <param name="Participant">The participant's change.</param>
public sealed record ParticipationChange(Changed<Edition, EditionEvent> Edition, Changed<Participant, ParticipantEvent> Participant);
