namespace Pimex.Promotion;

/// <summary>An invoice submitted for a promotion action.</summary>
/// <param name="Id">The claim's id, unique for the participant.</param>
/// <param name="InvoiceId">The supplier's invoice number: unique per participant and supplier.</param>
/// <param name="Supplier">The supplier's opaque id (a tax id).</param>
/// <param name="InvoiceDate">The invoice date, inside the edition's expense-eligibility window.</param>
/// <param name="Category">The expense category's code, from the rulebook.</param>
/// <param name="Description">What the expense paid for.</param>
/// <param name="Net">The net amount, VAT excluded.</param>
/// <param name="Vat">The VAT charged.</param>
/// <param name="VatRecoverable">Whether the company can recover that VAT (then it is never eligible).</param>
public sealed record ExpenseClaim(
    string Id,
    string InvoiceId,
    string Supplier,
    LocalDate InvoiceDate,
    string Category,
    string Description,
    Money Net,
    Money Vat,
    bool VatRecoverable)
{
    /// <summary>
    /// The eligible amount claimed: the net amount, plus the VAT where the company cannot recover
    /// it and the rulebook makes such VAT eligible.
    /// </summary>
    /// <param name="nonRecoverableVatEligible">The rulebook's rule on non-recoverable VAT.</param>
    /// <returns>The eligible amount.</returns>
    public Money EligibleAmount(bool nonRecoverableVatEligible) =>
        !VatRecoverable && nonRecoverableVatEligible ? Net + Vat : Net;
}

/// <summary>How technical staff decided on a claim.</summary>
public enum ClaimVerdict
{
    /// <summary>The whole eligible amount is approved.</summary>
    ApprovedInFull,

    /// <summary>Part of the eligible amount is approved, with a reason.</summary>
    ApprovedInPart,

    /// <summary>Nothing is approved, with a reason.</summary>
    Rejected,
}

/// <summary>What the verifier decides on a claim.</summary>
/// <param name="Verdict">Approved in full, in part, or rejected.</param>
/// <param name="ApprovedAmount">For a partial approval, the amount approved; ignored otherwise.</param>
/// <param name="Reason">Required for a partial approval or a rejection.</param>
public sealed record ClaimVerification(ClaimVerdict Verdict, Money ApprovedAmount, string? Reason)
{
    /// <summary>Approves the whole eligible amount.</summary>
    /// <returns>The verification.</returns>
    public static ClaimVerification ApproveInFull() => new(ClaimVerdict.ApprovedInFull, default, null);

    /// <summary>Approves part of the eligible amount.</summary>
    /// <param name="amount">The amount approved.</param>
    /// <param name="reason">Why only part.</param>
    /// <returns>The verification.</returns>
    public static ClaimVerification ApproveInPart(Money amount, string reason) => new(ClaimVerdict.ApprovedInPart, amount, reason);

    /// <summary>Rejects the claim.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The verification.</returns>
    public static ClaimVerification Reject(string reason) => new(ClaimVerdict.Rejected, default, reason);
}

/// <summary>A claim as the participant holds it: submitted, then verified.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="SubmittedBy">Who submitted it (the verifier must be someone else).</param>
/// <param name="Verification">The verification, once made.</param>
public sealed record ClaimRecord(ExpenseClaim Claim, string SubmittedBy, ClaimVerifiedRecord? Verification);

/// <summary>The outcome of a claim's verification.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Decision">The support decision.</param>
/// <param name="Reason">The verifier's reason.</param>
/// <param name="GrantedOn">The grant date.</param>
public sealed record ClaimVerifiedRecord(ClaimVerdict Verdict, SupportDecision Decision, string? Reason, LocalDate GrantedOn);
