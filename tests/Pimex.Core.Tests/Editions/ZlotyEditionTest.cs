using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Promotion;
using Pimex.StateAid;
using Pimex.Tests.Admission;
using Pimex.Tests.Support;
using static Pimex.Tests.Admission.ZlotyRegion;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Editions;

/// <summary>An edition of a region in zloty, from admission to a grant, judged against ceilings in euros.</summary>
public class ZlotyEditionTest
{
    private static readonly LocalDate End2015 = new(2015, 12, 31);

    private static ExpenseClaim ZlotyClaim(string id, decimal net) =>
        new(id, "FV-" + id, "PL1234567890", new LocalDate(2016, 10, 1), "tradeFair", "Stand at a trade fair", Zl(net), Zl(0m), true);

    [Fact]
    public void Admit_WhenTheCompanyDeclaresInZloty_ExplainsTheRateThatConvertedItsFigures_AndKeepsItsAidInZloty()
    {
        // Figures PLN 43,000,000.00 / 4.3000 (2015-12-31) = EUR 10,000,000.00: small. Earlier aid PLN 430,000.00
        // granted 2015-06-01 at 4.3000 = EUR 100,000.00; the cap PLN 10,000.00 on 2016-02-01 at 4.4000 =
        // EUR 2,272.73; EUR 102,272.73 within the EUR 200,000 of Regulation 1407/2013.
        var s = Open(Load(("2015-06-01", 4.3000m), ("2015-12-31", 4.3000m), ("2016-02-01", 4.4000m)));
        var aid = new AidReceived(Zl(430_000m), new LocalDate(2015, 6, 1), "Urząd Marszałkowski");
        s.ApplyFor(Application(43_000_000m, 43_000_000m, End2015, aid));

        var participant = s.Admit("PL1", At(2016, 2, 1, 12));

        var admitted = Assert.Single(s.EditionEvents.OfType<CompanyAdmitted>());
        Assert.Equal(SizeClass.Small, admitted.SizeClass);
        Assert.StartsWith("The PLN figures of the period to 2015-12-31 are converted to euros at 4.3000 PLN per EUR on 2015-12-31", admitted.Sme!.Value.Notes[0], StringComparison.Ordinal);
        Assert.Equal(Money.Of(10_000_000m, Currency.EUR), admitted.Sme!.Value.Turnover);
        Assert.Equal([Zl(430_000m)], participant.Terms.DeclaredAid.Select(a => a.Amount));
        Assert.Equal(Zl(10_000m), participant.Terms.Cap);
    }

    [Fact]
    public void VerifyClaim_WhenTheEuroHeadroomIsBelowTheCap_GrantsItConvertedAtTheGrantDaysRate_RoundedDown()
    {
        // Declared aid PLN 850,110.00 granted 2015-06-01 at 4.3000 = EUR 197,700.00: EUR 2,300.00 left under
        // EUR 200,000. Admission on 2016-02-01: the cap PLN 10,000.00 at 4.4000 = EUR 2,272.73 fits.
        // Grant on 2016-10-20 at 4.3000: EUR 2,300.00 x 4.3 = PLN 9,890.00, below the cap: granted PLN 9,890.00.
        var s = Open(Load(("2015-06-01", 4.3000m), ("2015-12-31", 4.3000m), ("2016-02-01", 4.4000m), ("2016-10-20", 4.3000m)));
        var aid = new AidReceived(Zl(850_110m), new LocalDate(2015, 6, 1), "Urząd Marszałkowski");
        s.ApplyFor(Application(4_300_000m, 4_300_000m, End2015, aid));
        s.Admit("PL1", At(2016, 2, 1, 12));
        s.SubmitClaim("PL1", ZlotyClaim("C1", 12_000m));

        var participant = s.Verify("PL1", "C1", ClaimVerification.ApproveInFull());

        Assert.Equal(Zl(9_890m), participant.SupportGranted);

        // The statement counts in euros: EUR 197,700.00 + PLN 9,890.00 / 4.3000 (EUR 2,300.00) = EUR 200,000.00.
        var statement = Scenario.Must(global::Pimex.Evaluation.AidStatement.Create(participant, s.Rulebook, new LocalDate(2016, 12, 31)));
        Assert.Equal(Money.Of(200_000m, Currency.EUR), statement.CountedInLookBack);
        Assert.Equal(Money.Zero(Currency.EUR), statement.Headroom);
        Assert.Equal(Zl(9_890m), statement.PromotionSupport);
    }

    [Fact]
    public void VerifyClaim_WhenTheGrantDaysRateIsMissing_RefusesAndChangesNothing()
    {
        var s = Open(Load(("2015-06-01", 4.3000m), ("2015-12-31", 4.3000m), ("2016-02-01", 4.4000m)));
        s.ApplyFor(Application(4_300_000m, 4_300_000m, End2015));
        s.Admit("PL1", At(2016, 2, 1, 12));
        var submitted = s.SubmitClaim("PL1", ZlotyClaim("C1", 12_000m));

        var result = submitted.VerifyClaim(s.Edition, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech, At(2016, 10, 20)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(AdmissionErrors.NoExchangeRate, error.ErrorCode);
        Assert.Equal("declaredAid", error.Identifier);
        Assert.Equal("No PLN exchange rate for 2016-10-20: de minimis aid is converted to euros at the rate of the day it was granted; add the rate to the programme's exchange rates.", error.ErrorMessage);
    }
}
