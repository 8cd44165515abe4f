using Pimex.Admission;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Editions;

/// <content>Applications and admission.</content>
public sealed partial record Edition
{
    /// <summary>
    /// Records a company's application. The company's representative applies for it (or a
    /// programme manager on its behalf); the declared figures must be well formed and in the
    /// rulebook's currency. Eligibility is decided at admission, which lists every rule broken.
    /// </summary>
    /// <param name="application">What the company declares.</param>
    /// <param name="rulebook">The edition's rulebook (its currency and zone).</param>
    /// <param name="context">Who applies, and when.</param>
    /// <returns>The new edition and event, or why the application is refused.</returns>
    [Plumbing(CheckStage.State, AdmissionErrors.AlreadyApplied)]
    public Result<Changed<Edition, EditionEvent>> ReceiveApplication(CompanyApplication application, Rulebook rulebook, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(context);
        var allowed = context.Actor.Represents(application.Company) || context.Actor.Role == ActorRole.ProgrammeManager;
        if (Precheck(context, allowed, "apply", application.Company) is { } refused)
        {
            return refused;
        }

        if (Applications.ContainsKey(application.Company) || Participants.ContainsKey(application.Company))
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, AdmissionErrors.AlreadyApplied, application.Company, Id));
        }

        var rules = RulesFrom(rulebook, context.Language);
        if (!rules.IsSuccess)
        {
            return Result.Invalid(rules.ValidationErrors);
        }

        var errors = new List<ValidationError>(CompanyProfileRules.Validate(application.Profile, rulebook.Currency, context.Language));
        ApplicationRules.RegionNamed(errors, context.Language, application);
        ApplicationRules.DeclaredAidAmounts(errors, context.Language, application, rulebook.Currency);

        errors.AddRange(SingleUndertaking.Validate(application, rulebook.Currency, context.Language));
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        return Emit(new ApplicationReceived(Id, application, context.DateIn(rulebook.TimeZone), context.At, context.Actor));
    }

    /// <summary>
    /// Admits a company that applied: checks every admission rule (capacity, applications
    /// window, region, SME test, state-aid ceiling, actions line), then reserves its cap on the
    /// actions line and starts its participant stream. Programme manager only. A refused
    /// admission changes nothing and lists every rule broken.
    /// </summary>
    /// <param name="company">The company.</param>
    /// <param name="rulebook">The edition's rulebook.</param>
    /// <param name="context">Who admits it, and when.</param>
    /// <returns>Both changes (the edition's reservation, the new participant), or why not.</returns>
    [Plumbing(CheckStage.State, AdmissionErrors.AlreadyDecided)]
    [Plumbing(CheckStage.MissingTarget, AdmissionErrors.NotApplied)]
    [Plumbing(CheckStage.Rules, TimeErrors.NoRulesInForce)]
    public Result<ParticipationChange> Admit(CompanyId company, Rulebook rulebook, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(context);
        if (Precheck(context, context.Actor.Role == ActorRole.ProgrammeManager, "admit") is { } refused)
        {
            return refused;
        }

        if (Participants.ContainsKey(company))
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, AdmissionErrors.AlreadyDecided, company, Id));
        }

        if (!Applications.TryGetValue(company, out var received))
        {
            return Result.NotFound(DomainErrors.Coded(context.Language, AdmissionErrors.NotApplied, company, Id));
        }

        var rules = RulesFrom(rulebook, context.Language);
        if (!rules.IsSuccess)
        {
            return Result.Invalid(rules.ValidationErrors);
        }

        var today = context.DateIn(rulebook.TimeZone);
        if (today < RulesDate)
        {
            return Result.Invalid(DomainErrors.Refusal(context.Language, "at", TimeErrors.NoRulesInForce, today, Id, RulesDate));
        }

        // Every parameter in force on the rules date stays in force after it (a timeline only
        // starts), so the rules of the admission date exist: no second refusal to make here.
        var regimeToday = rulebook.On(today).Value.Aid.Regime;
        var check = AdmissionEligibility.Evaluate(received.Application, received.AppliedOn, today, rules.Value, regimeToday, Annuity, AdmittedCount, Budget.Actions.Available);
        if (!check.IsAdmissible)
        {
            return Result.Invalid(AdmissionEligibility.Errors(check, received.Application, rules.Value, Annuity, context.Language));
        }

        var participant = new ParticipantId(Id, company);
        var editionChange = Emit(
            new CompanyAdmitted(Id, participant, check.Sme.SizeClass, context.At, context.Actor) { Sme = AdmissionEligibility.ExplainSme(check, received.Application, rules.Value) },
            new FundsReserved(Id, BudgetLine.Actions, participant, check.Cap, context.At, context.Actor));
        var terms = new ParticipationTerms(
            rules.Value.Commitment,
            check.Cap,
            Annuity.Training,
            Annuity.Expenses,
            check.Sme.SizeClass,
            check.SingleUndertakingAid,
            check.InKindAid,
            today,
            RulesDate,
            rulebook.TimeZone);
        var admitted = new ParticipantAdmitted(participant, terms, context.At, context.Actor) { EditionVersion = editionChange.Aggregate.Version };
        var participantChange = new Changed<Participant, ParticipantEvent>(Participant.Start(admitted), [admitted]);
        return new ParticipationChange(editionChange, participantChange);
    }
}
