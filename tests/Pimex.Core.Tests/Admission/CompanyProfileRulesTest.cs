using System.Reflection;
using System.Text.RegularExpressions;
using Ardalis.Result;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Monetary;
using Pimex.Tests.Support;

namespace Pimex.Tests.Admission;

public class CompanyProfileRulesTest
{
    private static readonly Money Nothing = Money.Zero(Currency.EUR);

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static Money Gbp(decimal amount) => Money.Of(amount, Currency.GBP);

    private static EnterpriseFigures Valid => new(5m, Eur(100_000m), Eur(80_000m));

    private static CompanyProfile Profile(EnterpriseFigures own, params RelatedEnterprise[] related) =>
        new(own, new EquatableArray<RelatedEnterprise>(related));

    private static RelatedEnterprise Related(string name, decimal percent = 30m, EnterpriseFigures? figures = null) =>
        new(name, Rate.FromPercent(percent), figures ?? Valid);

    private static (string Identifier, string Code)[] Problems(IReadOnlyList<ValidationError> errors)
    {
        Assert.Empty(ErrorCodes.Undeclared(errors));
        return [.. errors.Select(e => (e.Identifier, e.ErrorCode))];
    }

    [Fact]
    public void Validate_WhenProfileIsWellFormed_ReturnsNoError()
    {
        var profile = Profile(Valid, Related("Linked SA", 100m), Related("Partner SA", 25m), Related("Autonomous SA", 0m));

        Assert.Empty(CompanyProfileRules.Validate(profile, Currency.EUR));
    }

    [Fact]
    public void Validate_WhenFiguresAreZero_ReturnsNoError()
    {
        Assert.Empty(CompanyProfileRules.Validate(Profile(new EnterpriseFigures(0m, Nothing, Nothing)), Currency.EUR));
    }

    [Fact]
    public void Validate_WhenOwnFiguresAreNegative_ReportsEachAsNegativeFigure()
    {
        var profile = Profile(new EnterpriseFigures(-0.5m, Eur(-1m), Eur(-0.01m)));

        var errors = CompanyProfileRules.Validate(profile, Currency.EUR);

        Assert.Equal(
            [("Own.Staff", AdmissionErrors.NegativeFigure), ("Own.Turnover", AdmissionErrors.NegativeFigure), ("Own.BalanceSheet", AdmissionErrors.NegativeFigure)],
            Problems(errors));
        Assert.All(errors, e => Assert.Equal(ValidationSeverity.Error, e.Severity));
        Assert.Contains("-0.5", errors[0].ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenARelatedEnterprisesFigureIsNegative_NamesItsPosition()
    {
        var profile = Profile(Valid, Related("A"), Related("B", figures: new EnterpriseFigures(1m, Eur(-5m), Nothing)));

        Assert.Equal([("Related[1].Figures.Turnover", AdmissionErrors.NegativeFigure)], Problems(CompanyProfileRules.Validate(profile, Currency.EUR)));
    }

    [Fact]
    public void Validate_WhenAmountsAreInAnotherCurrency_ReportsEachAsWrongCurrency()
    {
        var profile = Profile(
            new EnterpriseFigures(1m, Gbp(10m), Eur(10m)),
            Related("Partner Ltd", figures: new EnterpriseFigures(1m, Eur(10m), Gbp(10m))));

        var errors = CompanyProfileRules.Validate(profile, Currency.EUR);

        Assert.Equal(
            [("Own.Turnover", AdmissionErrors.WrongCurrency), ("Related[0].Figures.BalanceSheet", AdmissionErrors.WrongCurrency)],
            Problems(errors));
        Assert.Contains("GBP", errors[0].ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTheProgrammeIsInAnotherCurrency_ChecksAgainstIt()
    {
        var profile = Profile(new EnterpriseFigures(1m, Gbp(10m), Gbp(10m)));

        Assert.Empty(CompanyProfileRules.Validate(profile, Currency.GBP));
        Assert.Equal(2, CompanyProfileRules.Validate(profile, Currency.EUR).Count);
    }

    [Fact]
    public void Validate_WhenAnAmountIsBothNegativeAndInAnotherCurrency_ReportsBothProblems()
    {
        var profile = Profile(new EnterpriseFigures(1m, Gbp(-1m), Eur(1m)));

        Assert.Equal(
            [("Own.Turnover", AdmissionErrors.WrongCurrency), ("Own.Turnover", AdmissionErrors.NegativeFigure)],
            Problems(CompanyProfileRules.Validate(profile, Currency.EUR)));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(100.01, false)]
    [InlineData(250, false)]
    public void Validate_WhenShareIsOutsideZeroToOneHundredPercent_ReportsShareOutOfRange(decimal percent, bool valid)
    {
        var profile = Profile(Valid, Related("Partner SA", percent));

        var problems = Problems(CompanyProfileRules.Validate(profile, Currency.EUR));

        Assert.Equal(valid ? [] : [("Related[0].Share", AdmissionErrors.ShareOutOfRange)], problems);
    }

    [Fact]
    public void Validate_WhenANameIsRepeated_ReportsEveryLaterOccurrence()
    {
        var profile = Profile(Valid, Related("Acme SA"), Related("Other SA"), Related(" ACME sa "), Related("acme SA"));

        Assert.Equal(
            [("Related[2].Name", AdmissionErrors.DuplicateRelatedEnterprise), ("Related[3].Name", AdmissionErrors.DuplicateRelatedEnterprise)],
            Problems(CompanyProfileRules.Validate(profile, Currency.EUR)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_WhenANameIsBlank_ReportsBlankName(string name)
    {
        var profile = Profile(Valid, Related(name));

        Assert.Equal([("Related[0].Name", AdmissionErrors.BlankRelatedEnterpriseName)], Problems(CompanyProfileRules.Validate(profile, Currency.EUR)));
    }

    [Fact]
    public void Validate_WhenSeveralProblems_ReportsAllInProfileOrder()
    {
        var profile = Profile(
            new EnterpriseFigures(-1m, Eur(1m), Eur(1m)),
            Related("A", 120m, new EnterpriseFigures(1m, Gbp(1m), Eur(1m))),
            Related("a", 10m));

        Assert.Equal(
            [
                ("Own.Staff", AdmissionErrors.NegativeFigure),
                ("Related[0].Share", AdmissionErrors.ShareOutOfRange),
                ("Related[0].Figures.Turnover", AdmissionErrors.WrongCurrency),
                ("Related[1].Name", AdmissionErrors.DuplicateRelatedEnterprise),
            ],
            Problems(CompanyProfileRules.Validate(profile, Currency.EUR)));
    }

    [Fact]
    public void Validate_WhenAValidProfileIsAssessed_DoesNotThrow()
    {
        var profile = Profile(Valid, Related("Linked SA", 100m), Related("Partner SA", 25m));
        var sme = Pimex.Rulebooks.Rulebook.Extremadura.On(new NodaTime.LocalDate(2016, 3, 1)).Value.Sme;

        Assert.Empty(CompanyProfileRules.Validate(profile, Currency.EUR));
        Assert.Equal(SizeClass.Small, SmeTest.Assess(profile, sme).SizeClass);
    }

    [Fact]
    public void Validate_WhenProfileIsNull_Throws()
    {
        Assert.Throws<ArgumentNullException>("profile", () => CompanyProfileRules.Validate(null!, Currency.EUR));
    }

    [Fact]
    public void AdmissionErrors_Codes_AreStableAndDistinct()
    {
        var codes = typeof(AdmissionErrors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

        Assert.All(codes.Values, c => Assert.Matches(new Regex("^PIMEX-ADM-[0-9]{3}$"), c));
        Assert.Equal(codes.Count, codes.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("PIMEX-ADM-001", AdmissionErrors.CapacityReached);
        Assert.Equal("PIMEX-ADM-002", AdmissionErrors.OutsideApplicationWindow);
        Assert.Equal("PIMEX-ADM-003", AdmissionErrors.NotEstablishedInRegion);
        Assert.Equal("PIMEX-ADM-004", AdmissionErrors.NotAnSme);
        Assert.Equal("PIMEX-ADM-005", AdmissionErrors.AidCeilingExceeded);
        Assert.Equal("PIMEX-ADM-006", AdmissionErrors.BudgetCannotReserveCap);
        Assert.Equal("PIMEX-ADM-007", AdmissionErrors.AlreadyApplied);
        Assert.Equal("PIMEX-ADM-008", AdmissionErrors.NotApplied);
        Assert.Equal("PIMEX-ADM-009", AdmissionErrors.AlreadyDecided);
        Assert.Equal("PIMEX-ADM-010", AdmissionErrors.NegativeFigure);
        Assert.Equal("PIMEX-ADM-011", AdmissionErrors.WrongCurrency);
        Assert.Equal("PIMEX-ADM-012", AdmissionErrors.ShareOutOfRange);
        Assert.Equal("PIMEX-ADM-013", AdmissionErrors.DuplicateRelatedEnterprise);
        Assert.Equal("PIMEX-ADM-014", AdmissionErrors.BlankRelatedEnterpriseName);
        Assert.Equal("PIMEX-ADM-016", AdmissionErrors.EstimateWithEarlierPeriods);
        Assert.Equal("PIMEX-ADM-017", AdmissionErrors.PeriodsOutOfOrder);
        Assert.Equal("PIMEX-ADM-018", AdmissionErrors.MissingInvestorFigure);
        Assert.Equal("PIMEX-ADM-019", AdmissionErrors.RelationsTooDeep);
    }

    [Fact]
    public void Validate_WhenANestedRelatedEnterpriseIsMalformed_NamesItsPath()
    {
        var parent = Related("Parent SA", 60m) with
        {
            Related = new EquatableArray<RelatedEnterprise>([Related("Sister SL", 120m), Related(" ", 30m, new EnterpriseFigures(-1m, Nothing, Nothing))]),
        };

        var errors = CompanyProfileRules.Validate(Profile(Valid, parent), Currency.EUR);

        Assert.Equal(
            [
                ("Related[0].Related[0].Share", AdmissionErrors.ShareOutOfRange),
                ("Related[0].Related[1].Name", AdmissionErrors.BlankRelatedEnterpriseName),
                ("Related[0].Related[1].Figures.Staff", AdmissionErrors.NegativeFigure),
            ],
            Problems(errors));
    }

    [Fact]
    public void Validate_WhenInvestorsLackTheFiguresTheirExceptionNeeds_ReportsEachOne()
    {
        var angels = Related("Angels", 30m) with { Kind = RelatedPartyKind.BusinessAngel };
        var council = Related("Ayuntamiento", 30m) with { Kind = RelatedPartyKind.AutonomousLocalAuthority, AnnualBudget = Gbp(1m) };
        var linkedAid = Related("Parent SA", 60m) with { Aid = new EquatableArray<Pimex.StateAid.AidReceived>([new(Eur(-1m), new NodaTime.LocalDate(2015, 1, 1), "Grant")]) };

        var errors = CompanyProfileRules.Validate(Profile(Valid, angels, council, linkedAid), Currency.EUR);

        Assert.Equal(
            [
                ("Related[0].BusinessAngelInvestment", AdmissionErrors.MissingInvestorFigure),
                ("Related[1].AnnualBudget", AdmissionErrors.WrongCurrency),
                ("Related[1].Inhabitants", AdmissionErrors.MissingInvestorFigure),
                ("Related[2].Aid[0].Amount", AdmissionErrors.NegativeFigure),
            ],
            Problems(errors));
    }

    [Fact]
    public void Validate_WhenPeriodsAreOutOfOrderOrAnEstimateHasHistory_ReportsEachOne()
    {
        var older = Profile(Valid) with { PeriodEnd = new NodaTime.LocalDate(2015, 12, 31) };
        var wrong = Profile(Valid) with { PeriodEnd = new NodaTime.LocalDate(2016, 12, 31), Basis = FiguresBasis.BonaFideEstimate };
        var profile = Profile(Valid) with { PeriodEnd = new NodaTime.LocalDate(2015, 12, 31), Basis = FiguresBasis.BonaFideEstimate, Earlier = new EquatableArray<CompanyProfile>([older, wrong]) };

        var errors = CompanyProfileRules.Validate(profile, Currency.EUR);

        Assert.Equal(
            [
                ("Basis", AdmissionErrors.EstimateWithEarlierPeriods),
                ("Earlier[0].PeriodEnd", AdmissionErrors.PeriodsOutOfOrder),
                ("Earlier[1].Basis", AdmissionErrors.EstimateWithEarlierPeriods),
                ("Earlier[1].PeriodEnd", AdmissionErrors.PeriodsOutOfOrder),
            ],
            Problems(errors));
    }

    [Fact]
    public void Validate_WhenRelationsNestTooDeep_StopsAtTheLimit()
    {
        var deepest = Related("Level 17", 60m);
        for (int level = CompanyProfileRules.MaxDepth; level >= 1; level--)
        {
            deepest = Related($"Level {level}", 60m) with { Related = new EquatableArray<RelatedEnterprise>([deepest]) };
        }

        var errors = CompanyProfileRules.Validate(Profile(Valid, deepest), Currency.EUR);

        var error = Assert.Single(errors);
        Assert.Equal(AdmissionErrors.RelationsTooDeep, error.ErrorCode);
        Assert.EndsWith(".Related", error.Identifier, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenAnEarlierPeriodHasABadFigure_NamesItUnderEarlier()
    {
        // Art. 4(2): every period declared is assessed, so every period is checked.
        var earlier = Profile(new EnterpriseFigures(-1m, Eur(0m), Eur(0m)), Related("Partner SA", 30m, new EnterpriseFigures(1m, Gbp(1m), Eur(0m))));
        var profile = Profile(Valid) with { Earlier = new EquatableArray<CompanyProfile>([earlier]) };

        Assert.Equal(
            [("Earlier[0].Own.Staff", AdmissionErrors.NegativeFigure), ("Earlier[0].Related[0].Figures.Turnover", AdmissionErrors.WrongCurrency)],
            Problems(CompanyProfileRules.Validate(profile, Currency.EUR)));
    }

    [Fact]
    public void Validate_WhenAnEarlierPeriodIsAnEstimate_SaysOnlyTheReferencePeriodOfANewEnterpriseCanBe_Art4_3()
    {
        var profile = Profile(Valid) with { Earlier = new EquatableArray<CompanyProfile>([Profile(Valid) with { Basis = FiguresBasis.BonaFideEstimate }]) };

        var error = Assert.Single(CompanyProfileRules.Validate(profile, Currency.EUR));

        Assert.Equal(("Earlier[0].Basis", AdmissionErrors.EstimateWithEarlierPeriods), (error.Identifier, error.ErrorCode));
        Assert.Equal("An earlier period rests on approved accounts: only the reference period of a new enterprise can be an estimate (art. 4(3)).", error.ErrorMessage);
    }

    [Fact]
    public void Validate_WhenAPeriodWithoutAnEndLiesBetween_ChecksTheOrderAgainstTheLastKnownEnd_Art4_2()
    {
        // Newest first: 2016, 2014, (no end), 2015: 2015 does not end before 2014, the last end known.
        var ends = new NodaTime.LocalDate?[] { new(2014, 12, 31), null, new(2015, 12, 31) };
        var profile = Profile(Valid) with
        {
            PeriodEnd = new NodaTime.LocalDate(2016, 12, 31),
            Earlier = new EquatableArray<CompanyProfile>([.. ends.Select(end => Profile(Valid) with { PeriodEnd = end })]),
        };

        Assert.Equal([("Earlier[2].PeriodEnd", AdmissionErrors.PeriodsOutOfOrder)], Problems(CompanyProfileRules.Validate(profile, Currency.EUR)));
    }

    [Fact]
    public void Validate_WhenRelationsNestExactlyToTheLimit_IsValid()
    {
        var deepest = Related($"Level {CompanyProfileRules.MaxDepth}", 60m);
        for (int level = CompanyProfileRules.MaxDepth - 1; level >= 1; level--)
        {
            deepest = Related($"Level {level}", 60m) with { Related = new EquatableArray<RelatedEnterprise>([deepest]) };
        }

        Assert.Empty(CompanyProfileRules.Validate(Profile(Valid, deepest), Currency.EUR));
    }

    [Fact]
    public void Validate_WhenARelatedEnterprisesAidIsMissing_ThrowsNamingTheProfile()
    {
        var profile = Profile(Valid, Related("Parent SA", 60m) with { Aid = new EquatableArray<Pimex.StateAid.AidReceived>([null!]) });

        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => CompanyProfileRules.Validate(profile, Currency.EUR)).ParamName);
    }

    [Fact]
    public void Validate_WhenAKindIsNotOneTheLibraryKnows_SaysSo()
    {
        var error = Assert.Single(CompanyProfileRules.Validate(Profile(Valid, Related("Odd SA") with { Kind = (RelatedPartyKind)99 }), Currency.EUR));

        Assert.Equal(("Related[0].Kind", AdmissionErrors.MissingInvestorFigure), (error.Identifier, error.ErrorCode));
        Assert.Equal("'99' is not a kind of related party.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_WhenBusinessAngelsDeclareTheirInvestmentInAnotherCurrency_NamesTheInvestment_Art3_2a()
    {
        var angels = Related("Angels") with { Kind = RelatedPartyKind.BusinessAngel, BusinessAngelInvestment = Gbp(1_000m) };

        var error = Assert.Single(CompanyProfileRules.Validate(Profile(Valid, angels), Currency.EUR));

        Assert.Equal(("Related[0].BusinessAngelInvestment", AdmissionErrors.WrongCurrency), (error.Identifier, error.ErrorCode));
        Assert.Equal("The business angels' investment is in GBP; the programme's currency is EUR.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_WhenAnAutonomousLocalAuthorityDeclaresNeitherBudgetNorInhabitants_AsksForEach_Art3_2d()
    {
        var council = Related("Ayuntamiento de Hervás") with { Kind = RelatedPartyKind.AutonomousLocalAuthority };

        var errors = CompanyProfileRules.Validate(Profile(Valid, council), Currency.EUR);

        Assert.Equal([("Related[0].AnnualBudget", AdmissionErrors.MissingInvestorFigure), ("Related[0].Inhabitants", AdmissionErrors.MissingInvestorFigure)], Problems(errors));
        Assert.Equal(
            [
                "'Ayuntamiento de Hervás' is an autonomous local authority: declare its annual budget (art. 3(2)(d)).",
                "'Ayuntamiento de Hervás' is an autonomous local authority: declare its inhabitants (art. 3(2)(d)).",
            ],
            errors.Select(e => e.ErrorMessage));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public void Validate_WhenAnAutonomousLocalAuthorityDeclaresItsInhabitants_RefusesOnlyANegativeNumber_Art3_2d(int inhabitants, bool refused)
    {
        var council = Related("Ayuntamiento") with { Kind = RelatedPartyKind.AutonomousLocalAuthority, AnnualBudget = Eur(1_000_000m), Inhabitants = inhabitants };

        var errors = CompanyProfileRules.Validate(Profile(Valid, council), Currency.EUR);

        Assert.Equal(refused ? [("Related[0].Inhabitants", AdmissionErrors.NegativeFigure)] : [], Problems(errors));
        Assert.Equal(refused ? ["Inhabitants must not be negative."] : [], errors.Select(e => e.ErrorMessage));
    }
}
