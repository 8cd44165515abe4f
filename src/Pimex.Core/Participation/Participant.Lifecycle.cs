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
    public IReadOnlyList<ValidationError> MissingForCompletion() => MissingForCompletion(ReportLanguage.English);

    /// <summary>Every requirement of completion still missing, with the messages in a language.</summary>
    /// <param name="language">The language of the messages; codes and identifiers are the same in every language.</param>
    /// <returns>One error per missing requirement, with its stable code.</returns>
    public IReadOnlyList<ValidationError> MissingForCompletion(ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var missing = new List<ValidationError>();
        CompletionRules.Missing(missing, language, this);
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
        if ((Precheck(context, context.Actor.IsTechnicalStaff, "complete") ?? EditionCheck(edition, context)) is { } refused)
        {
            return refused;
        }

        var missing = MissingForCompletion(context.Language);
        if (missing.Count > 0)
        {
            return Result.Invalid(missing);
        }

        return Exit(edition, context, new ParticipationCompleted(Id, ReservationLeft, context.At, context.Actor) { EditionVersion = EditionVersionAfterExit(edition) });
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
        if (Precheck(context, ActsForCompany(context.Actor) || context.Actor.Role == ActorRole.ProgrammeManager, "withdraw") is { } refused)
        {
            return refused;
        }

        return ExitWithReason(edition, reason, context, new ParticipantWithdrew(Id, reason, ReservationLeft, context.At, context.Actor) { EditionVersion = EditionVersionAfterExit(edition) });
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
        if (Precheck(context, context.Actor.Role == ActorRole.ProgrammeManager, "beExcluded") is { } refused)
        {
            return refused;
        }

        return ExitWithReason(edition, reason, context, new ParticipantExcluded(Id, reason, ReservationLeft, context.At, context.Actor) { EditionVersion = EditionVersionAfterExit(edition) });
    }

    /// <summary>
    /// The company answers the satisfaction survey, once per edition, after completing the
    /// programme: an overall score and optional scores per question, on the rulebook's scale.
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <param name="rulebook">The edition's rulebook (the scale).</param>
    /// <param name="context">The company's representative, and when.</param>
    /// <returns>The change, or why not.</returns>
    [Plumbing(CheckStage.State, ParticipationErrors.SurveyAlreadyAnswered)]
    [Plumbing(CheckStage.State, TimeErrors.SurveyBeforeCompletion)]
    public Result<Changed<Participant, ParticipantEvent>> AnswerSurvey(SurveyAnswer answer, Rulebook rulebook, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answer);
        if (Precheck(context, ActsForCompany(context.Actor), "answerSurvey", allowFinal: true) is { } refused)
        {
            return refused;
        }

        if (Survey is not null)
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, ParticipationErrors.SurveyAlreadyAnswered, Id));
        }

        if (Status != ParticipantStatus.Completed)
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, TimeErrors.SurveyBeforeCompletion, Id, Status));
        }

        var rules = RulesFrom(rulebook, context.Language);
        if (!rules.IsSuccess)
        {
            return Result.Invalid(rules.ValidationErrors);
        }

        var errors = new List<ValidationError>();
        SurveyAnswerRules.ScoresInScale(errors, context.Language, answer, rules.Value.Survey);
        return errors.Count > 0 ? Result.Invalid(errors) : Emit(new SurveyAnswered(Id, answer, context.At, context.Actor));
    }

    private Result<ParticipationChange> ExitWithReason(Edition edition, string reason, CommandContext context, ParticipantEvent exit)
    {
        if (EditionCheck(edition, context) is { } wrong)
        {
            return wrong;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid(DomainErrors.Refusal(context.Language, "reason", CommonErrors.MissingText));
        }

        return Exit(edition, context, exit);
    }

    /// <summary>The edition's version once <see cref="Exit"/> has released what is left of the reservation (one event, if any).</summary>
    private long EditionVersionAfterExit(Edition edition) => ReservationLeft.IsPositive ? edition.Version + 1 : edition.Version;

    private ParticipationChange Exit(Edition edition, CommandContext context, ParticipantEvent exit)
    {
        var editionChange = ReservationLeft.IsPositive
            ? edition.Emit(new ReservationReleased(edition.Id, BudgetLine.Actions, Id, ReservationLeft, context.At, context.Actor))
            : new Changed<Edition, EditionEvent>(edition, []);
        return Jointly(editionChange, exit);
    }
}
