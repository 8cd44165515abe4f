using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;
using static Pimex.Tests.Admission.ZlotyRegion;

namespace Pimex.Tests.Admission;

/// <summary>
/// A region in zloty judges a company against the SME and de minimis ceilings EU law sets in euros:
/// its figures and its aid are converted at the day the rulebook names, each case computed by hand.
/// </summary>
public class ZlotyAdmissionTest
{
    private static readonly LocalDate End2014 = new(2014, 12, 31);
    private static readonly LocalDate End2015 = new(2015, 12, 31);
    private static readonly LocalDate Decided = new(2016, 3, 1);

    [Fact]
    public void Evaluate_WhenTheFiguresAreExactlyTheSmallCeilingAtThePeriodEndRate_IsSmall()
    {
        // PLN 43,000,000.00 / 4.3000 PLN per EUR = EUR 10,000,000.00: at most EUR 10 m, small.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));

        var check = Evaluate(rulebook, Application(43_000_000m, 43_000_000m, End2015), Decided);

        Assert.True(check.IsAdmissible, check.Broken.ToString());
        Assert.Equal(SizeClass.Small, check.Sme.SizeClass);
        Assert.Equal(Money.Of(10_000_000m, Currency.EUR), check.Sme.Turnover);
        Assert.Equal(Money.Of(10_000_000m, Currency.EUR), check.Sme.BalanceSheet);
    }

    [Fact]
    public void Evaluate_WhenTheSameFiguresMeetAWeakerEuro_IsMedium()
    {
        // PLN 43,000,000.00 / 4.2900 = 10,023,310.0233... = EUR 10,023,310.02 (half away from zero):
        // above EUR 10 m on both figures, within EUR 50 m / 43 m: medium.
        var rulebook = Load(("2015-12-31", 4.2900m), ("2016-03-01", 4.3000m));

        var check = Evaluate(rulebook, Application(43_000_000m, 43_000_000m, End2015), Decided);

        Assert.Equal(SizeClass.Medium, check.Sme.SizeClass);
        Assert.Equal(Money.Of(10_023_310.02m, Currency.EUR), check.Sme.Turnover);
    }

    [Fact]
    public void Evaluate_WhenTheFiguresCrossTheCeilingOnlyAtTheDecisionDaysRate_IsJudgedAtThePeriodEndRate()
    {
        // At the period end's 4.3000: EUR 10,000,000.00, small. At the decision day's 4.2500 they would be
        // 43,000,000 / 4.25 = EUR 10,117,647.06, above the small ceiling: the rule names the period end.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.2500m));

        var check = Evaluate(rulebook, Application(43_000_000m, 43_000_000m, End2015), Decided);

        Assert.Equal(SizeClass.Small, check.Sme.SizeClass);
        Assert.Contains(check.Conversions, c => c.Rate.From == End2015 && c.Rate.PerEuro == 4.3000m);
        Assert.DoesNotContain(check.Conversions, c => c.Figures.StartsWith("the figures", StringComparison.Ordinal) && c.Rate.From == Decided);
    }

    [Fact]
    public void Evaluate_WhenTwoPeriodsAreDeclared_ConvertsEachAtItsOwnPeriodEndsRate()
    {
        // 2014: PLN 43,000,000.00 / 4.2623 = EUR 10,088,449.90: medium. 2015: / 4.3000 = EUR 10,000,000.00: small.
        // From the oldest, one period under the small ceiling does not change the class (art. 4(2), two
        // consecutive periods): medium. At 2015's rate for both periods the company would be small.
        var rulebook = Load(("2014-12-31", 4.2623m), ("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));
        var application = Application(43_000_000m, 43_000_000m, End2015);
        application = application with
        {
            Profile = application.Profile with
            {
                Earlier = new EquatableArray<CompanyProfile>([new CompanyProfile(new EnterpriseFigures(20m, Zl(43_000_000m), Zl(43_000_000m)), default) { PeriodEnd = End2014 }]),
            },
        };

        var check = Evaluate(rulebook, application, Decided);
        var explained = AdmissionEligibility.ExplainSme(check, application, rulebook.On(new LocalDate(2016, 1, 15)).Value);

        Assert.Equal(SizeClass.Medium, check.Sme.SizeClass);
        Assert.Equal([SizeClass.Medium, SizeClass.Small], explained.Periods.Select(p => p.FiguresClass));
        Assert.Equal(Money.Of(10_088_449.90m, Currency.EUR), explained.Periods[0].Turnover);
        Assert.Equal(Money.Of(10_000_000m, Currency.EUR), explained.Periods[1].Turnover);
    }

    [Fact]
    public void ExplainSme_WhenFiguresWereConverted_SaysWhichRateConvertedWhichPeriod()
    {
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));
        var application = Application(43_000_000m, 43_000_000m, End2015);
        var check = Evaluate(rulebook, application, Decided);

        var explained = AdmissionEligibility.ExplainSme(check, application, rulebook.On(new LocalDate(2016, 1, 15)).Value);

        Assert.Equal(
            "The PLN figures of the period to 2015-12-31 are converted to euros at 4.3000 PLN per EUR on 2015-12-31 (ECB euro foreign exchange reference rate of 2015-12-31), the rate of the period's last day (sme.figuresExchangeRate: periodEnd): Recommendation 2003/361/EC sets the ceilings in euros.",
            explained.Notes[0]);
        Assert.Contains("turnover EUR 10000000.00", explained.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WhenTheInvestorExceptionAmountsAreInZloty_ConvertsThemToo()
    {
        // Business angels investing PLN 5,375,000.00 / 4.3000 = EUR 1,250,000.00: not below EUR 1,250,000, so
        // not exempt: a partner with 30 %. At PLN 5,374,995.70 (/ 4.3 = EUR 1,249,999.00) they are exempt.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));
        CompanyApplication With(decimal invested)
        {
            var application = Application(4_300_000m, 4_300_000m, End2015);
            var angels = new RelatedEnterprise("Angels", Rate.FromPercent(30m), new EnterpriseFigures(100m, Zl(0m), Zl(0m)))
            {
                Kind = RelatedPartyKind.BusinessAngel,
                BusinessAngelInvestment = Zl(invested),
            };
            return application with { Profile = application.Profile with { Related = new EquatableArray<RelatedEnterprise>([angels]) } };
        }

        // 20 own staff + 30 % of 100 = 50: not below the small limit of 50, so medium; exempt, 20 staff: small.
        Assert.Equal(SizeClass.Medium, Evaluate(rulebook, With(5_375_000m), Decided).Sme.SizeClass);
        Assert.Equal(SizeClass.Small, Evaluate(rulebook, With(5_374_995.70m), Decided).Sme.SizeClass);
    }

    [Fact]
    public void Evaluate_WhenEarlierAidIsInZloty_CountsItAtItsGrantDaysRateAndTheNewAidAtTheDecisionDays()
    {
        // Earlier aid PLN 1,285,000.00 granted on 2023-05-10 at 4.5000 = EUR 285,555.56; the new aid (the
        // cap, PLN 10,000.00) on the decision day 2024-03-20 at 4.3000 = EUR 2,325.58; together EUR 287,881.14,
        // within EUR 300,000 (Regulation 2023/2831). Converted at the decision day's rate, the earlier aid
        // would be EUR 298,837.21 and the total EUR 301,162.79, over the ceiling.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2023-05-10", 4.5000m), ("2024-03-20", 4.3000m));
        var decided = new LocalDate(2024, 3, 20);
        var aid = new AidReceived(Zl(1_285_000m), new LocalDate(2023, 5, 10), "Urząd Marszałkowski");

        var check = Evaluate(rulebook, Application(4_300_000m, 4_300_000m, End2015, aid), decided);

        Assert.True(check.Aid.IsWithinCeiling);
        Assert.Equal(Money.Of(285_555.56m, Currency.EUR), check.Aid.AlreadyCounted);
        Assert.Equal(Money.Of(2_325.58m, Currency.EUR), check.Aid.NewAid);
        Assert.Equal(Money.Of(300_000m, Currency.EUR), check.Aid.Regime.Ceiling);
        Assert.Equal([Zl(1_285_000m)], check.SingleUndertakingAid.Select(a => a.Amount));
    }

    [Fact]
    public void Evaluate_WhenEarlierAidInZlotyTakesTheCompanyOverTheEuroCeiling_IsRefused()
    {
        // PLN 1,340,000.00 / 4.5000 = EUR 297,777.78; + EUR 2,325.58 = EUR 300,103.36 > EUR 300,000.00.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2023-05-10", 4.5000m), ("2024-03-20", 4.3000m));
        var aid = new AidReceived(Zl(1_340_000m), new LocalDate(2023, 5, 10), "Urząd Marszałkowski");
        var application = Application(4_300_000m, 4_300_000m, End2015, aid);

        var check = Evaluate(rulebook, application, new LocalDate(2024, 3, 20));

        Assert.Equal(AdmissionRulesBroken.AidCeilingExceeded, check.Broken);
        Assert.Equal(Money.Of(297_777.78m, Currency.EUR), check.Aid.AlreadyCounted);
        var rules = rulebook.On(new LocalDate(2016, 1, 15)).Value;
        var error = Assert.Single(AdmissionEligibility.Errors(check, application, rules, rulebook.Annuity(2016).Value));
        Assert.Equal(AdmissionErrors.AidCeilingExceeded, error.ErrorCode);
    }

    [Fact]
    public void Errors_WhenALinkedUndertakingsZlotyAidIsCounted_NameItsShareInEuros()
    {
        // Own: PLN 450,000.00 / 4.5000 = EUR 100,000.00; the parent's PLN 890,000.00 / 4.5000 =
        // EUR 197,777.78; together EUR 297,777.78, + EUR 2,325.58 new aid > EUR 300,000.00.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2023-05-10", 4.5000m), ("2024-03-20", 4.3000m));
        var own = new AidReceived(Zl(450_000m), new LocalDate(2023, 5, 10), "Urząd Marszałkowski");
        var parents = new AidReceived(Zl(890_000m), new LocalDate(2023, 5, 10), "Urząd Marszałkowski") { Recipient = "Holding SA" };
        var application = Application(4_300_000m, 4_300_000m, End2015, own, parents);

        var check = Evaluate(rulebook, application, new LocalDate(2024, 3, 20));

        Assert.Equal(AdmissionRulesBroken.AidCeilingExceeded, check.Broken);
        var rules = rulebook.On(new LocalDate(2016, 1, 15)).Value;
        var error = Assert.Single(AdmissionEligibility.Errors(check, application, rules, rulebook.Annuity(2016).Value));
        Assert.Contains("EUR 100000.00", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("EUR 197777.78", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Holding SA", error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("PLN", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WhenAidOutsideTheLookBackHasNoRate_NeedsNone()
    {
        var rulebook = Load(("2015-12-31", 4.3000m), ("2024-03-20", 4.3000m));
        var old = new AidReceived(Zl(900_000m), new LocalDate(2019, 5, 10), "Urząd Marszałkowski");

        var check = Evaluate(rulebook, Application(4_300_000m, 4_300_000m, End2015, old), new LocalDate(2024, 3, 20));

        Assert.True(check.IsAdmissible, check.Broken.ToString());
        Assert.Equal(Money.Zero(Currency.EUR), check.Aid.AlreadyCounted);
    }

    public static TheoryData<string> Languages() => [.. ReportLanguage.All.Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Errors_WhenThePeriodEndsRateIsMissing_RefusesNamingTheCurrencyAndTheDayInEachLanguage(string code)
    {
        var language = ReportLanguage.All.Single(l => l.Code == code);
        var rulebook = Load(("2016-03-01", 4.3000m));
        var application = Application(43_000_000m, 43_000_000m, End2015);

        var check = Evaluate(rulebook, application, Decided);
        var errors = AdmissionEligibility.Errors(check, application, rulebook.On(new LocalDate(2016, 1, 15)).Value, rulebook.Annuity(2016).Value, language);

        Assert.Equal(AdmissionRulesBroken.ExchangeRateMissing, check.Broken);
        Assert.Equal([new MissingExchangeRate("profile", Pln, End2015)], check.MissingRates);
        var error = Assert.Single(errors);
        Assert.Equal(AdmissionErrors.NoExchangeRate, error.ErrorCode);
        Assert.Equal("profile", error.Identifier);
        Assert.Contains("PLN", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(language.InvariantArguments ? "2015-12-31" : language.Date(End2015), error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_WhenRatesAreMissing_AreWordedDifferentlyInEveryLanguage()
    {
        var rulebook = Load();
        var application = Application(43_000_000m, 43_000_000m, End2015);
        var check = Evaluate(rulebook, application, Decided);
        var rules = rulebook.On(new LocalDate(2016, 1, 15)).Value;

        var messages = ReportLanguage.All.Select(l => string.Join(" | ", AdmissionEligibility.Errors(check, application, rules, rulebook.Annuity(2016).Value, l).Select(e => e.ErrorMessage))).ToList();

        Assert.Equal(5, messages.Count);
        Assert.Equal(messages.Count, messages.Distinct().Count());
        Assert.All(ReportLanguage.All, l => Assert.Equal(
            [AdmissionErrors.NoExchangeRate, AdmissionErrors.NoExchangeRate],
            AdmissionEligibility.Errors(check, application, rules, rulebook.Annuity(2016).Value, l).Select(e => e.ErrorCode)));
    }

    [Fact]
    public void Errors_WhenThePeriodEndIsNotDeclared_RefusesAtPeriodEnd()
    {
        var rulebook = Load(("2016-03-01", 4.3000m));
        var application = Application(43_000_000m, 43_000_000m, periodEnd: null);

        var check = Evaluate(rulebook, application, Decided);
        var error = Assert.Single(AdmissionEligibility.Errors(check, application, rulebook.On(new LocalDate(2016, 1, 15)).Value, rulebook.Annuity(2016).Value));

        Assert.Equal(AdmissionErrors.NoExchangeRate, error.ErrorCode);
        Assert.Equal("PeriodEnd", error.Identifier);
        Assert.Equal("The figures are in PLN but the last day of their accounting period is not declared: they are converted to euros at the rate of that day.", error.ErrorMessage);
    }

    [Fact]
    public void Errors_WhenTheGrantDaysRateOfEarlierAidIsMissing_RefusesAtDeclaredAid()
    {
        var rulebook = Load(("2015-12-31", 4.3000m), ("2024-03-20", 4.3000m));
        var aid = new AidReceived(Zl(100_000m), new LocalDate(2023, 5, 10), "Urząd Marszałkowski");
        var application = Application(4_300_000m, 4_300_000m, End2015, aid);

        var check = Evaluate(rulebook, application, new LocalDate(2024, 3, 20));
        var error = Assert.Single(AdmissionEligibility.Errors(check, application, rulebook.On(new LocalDate(2016, 1, 15)).Value, rulebook.Annuity(2016).Value));

        Assert.Equal(AdmissionErrors.NoExchangeRate, error.ErrorCode);
        Assert.Equal("declaredAid", error.Identifier);
        Assert.Equal("No PLN exchange rate for 2023-05-10: de minimis aid is converted to euros at the rate of the day it was granted; add the rate to the programme's exchange rates.", error.ErrorMessage);
        Assert.Equal(SizeClass.Small, check.Sme.SizeClass);
    }

    [Fact]
    public void Evaluate_WhenTheHostSuppliesTheRates_UsesThem()
    {
        var host = ExchangeRates.Parse("""{ "PLN": [ { "date": "2015-12-31", "perEuro": 4.29, "source": "host" }, { "date": "2016-03-01", "perEuro": 4.3, "source": "host" } ] }""").Value;
        var rulebook = Load(("2015-12-31", 4.3000m)).WithExchangeRates(host);

        var check = Evaluate(rulebook, Application(43_000_000m, 43_000_000m, End2015), Decided);

        Assert.Equal(SizeClass.Medium, check.Sme.SizeClass);
        Assert.All(check.Conversions, c => Assert.Equal("host", c.Rate.Source));
    }
}
