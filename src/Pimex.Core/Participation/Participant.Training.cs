using Pimex.Editions;
using Pimex.Rulebooks;

namespace Pimex.Participation;

/// <content>Training and the support team.</content>
public sealed partial record Participant
{
    /// <summary>
    /// The most hours one consultancy request may record (an input limit against overflow, far
    /// above what any consultancy line pays for; the line itself is the business limit).
    /// </summary>
    public const decimal MaxConsultancyHours = 1_000_000m;

    /// <summary>
    /// Records the participant's attendance at one of its edition's group sessions. Technical
    /// staff only; a session counts once per participant and seats no more than its capacity.
    /// </summary>
    /// <param name="edition">The participant's edition.</param>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="context">Who records it, and when.</param>
    /// <returns>Both changes, or why not.</returns>
    [Plumbing(CheckStage.State, ParticipationErrors.SessionAlreadyAttended)]
    [Plumbing(CheckStage.MissingTarget, ParticipationErrors.UnknownSession)]
    public Result<ParticipationChange> RecordAttendance(Edition edition, string sessionId, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(edition);
        if ((Precheck(context, context.Actor.IsTechnicalStaff, "recordAttendance") ?? EditionCheck(edition, context)) is { } refused)
        {
            return refused;
        }

        if (SessionsAttended.Contains(sessionId))
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, ParticipationErrors.SessionAlreadyAttended, Id, sessionId));
        }

        if (!edition.Sessions.TryGetValue(sessionId, out var session))
        {
            return Result.NotFound(DomainErrors.Coded(context.Language, ParticipationErrors.UnknownSession, edition.Id, sessionId));
        }

        var errors = new List<ValidationError>();
        TrainingRules.Attendance(errors, context.Language, sessionId, session, edition.AttendanceAt(sessionId), Terms, context.DateIn(Terms.Zone));
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var editionChange = edition.Emit(new AttendanceRegistered(edition.Id, sessionId, Id, context.At, context.Actor));
        return Jointly(editionChange, new SessionAttended(Id, sessionId, session.Date, context.At, context.Actor) { EditionVersion = editionChange.Aggregate.Version });
    }

    /// <summary>
    /// Records an individual tutorial, held by the assigned technician (any technician while none
    /// is assigned) or a senior consultant, inside the training window and, where the rulebook
    /// says so, at the company's own premises.
    /// </summary>
    /// <param name="tutorial">The tutorial.</param>
    /// <param name="context">Who held it, and when it is recorded.</param>
    /// <returns>The change, or why not.</returns>
    [Plumbing(CheckStage.State, ParticipationErrors.TutorialAlreadyRecorded)]
    public Result<Changed<Participant, ParticipantEvent>> RecordTutorial(Tutorial tutorial, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(tutorial);
        ArgumentNullException.ThrowIfNull(context);
        var actor = context.Actor;
        var notAssigned = TrainingRules.HeldByAssignedTechnician(context.Language, Id, Technician, actor);
        if (Precheck(context, actor.Role is ActorRole.Technician or ActorRole.SeniorConsultant, "holdTutorial", forbidden: notAssigned) is { } refused)
        {
            return refused;
        }

        foreach (var held in Tutorials)
        {
            if (held.Id == tutorial.Id)
            {
                return Result.Conflict(DomainErrors.Coded(context.Language, ParticipationErrors.TutorialAlreadyRecorded, tutorial.Id));
            }
        }

        var errors = new List<ValidationError>();
        TrainingRules.Tutorial(errors, context.Language, tutorial, Terms, context.DateIn(Terms.Zone));
        return errors.Count > 0 ? Result.Invalid(errors) : Emit(new TutorialHeld(Id, tutorial, context.At, context.Actor));
    }

    /// <summary>
    /// Records a training pill attended by someone of the company's management, in a role the
    /// rulebook names. Technical staff only.
    /// </summary>
    /// <param name="pill">The pill.</param>
    /// <param name="context">Who records it, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> RecordTrainingPill(TrainingPill pill, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pill);
        if (Precheck(context, context.Actor.IsTechnicalStaff, "recordPill") is { } refused)
        {
            return refused;
        }

        var errors = new List<ValidationError>();
        TrainingRules.Pill(errors, context.Language, pill, Terms, context.DateIn(Terms.Zone));
        return errors.Count > 0 ? Result.Invalid(errors) : Emit(new TrainingPillAttended(Id, pill, context.At, context.Actor));
    }

    /// <summary>Assigns the participant's technician. Programme manager only.</summary>
    /// <param name="technician">The technician's id.</param>
    /// <param name="rulebook">The edition's rulebook (whether technicians work full time in-company).</param>
    /// <param name="context">Who assigns, and when.</param>
    /// <returns>The change, or why not.</returns>
    [Plumbing(CheckStage.State, ParticipationErrors.TechnicianAlreadyAssigned)]
    public Result<Changed<Participant, ParticipantEvent>> AssignTechnician(string technician, Rulebook rulebook, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(context);
        if (Precheck(context, context.Actor.Role == ActorRole.ProgrammeManager, "assignTechnician") is { } refused)
        {
            return refused;
        }

        if (Technician is not null && Technician == technician)
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, ParticipationErrors.TechnicianAlreadyAssigned, technician, Id));
        }

        if (string.IsNullOrWhiteSpace(technician))
        {
            return Result.Invalid(DomainErrors.Refusal(context.Language, "technician", CommonErrors.MissingText + ".technician"));
        }

        var rules = RulesFrom(rulebook, context.Language);
        return rules.IsSuccess
            ? Emit(new TechnicianAssigned(Id, technician, rules.Value.Support.TechnicianFullTimeInCompany, context.At, context.Actor))
            : Result.Invalid(rules.ValidationErrors);
    }

    /// <summary>
    /// Records senior-consultant advice requested by the company (or by technical staff for it):
    /// hours times the rulebook's hourly rate are charged to the consultancy line, refused when
    /// the line would go below zero.
    /// </summary>
    /// <param name="edition">The participant's edition.</param>
    /// <param name="hours">Hours of advice; positive.</param>
    /// <param name="topic">What the advice is about.</param>
    /// <param name="rulebook">The edition's rulebook (the hourly rate).</param>
    /// <param name="context">Who requests it, and when.</param>
    /// <returns>Both changes, or why not.</returns>
    public Result<ParticipationChange> RequestConsultancy(Edition edition, decimal hours, string topic, Rulebook rulebook, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(context);
        if ((Precheck(context, ActsForCompany(context.Actor) || context.Actor.IsTechnicalStaff, "requestConsultancy") ?? EditionCheck(edition, context)) is { } refused)
        {
            return refused;
        }

        var rules = RulesFrom(rulebook, context.Language);
        if (!rules.IsSuccess)
        {
            return Result.Invalid(rules.ValidationErrors);
        }

        var errors = new List<ValidationError>();
        TrainingRules.ConsultancyAffordable(errors, context.Language, hours, rules.Value.Support.ConsultantHourlyRate, edition.Budget.Consultancy.Available);
        TrainingRules.AdviceTopicGiven(errors, context.Language, topic);

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var charged = rules.Value.Support.ConsultantHourlyRate.Multiply(hours);
        var editionChange = edition.Emit(new FundsSpent(edition.Id, BudgetLine.Consultancy, charged, Id, "Senior consultant: " + topic, context.At, context.Actor));
        return Jointly(editionChange, new ConsultancyProvided(Id, hours, charged, topic, context.At, context.Actor) { EditionVersion = editionChange.Aggregate.Version });
    }

    /// <summary>The rules of this participant's edition, from its rulebook (<see cref="Edition.RulesOf"/>).</summary>
    private Result<RuleSet> RulesFrom(Rulebook rulebook, ReportLanguage language) =>
        Edition.RulesOf(Id.Edition, Terms.RulesDate, rulebook, language);
}
