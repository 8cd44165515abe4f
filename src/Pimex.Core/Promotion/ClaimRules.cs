using Pimex.Rulebooks;

namespace Pimex.Promotion;

/// <summary>
/// The rules of expense claims, each a pure function named after what it checks, beside its
/// error codes (<see cref="PromotionErrors"/>): <c>SubmitClaim</c> and <c>VerifyClaim</c> call
/// them in this order. A rule adds an error to the verb's list only when it is broken.
/// </summary>
[RuleConcept("Claims")]
internal static class ClaimRules
{
    /// <summary>
    /// A claim id is used once per participant, and an invoice of a supplier is claimed once
    /// (Conflict, at the state stage): null when the claim is new.
    /// </summary>
    [Rule(PromotionErrors.DuplicateClaimId)]
    [Rule(PromotionErrors.DuplicateInvoice)]
    internal static Result? Unclaimed(ReportLanguage language, ExpenseClaim claim, EquatableDictionary<string, ClaimRecord> claims)
    {
        if (claims.ContainsKey(claim.Id))
        {
            return Result.Conflict(DomainErrors.Coded(language, PromotionErrors.DuplicateClaimId, claim.Id));
        }

        foreach (var (_, record) in claims)
        {
            if (record.Claim.InvoiceId == claim.InvoiceId && record.Claim.Supplier == claim.Supplier)
            {
                return Result.Conflict(DomainErrors.Coded(language, PromotionErrors.DuplicateInvoice, claim.InvoiceId, claim.Supplier, record.Claim.Id));
            }
        }

        return null;
    }

    /// <summary>The invoice is dated inside the edition's expense-eligibility window.</summary>
    [Rule(PromotionErrors.InvoiceOutsideWindow, "annuities.YYYY.windows.expenses")]
    internal static void InvoiceInWindow(List<ValidationError> errors, ReportLanguage language, ExpenseClaim claim, DateInterval expensesWindow)
    {
        if (!expensesWindow.Contains(claim.InvoiceDate))
        {
            errors.Add(DomainErrors.Refusal(language, "invoiceDate", PromotionErrors.InvoiceOutsideWindow, claim.InvoiceDate, expensesWindow));
        }
    }

    /// <summary>
    /// The category is one of the rulebook's, not excluded export aid, and eligible. A refusal names
    /// the category by the rulebook's label in the refusal's language (<c>reporting.labels</c>), by
    /// its name in the rulebook when the rulebook has no label in that language (English keeps the
    /// name, as its texts always have).
    /// </summary>
    [Rule(PromotionErrors.UnknownCategory, "promotion.categories")]
    [Rule(PromotionErrors.ExportAidExcluded, "promotion.categories")]
    [Rule(PromotionErrors.CategoryNotEligible, "promotion.categories")]
    internal static void EligibleCategory(List<ValidationError> errors, ReportLanguage language, ExpenseClaim claim, PromotionRules promotion, EquatableArray<ReportLabel> labels)
    {
        var category = promotion.FindCategory(claim.Category);
        if (category is null)
        {
            errors.Add(DomainErrors.Refusal(language, "category", PromotionErrors.UnknownCategory, claim.Category));
            return;
        }

        if (category.ExportAid)
        {
            errors.Add(DomainErrors.Refusal(language, "category", PromotionErrors.ExportAidExcluded, NameOf(category, language, labels)));
        }

        if (!category.Eligible)
        {
            errors.Add(DomainErrors.Refusal(language, "category", PromotionErrors.CategoryNotEligible, NameOf(category, language, labels)));
        }
    }

    /// <summary>A category's name in a language: the rulebook's label, else its name.</summary>
    private static string NameOf(ExpenseCategory category, ReportLanguage language, EquatableArray<ReportLabel> labels)
    {
        if (!ReferenceEquals(language, ReportLanguage.English))
        {
            foreach (var label in labels)
            {
                if (label.Code == category.Code && label.Language == language.Code && label.Text.Length > 0)
                {
                    return label.Text;
                }
            }
        }

        return category.Name;
    }

    /// <summary>The net amount is positive and the VAT zero or more, both in the rulebook's currency.</summary>
    [Rule(CommonErrors.InvalidAmount, "currency")]
    internal static void Amounts(List<ValidationError> errors, ReportLanguage language, ExpenseClaim claim, Currency currency)
    {
        if (claim.Net.Currency != currency || !claim.Net.IsPositive)
        {
            errors.Add(DomainErrors.Refusal(language, "net", CommonErrors.InvalidAmount + ".positive", claim.Net, currency));
        }

        if (claim.Vat.Currency != currency || claim.Vat.IsNegative)
        {
            errors.Add(DomainErrors.Refusal(language, "vat", CommonErrors.InvalidAmount, claim.Vat, currency));
        }
    }

    /// <summary>The claim, its invoice and its supplier are named.</summary>
    [Rule(CommonErrors.MissingText)]
    internal static void Identified(List<ValidationError> errors, ReportLanguage language, ExpenseClaim claim)
    {
        if (string.IsNullOrWhiteSpace(claim.Id) || string.IsNullOrWhiteSpace(claim.InvoiceId) || string.IsNullOrWhiteSpace(claim.Supplier))
        {
            errors.Add(DomainErrors.Refusal(language, "invoiceId", CommonErrors.MissingText + ".claim"));
        }
    }

    /// <summary>The invoice is not dated after the day the claim is submitted, in the programme's zone.</summary>
    [Rule(TimeErrors.DatedAfterCommand, "timeZone")]
    internal static void InvoiceNotAfterSubmission(List<ValidationError> errors, ReportLanguage language, ExpenseClaim claim, LocalDate submittedOn)
    {
        if (claim.InvoiceDate > submittedOn)
        {
            errors.Add(TimeErrors.AfterCommand(language, "invoiceDate", "invoice", claim.InvoiceId, claim.InvoiceDate, submittedOn));
        }
    }

    /// <summary>
    /// Segregation of duties: who submitted a claim does not verify it (Forbidden, at the actor
    /// stage): null when the verifier is someone else or there is no such claim.
    /// </summary>
    [Rule(PromotionErrors.VerifierIsSubmitter)]
    internal static Result? VerifierIsNotSubmitter(ReportLanguage language, ClaimRecord? record, string claimId, Actor verifier) =>
        record is not null && record.SubmittedBy == verifier.Id
            ? Result.Forbidden(DomainErrors.Coded(language, PromotionErrors.VerifierIsSubmitter, verifier.Id, claimId))
            : null;

    /// <summary>
    /// What a verdict approves: the eligible amount in full, the amount given in part, nothing
    /// for a rejection. The eligible amount counts non-recoverable VAT where the rulebook says so.
    /// </summary>
    internal static Money Approved(ClaimVerification verification, Money eligible) => verification.Verdict switch
    {
        ClaimVerdict.ApprovedInFull => eligible,
        ClaimVerdict.ApprovedInPart => verification.ApprovedAmount,
        _ => Money.Zero(eligible.Currency),
    };

    /// <summary>A partial approval is positive, in the claim's currency and less than the eligible amount.</summary>
    [Rule(PromotionErrors.ApprovedAmountInvalid, "promotion.nonRecoverableVatEligible")]
    internal static void PartialApprovalBelowEligible(List<ValidationError> errors, ReportLanguage language, ClaimVerification verification, Money approved, Money eligible)
    {
        if (verification.Verdict == ClaimVerdict.ApprovedInPart
            && (approved.Currency != eligible.Currency || !approved.IsPositive || approved >= eligible))
        {
            errors.Add(DomainErrors.Refusal(language, "approvedAmount", PromotionErrors.ApprovedAmountInvalid, eligible, approved));
        }
    }

    /// <summary>A partial approval or a rejection gives a reason.</summary>
    [Rule(PromotionErrors.ReasonRequired)]
    internal static void ReasonGiven(List<ValidationError> errors, ReportLanguage language, ClaimVerification verification)
    {
        if (verification.Verdict != ClaimVerdict.ApprovedInFull && string.IsNullOrWhiteSpace(verification.Reason))
        {
            errors.Add(DomainErrors.Refusal(language, "reason", PromotionErrors.ReasonRequired));
        }
    }
}
