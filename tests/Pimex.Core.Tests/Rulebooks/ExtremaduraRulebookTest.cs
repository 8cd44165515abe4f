using NodaTime;
using Pimex.Funding;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Tests.Rulebooks;

/// <summary>
/// The figures of the PIMEX good-practice sheet, read from the embedded Extremadura rulebook
/// through <see cref="Rulebook.On"/> and <see cref="Rulebook.Annuity"/>.
/// </summary>
public class ExtremaduraRulebookTest
{
    private static readonly Rulebook Extremadura = Rulebook.Extremadura;

    private static RuleSet RulesOn(int year, int month, int day)
    {
        var rules = Extremadura.On(new LocalDate(year, month, day));
        Assert.True(rules.IsSuccess, string.Join("; ", rules.ValidationErrors.Select(e => e.Identifier)));
        return rules.Value;
    }

    private static AnnuityRules Annuity2016()
    {
        var annuity = Extremadura.Annuity(2016);
        Assert.True(annuity.IsSuccess);
        return annuity.Value;
    }

    [Fact]
    public void Extremadura_WhenEmbedded_IsTheEuroProgrammeInMadridTime()
    {
        Assert.Equal("extremadura", Extremadura.Id);
        Assert.Equal(Currency.EUR, Extremadura.Currency);
        Assert.Equal("Europe/Madrid", Extremadura.TimeZone.Id);
        Assert.False(Extremadura.Illustrative);
        Assert.Null(Extremadura.BasedOn);
    }

    [Fact]
    public void On_When2016_CommitsToThreeGroupSessionsAndThreeTutorialsAtThePremises()
    {
        var commitment = RulesOn(2016, 6, 1).Commitment;

        Assert.Equal(3, commitment.GroupSessions);
        Assert.Equal(3, commitment.Tutorials);
        Assert.Equal(TutorialVenue.CompanyPremises, commitment.TutorialVenue);
        Assert.Equal(["management", "commercialDirector"], commitment.PillAttendeeRoles);
    }

    [Fact]
    public void On_When2016_CapsPromotionSupportAtEur2500PerCompany()
    {
        var promotion = RulesOn(2016, 6, 1).Promotion;

        Assert.Equal(Money.Of(2_500m, Currency.EUR), promotion.CapPerCompany);
        Assert.Equal(Rate.One, promotion.SupportIntensity);
        Assert.True(promotion.FindCategory("tradeFair")!.Eligible);
        Assert.True(promotion.FindCategory("distributionNetwork")!.ExportAid);
        Assert.Null(promotion.FindCategory("lunch"));
    }

    [Fact]
    public void Annuity_When2016_HasTheBudgetOf88280ForThirtySmes()
    {
        var annuity = Annuity2016();

        Assert.Equal(Money.Of(75_000m, Currency.EUR), annuity.Budget.Actions);
        Assert.Equal(Money.Of(5_000m, Currency.EUR), annuity.Budget.Training);
        Assert.Equal(Money.Of(8_280m, Currency.EUR), annuity.Budget.Consultancy);
        Assert.Equal(Money.Of(88_280m, Currency.EUR), annuity.Budget.Total);
        Assert.Equal(30, annuity.Capacity);
        Assert.Equal(2016, annuity.Year);
    }

    [Fact]
    public void Annuity_When2016_ItsActionsLineFundsTheCapOfEveryParticipant()
    {
        var annuity = Annuity2016();

        Assert.Equal(annuity.Budget.Actions, RulesOn(2016, 6, 1).Promotion.CapPerCompany * annuity.Capacity);
    }

    [Fact]
    public void Annuity_When2016_ItsWindowsFallInTheYear()
    {
        var annuity = Annuity2016();

        Assert.All([annuity.Applications, annuity.Training, annuity.Expenses], window => Assert.Equal(2016, window.Start.Year));
        Assert.True(annuity.Applications.End < annuity.Training.Start);
    }

    [Fact]
    public void On_WhenAidIsGrantedBeforeOrFrom2024_GivesTheDeMinimisRegulationInForce()
    {
        var old = RulesOn(2023, 12, 31).Aid.Regime;
        var current = RulesOn(2024, 1, 1).Aid.Regime;

        Assert.Equal("EU 1407/2013", old.Name);
        Assert.Equal(Money.Of(200_000m, Currency.EUR), old.Ceiling);
        Assert.Equal(AidPeriodKind.FiscalYears, old.Period.Kind);
        Assert.Equal("EU 2023/2831", current.Name);
        Assert.Equal(Money.Of(300_000m, Currency.EUR), current.Ceiling);
        Assert.Equal(AidPeriodKind.RollingYears, current.Period.Kind);
        Assert.Equal(3, current.Period.Years);
    }

    [Fact]
    public void On_WhenFundingFrom2021_CoFinancesEightyFivePercentAsALessDevelopedRegion()
    {
        Assert.Equal(new FundShare("ERDF", Rate.FromPercent(80m)), RulesOn(2016, 6, 1).Funding.Actions[0]);
        Assert.Equal([new FundShare("ERDF", Rate.FromPercent(85m)), new FundShare("Regional", Rate.FromPercent(15m))], RulesOn(2021, 1, 1).Funding.Actions);
        Assert.Equal("ESF+", RulesOn(2021, 1, 1).Funding.Training[0].Fund);
    }

    [Fact]
    public void On_When2016_HasTheEuSmeThresholdsTheRegionAndTheSurveyScale()
    {
        var rules = RulesOn(2016, 6, 1);

        Assert.Equal(new SizeClassLimits(250, Money.Of(50_000_000m, Currency.EUR), Money.Of(43_000_000m, Currency.EUR)), rules.Sme.Medium);
        Assert.Equal(10, rules.Sme.Micro.StaffBelow);
        Assert.Equal(Rate.FromPercent(25m), rules.Sme.PartnerShareFrom);
        Assert.Equal(["ES43"], rules.Eligibility.Regions);
        Assert.Equal(new SurveyRules(0, 10), rules.Survey);
        Assert.Equal("extremadura", rules.RulebookId);
        Assert.True(rules.InForceFrom <= new LocalDate(2016, 6, 1));
    }

    [Fact]
    public void Get_WhenAValueIsADocumentedDefault_SaysSoAndGivesItsSource()
    {
        var sessions = Assert.Single(Extremadura.Get(Parameters.GroupSessions).Entries);
        var pills = Assert.Single(Extremadura.Get(Parameters.TrainingPills).Entries);

        Assert.False(sessions.IsDefault);
        Assert.Contains("Good-practice sheet", sessions.Source, StringComparison.Ordinal);
        Assert.True(pills.IsDefault);
    }

    [Fact]
    public void ToJson_WhenLoadedBack_EqualsTheEmbeddedRulebook()
    {
        var again = Rulebook.Load(Extremadura.ToJson());

        Assert.True(again.IsSuccess);
        Assert.Equal(Extremadura, again.Value);
        Assert.Equal(Extremadura.GetHashCode(), again.Value.GetHashCode());
        Assert.Equal(Extremadura.ToJson(), again.Value.ToJson());
    }
}
