using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Promotion;

/// <summary>The claim rules asked one by one, without a participant: each refuses with its code only when broken.</summary>
public class ClaimRulesTest
{
    private static readonly ReportLanguage English = ReportLanguage.English;

    private static readonly PromotionRules Promotion = new(
        Eur(2500m),
        Rate.One,
        true,
        [new ExpenseCategory("tradeFair", "Trade fair", true, false), new ExpenseCategory("exportCredit", "Export credit", true, true), new ExpenseCategory("gift", "Gifts", false, false)]);

    private static List<ValidationError> Errors(Action<List<ValidationError>> rule)
    {
        var errors = new List<ValidationError>();
        rule(errors);
        return errors;
    }

    [Fact]
    public void InvoiceInWindow_WhenDatedOnTheWindowsLastDay_AddsNothing()
    {
        var window = new DateInterval(new LocalDate(2016, 4, 1), new LocalDate(2016, 12, 31));

        Assert.Empty(Errors(e => ClaimRules.InvoiceInWindow(e, English, Claim("C1", 100m, date: window.End), window)));
    }

    [Fact]
    public void InvoiceInWindow_WhenDatedTheDayBefore_RefusesTheInvoiceDate()
    {
        var window = new DateInterval(new LocalDate(2016, 4, 1), new LocalDate(2016, 12, 31));

        var error = Assert.Single(Errors(e => ClaimRules.InvoiceInWindow(e, English, Claim("C1", 100m, date: new LocalDate(2016, 3, 31)), window)));

        Assert.Equal(("invoiceDate", PromotionErrors.InvoiceOutsideWindow), (error.Identifier, error.ErrorCode));
    }

    [Theory]
    [InlineData("tradeFair", new string[0])]
    [InlineData("unknown", new[] { PromotionErrors.UnknownCategory })]
    [InlineData("exportCredit", new[] { PromotionErrors.ExportAidExcluded })]
    [InlineData("gift", new[] { PromotionErrors.CategoryNotEligible })]
    public void EligibleCategory_WhenTheCategoryIs_RefusesWithItsCode(string category, string[] codes)
    {
        var errors = Errors(e => ClaimRules.EligibleCategory(e, English, Claim("C1", 100m, category: category), Promotion));

        Assert.Equal(codes, errors.Select(e => e.ErrorCode));
    }

    [Fact]
    public void Amounts_WhenNetIsZeroAndVatNegative_RefusesBothInOrder()
    {
        var errors = Errors(e => ClaimRules.Amounts(e, English, Claim("C1", 0m, vat: -1m), Currency.EUR));

        Assert.Equal(["net", "vat"], errors.Select(e => e.Identifier));
        Assert.All(errors, e => Assert.Equal(CommonErrors.InvalidAmount, e.ErrorCode));
    }

    [Fact]
    public void Unclaimed_WhenTheSameInvoiceOfTheSameSupplierWasClaimed_IsAConflictNamingTheFirstClaim()
    {
        var first = Claim("C1", 100m, invoice: "F-1");
        EquatableDictionary<string, ClaimRecord> claims = new(new Dictionary<string, ClaimRecord> { ["C1"] = new ClaimRecord(first, "rep-B1", null) });

        var result = ClaimRules.Unclaimed(English, Claim("C2", 100m, invoice: "F-1"), claims);

        Assert.NotNull(result);
        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([PromotionErrors.DuplicateInvoice], result.Codes());
        Assert.Null(ClaimRules.Unclaimed(English, Claim("C2", 100m, invoice: "F-1", supplier: "B22222222"), claims));
    }

    [Fact]
    public void VerifierIsNotSubmitter_WhenTheSubmitterVerifies_IsForbidden()
    {
        var record = new ClaimRecord(Claim("C1", 100m), Tech.Id, null);

        Assert.Equal([PromotionErrors.VerifierIsSubmitter], ClaimRules.VerifierIsNotSubmitter(English, record, "C1", Tech)!.Codes());
        Assert.Null(ClaimRules.VerifierIsNotSubmitter(English, record, "C1", Tech2));
        Assert.Null(ClaimRules.VerifierIsNotSubmitter(English, null, "C1", Tech));
    }

    [Fact]
    public void PartialApprovalBelowEligible_WhenThePartIsTheWholeEligibleAmount_IsRefused()
    {
        var verification = new ClaimVerification(ClaimVerdict.ApprovedInPart, Eur(100m), "Half the stand");

        var refused = Errors(e => ClaimRules.PartialApprovalBelowEligible(e, English, verification, Eur(100m), Eur(100m)));
        var accepted = Errors(e => ClaimRules.PartialApprovalBelowEligible(e, English, verification, Eur(99.99m), Eur(100m)));

        Assert.Equal([PromotionErrors.ApprovedAmountInvalid], refused.Select(e => e.ErrorCode));
        Assert.Empty(accepted);
    }

    [Fact]
    public void ReasonGiven_WhenARejectionHasABlankReason_IsRefused()
    {
        var errors = Errors(e => ClaimRules.ReasonGiven(e, English, new ClaimVerification(ClaimVerdict.Rejected, Eur(0m), " ")));

        Assert.Equal([PromotionErrors.ReasonRequired], errors.Select(e => e.ErrorCode));
        Assert.Empty(Errors(e => ClaimRules.ReasonGiven(e, English, new ClaimVerification(ClaimVerdict.ApprovedInFull, Eur(0m), null))));
    }

    [Fact]
    public void InvoiceNotAfterSubmission_WhenDatedTheDayAfter_IsRefusedAndTheSameDayIsNot()
    {
        var submittedOn = new LocalDate(2016, 10, 5);

        Assert.Equal([TimeErrors.DatedAfterCommand], Errors(e => ClaimRules.InvoiceNotAfterSubmission(e, English, Claim("C1", 100m, date: submittedOn.PlusDays(1)), submittedOn)).Select(e => e.ErrorCode));
        Assert.Empty(Errors(e => ClaimRules.InvoiceNotAfterSubmission(e, English, Claim("C1", 100m, date: submittedOn), submittedOn)));
    }
}
