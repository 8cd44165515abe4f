using Pimex.Editions;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Participation;

/// <content>Promotion support: expense claims and granted support.</content>
public sealed partial record Participant
{
    /// <summary>
    /// Submits an expense claim for a promotion action (the company's representative, or
    /// technical staff for it). The invoice is unique per supplier for this participant, dated
    /// inside the expense-eligibility window, of an eligible category that is not excluded export
    /// aid, in the rulebook's currency.
    /// </summary>
    /// <param name="claim">The claim.</param>
    /// <param name="rulebook">The edition's rulebook.</param>
    /// <param name="context">Who submits it, and when.</param>
    /// <returns>The change, or why not.</returns>
    public Result<Changed<Participant, ParticipantEvent>> SubmitClaim(ExpenseClaim claim, Rulebook rulebook, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(context);
        if (Precheck(context, ActsForCompany(context.Actor) || context.Actor.IsTechnicalStaff, "submitClaim") is { } refused)
        {
            return refused;
        }

        if (ClaimRules.Unclaimed(context.Language, claim, Claims) is { } claimed)
        {
            return claimed;
        }

        var rules = RulesFrom(rulebook, context.Language);
        if (!rules.IsSuccess)
        {
            return Result.Invalid(rules.ValidationErrors);
        }

        var errors = new List<ValidationError>();
        ClaimRules.InvoiceInWindow(errors, context.Language, claim, Terms.ExpensesWindow);
        var labels = rulebook.Get(Parameters.ReportLabels).TryGetValue(Terms.RulesDate, out var inForce) ? inForce : default;
        ClaimRules.EligibleCategory(errors, context.Language, claim, rules.Value.Promotion, labels);
        ClaimRules.Amounts(errors, context.Language, claim, rulebook.Currency);
        ClaimRules.Identified(errors, context.Language, claim);
        ClaimRules.InvoiceNotAfterSubmission(errors, context.Language, claim, context.DateIn(rulebook.TimeZone));
        return errors.Count > 0 ? Result.Invalid(errors) : Emit(new ClaimSubmitted(Id, claim, context.At, context.Actor));
    }

    /// <summary>
    /// Technical staff who did not submit the claim verify it: approve in full, in part with a
    /// reason, or reject with a reason. The support granted is
    /// min(approved x intensity, cap - support already granted, reservation left, state-aid
    /// headroom on the grant date); the rest is recorded as not supported, with the reasons.
    /// Granted support moves from reserved to spent on the actions line.
    /// </summary>
    /// <param name="edition">The participant's edition.</param>
    /// <param name="claimId">The claim.</param>
    /// <param name="verification">The verdict.</param>
    /// <param name="rulebook">The edition's rulebook.</param>
    /// <param name="context">Who verifies, and when (the grant date).</param>
    /// <returns>Both changes, or why not.</returns>
    [Plumbing(CheckStage.State, PromotionErrors.ClaimAlreadyVerified)]
    [Plumbing(CheckStage.MissingTarget, PromotionErrors.ClaimNotFound)]
    public Result<ParticipationChange> VerifyClaim(Edition edition, string claimId, ClaimVerification verification, Rulebook rulebook, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(verification);
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(claimId);
        var record = Claims.TryGetValue(claimId, out var claimed) ? claimed : null;
        var ownClaim = ClaimRules.VerifierIsNotSubmitter(context.Language, record, claimId, context.Actor);
        if ((Precheck(context, context.Actor.IsTechnicalStaff, "verifyClaim", forbidden: ownClaim) ?? EditionCheck(edition, context)) is { } refused)
        {
            return refused;
        }

        if (record?.Verification is not null)
        {
            return Result.Conflict(DomainErrors.Coded(context.Language, PromotionErrors.ClaimAlreadyVerified, claimId));
        }

        if (record is null)
        {
            return Result.NotFound(DomainErrors.Coded(context.Language, PromotionErrors.ClaimNotFound, Id, claimId));
        }

        var rules = RulesFrom(rulebook, context.Language);
        if (!rules.IsSuccess)
        {
            return Result.Invalid(rules.ValidationErrors);
        }

        var grantDate = context.DateIn(rulebook.TimeZone);
        var rulesOnGrant = TimeErrors.RulesOn(context.Language, rulebook, grantDate, "at", "grant");
        if (!rulesOnGrant.IsSuccess)
        {
            return Result.Invalid(rulesOnGrant.ValidationErrors);
        }

        var eligible = record.Claim.EligibleAmount(rules.Value.Promotion.NonRecoverableVatEligible);
        var approved = ClaimRules.Approved(verification, eligible);
        var errors = new List<ValidationError>();
        ClaimRules.PartialApprovalBelowEligible(errors, context.Language, verification, approved, eligible);
        ClaimRules.ReasonGiven(errors, context.Language, verification);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var regime = rulesOnGrant.Value.Aid.Regime;
        Monetary.Money headroom;
        if (regime.Ceiling.Currency == eligible.Currency)
        {
            headroom = CeilingHeadroom(regime, Monetary.Money.Zero(eligible.Currency), grantDate);
        }
        else if (CeilingHeadroomConverted(regime, eligible.Currency, grantDate, rulesOnGrant.Value.ExchangeRates, out var gap) is { } converted)
        {
            headroom = converted;
        }
        else
        {
            return Result.Invalid(DomainErrors.Refusal(context.Language, "declaredAid", Admission.AdmissionErrors.NoExchangeRate + ".aid", gap.Currency.Code, gap.Date));
        }

        var decision = SupportDecision.Decide(approved, rules.Value.Promotion.SupportIntensity, Terms.Cap, SupportGranted, ReservationLeft, headroom);
        var editionChange = decision.Granted.IsPositive
            ? edition.Emit(new ReservedFundsSpent(edition.Id, BudgetLine.Actions, Id, decision.Granted, context.At, context.Actor))
            : new Changed<Edition, EditionEvent>(edition, []);
        return Jointly(editionChange, new ClaimVerified(Id, claimId, verification.Verdict, decision, verification.Reason, grantDate, context.At, context.Actor) { EditionVersion = editionChange.Aggregate.Version });
    }

    /// <summary>
    /// The headroom under the state-aid ceiling on a grant date, over the same aid as
    /// <see cref="AidReceived"/>, counted in place: no list, no granting-body texts.
    /// </summary>
    private Monetary.Money CeilingHeadroom(AidRegime regime, Monetary.Money newAid, NodaTime.LocalDate grantDate)
    {
        var counter = new AidCeiling.Counter(regime, newAid, grantDate);
        foreach (var aid in Terms.DeclaredAid)
        {
            counter.Add(aid);
        }

        if (Terms.InKindAid.IsPositive)
        {
            counter.Add(Terms.InKindAid, Terms.AdmittedOn);
        }

        foreach (var (_, record) in Claims)
        {
            if (record.Verification is { Decision.Granted.IsPositive: true } v)
            {
                counter.Add(v.Decision.Granted, v.GrantedOn);
            }
        }

        return counter.Result().Headroom;
    }

    /// <summary>
    /// The headroom under a ceiling in another currency than the programme's (the de minimis ceilings
    /// are in euros): every aid that counts is converted at the rate of the day it was granted
    /// (<see cref="AidRateDate.GrantDate"/>), and the headroom back into the programme's currency at
    /// the grant day's rate, rounded down to the minor unit so that a grant within it stays within
    /// the ceiling once converted. Null, with the first rate missing, when a rate is missing.
    /// </summary>
    private Monetary.Money? CeilingHeadroomConverted(AidRegime regime, Currency programme, NodaTime.LocalDate grantDate, ExchangeRates rates, out (Currency Currency, NodaTime.LocalDate Date) gap)
    {
        var ceiling = regime.Ceiling.Currency;
        var counter = new AidCeiling.Counter(regime, Monetary.Money.Zero(ceiling), grantDate);
        var lookBackStart = regime.Period.LookBackStart(grantDate);
        gap = default;
        bool Count(Monetary.Money amount, NodaTime.LocalDate grantedOn, out (Currency, NodaTime.LocalDate) missing)
        {
            missing = default;
            if (grantedOn < lookBackStart || grantedOn > grantDate)
            {
                return true;
            }

            if (amount.Currency == ceiling)
            {
                counter.Add(amount, grantedOn);
                return true;
            }

            if (ceiling != Currency.EUR || !rates.TryFind(amount.Currency, grantedOn, out var rate))
            {
                missing = (amount.Currency, grantedOn);
                return false;
            }

            counter.Add(rate.ToEuros(amount), grantedOn);
            return true;
        }

        foreach (var aid in Terms.DeclaredAid)
        {
            if (!Count(aid.Amount, aid.GrantedOn, out gap))
            {
                return null;
            }
        }

        if (Terms.InKindAid.IsPositive && !Count(Terms.InKindAid, Terms.AdmittedOn, out gap))
        {
            return null;
        }

        foreach (var (_, record) in Claims)
        {
            if (record.Verification is { Decision.Granted.IsPositive: true } v && !Count(v.Decision.Granted, v.GrantedOn, out gap))
            {
                return null;
            }
        }

        if (ceiling != Currency.EUR || !rates.TryFind(programme, grantDate, out var today))
        {
            gap = (programme, grantDate);
            return null;
        }

        var headroom = counter.Result().Headroom.Amount * today.PerEuro;
        return Monetary.Money.Of(decimal.Round(headroom, programme.MinorUnits, MidpointRounding.ToZero), programme);
    }

    /// <summary>
    /// Every aid that counts for this company's state-aid ceiling: the de minimis aid it
    /// declared, the in-kind value of its participation (dated on admission), and each support
    /// granted (dated on its grant). The basis of its aid statement.
    /// </summary>
    /// <returns>The aid, oldest first as recorded.</returns>
    public IReadOnlyList<AidReceived> AidReceived()
    {
        var aid = new List<AidReceived>(Terms.DeclaredAid.Items);
        if (Terms.InKindAid.IsPositive)
        {
            aid.Add(new AidReceived(Terms.InKindAid, Terms.AdmittedOn, $"PIMEX {Id.Edition} (in-kind training and consultancy)"));
        }

        foreach (var record in Claims.Values.OrderBy(r => r.Claim.Id, StringComparer.Ordinal))
        {
            if (record.Verification is { Decision.Granted.IsPositive: true } v)
            {
                aid.Add(new AidReceived(v.Decision.Granted, v.GrantedOn, $"PIMEX {Id.Edition} (promotion support, claim {record.Claim.Id})"));
            }
        }

        return aid;
    }
}
