namespace Pimex.Promotion;

/// <summary>The stable error codes of promotion support.</summary>
public static class PromotionErrors
{
    /// <summary>The same invoice of the same supplier was already claimed by this participant.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string DuplicateInvoice = "PIMEX-PROMO-001";

    /// <summary>The invoice date is outside the edition's expense-eligibility window.</summary>
    [ErrorStatus(ResultStatus.Invalid, "invoiceDate")]
    public const string InvoiceOutsideWindow = "PIMEX-PROMO-002";

    /// <summary>The category is not one of the rulebook's.</summary>
    [ErrorStatus(ResultStatus.Invalid, "category")]
    public const string UnknownCategory = "PIMEX-PROMO-003";

    /// <summary>The category is not eligible.</summary>
    [ErrorStatus(ResultStatus.Invalid, "category")]
    public const string CategoryNotEligible = "PIMEX-PROMO-004";

    /// <summary>The category is export aid that the state-aid regime excludes.</summary>
    [ErrorStatus(ResultStatus.Invalid, "category")]
    public const string ExportAidExcluded = "PIMEX-PROMO-005";

    /// <summary>
    /// An amount not in the rulebook's currency, negative, or a zero net amount: now
    /// <see cref="Common.CommonErrors.InvalidAmount"/> (<c>PIMEX-INPUT-001</c>), which every amount
    /// refusal carries; <c>PIMEX-PROMO-006</c>, the code claims carried before, is its alias.
    /// </summary>
    [Obsolete("Merged into CommonErrors.InvalidAmount (PIMEX-INPUT-001); PIMEX-PROMO-006 is its alias and no longer emitted.")]
    public const string InvalidAmount = Common.CommonErrors.InvalidAmount;

    /// <summary>The verifier submitted the claim (Forbidden: segregation of duties).</summary>
    [ErrorStatus(ResultStatus.Forbidden)]
    public const string VerifierIsSubmitter = "PIMEX-PROMO-007";

    /// <summary>No claim with that id.</summary>
    [ErrorStatus(ResultStatus.NotFound)]
    public const string ClaimNotFound = "PIMEX-PROMO-008";

    /// <summary>The claim was already verified.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string ClaimAlreadyVerified = "PIMEX-PROMO-009";

    /// <summary>A partial approval of zero, or of more than the eligible amount claimed.</summary>
    [ErrorStatus(ResultStatus.Invalid, "approvedAmount")]
    public const string ApprovedAmountInvalid = "PIMEX-PROMO-010";

    /// <summary>A partial approval or a rejection without a reason.</summary>
    [ErrorStatus(ResultStatus.Invalid, "reason")]
    public const string ReasonRequired = "PIMEX-PROMO-011";

    /// <summary>A claim id already used by this participant.</summary>
    [ErrorStatus(ResultStatus.Conflict)]
    public const string DuplicateClaimId = "PIMEX-PROMO-012";
}
