using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Editions;

/// <summary>The rules of an edition's own verbs and of an application, asked one by one, without a verb.</summary>
public class EditionRulesTest
{
    private static readonly ReportLanguage English = ReportLanguage.English;

    private static readonly BudgetLedger Ledger = BudgetLedger.From(new AnnuityBudget(Eur(60_000m), Eur(6_000m), Eur(9_000m)));

    private static List<ValidationError> Errors(Action<List<ValidationError>> rule)
    {
        var errors = new List<ValidationError>();
        rule(errors);
        return errors;
    }

    [Fact]
    public void SessionInTrainingWindow_WhenTheSessionIsTheDayAfterTheWindow_RefusesItsDate()
    {
        var window = new DateInterval(new LocalDate(2016, 4, 1), new LocalDate(2016, 11, 30));
        var session = new GroupSession("S1", window.End.PlusDays(1), "Mérida", "Markets", 20);

        var error = Assert.Single(Errors(e => EditionRules.SessionInTrainingWindow(e, English, session, window)));

        Assert.Equal(("session.date", EditionErrors.SessionOutsideTrainingWindow), (error.Identifier, error.ErrorCode));
        Assert.Empty(Errors(e => EditionRules.SessionInTrainingWindow(e, English, session with { Date = window.End }, window)));
    }

    [Fact]
    public void SessionDescribed_WhenTheSessionHasNoSeat_IsRefused()
    {
        var session = new GroupSession("S1", new LocalDate(2016, 5, 10), "Mérida", "Markets", 0);

        Assert.Equal([EditionErrors.SessionInvalid], Errors(e => EditionRules.SessionDescribed(e, English, session)).Select(e => e.ErrorCode));
        Assert.Empty(Errors(e => EditionRules.SessionDescribed(e, English, session with { Capacity = 1 })));
    }

    [Fact]
    public void DirectSpendAffordable_WhenOnTheActionsLine_RefusesTheLineButNotTheAmount()
    {
        Assert.Equal([EditionErrors.LineNotForDirectSpend], Errors(e => EditionRules.DirectSpendAffordable(e, English, BudgetLine.Actions, Eur(100m), Currency.EUR, Ledger)).Select(e => e.ErrorCode));
    }

    [Fact]
    public void DirectSpendAffordable_WhenTheSpendExceedsTheLineByACent_RefusesAndTheWholeLineDoesNot()
    {
        Assert.Equal([EditionErrors.LineWouldGoNegative], Errors(e => EditionRules.DirectSpendAffordable(e, English, BudgetLine.Training, Eur(6_000.01m), Currency.EUR, Ledger)).Select(e => e.ErrorCode));
        Assert.Empty(Errors(e => EditionRules.DirectSpendAffordable(e, English, BudgetLine.Training, Eur(6_000m), Currency.EUR, Ledger)));
    }

    [Fact]
    public void DirectSpendAffordable_WhenTheAmountIsZero_RefusesTheAmountOnly()
    {
        var error = Assert.Single(Errors(e => EditionRules.DirectSpendAffordable(e, English, BudgetLine.Consultancy, Eur(0m), Currency.EUR, Ledger)));

        Assert.Equal(("amount", CommonErrors.InvalidAmount), (error.Identifier, error.ErrorCode));
    }

    [Fact]
    public void SpendDescribed_WhenTheDescriptionIsBlank_IsRefused()
    {
        Assert.Equal([CommonErrors.MissingText], Errors(e => EditionRules.SpendDescribed(e, English, "  ")).Select(e => e.ErrorCode));
    }

    [Fact]
    public void DeclaredAidAmounts_WhenTheSecondAidIsNegative_RefusesItAtItsIndex()
    {
        var application = Application("B1", declaredAid: [new AidReceived(Eur(1000m), new LocalDate(2015, 1, 1), "Junta"), new AidReceived(Eur(-1m), new LocalDate(2015, 2, 1), "Junta")]);

        var error = Assert.Single(Errors(e => ApplicationRules.DeclaredAidAmounts(e, English, application, Currency.EUR)));

        Assert.Equal(("declaredAid[1].amount", CommonErrors.InvalidAmount), (error.Identifier, error.ErrorCode));
    }

    [Fact]
    public void RegionNamed_WhenTheRegionIsBlank_IsRefused()
    {
        Assert.Equal([CommonErrors.MissingText], Errors(e => ApplicationRules.RegionNamed(e, English, Application("B1", region: " "))).Select(e => e.ErrorCode));
        Assert.Empty(Errors(e => ApplicationRules.RegionNamed(e, English, Application("B1"))));
    }
}
