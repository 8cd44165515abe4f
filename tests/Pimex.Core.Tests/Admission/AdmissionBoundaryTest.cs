using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Tests.Admission;

/// <summary>
/// The input limits, the messages and the guards of the profile rules, the SME test and the
/// admission check.
/// </summary>
public class AdmissionBoundaryTest
{
    private static readonly RuleSet Rules2016 = Rulebook.Extremadura.On(new LocalDate(2016, 3, 1)).Value;
    private static readonly AnnuityRules Annuity2016 = Rulebook.Extremadura.Annuity(2016).Value;
    private static readonly SmeThresholds Sme = Rules2016.Sme;

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static EnterpriseFigures Figures(decimal staff = 20m, decimal turnover = 3_000_000m, decimal balance = 2_000_000m) =>
        new(staff, Eur(turnover), Eur(balance));

    private static CompanyProfile Profile(EnterpriseFigures own, params RelatedEnterprise[] related) =>
        new(own, new EquatableArray<RelatedEnterprise>(related));

    private static CompanyApplication Application(string region = "ES43") =>
        new(new CompanyId("B1"), region, Profile(Figures()), default);

    [Fact]
    public void Validate_WhenEveryFigureIsExactlyTheInputLimit_IsValid()
    {
        var max = CompanyProfileRules.MaxFigure;

        var errors = CompanyProfileRules.Validate(Profile(Figures(max, max, max)), Currency.EUR);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_WhenStaffIsJustBeyondTheInputLimit_NamesTheStaffAndTheLimit()
    {
        var errors = CompanyProfileRules.Validate(Profile(Figures(staff: CompanyProfileRules.MaxFigure + 1m)), Currency.EUR);

        var error = Assert.Single(errors);
        Assert.Equal("Own.Staff", error.Identifier);
        Assert.Equal(AdmissionErrors.FigureTooLarge, error.ErrorCode);
        Assert.Contains("AWU", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(CompanyProfileRules.MaxFigure.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTurnoverAndBalanceSheetAreBeyondTheInputLimit_NamesEachFigureAndAmount()
    {
        var tooLarge = CompanyProfileRules.MaxFigure + 1m;

        var errors = CompanyProfileRules.Validate(Profile(Figures(turnover: tooLarge, balance: tooLarge)), Currency.EUR);

        Assert.Equal(["Own.Turnover", "Own.BalanceSheet"], errors.Select(e => e.Identifier));
        Assert.StartsWith("Turnover of " + Eur(tooLarge), errors[0].ErrorMessage, StringComparison.Ordinal);
        Assert.StartsWith("The balance-sheet total of " + Eur(tooLarge), errors[1].ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTurnoverIsNegative_NamesTheAmount()
    {
        var errors = CompanyProfileRules.Validate(Profile(Figures(turnover: -5m)), Currency.EUR);

        var error = Assert.Single(errors);
        Assert.Equal(AdmissionErrors.NegativeFigure, error.ErrorCode);
        Assert.Contains("Turnover", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("EUR -5.00", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenARelatedEnterpriseIsBlankDuplicatedOrOverAHundredPercent_SaysWhichOne()
    {
        var profile = Profile(
            Figures(),
            new RelatedEnterprise("Dehesa SL", Rate.FromPercent(30), Figures()),
            new RelatedEnterprise(" ", Rate.FromPercent(30), Figures()),
            new RelatedEnterprise("dehesa sl ", Rate.FromPercent(130), Figures()));

        var errors = CompanyProfileRules.Validate(profile, Currency.EUR);

        Assert.Equal(["Related[1].Name", "Related[2].Name", "Related[2].Share"], errors.Select(e => e.Identifier));
        Assert.False(string.IsNullOrWhiteSpace(errors[0].ErrorMessage));
        Assert.Contains("'dehesa sl '", errors[1].ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'dehesa sl '", errors[2].ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTheOwnFiguresAreMissing_ThrowsNamingTheProfile()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => CompanyProfileRules.Validate(new CompanyProfile(null!, default), Currency.EUR));

        Assert.Equal("profile", ex.ParamName);
    }

    [Fact]
    public void Validate_WhenARelatedEnterpriseIsMissing_ThrowsNamingTheProfile()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => CompanyProfileRules.Validate(Profile(Figures(), [null!]), Currency.EUR));

        Assert.Equal("profile", ex.ParamName);
    }

    [Fact]
    public void Validate_WhenARelatedEnterpriseHasNoName_ThrowsNamingTheProfile()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => CompanyProfileRules.Validate(Profile(Figures(), new RelatedEnterprise(null!, Rate.FromPercent(30), Figures())), Currency.EUR));

        Assert.Equal("profile", ex.ParamName);
    }

    [Fact]
    public void Validate_WhenARelatedEnterpriseHasNoFigures_ThrowsNamingTheProfile()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => CompanyProfileRules.Validate(Profile(Figures(), new RelatedEnterprise("Dehesa SL", Rate.FromPercent(30), null!)), Currency.EUR));

        Assert.Equal("profile", ex.ParamName);
    }

    [Fact]
    public void Assess_WhenTheOwnFiguresAreMissing_ThrowsNamingTheProfile()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => SmeTest.Assess(new CompanyProfile(null!, default), Sme));

        Assert.Equal("profile", ex.ParamName);
    }

    [Fact]
    public void Assess_WhenARelatedEnterpriseIsMissing_ThrowsNamingTheProfile()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => SmeTest.Assess(Profile(Figures(), [null!]), Sme));

        Assert.Equal("profile", ex.ParamName);
    }

    [Fact]
    public void Assess_WhenAShareIsAboveAHundredPercent_ThrowsNamingTheEnterprise()
    {
        var profile = Profile(Figures(), new RelatedEnterprise("Dehesa SL", Rate.FromPercent(130), Figures()));

        var ex = Assert.Throws<ArgumentException>(() => SmeTest.Assess(profile, Sme));

        Assert.Equal("profile", ex.ParamName);
        Assert.Contains("'Dehesa SL'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_WhenTheFiguresAreInAnotherCurrency_ThrowsNamingTheThresholdsCurrency()
    {
        var profile = Profile(new EnterpriseFigures(20m, Money.Of(1m, Currency.GBP), Money.Of(1m, Currency.GBP)));

        var ex = Assert.Throws<ArgumentException>(() => SmeTest.Assess(profile, Sme));

        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_WhenAFigureIsNegative_ThrowsSayingSo()
    {
        var ex = Assert.Throws<ArgumentException>(() => SmeTest.Assess(Profile(Figures(turnover: -1m)), Sme));

        Assert.Contains("negative", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<int> EachThresholdAmount => [0, 1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(EachThresholdAmount))]
    public void Assess_WhenOneThresholdIsInAnotherCurrency_ThrowsSayingTheyMixCurrencies(int which)
    {
        var gbp = Money.Of(1_000_000m, Currency.GBP);
        var thresholds = which switch
        {
            0 => Sme with { Micro = Sme.Micro with { TurnoverAtMost = gbp } },
            1 => Sme with { Micro = Sme.Micro with { BalanceSheetAtMost = gbp } },
            2 => Sme with { Small = Sme.Small with { TurnoverAtMost = gbp } },
            3 => Sme with { Small = Sme.Small with { BalanceSheetAtMost = gbp } },
            4 => Sme with { Medium = Sme.Medium with { TurnoverAtMost = gbp } },
            _ => Sme with { Medium = Sme.Medium with { BalanceSheetAtMost = gbp } },
        };

        var ex = Assert.Throws<ArgumentException>(() => SmeTest.Assess(Profile(Figures()), thresholds));

        Assert.Equal("thresholds", ex.ParamName);
        Assert.Contains("mix currencies", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Assess_WhenASizeClassOfTheThresholdsIsMissing_ThrowsNamingTheThresholds(int which)
    {
        var thresholds = which switch
        {
            0 => Sme with { Micro = null! },
            1 => Sme with { Small = null! },
            _ => Sme with { Medium = null! },
        };

        var ex = Assert.Throws<ArgumentNullException>(() => SmeTest.Assess(Profile(Figures()), thresholds));

        Assert.Equal("thresholds", ex.ParamName);
    }

    [Fact]
    public void Errors_WhenTheEditionIsFullAndTheActionsLineIsShort_NameTheCapacityAndTheCap()
    {
        var application = Application();
        var check = AdmissionEligibility.Evaluate(application, Annuity2016.Applications.Start, Annuity2016.Applications.Start, Rules2016, Rules2016.Aid.Regime, Annuity2016, Annuity2016.Capacity, Eur(0m));

        var errors = AdmissionEligibility.Errors(check, application, Rules2016, Annuity2016);

        Assert.Equal(["capacity", "budget.actions"], errors.Select(e => e.Identifier));
        Assert.Contains(Annuity2016.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture), errors[0].ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(Rules2016.Promotion.CapPerCompany.ToString(), errors[1].ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_WhenAnArgumentIsNull_ThrowsNamingIt()
    {
        var application = Application();
        var check = AdmissionEligibility.Evaluate(application, Annuity2016.Applications.Start, Annuity2016.Applications.Start, Rules2016, Rules2016.Aid.Regime, Annuity2016, 0, Annuity2016.Budget.Actions);

        Assert.Equal("application", Assert.Throws<ArgumentNullException>(() => AdmissionEligibility.Errors(check, null!, Rules2016, Annuity2016)).ParamName);
        Assert.Equal("rules", Assert.Throws<ArgumentNullException>(() => AdmissionEligibility.Errors(check, application, null!, Annuity2016)).ParamName);
        Assert.Equal("annuity", Assert.Throws<ArgumentNullException>(() => AdmissionEligibility.Errors(check, application, Rules2016, null!)).ParamName);
        Assert.Equal("language", Assert.Throws<ArgumentNullException>(() => AdmissionEligibility.Errors(check, application, Rules2016, Annuity2016, null!)).ParamName);
    }

    [Fact]
    public void Validate_WhenANewEnterpriseEstimatesWithoutEarlierPeriods_IsValid()
    {
        // Art. 4(3): a newly established enterprise without approved accounts declares a bona fide
        // estimate; only an estimate with earlier periods is refused (PIMEX-ADM-016).
        var profile = Profile(Figures()) with { Basis = FiguresBasis.BonaFideEstimate };

        Assert.Empty(CompanyProfileRules.Validate(profile, Currency.EUR));
    }

    [Fact]
    public void Aid_WhenTheApplicationOrItsProfileIsMissing_ThrowsNamingIt()
    {
        Assert.Equal("application", Assert.Throws<ArgumentNullException>(() => SingleUndertaking.Aid(null!, Rules2016.Aid.SingleUndertakingShareAbove)).ParamName);
        Assert.Equal("application.Profile", Assert.Throws<ArgumentNullException>(() => SingleUndertaking.Aid(Application() with { Profile = null! }, Rules2016.Aid.SingleUndertakingShareAbove)).ParamName);
    }

    [Fact]
    public void Aid_WhenARestructuringIsMissing_ThrowsNamingTheApplication()
    {
        var application = Application() with { Restructurings = new EquatableArray<Pimex.StateAid.Restructuring>([null!]) };

        var ex = Assert.Throws<ArgumentNullException>(() => SingleUndertaking.Aid(application, Rules2016.Aid.SingleUndertakingShareAbove));

        Assert.Equal("application", ex.ParamName);
    }

    [Fact]
    public void Validate_WhenTheLanguageOrAnEarlierPeriodIsMissing_ThrowsNamingIt()
    {
        Assert.Equal("language", Assert.Throws<ArgumentNullException>(() => CompanyProfileRules.Validate(Profile(Figures()), Currency.EUR, null!)).ParamName);
        var profile = Profile(Figures()) with { Earlier = new EquatableArray<CompanyProfile>([null!]) };
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => CompanyProfileRules.Validate(profile, Currency.EUR)).ParamName);
    }

    [Fact]
    public void ValidateRestructurings_WhenTheApplicationOrTheLanguageIsMissing_ThrowsNamingIt()
    {
        Assert.Equal("application", Assert.Throws<ArgumentNullException>(() => SingleUndertaking.Validate(null!, Currency.EUR)).ParamName);
        Assert.Equal("language", Assert.Throws<ArgumentNullException>(() => SingleUndertaking.Validate(Application(), Currency.EUR, null!)).ParamName);
    }

    [Fact]
    public void SingleUndertaking_WhenALinkedUndertakingsAidOrARelatedEnterpriseIsMissing_ThrowsNamingTheRelations()
    {
        var share = Rules2016.Aid.SingleUndertakingShareAbove;
        var withNullAid = Profile(Figures(), new RelatedEnterprise("Parent SA", Rate.FromPercent(60), Figures()) { Aid = new EquatableArray<Pimex.StateAid.AidReceived>([null!]) });

        Assert.Equal("related", Assert.Throws<ArgumentNullException>(() => SingleUndertaking.Aid(Application() with { Profile = withNullAid }, share)).ParamName);
        Assert.Equal("related", Assert.Throws<ArgumentNullException>(() => SingleUndertaking.Members(Profile(Figures(), [null!]), share)).ParamName);
    }

    [Fact]
    public void Errors_WhenPublicBodiesControlExactlyAQuarter_SayItIsPublicControl_Art3_4()
    {
        // Art. 3(4): "25 % or more": at exactly 25 % the refusal names public control, not the figures.
        var application = Application() with { Profile = Profile(Figures(), new RelatedEnterprise("Junta", Rate.FromPercent(25), Figures(0m, 0m, 0m)) { Kind = RelatedPartyKind.PublicBody }) };
        var check = AdmissionEligibility.Evaluate(application, Annuity2016.Applications.Start, Annuity2016.Applications.Start, Rules2016, Rules2016.Aid.Regime, Annuity2016, 0, Annuity2016.Budget.Actions);

        var error = Assert.Single(AdmissionEligibility.Errors(check, application, Rules2016, Annuity2016));

        Assert.Equal("Not an SME: 25% of its capital or votes is controlled by public bodies (Recommendation 2003/361/EC, annex art. 3(4)).", error.ErrorMessage);
    }
}
