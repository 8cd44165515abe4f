using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;
using static Pimex.Tests.Admission.ZlotyRegion;

namespace Pimex.Tests.Admission;

/// <summary>
/// What a reader of a zloty programme's admission relies on, beyond the ceilings themselves: the
/// conversions it states (exact sentences), which aid counts at the look-back's two ends, figures in
/// euros beside figures in zloty, related enterprises' and investors' zloty amounts, the in-kind aid
/// and the actions budget, and the wording of the aid refusal. Each figure computed by hand.
/// </summary>
public class EuroConversionTest
{
    private static readonly LocalDate End2014 = new(2014, 12, 31);
    private static readonly LocalDate End2015 = new(2015, 12, 31);
    private static readonly LocalDate Decided2016 = new(2016, 3, 1);

    // Regulation 2023/2831: three rolling years, so aid decided on 2024-03-20 looks back to 2021-03-21.
    private static readonly LocalDate Decided = new(2024, 3, 20);
    private static readonly LocalDate LookBackStart = new(2021, 3, 21);

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static RuleSet Rules(Rulebook rulebook) => rulebook.On(new LocalDate(2016, 1, 15)).Value;

    private static AdmissionCheck Evaluate(Rulebook rulebook, CompanyApplication application, LocalDate decided, RuleSet rules, Money actionsAvailable) =>
        AdmissionEligibility.Evaluate(application, new LocalDate(2016, 2, 1), decided, rules, rulebook.On(decided).Value.Aid.Regime, rulebook.Annuity(2016).Value, 0, actionsAvailable);

    private static CompanyApplication WithFigures(CompanyApplication application, EnterpriseFigures own, params RelatedEnterprise[] related) =>
        application with { Profile = application.Profile with { Own = own, Related = new EquatableArray<RelatedEnterprise>(related) } };

    private static string ErrorText(Rulebook rulebook, CompanyApplication application, AdmissionCheck check) =>
        string.Join(" | ", AdmissionEligibility.Errors(check, application, Rules(rulebook), rulebook.Annuity(2016).Value).Select(e => $"{e.Identifier} {e.ErrorCode}: {e.ErrorMessage}"));

    [Fact]
    public void Conversions_WhenFiguresEarlierAidAndTheNewAidAreInZloty_StateEachConversionInFull()
    {
        var rulebook = Load(("2015-12-31", 4.3000m), ("2023-05-10", 4.5000m), ("2024-03-20", 4.3000m));
        var aid = new AidReceived(Zl(100_000m), new LocalDate(2023, 5, 10), "Urząd Marszałkowski");

        var check = ZlotyRegion.Evaluate(rulebook, Application(4_300_000m, 4_300_000m, End2015, aid), Decided);

        Assert.Equal(
            [
                "the figures of the period to 2015-12-31 at 4.3000 PLN per EUR on 2015-12-31 (ECB euro foreign exchange reference rate of 2015-12-31)",
                "aid granted on 2023-05-10 by Urząd Marszałkowski at 4.5000 PLN per EUR on 2023-05-10 (ECB euro foreign exchange reference rate of 2023-05-10)",
                "the new aid of PLN 10000.00, on the decision date at 4.3000 PLN per EUR on 2024-03-20 (ECB euro foreign exchange reference rate of 2024-03-20)",
            ],
            check.Conversions.Select(c => c.ToString()));
        Assert.Equal([ConvertedAmounts.PeriodFigures, ConvertedAmounts.Aid, ConvertedAmounts.Aid], check.Conversions.Select(c => c.Of));
    }

    [Fact]
    public void ExplainSme_WhenAidWasConvertedToo_NotesOnlyTheFiguresConversion()
    {
        var rulebook = Load(("2015-12-31", 4.3000m), ("2023-05-10", 4.5000m), ("2024-03-20", 4.3000m));
        var aid = new AidReceived(Zl(100_000m), new LocalDate(2023, 5, 10), "Urząd Marszałkowski");
        var application = Application(4_300_000m, 4_300_000m, End2015, aid);
        var check = ZlotyRegion.Evaluate(rulebook, application, Decided);

        var notes = AdmissionEligibility.ExplainSme(check, application, Rules(rulebook)).Notes;

        Assert.Equal(3, check.Conversions.Count);
        Assert.Single(notes, n => n.Contains("converted to euros", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.Contains("aid", StringComparison.Ordinal));
    }

    [Fact]
    public void ExplainSme_WhenTheFiguresRateIsMissing_IsTheUndecidedAssessment_NotAnException()
    {
        // No rate for 2015-12-31: the figures stay in zloty and the SME test is not run.
        var rulebook = Load(("2016-03-01", 4.3000m));
        var application = Application(43_000_000m, 43_000_000m, End2015);
        var check = ZlotyRegion.Evaluate(rulebook, application, Decided2016);

        var explained = AdmissionEligibility.ExplainSme(check, application, Rules(rulebook));

        Assert.True(check.Broken.HasFlag(AdmissionRulesBroken.ExchangeRateMissing), check.Broken.ToString());
        Assert.Equal(check.Sme, explained);
        Assert.Empty(explained.Lines);
    }

    [Fact]
    public void ExplainSme_WithoutAnApplicationOrRules_IsAProgrammersError()
    {
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));
        var application = Application(43_000_000m, 43_000_000m, End2015);
        var check = ZlotyRegion.Evaluate(rulebook, application, Decided2016);

        Assert.Equal("application", Assert.Throws<ArgumentNullException>(() => AdmissionEligibility.ExplainSme(check, null!, Rules(rulebook))).ParamName);
        Assert.Equal("rules", Assert.Throws<ArgumentNullException>(() => AdmissionEligibility.ExplainSme(check, application, null!)).ParamName);
    }

    [Fact]
    public void Evaluate_WhenAnEarlierPeriodsRateIsMissing_LeavesTheSmeTestUndecided()
    {
        // The reference period converts (EUR 10,000,000.00: small), the earlier one cannot: the test needs both.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));
        var application = Application(43_000_000m, 43_000_000m, End2015);
        application = application with
        {
            Profile = application.Profile with
            {
                Earlier = new EquatableArray<CompanyProfile>([new CompanyProfile(new EnterpriseFigures(20m, Zl(43_000_000m), Zl(43_000_000m)), default) { PeriodEnd = End2014 }]),
            },
        };

        var check = ZlotyRegion.Evaluate(rulebook, application, Decided2016);

        Assert.Equal(AdmissionRulesBroken.ExchangeRateMissing, check.Broken);
        Assert.Equal([new MissingExchangeRate("profile", Pln, End2014)], check.MissingRates);
        Assert.Null(check.ConvertedProfile);
        Assert.Equal(default, check.Sme);
    }

    [Fact]
    public void Errors_WhenAnEarlierPeriodsLastDayIsNotDeclared_NameThatPeriod()
    {
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));
        var application = Application(43_000_000m, 43_000_000m, End2015);
        application = application with
        {
            Profile = application.Profile with
            {
                Earlier = new EquatableArray<CompanyProfile>([new CompanyProfile(new EnterpriseFigures(20m, Zl(43_000_000m), Zl(43_000_000m)), default)]),
            },
        };

        var check = ZlotyRegion.Evaluate(rulebook, application, Decided2016);

        Assert.Equal([new MissingExchangeRate("Earlier[0].PeriodEnd", Pln, null)], check.MissingRates);
        Assert.Equal(
            "Earlier[0].PeriodEnd PIMEX-ADM-020: The figures are in PLN but the last day of their accounting period is not declared: they are converted to euros at the rate of that day.",
            ErrorText(rulebook, application, check));
    }

    [Fact]
    public void Errors_WhenThePeriodEndsRateIsMissing_SpeakOfTheFiguresNotOfAid()
    {
        var rulebook = Load(("2016-03-01", 4.3000m));
        var application = Application(43_000_000m, 43_000_000m, End2015);

        var check = ZlotyRegion.Evaluate(rulebook, application, Decided2016);

        Assert.Equal(
            "profile PIMEX-ADM-020: No PLN exchange rate for 2015-12-31: the company's figures are converted to euros at the rate of that day, the last day of their accounting period; add the rate to the programme's exchange rates.",
            ErrorText(rulebook, application, check));
    }

    [Fact]
    public void Errors_WhenTheDecisionDaysRateIsMissing_RefuseTheNewAidAtDeclaredAid()
    {
        var rulebook = Load(("2015-12-31", 4.3000m));
        var application = Application(4_300_000m, 4_300_000m, End2015);

        var check = ZlotyRegion.Evaluate(rulebook, application, Decided);

        Assert.Equal(AdmissionRulesBroken.ExchangeRateMissing, check.Broken);
        Assert.Equal([new MissingExchangeRate("declaredAid", Pln, Decided) { Of = ConvertedAmounts.Aid }], check.MissingRates);
        Assert.Equal(
            "declaredAid PIMEX-ADM-020: No PLN exchange rate for 2024-03-20: de minimis aid is converted to euros at the rate of the day it was granted; add the rate to the programme's exchange rates.",
            ErrorText(rulebook, application, check));
    }

    [Fact]
    public void Evaluate_WhenZlotyAidFallsOnTheLookBacksEnds_CountsTheFirstAndLastDayOnly()
    {
        // Counted: PLN 45,000.00 on 2021-03-21 (first day) / 4.5000 = EUR 10,000.00 and PLN 9,000.00 on
        // 2024-03-20 (the decision day) / 4.5000 = EUR 2,000.00: EUR 12,000.00. The day before the
        // look-back and the day after the decision have no rate and need none.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2021-03-21", 4.5000m), ("2024-03-20", 4.5000m));
        var application = Application(
            4_300_000m,
            4_300_000m,
            End2015,
            new AidReceived(Zl(900_000m), LookBackStart.PlusDays(-1), "Before"),
            new AidReceived(Zl(45_000m), LookBackStart, "First day"),
            new AidReceived(Zl(9_000m), Decided, "Decision day"),
            new AidReceived(Zl(900_000m), Decided.PlusDays(1), "After"));

        var check = ZlotyRegion.Evaluate(rulebook, application, Decided);

        Assert.True(check.IsAdmissible, check.Broken.ToString());
        Assert.Empty(check.MissingRates);
        Assert.Equal(Eur(12_000m), check.Aid.AlreadyCounted);
        Assert.Equal(["First day", "Decision day"], check.CountedAid.Select(a => a.GrantingBody));
        Assert.Equal([Eur(10_000m), Eur(2_000m)], check.CountedAid.Select(a => a.Amount));
    }

    [Fact]
    public void Errors_WhenTheCeilingIsExceeded_CountTheLinkedUndertakingsAidOnTheLookBacksEndsSummedAndNothingOutside()
    {
        // Euro programme. Own EUR 290,000.00; Holding SA EUR 10,000.00 on the look-back's first day and
        // EUR 1,000.00 on the decision day: EUR 11,000.00 together. Early SL (the day before) and Late SL
        // (the day after) do not count. EUR 301,000.00 > EUR 300,000.00 before the new aid.
        var rulebook = Rulebook.Extremadura;
        var rules = Rules(rulebook);
        var application = new CompanyApplication(
            new CompanyId("B1"),
            "ES43",
            new CompanyProfile(new EnterpriseFigures(20m, Eur(3_000_000m), Eur(2_000_000m)), default),
            new EquatableArray<AidReceived>(
            [
                new AidReceived(Eur(290_000m), new LocalDate(2023, 5, 10), "Junta de Extremadura"),
                new AidReceived(Eur(5_000m), LookBackStart.PlusDays(-1), "Junta de Extremadura") { Recipient = "Early SL" },
                new AidReceived(Eur(10_000m), LookBackStart, "Junta de Extremadura") { Recipient = "Holding SA" },
                new AidReceived(Eur(1_000m), Decided, "Junta de Extremadura") { Recipient = "Holding SA" },
                new AidReceived(Eur(7_000m), Decided.PlusDays(1), "Junta de Extremadura") { Recipient = "Late SL" },
            ]));

        var check = Evaluate(rulebook, application, Decided, rules, rulebook.Annuity(2016).Value.Budget.Actions);

        Assert.Equal(AdmissionRulesBroken.AidCeilingExceeded, check.Broken);
        var message = Assert.Single(AdmissionEligibility.Errors(check, application, rules, rulebook.Annuity(2016).Value)).ErrorMessage;
        Assert.EndsWith(" Counted in the period: EUR 290000.00 received by the applicant itself; EUR 11000.00 received by Holding SA.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_WhenOnlyTheApplicantsOwnZlotyAidIsCounted_SayNoMoreThanTheFirstSentence()
    {
        // PLN 1,340,000.00 / 4.5000 = EUR 297,777.78; + PLN 10,000.00 / 4.3000 = EUR 2,325.58 > EUR 300,000.00.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2023-05-10", 4.5000m), ("2024-03-20", 4.3000m));
        var aid = new AidReceived(Zl(1_340_000m), new LocalDate(2023, 5, 10), "Urząd Marszałkowski");
        var application = Application(4_300_000m, 4_300_000m, End2015, aid);

        var check = ZlotyRegion.Evaluate(rulebook, application, Decided);

        Assert.Equal(
            "declaredAid PIMEX-ADM-005: EUR 297777.78 already received in [2021-03-21, 2024-03-20] plus up to EUR 2325.58 from this participation exceeds the EU 2023/2831 ceiling of EUR 300000.00.",
            ErrorText(rulebook, application, check));
    }

    [Fact]
    public void Evaluate_WhenTheTurnoverIsInZlotyAndTheBalanceSheetInEuros_ConvertsOnlyTheZloty()
    {
        // PLN 43,000,000.00 / 4.3000 = EUR 10,000,000.00; the balance sheet's EUR 9,000,000.00 stays as declared.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));
        var application = WithFigures(Application(0m, 0m, End2015), new EnterpriseFigures(20m, Zl(43_000_000m), Eur(9_000_000m)));

        var check = ZlotyRegion.Evaluate(rulebook, application, Decided2016);

        Assert.True(check.IsAdmissible, check.Broken.ToString());
        Assert.Equal(Eur(10_000_000m), check.Sme.Turnover);
        Assert.Equal(Eur(9_000_000m), check.Sme.BalanceSheet);
        Assert.Equal(SizeClass.Small, check.Sme.SizeClass);
    }

    [Fact]
    public void Evaluate_WhenTheTurnoverIsInEurosAndTheBalanceSheetInZloty_ConvertsOnlyTheZloty()
    {
        // EUR 1,000,000.00 stays; PLN 43,000,000.00 / 4.3000 = EUR 10,000,000.00.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));
        var application = WithFigures(Application(0m, 0m, End2015), new EnterpriseFigures(20m, Eur(1_000_000m), Zl(43_000_000m)));

        var check = ZlotyRegion.Evaluate(rulebook, application, Decided2016);

        Assert.Equal(Eur(1_000_000m), check.Sme.Turnover);
        Assert.Equal(Eur(10_000_000m), check.Sme.BalanceSheet);
        Assert.Single(check.Conversions, c => c.Figures == "the figures of the period to 2015-12-31");
    }

    [Fact]
    public void Evaluate_WhenEveryFigureIsInEuros_NeedsNoRateForThePeriod()
    {
        // No rate for 2015-12-31: none is needed, the figures are already in euros.
        var rulebook = Load(("2016-03-01", 4.3000m));
        var application = WithFigures(
            Application(0m, 0m, End2015),
            new EnterpriseFigures(20m, Eur(3_000_000m), Eur(2_000_000m)),
            new RelatedEnterprise("Partner SA", Rate.FromPercent(30m), new EnterpriseFigures(10m, Eur(1_000_000m), Eur(1_000_000m))));

        var check = ZlotyRegion.Evaluate(rulebook, application, Decided2016);

        Assert.True(check.IsAdmissible, check.Broken.ToString());
        Assert.Empty(check.MissingRates);
        Assert.DoesNotContain(check.Conversions, c => c.Figures.StartsWith("the figures", StringComparison.Ordinal));
        Assert.Equal(Eur(3_300_000m), check.Sme.Turnover);
    }

    public static TheoryData<string> RelatedZlotyAmounts => ["figures", "businessAngel", "annualBudget", "nested"];

    [Theory]
    [MemberData(nameof(RelatedZlotyAmounts))]
    public void Evaluate_WhenOnlyARelatedEnterprisesAmountIsInZloty_ConvertsTheFiguresAtThePeriodEndsRate(string which)
    {
        // Own figures in euros; one related amount in zloty still needs the period end's rate: without it,
        // the admission cannot decide and says which rate is missing.
        var rulebook = Load(("2016-03-01", 4.3000m));
        var euros = new EnterpriseFigures(10m, Eur(1_000_000m), Eur(1_000_000m));
        var partner = which switch
        {
            "figures" => new RelatedEnterprise("Partner SA", Rate.FromPercent(30m), new EnterpriseFigures(10m, Zl(4_300_000m), Eur(1_000_000m))),
            "businessAngel" => new RelatedEnterprise("Angels", Rate.FromPercent(30m), euros) { Kind = RelatedPartyKind.BusinessAngel, BusinessAngelInvestment = Zl(1_000_000m) },
            "annualBudget" => new RelatedEnterprise("Gmina", Rate.FromPercent(30m), euros) { Kind = RelatedPartyKind.AutonomousLocalAuthority, AnnualBudget = Zl(1_000_000m) },
            _ => new RelatedEnterprise("Partner SA", Rate.FromPercent(30m), euros)
            {
                Related = new EquatableArray<RelatedEnterprise>([new RelatedEnterprise("Its partner", Rate.FromPercent(30m), new EnterpriseFigures(1m, Eur(1_000_000m), Zl(4_300_000m)))]),
            },
        };
        var application = WithFigures(Application(0m, 0m, End2015), new EnterpriseFigures(20m, Eur(3_000_000m), Eur(2_000_000m)), partner);

        var check = ZlotyRegion.Evaluate(rulebook, application, Decided2016);

        Assert.Equal(AdmissionRulesBroken.ExchangeRateMissing, check.Broken);
        Assert.Equal([new MissingExchangeRate("profile", Pln, End2015)], check.MissingRates);
    }

    [Fact]
    public void Evaluate_WhenALinkedEnterprisesFiguresAreInZloty_AddsThemInEuros()
    {
        // Own EUR 3,000,000.00 + the linked enterprise's PLN 4,300,000.00 / 4.3000 = EUR 1,000,000.00 in full (art. 6(2)).
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));
        var parent = new RelatedEnterprise("Parent SA", Rate.FromPercent(60m), new EnterpriseFigures(10m, Zl(4_300_000m), Zl(8_600_000m)));
        var application = WithFigures(Application(0m, 0m, End2015), new EnterpriseFigures(20m, Eur(3_000_000m), Eur(2_000_000m)), parent);

        var check = ZlotyRegion.Evaluate(rulebook, application, Decided2016);

        Assert.True(check.IsAdmissible, check.Broken.ToString());
        Assert.Equal(Eur(4_000_000m), check.Sme.Turnover);
        Assert.Equal(Eur(4_000_000m), check.Sme.BalanceSheet);
    }

    [Fact]
    public void Evaluate_WhenALocalAuthoritysBudgetInZlotyIsBelowTheEuroThreshold_IsExempt()
    {
        // A local authority with an annual budget under EUR 10 m and under 5,000 inhabitants is not a
        // partner (art. 3(2)(d)). PLN 42,999,995.70 / 4.3000 = EUR 9,999,999.00: exempt, 20 staff, small.
        // PLN 43,000,000.00 / 4.3000 = EUR 10,000,000.00: not below, so a public body holding 30 %: not an SME (art. 3(4)).
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));
        CompanyApplication With(decimal budget) => WithFigures(
            Application(0m, 0m, End2015),
            new EnterpriseFigures(20m, Zl(4_300_000m), Zl(4_300_000m)),
            new RelatedEnterprise("Gmina", Rate.FromPercent(30m), new EnterpriseFigures(100m, Zl(0m), Zl(0m)))
            {
                Kind = RelatedPartyKind.AutonomousLocalAuthority,
                AnnualBudget = Zl(budget),
                Inhabitants = 4_000,
            });

        Assert.Equal(SizeClass.Small, ZlotyRegion.Evaluate(rulebook, With(42_999_995.70m), Decided2016).Sme.SizeClass);
        Assert.Equal(SizeClass.NotSme, ZlotyRegion.Evaluate(rulebook, With(43_000_000m), Decided2016).Sme.SizeClass);
    }

    [Fact]
    public void Evaluate_WhenTheZlotyFiguresAreOverTheMediumCeilings_RefusesAsNotAnSme()
    {
        // 20 staff but PLN 300,000,000.00 / 4.3000 = EUR 69,767,441.86 > EUR 50 m and PLN 200,000,000.00 = EUR 46,511,627.91 > EUR 43 m.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2016-03-01", 4.3000m));

        var check = ZlotyRegion.Evaluate(rulebook, Application(300_000_000m, 200_000_000m, End2015), Decided2016);

        Assert.Equal(AdmissionRulesBroken.NotAnSme, check.Broken);
        Assert.Equal(Eur(69_767_441.86m), check.Sme.Turnover);
    }

    [Fact]
    public void Evaluate_WhenInKindAidIsValued_CountsTheCapPlusTheInKindAidAsTheNewAid()
    {
        // In kind: (PLN 20,000.00 + PLN 30,000.00) / 30 participants = PLN 1,666.67, added to the PLN 10,000.00
        // cap: PLN 11,666.67 / 4.3000 = 2,713.1790... = EUR 2,713.18 on the decision day.
        var rulebook = Load(("2015-12-31", 4.3000m), ("2024-03-20", 4.3000m));
        var rules = Rules(rulebook);
        rules = rules with { Aid = rules.Aid with { InKindValuation = InKindValuation.BudgetShare } };
        var annuity = rulebook.Annuity(2016).Value;

        var check = Evaluate(rulebook, Application(4_300_000m, 4_300_000m, End2015), Decided, rules, annuity.Budget.Actions);

        Assert.Equal(30, annuity.Capacity);
        Assert.Equal(Zl(1_666.67m), check.InKindAid);
        Assert.Equal(Eur(2_713.18m), check.Aid.NewAid);
        Assert.Contains(check.Conversions, c => c.Figures == "the new aid of PLN 11666.67, on the decision date");
    }

    [Fact]
    public void Evaluate_WhenTheActionsBudgetLeftIsExactlyTheCap_CanReserveIt()
    {
        var rulebook = Load(("2015-12-31", 4.3000m), ("2024-03-20", 4.3000m));
        var application = Application(4_300_000m, 4_300_000m, End2015);

        var exactly = Evaluate(rulebook, application, Decided, Rules(rulebook), Zl(10_000m));
        var aGroszShort = Evaluate(rulebook, application, Decided, Rules(rulebook), Zl(9_999.99m));

        Assert.True(exactly.IsAdmissible, exactly.Broken.ToString());
        Assert.Equal(AdmissionRulesBroken.BudgetCannotReserveCap, aGroszShort.Broken);
    }
}
