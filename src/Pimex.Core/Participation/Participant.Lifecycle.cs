using Ardalis.Result;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Rulebooks;

namespace Pimex.Participation;

/// <content>Completion, withdrawal, exclusion and the satisfaction survey.</content>
public sealed partial record Participant
{
    /// <summary>
    /// Every requirement of completion still missing: the commitment (group sessions, tutorials,
    /// training pills) and both deliverables accepted. Empty when the participant can complete.
    /// </summary>
    /// <returns>One error per missing requirement, with its stable code.</returns>
    public IReadOnlyList<ValidationError> MissingForCompletion()
    {
        var missing = new List<ValidationError>();
        var c = Terms.Commitment;
        if (SessionsAttended.Count < c.GroupSessions)
        {
            missing.Add(DomainErrors.Validation("groupSessions", ParticipationErrors.SessionsMissing, $"{SessionsAttended.Count} of {c.GroupSessions} group sessions attended."));
        }

        if (Tutorials.Count < c.Tutorials)
        {
            missing.Add(DomainErrors.Validation("tutorials", ParticipationErrors.TutorialsMissing, $"{Tutorials.Count} of {c.Tutorials} tutorials held."));
        }

        if (Pills.Count < c.TrainingPills)
        {
            missing.Add(DomainErrors.Validation("trainingPills", ParticipationErrors.PillsMissing, $"{Pills.Count} of {c.TrainingPills} training pills attended."));
        }

        if (!Swot.IsAccepted)
        {
            missing.Add(DomainErrors.Validation("swot", ParticipationErrors.SwotNotAccepted, $"The SWOT analysis is not accepted ({Swot.Status})."));
        }

        if (!Roadmap.IsAccepted)
        {
            missing.Add(DomainErrors.Validation("roadmap", ParticipationErrors.RoadmapNotAccepted, $"The roadmap is not accepted ({Roadmap.Status})."));
        }

        return missing;
    }

    /// <summary>
    /// Completes the programme: refused, listing every requirement still missing, unless the
    /// commitment is met and both deliverables are accepted. What is left of the reservation goes
    /// back to the actions line. Technical staff only.
    /// </summary>
    /// <param name="edition">The participant's edition.</param>
    /// <param name="context">Who records it, and when.</param>
    /// <returns>Both changes, or why not.</returns>
    public Result<ParticipationChange> Complete(Edition edition, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(edition);
        if (Precheck<ParticipationChange>(context, context.Actor.IsTechnicalStaff, "complete") is { } refused)
        {
            return refused;
        }

        if (EditionCheck(edition, context) is { } wrong)
        {
            return wrong;
        }

        var missing = MissingForCompletion();
        if (missing.Count > 0)
        {
            return Result<ParticipationChange>.Invalid(missing);
        }

        return Exit(edition, context, new ParticipationCompleted(Id, ReservationLeft, context.At, context.Actor));
    }

    /// <summary>
    /// The company withdraws (its representative, or a programme manager for it). What is left
    /// of the reservation goes back to the actions line.
    /// </summary>
    /// <param name="edition">The participant's edition.</param>
    /// <param name="reason">Why.</param>
    /// <param name="context">Who records it, and when.</param>
    /// <returns>Both changes, or why not.</returns>
    public Result<ParticipationChange> Withdraw(Edition edition, string reason, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(context);
        if (Precheck<ParticipationChange>(context, ActsForCompany(context.Actor) || context.Actor.Role == ActorRole.ProgrammeManager, "withdraw") is { } refused)
        {
            return refused;
        }

        return ExitWithReason(edition, reason, context, new ParticipantWithdrew(Id, reason, ReservationLeft, context.At, context.Actor));
    }

    /// <summary>
    /// The programme manager excludes the participant. What is left of the reservation goes back
    /// to the actions line.
    /// </summary>
    /// <param name="edition">The participant's edition.</param>
    /// <param name="reason">Why.</param>
    /// <param name="context">Who records it, and when.</param>
    /// <returns>Both changes, or why not.</returns>
    public Result<ParticipationChange> Exclude(Edition edition, string reason, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(context);
        if (Precheck<ParticipationChange>(context, context.Actor.Role == ActorRole.ProgrammeManager, "be excluded by this actor") is { } refused)
        {
            return refused;
        }

        return ExitWithReason(edition, reason, context, new ParticipantExcluded(Id, reason, ReservationLeft, context.At, context.Actor));
    }

    /// <summary>
    /// The company answers the satisfaction survey, once per edition, after completing the
    /// programme: an overall score and optional scores per question, on the rulebook's scale.
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <param name="rulebook">The edition's rulebook (the scale).</param>
    /// <param name="context">The company's representative, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> AnswerSurvey(SurveyAnswer answer, Rulebook rulebook, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answer);
        if (Precheck<Changed<Participant, ParticipantEvent>>(context, ActsForCompany(context.Actor), "answer the survey", allowFinal: true) is { } refused)
        {
            return refused;
        }

        if (Survey is not null)
        {
            return Result<Changed<Participant, ParticipantEvent>>.Conflict(DomainErrors.Coded(ParticipationErrors.SurveyAlreadyAnswered, $"{Id} already answered the survey."));
        }

        if (Status != ParticipantStatus.Completed)
        {
            return Result<Changed<Participant, ParticipantEvent>>.Conflict(DomainErrors.Coded(TimeErrors.SurveyBeforeCompletion, $"{Id} is {Status.ToString().ToLowerInvariant()}: the satisfaction survey is answered after completing the programme."));
        }

        var rules = RulesFrom(rulebook);
        if (!rules.IsSuccess)
        {
            return Result<Changed<Participant, ParticipantEvent>>.Invalid(rules.ValidationErrors);
        }

        var scale = rules.Value.Survey;
        var errors = new List<ValidationError>();
        void Check(string field, int score)
        {
            if (score < scale.ScaleMin || score > scale.ScaleMax)
            {
                errors.Add(DomainErrors.Validation(field, ParticipationErrors.ScoreOutOfScale, $"{score} is outside the scale {scale.ScaleMin} to {scale.ScaleMax}."));
            }
        }

        Check("overall", answer.Overall);
        foreach (var (question, score) in answer.Questions.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            Check("questions." + question, score);
        }

        return errors.Count > 0 ? Invalid(errors) : Emit(new SurveyAnswered(Id, answer, context.At, context.Actor));
    }

    private Result<ParticipationChange> ExitWithReason(Edition edition, string reason, CommandContext context, ParticipantEvent exit)
    {
        if (EditionCheck(edition, context) is { } wrong)
        {
            return wrong;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<ParticipationChange>.Invalid(DomainErrors.Validation("reason", CommonErrors.MissingText, "A reason is required."));
        }

        return Exit(edition, context, exit);
    }

    private ParticipationChange Exit(Edition edition, CommandContext context, ParticipantEvent exit)
    {
        var editionChange = ReservationLeft.IsPositive
            ? edition.Emit(new ReservationReleased(edition.Id, BudgetLine.Actions, Id, ReservationLeft, context.At, context.Actor))
            : new Changed<Edition, EditionEvent>(edition, []);
        return Jointly(editionChange, exit);
    }
}
