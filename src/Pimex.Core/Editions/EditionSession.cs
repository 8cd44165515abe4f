using Pimex.Admission;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;

namespace Pimex.Editions;

/// <summary>
/// One edition and its participants kept in memory: a command goes in, the session runs the
/// aggregates' verb and keeps the new aggregates, and the events come out. The aggregates are
/// immutable, so a host that calls the verbs itself must keep each new aggregate (and, for a
/// joint verb, both); the session does that, so a forgotten reassignment cannot happen.
/// </summary>
/// <remarks>
/// <para>It reads no clock and touches nothing outside: every command carries its
/// <see cref="CommandContext"/> (<see cref="Rulebooks.Rulebook.At(Actor, NodaTime.LocalDate, int)"/> builds one from a local date
/// and time in the rulebook's zone). A refused command changes nothing, in the session as in the
/// aggregates: its <see cref="Result"/> carries the verb's status and codes.</para>
/// <para>Each command returns the events it recorded, in order (for a joint verb, the edition's
/// then the participant's), for the host to store; <see cref="Events"/> keeps them all, from the
/// opening or the resumption on, unless the session was made with <c>keepEvents: false</c>.</para>
/// <para>The session is not thread-safe: one writer at a time, as for any edition.</para>
/// </remarks>
public sealed class EditionSession
{
    private readonly Dictionary<CompanyId, Participant> participants = [];
    private readonly List<DomainEvent>? events;

    /// <summary>Resumes work on an edition from its aggregates (as a host loaded them).</summary>
    /// <param name="rulebook">The edition's rulebook.</param>
    /// <param name="edition">The edition.</param>
    /// <param name="participants">The edition's participants, each once.</param>
    /// <param name="keepEvents">Whether <see cref="Events"/> keeps every event recorded from now on.</param>
    /// <exception cref="ArgumentException">A participant is of another edition, or given twice.</exception>
    public EditionSession(Rulebook rulebook, Edition edition, IEnumerable<Participant> participants, bool keepEvents = true)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(participants);
        Rulebook = rulebook;
        Edition = edition;
        events = keepEvents ? [] : null;
        foreach (var participant in participants)
        {
            ArgumentNullException.ThrowIfNull(participant, nameof(participants));
            if (participant.Id.Edition != edition.Id)
            {
                throw new ArgumentException($"{participant.Id} is not a participant of {edition.Id}.", nameof(participants));
            }

            if (!this.participants.TryAdd(participant.Id.Company, participant))
            {
                throw new ArgumentException($"{participant.Id} is given twice.", nameof(participants));
            }
        }
    }

    /// <summary>The edition's rulebook, handed to every verb that reads rules.</summary>
    public Rulebook Rulebook { get; }

    /// <summary>The edition as it stands after the commands accepted so far.</summary>
    public Edition Edition { get; private set; }

    /// <summary>The participants as they stand, by company, in the order they were admitted (or given).</summary>
    public IReadOnlyDictionary<CompanyId, Participant> Participants => participants;

    /// <summary>
    /// Every event recorded through the session, in order; empty when it keeps none
    /// (<c>keepEvents: false</c>).
    /// </summary>
    public IReadOnlyList<DomainEvent> Events => (IReadOnlyList<DomainEvent>?)events ?? [];

    /// <summary>Opens the edition of a year (<see cref="Edition.Open"/>) in a new session.</summary>
    /// <param name="rulebook">The programme's rulebook.</param>
    /// <param name="year">The edition's year.</param>
    /// <param name="context">The programme manager and the moment.</param>
    /// <param name="keepEvents">Whether <see cref="Events"/> keeps every event, the opening's first.</param>
    /// <returns>The session; the refusal of <see cref="Edition.Open"/> otherwise.</returns>
    public static Result<EditionSession> Open(Rulebook rulebook, int year, CommandContext context, bool keepEvents = true)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        return Edition.Open(rulebook, year, context).Map(opened =>
        {
            var session = new EditionSession(rulebook, opened.Aggregate, [], keepEvents);
            session.events?.AddRange(opened.Events);
            return session;
        });
    }

    /// <summary>A company applies (<see cref="Edition.ReceiveApplication"/>).</summary>
    /// <param name="application">The application.</param>
    /// <param name="context">The company's representative and the moment.</param>
    /// <returns>The events recorded, or the refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> ReceiveApplication(CompanyApplication application, CommandContext context) =>
        Keep(Edition.ReceiveApplication(application, Rulebook, context));

    /// <summary>The manager admits an applicant (<see cref="Edition.Admit"/>): it becomes a participant.</summary>
    /// <param name="company">The applicant.</param>
    /// <param name="context">The programme manager and the moment.</param>
    /// <returns>The events recorded, or the refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> Admit(CompanyId company, CommandContext context) =>
        Keep(Edition.Admit(company, Rulebook, context));

    /// <summary>A group session is scheduled (<see cref="Edition.ScheduleSession"/>).</summary>
    /// <param name="session">The session.</param>
    /// <param name="context">Who schedules it and the moment.</param>
    /// <returns>The events recorded, or the refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> ScheduleSession(GroupSession session, CommandContext context) =>
        Keep(Edition.ScheduleSession(session, context));

    /// <summary>A direct spend on a budget line (<see cref="Edition.RecordExpense"/>).</summary>
    /// <param name="line">The line.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="description">What was bought.</param>
    /// <param name="context">The programme manager and the moment.</param>
    /// <returns>The events recorded, or the refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> RecordExpense(BudgetLine line, Money amount, string description, CommandContext context) =>
        Keep(Edition.RecordExpense(line, amount, description, context));

    /// <summary>A technician is assigned (<see cref="Participant.AssignTechnician"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="technician">The technician's id.</param>
    /// <param name="context">The programme manager and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> AssignTechnician(CompanyId company, string technician, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.AssignTechnician(technician, Rulebook, context)) : NotAParticipant(company, context);

    /// <summary>The participant attended a group session (<see cref="Participant.RecordAttendance"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="context">The technician and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> RecordAttendance(CompanyId company, string sessionId, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.RecordAttendance(Edition, sessionId, context)) : NotAParticipant(company, context);

    /// <summary>A tutorial was held (<see cref="Participant.RecordTutorial"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="tutorial">The tutorial.</param>
    /// <param name="context">The assigned technician and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> RecordTutorial(CompanyId company, Tutorial tutorial, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.RecordTutorial(tutorial, context)) : NotAParticipant(company, context);

    /// <summary>The management attended a training pill (<see cref="Participant.RecordTrainingPill"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="pill">The pill.</param>
    /// <param name="context">The technician and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> RecordTrainingPill(CompanyId company, TrainingPill pill, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.RecordTrainingPill(pill, context)) : NotAParticipant(company, context);

    /// <summary>Hours of the senior consultant (<see cref="Participant.RequestConsultancy"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="hours">The hours.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="context">Who asks and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> RequestConsultancy(CompanyId company, decimal hours, string topic, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.RequestConsultancy(Edition, hours, topic, Rulebook, context)) : NotAParticipant(company, context);

    /// <summary>The company submits its SWOT analysis (<see cref="Participant.SubmitSwot"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="swot">The analysis.</param>
    /// <param name="context">The company's representative and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> SubmitSwot(CompanyId company, Swot swot, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.SubmitSwot(swot, context)) : NotAParticipant(company, context);

    /// <summary>The technician accepts or returns the SWOT analysis (<see cref="Participant.ReviewSwot"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="accept">Whether it is accepted.</param>
    /// <param name="comment">Why it is returned, or a remark.</param>
    /// <param name="context">The technician and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> ReviewSwot(CompanyId company, bool accept, string? comment, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.ReviewSwot(accept, comment, context)) : NotAParticipant(company, context);

    /// <summary>The company submits its international roadmap (<see cref="Participant.SubmitRoadmap"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="roadmap">The roadmap.</param>
    /// <param name="context">The company's representative and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> SubmitRoadmap(CompanyId company, Roadmap roadmap, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.SubmitRoadmap(roadmap, context)) : NotAParticipant(company, context);

    /// <summary>The technician accepts or returns the roadmap (<see cref="Participant.ReviewRoadmap"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="accept">Whether it is accepted.</param>
    /// <param name="comment">Why it is returned, or a remark.</param>
    /// <param name="context">The technician and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> ReviewRoadmap(CompanyId company, bool accept, string? comment, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.ReviewRoadmap(accept, comment, context)) : NotAParticipant(company, context);

    /// <summary>The company claims a promotion expense (<see cref="Participant.SubmitClaim"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="claim">The claim.</param>
    /// <param name="context">The company's representative and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> SubmitClaim(CompanyId company, ExpenseClaim claim, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.SubmitClaim(claim, Rulebook, context)) : NotAParticipant(company, context);

    /// <summary>A claim is verified (<see cref="Participant.VerifyClaim"/>): support is granted, in part, or not.</summary>
    /// <param name="company">The participant.</param>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="verification">The verdict.</param>
    /// <param name="context">The verifier (not the submitter) and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> VerifyClaim(CompanyId company, string claimId, ClaimVerification verification, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.VerifyClaim(Edition, claimId, verification, Rulebook, context)) : NotAParticipant(company, context);

    /// <summary>The participant completed the programme (<see cref="Participant.Complete"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="context">The technician or manager and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> Complete(CompanyId company, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.Complete(Edition, context)) : NotAParticipant(company, context);

    /// <summary>The participant withdraws (<see cref="Participant.Withdraw"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="reason">Why.</param>
    /// <param name="context">Who records it and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> Withdraw(CompanyId company, string reason, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.Withdraw(Edition, reason, context)) : NotAParticipant(company, context);

    /// <summary>The manager excludes the participant (<see cref="Participant.Exclude"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="reason">Why.</param>
    /// <param name="context">The programme manager and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> Exclude(CompanyId company, string reason, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.Exclude(Edition, reason, context)) : NotAParticipant(company, context);

    /// <summary>The company answers the satisfaction survey (<see cref="Participant.AnswerSurvey"/>).</summary>
    /// <param name="company">The participant.</param>
    /// <param name="answer">The answer.</param>
    /// <param name="context">The company's representative and the moment.</param>
    /// <returns>The events recorded; <c>NotFound</c> (<see cref="EditionErrors.NotAParticipant"/>) for a company that is not a participant; or the verb's refusal.</returns>
    public Result<ImmutableArray<DomainEvent>> AnswerSurvey(CompanyId company, SurveyAnswer answer, CommandContext context) =>
        participants.TryGetValue(company, out var p) ? Keep(p.AnswerSurvey(answer, Rulebook, context)) : NotAParticipant(company, context);

    [Plumbing(CheckStage.MissingTarget, EditionErrors.NotAParticipant)]
    private Result<ImmutableArray<DomainEvent>> NotAParticipant(CompanyId company, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.NotFound(DomainErrors.Coded(context.Language, EditionErrors.NotAParticipant, company, Edition.Id));
    }

    private Result<ImmutableArray<DomainEvent>> Keep(Result<Changed<Edition, EditionEvent>> result)
    {
        if (!result.IsSuccess)
        {
            return result.Map(_ => ImmutableArray<DomainEvent>.Empty);
        }

        Edition = result.Value.Aggregate;
        return Recorded(ImmutableArray<DomainEvent>.CastUp(result.Value.Events));
    }

    private Result<ImmutableArray<DomainEvent>> Keep(Result<Changed<Participant, ParticipantEvent>> result)
    {
        if (!result.IsSuccess)
        {
            return result.Map(_ => ImmutableArray<DomainEvent>.Empty);
        }

        var participant = result.Value.Aggregate;
        participants[participant.Id.Company] = participant;
        return Recorded(ImmutableArray<DomainEvent>.CastUp(result.Value.Events));
    }

    private Result<ImmutableArray<DomainEvent>> Keep(Result<ParticipationChange> result)
    {
        if (!result.IsSuccess)
        {
            return result.Map(_ => ImmutableArray<DomainEvent>.Empty);
        }

        var (edition, participant) = result.Value;
        Edition = edition.Aggregate;
        participants[participant.Aggregate.Id.Company] = participant.Aggregate;
        return Recorded([.. edition.Events, .. participant.Events]);
    }

    private ImmutableArray<DomainEvent> Recorded(ImmutableArray<DomainEvent> recorded)
    {
        events?.AddRange(recorded);
        return recorded;
    }
}
