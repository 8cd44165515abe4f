using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Promotion;

/// <summary>The validation branches, paths and messages of submitting and verifying claims.</summary>
public class ClaimValidationTest
{
    private static Support.Scenario WithB1()
    {
        var s = Open();
        s.Join("B1");
        return s;
    }

    private static Result<Changed<Participant, ParticipantEvent>> Submit(Support.Scenario s, ExpenseClaim claim) =>
        s.Participant("B1").SubmitClaim(claim, s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 5)));

    [Fact]
    public void SubmitClaim_WhenAnotherCompanySubmits_SaysWhatItMayNotDo()
    {
        var s = WithB1();

        var result = s.Participant("B1").SubmitClaim(Claim("C1", 1000m), s.Rulebook, Ctx(Rep("B2"), At(2016, 10, 5)));

        Assert.Contains("may not submit an expense claim", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitClaim_WhenTheRulebookIsAnotherEditions_IsInvalidAndRecordsNothing()
    {
        var s = WithB1();

        var result = s.Participant("B1").SubmitClaim(Claim("C1", 1000m), OtherProgramme, Ctx(Rep("B1"), At(2016, 10, 5)));

        Assert.Equal([EditionErrors.WrongEdition], result.Codes());
        Assert.Empty(s.Participant("B1").Claims);
    }

    [Fact]
    public void SubmitClaim_WhenTheVatIsNegative_PointsAtTheVatAndNamesTheAmount()
    {
        var s = WithB1();

        var result = Submit(s, Claim("C1", 1000m, vat: -1m));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("vat", error.Identifier);
        Assert.Equal(CommonErrors.InvalidAmount, error.ErrorCode);
        Assert.Contains("EUR -1.00", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitClaim_WhenTheInvoiceNumberIsBlank_IsInvalid()
    {
        var s = WithB1();

        var result = Submit(s, Claim("C1", 1000m, invoice: " "));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("invoiceId", error.Identifier);
        Assert.Equal(CommonErrors.MissingText, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
    }

    [Fact]
    public void SubmitClaim_WhenTheSupplierIsBlank_IsInvalid()
    {
        var s = WithB1();

        var result = Submit(s, Claim("C1", 1000m, supplier: ""));

        Assert.Equal(["invoiceId"], result.ValidationErrors.Select(e => e.Identifier));
        Assert.Equal([CommonErrors.MissingText], result.Codes());
    }

    [Fact]
    public void SubmitClaim_WhenTheClaimIdIsBlank_IsInvalid()
    {
        var s = WithB1();

        var result = Submit(s, Claim(" ", 1000m, invoice: "F-1"));

        Assert.Equal([CommonErrors.MissingText], result.Codes());
    }

    [Fact]
    public void VerifyClaim_WhenTheCompanyVerifies_SaysWhatItMayNotDo()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m));

        var result = s.Participant("B1").VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 20)));

        Assert.Contains("may not verify an expense claim", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyClaim_WhenTheVerifierSubmittedTheClaim_NamesTheVerifierAndTheClaim()
    {
        var s = WithB1();
        s.Do("B1", p => p.SubmitClaim(Claim("C1", 1000m), s.Rulebook, Ctx(Tech, At(2016, 10, 5))));

        var result = s.Participant("B1").VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech, At(2016, 10, 20)));

        var message = Assert.Single(result.Errors);
        Assert.Contains(Tech.Id, message, StringComparison.Ordinal);
        Assert.Contains("'C1'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyClaim_WhenVerifiedTwice_NamesTheClaim()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m));
        s.Verify("B1", "C1", ClaimVerification.ApproveInFull());

        var result = s.Participant("B1").VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech2, At(2016, 10, 21)));

        Assert.Contains("'C1'", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyClaim_WhenTheRulebookIsAnotherEditions_IsInvalidAndGrantsNothing()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m));

        var result = s.Participant("B1").VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), OtherProgramme, Ctx(Tech, At(2016, 10, 20)));

        Assert.Equal([EditionErrors.WrongEdition], result.Codes());
        Assert.True(s.Participant("B1").SupportGranted.IsZero);
    }

    [Fact]
    public void VerifyClaim_WhenBeforeTheClaimsSubmission_IsConflictAndGrantsNothing()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m));
        var anHourBefore = At(2016, 10, 5) - NodaTime.Duration.FromHours(1);

        var result = s.Participant("B1").VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech, anHourBefore));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([TimeErrors.BeforeLastEvent], result.Codes());
        Assert.True(s.Participant("B1").SupportGranted.IsZero);
    }

    [Fact]
    public void VerifyClaim_WhenApprovedInPartForNothing_IsInvalidAndNamesTheEligibleAmount()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m));

        var result = s.Participant("B1").VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInPart(Eur(0m), "Nothing is eligible"), s.Rulebook, Ctx(Tech, At(2016, 10, 20)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("approvedAmount", error.Identifier);
        Assert.Equal(PromotionErrors.ApprovedAmountInvalid, error.ErrorCode);
        Assert.Contains("EUR 1000.00", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyClaim_WhenRejectedWithoutAReason_PointsAtTheReason()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m));

        var result = s.Participant("B1").VerifyClaim(s.Edition, "C1", ClaimVerification.Reject(" "), s.Rulebook, Ctx(Tech, At(2016, 10, 20)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("reason", error.Identifier);
        Assert.Equal(PromotionErrors.ReasonRequired, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
    }

    [Fact]
    public void AidReceived_WhenClaimsWereGrantedOutOfOrder_ListsTheGrantsByClaimId()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C2", 200m));
        s.SubmitClaim("B1", Claim("C1", 100m));
        s.Verify("B1", "C2", ClaimVerification.ApproveInFull(), at: At(2016, 10, 20));
        var p = s.Verify("B1", "C1", ClaimVerification.ApproveInFull(), at: At(2016, 10, 21));

        var granted = p.AidReceived().Skip(1).ToList();

        Assert.Equal([Eur(100m), Eur(200m)], granted.Select(a => a.Amount));
        Assert.Equal([new LocalDate(2016, 10, 21), new LocalDate(2016, 10, 20)], granted.Select(a => a.GrantedOn));
    }
}
