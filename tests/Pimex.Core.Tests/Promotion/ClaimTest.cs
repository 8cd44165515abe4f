using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.Tests.Support;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Promotion;

public class ClaimTest
{
    private static readonly RuleSet Rules2016 = Rulebook.Extremadura.On(new LocalDate(2016, 1, 15)).Value;
    private static readonly global::Pimex.Monetary.Money Cap = Rules2016.Promotion.CapPerCompany;

    private static Support.Scenario WithB1(Rulebook? rulebook = null)
    {
        var s = Open(rulebook);
        s.Join("B1");
        return s;
    }

    [Fact]
    public void SubmitClaim_WhenWellFormed_IsRecordedAsWaitingForVerification()
    {
        var s = WithB1();

        var result = s.Participant("B1").SubmitClaim(Claim("C1", 1000m), s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 5)));

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value.Aggregate.Claims["C1"].Verification);
    }

    [Fact]
    public void SubmitClaim_WhenTheSameInvoiceOfTheSameSupplierAgain_IsConflict()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m, invoice: "F-17"));

        var result = s.Participant("B1").SubmitClaim(Claim("C2", 1000m, invoice: "F-17"), s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 6)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([PromotionErrors.DuplicateInvoice], result.Codes());
    }

    [Fact]
    public void SubmitClaim_WhenTheSameInvoiceNumberOfAnotherSupplier_IsAccepted()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m, invoice: "F-17", supplier: "B11111111"));

        var result = s.Participant("B1").SubmitClaim(Claim("C2", 1000m, invoice: "F-17", supplier: "B22222222"), s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 6)));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void SubmitClaim_WhenTheInvoiceIsDatedOutsideTheExpenseWindow_IsInvalid()
    {
        var s = WithB1();
        var early = s.Edition.Annuity.Expenses.Start.PlusDays(-1);

        var result = s.Participant("B1").SubmitClaim(Claim("C1", 1000m, date: early), s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 5)));

        Assert.Equal([PromotionErrors.InvoiceOutsideWindow], result.Codes());
    }

    [Fact]
    public void SubmitClaim_WhenTheCategoryIsUnknown_IsInvalid()
    {
        var s = WithB1();

        var result = s.Participant("B1").SubmitClaim(Claim("C1", 1000m, category: "yachts"), s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 5)));

        Assert.Equal([PromotionErrors.UnknownCategory], result.Codes());
    }

    [Fact]
    public void SubmitClaim_WhenTheCategoryIsExportAid_IsInvalidForBothReasons()
    {
        var exportAid = Rules2016.Promotion.Categories.First(c => c.ExportAid && !c.Eligible);
        var s = WithB1();

        var result = s.Participant("B1").SubmitClaim(Claim("C1", 1000m, category: exportAid.Code), s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 5)));

        Assert.Equal([PromotionErrors.ExportAidExcluded, PromotionErrors.CategoryNotEligible], result.Codes());
    }

    /// <summary>The category named as the rulebook labels it in the refusal's language, never the English name inside a Spanish or Slovenian sentence.</summary>
    [Theory]
    [InlineData("en", "Running costs of the company is not an eligible expense.")]
    [InlineData("es", "Gastos de funcionamiento de la empresa no es un gasto subvencionable.")]
    [InlineData("sl", "Tekoči stroški podjetja ni upravičen strošek.")]
    public void SubmitClaim_WhenTheCategoryIsNotEligible_NamesItAsTheRulebookLabelsItInTheLanguage(string code, string expected)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));
        var s = WithB1();

        var result = s.Participant("B1").SubmitClaim(Claim("C1", 1000m, category: "overheads"), s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 5)).In(language));

        Assert.Equal(expected, Assert.Single(result.ValidationErrors).ErrorMessage);
    }

    [Fact]
    public void SubmitClaim_WhenTheRulebookHasNoLabelInTheLanguage_NamesTheCategoryByItsName()
    {
        var unlabelled = Rulebook.Load(RulebookJsonEdits.Partner(p => p.WithExtremadura2016().Override("reporting.labels", new System.Text.Json.Nodes.JsonObject { ["overheads"] = new System.Text.Json.Nodes.JsonObject { ["es"] = string.Empty } })), Rulebook.Extremadura);
        Assert.True(unlabelled.IsSuccess, string.Join("; ", unlabelled.ValidationErrors.Select(e => e.ErrorMessage)));
        var s = WithB1(unlabelled.Value);

        var result = s.Participant("B1").SubmitClaim(Claim("C1", 1000m, category: "overheads"), s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 5)).In(ReportLanguage.Spanish));

        Assert.Equal("Running costs of the company no es un gasto subvencionable.", Assert.Single(result.ValidationErrors).ErrorMessage);
    }

    [Fact]
    public void SubmitClaim_WhenInAnotherCurrency_IsInvalid()
    {
        var s = WithB1();
        var gbp = global::Pimex.Monetary.Money.Of(100m, global::Pimex.Monetary.Currency.GBP);

        var result = s.Participant("B1").SubmitClaim(Claim("C1", 1000m) with { Net = gbp, Vat = gbp }, s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 5)));

        Assert.Equal([CommonErrors.InvalidAmount, CommonErrors.InvalidAmount], result.Codes());
    }

    [Fact]
    public void SubmitClaim_WhenAnotherCompanySubmits_IsForbidden()
    {
        var s = WithB1();

        var result = s.Participant("B1").SubmitClaim(Claim("C1", 1000m), s.Rulebook, Ctx(Rep("B2"), At(2016, 10, 5)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }

    [Fact]
    public void VerifyClaim_WhenApprovedInFullAtExactlyTheCap_GrantsTheCap()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", Cap.Amount));

        var p = s.Verify("B1", "C1", ClaimVerification.ApproveInFull());

        var decision = p.Claims["C1"].Verification!.Decision;
        Assert.Equal(Cap, decision.Granted);
        Assert.True(decision.NotSupported.IsZero);
        Assert.Equal(NotSupportedReasons.None, decision.Reasons);
        Assert.True(p.ReachedCap);
        Assert.Equal(Cap, s.Edition.Budget.Actions.Spent);
        Assert.True(s.Edition.Budget.Actions.Reserved.IsZero);
    }

    [Fact]
    public void VerifyClaim_WhenOneCentOverTheCap_GrantsTheCapAndRecordsTheCentAsNotSupported()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", Cap.Amount + 0.01m));

        var p = s.Verify("B1", "C1", ClaimVerification.ApproveInFull());

        var decision = p.Claims["C1"].Verification!.Decision;
        Assert.Equal(Cap, decision.Granted);
        Assert.Equal(Eur(0.01m), decision.NotSupported);
        Assert.Equal(NotSupportedReasons.Cap, decision.Reasons);
        Assert.Equal(decision.Approved, decision.Granted + decision.NotSupported);
    }

    [Fact]
    public void VerifyClaim_WhenSeveralPartlyApprovedClaimsTogetherPassTheCap_GrantsUpToTheCapOnly()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1500m));
        s.SubmitClaim("B1", Claim("C2", 2000m));
        s.SubmitClaim("B1", Claim("C3", 800m));

        s.Verify("B1", "C1", ClaimVerification.ApproveInPart(Eur(1200m), "Stand extras not eligible"));
        s.Verify("B1", "C2", ClaimVerification.ApproveInPart(Eur(1800m), "Hotel above the allowance"));
        var p = s.Verify("B1", "C3", ClaimVerification.ApproveInFull());

        Assert.Equal(Eur(1200m), p.Claims["C1"].Verification!.Decision.Granted);
        Assert.Equal(Cap - Eur(1200m), p.Claims["C2"].Verification!.Decision.Granted);
        Assert.Equal(Eur(1800m) - (Cap - Eur(1200m)), p.Claims["C2"].Verification!.Decision.NotSupported);
        Assert.True(p.Claims["C3"].Verification!.Decision.Granted.IsZero);
        Assert.Equal(Eur(800m), p.Claims["C3"].Verification!.Decision.NotSupported);
        Assert.Equal(Cap, p.SupportGranted);
        Assert.Equal(Cap, s.Edition.Budget.Actions.Spent);
    }

    [Fact]
    public void VerifyClaim_WhenVatCannotBeRecovered_TheVatIsEligible()
    {
        Assert.True(Rules2016.Promotion.NonRecoverableVatEligible);
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m, vat: 210m, vatRecoverable: false));
        s.SubmitClaim("B1", Claim("C2", 500m, vat: 105m, vatRecoverable: true));

        var p = s.Verify("B1", "C1", ClaimVerification.ApproveInFull());
        p = s.Verify("B1", "C2", ClaimVerification.ApproveInFull());

        Assert.Equal(Eur(1210m), p.Claims["C1"].Verification!.Decision.Approved);
        Assert.Equal(Eur(500m), p.Claims["C2"].Verification!.Decision.Approved);
    }

    [Fact]
    public void VerifyClaim_WhenTheVerifierSubmittedTheClaim_IsForbidden()
    {
        var s = WithB1();
        s.Do("B1", p => p.SubmitClaim(Claim("C1", 1000m), s.Rulebook, Ctx(Tech, At(2016, 10, 5))));

        var result = s.Participant("B1").VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech, At(2016, 10, 20)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal([PromotionErrors.VerifierIsSubmitter], result.Codes());
    }

    [Fact]
    public void VerifyClaim_WhenTheCompanyVerifiesItsOwnClaim_IsForbidden()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m));

        var result = s.Participant("B1").VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 20)));

        Assert.Equal([CommonErrors.WrongActor], result.Codes());
    }

    [Fact]
    public void VerifyClaim_WhenApprovedInPartWithoutAReasonOrForTooMuch_ListsBoth()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m));

        var result = s.Participant("B1").VerifyClaim(s.Edition, "C1", new ClaimVerification(ClaimVerdict.ApprovedInPart, Eur(1000m), null), s.Rulebook, Ctx(Tech, At(2016, 10, 20)));

        Assert.Equal([PromotionErrors.ApprovedAmountInvalid, PromotionErrors.ReasonRequired], result.Codes());
    }

    [Fact]
    public void VerifyClaim_WhenRejectedWithAReason_GrantsNothingAndKeepsTheReservation()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m));

        var p = s.Verify("B1", "C1", ClaimVerification.Reject("Invoice not paid"));

        Assert.True(p.SupportGranted.IsZero);
        Assert.Equal(Cap, p.ReservationLeft);
        Assert.Equal("Invoice not paid", p.Claims["C1"].Verification!.Reason);
    }

    [Fact]
    public void VerifyClaim_WhenVerifiedTwice_IsConflict()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m));
        s.Verify("B1", "C1", ClaimVerification.ApproveInFull());

        var result = s.Participant("B1").VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech2, At(2016, 10, 21)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([PromotionErrors.ClaimAlreadyVerified], result.Codes());
    }

    [Fact]
    public void VerifyClaim_WhenTheClaimDoesNotExist_IsNotFound()
    {
        var s = WithB1();

        var result = s.Participant("B1").VerifyClaim(s.Edition, "NOPE", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech, At(2016, 10, 20)));

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal([PromotionErrors.ClaimNotFound], result.Codes());
    }

    [Fact]
    public void VerifyClaim_WhenThePartnerRulebookPaysHalf_GrantsHalfAndSaysWhy()
    {
        var partner = Rulebook.Load(
            RulebookJsonEdits.Partner(p => p.Override("promotion.supportIntensity", "50%").WithExtremadura2016()),
            Rulebook.Extremadura).Value;
        var s = WithB1(partner);
        s.SubmitClaim("B1", Claim("C1", 1000.01m));

        var p = s.Verify("B1", "C1", ClaimVerification.ApproveInFull());

        var decision = p.Claims["C1"].Verification!.Decision;
        Assert.Equal(Eur(500.01m), decision.Granted);
        Assert.Equal(Eur(500m), decision.NotSupported);
        Assert.Equal(NotSupportedReasons.Intensity, decision.Reasons);
    }

    [Fact]
    public void AidReceived_WhenSupportWasGranted_ListsDeclaredInKindAndGrantedAidWithDates()
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m));
        var p = s.Verify("B1", "C1", ClaimVerification.ApproveInFull(), at: At(2016, 10, 20));

        var aid = p.AidReceived();

        Assert.Equal(2, aid.Count);
        Assert.Equal(p.Terms.InKindAid, aid[0].Amount);
        Assert.Equal(new LocalDate(2016, 2, 1), aid[0].GrantedOn);
        Assert.Equal(Eur(1000m), aid[1].Amount);
        Assert.Equal(new LocalDate(2016, 10, 20), aid[1].GrantedOn);
    }
}
