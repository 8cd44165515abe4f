using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;

namespace Pimex.Tests.Rules;

/// <summary>
/// What a person reads when a named rule refuses: each rule's own message, at its own identifier,
/// not the general text of its code (several rules share <c>PIMEX-INPUT-002</c> or
/// <c>PIMEX-PART-011</c> and each says what is missing).
/// </summary>
public class RuleMessagesTest
{
    private static readonly ReportLanguage English = ReportLanguage.English;
    private static readonly LocalDate Day = new(2016, 10, 1);

    private static ValidationError Single(Action<List<ValidationError>> rule)
    {
        var errors = new List<ValidationError>();
        rule(errors);
        return Assert.Single(errors);
    }

    private static Roadmap Roadmap(EquatableArray<string> objectives, EquatableArray<string> indicators, EquatableArray<RoadmapAction> actions) =>
        new(new DateInterval(Day, new LocalDate(2017, 12, 31)), ["PT"], objectives, actions, indicators);

    private static ExpenseClaim Claim(string invoice, decimal net) =>
        new("K1", invoice, "B11111111", Day, "tradeFair", "Stand", Money.Of(net, Currency.EUR), Money.Zero(Currency.EUR), true);

    [Fact]
    public void RoadmapComplete_WhenNoObjective_SaysToNameOne()
    {
        var error = Single(e => DeliverableRules.RoadmapComplete(e, English, Roadmap([], ["Export share"], [new RoadmapAction("Fair", "PT", Day)])));

        Assert.Equal(("objectives", ParticipationErrors.RoadmapInvalid, "Name at least one objective, none blank."), (error.Identifier, error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public void RoadmapComplete_WhenNoIndicator_SaysToNameOne()
    {
        var error = Single(e => DeliverableRules.RoadmapComplete(e, English, Roadmap(["First sale"], [], [new RoadmapAction("Fair", "PT", Day)])));

        Assert.Equal(("indicators", ParticipationErrors.RoadmapInvalid, "Name at least one indicator, none blank."), (error.Identifier, error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public void RoadmapComplete_WhenNoAction_SaysToPlanOne()
    {
        var error = Single(e => DeliverableRules.RoadmapComplete(e, English, Roadmap(["First sale"], ["Export share"], [])));

        Assert.Equal(("actions", ParticipationErrors.RoadmapInvalid, "Plan at least one action."), (error.Identifier, error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public void RoadmapComplete_WhenAnActionIsNullOrBlank_SaysToDescribeItAtItsIndex()
    {
        var nullAction = Single(e => DeliverableRules.RoadmapComplete(e, English, Roadmap(["First sale"], ["Export share"], [null!])));
        var blank = Single(e => DeliverableRules.RoadmapComplete(e, English, Roadmap(["First sale"], ["Export share"], [new RoadmapAction(" ", "PT", Day)])));

        Assert.Equal(("actions[0]", "Describe the action."), (nullAction.Identifier, nullAction.ErrorMessage));
        Assert.Equal(("actions[0].description", "Describe the action."), (blank.Identifier, blank.ErrorMessage));
    }

    [Fact]
    public void ReturnCommented_WhenReturnedWithoutComment_SaysWhyIsNeeded()
    {
        var error = Single(e => DeliverableRules.ReturnCommented(e, English, false, " "));

        Assert.Equal(("comment", CommonErrors.MissingText, "Say why the version is returned."), (error.Identifier, error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public void TutorialRecorded_WhenTheRecordIsBlank_SaysWhatATutorialNeeds()
    {
        var error = Single(e => TrainingRules.TutorialRecorded(e, English, new Tutorial("T1", Day, VenueKind.CompanyPremises, " ")));

        Assert.Equal(("tutorial.record", "A tutorial needs an id and a short record of what was done."), (error.Identifier, error.ErrorMessage));
    }

    [Fact]
    public void PillTopicGiven_WhenTheTopicIsBlank_SaysAPillNeedsOne()
    {
        var error = Single(e => TrainingRules.PillTopicGiven(e, English, new TrainingPill(" ", Day, "management")));

        Assert.Equal(("pill.topic", "A training pill needs a topic."), (error.Identifier, error.ErrorMessage));
    }

    [Fact]
    public void AdviceTopicGiven_WhenBlank_SaysToSayWhatItIsAbout()
    {
        var error = Single(e => TrainingRules.AdviceTopicGiven(e, English, " "));

        Assert.Equal(("topic", "Say what the advice is about."), (error.Identifier, error.ErrorMessage));
    }

    [Fact]
    public void Identified_WhenTheInvoiceNumberIsBlank_SaysWhatAClaimNeeds()
    {
        var error = Single(e => ClaimRules.Identified(e, English, Claim(" ", 100m)));

        Assert.Equal(("invoiceId", "A claim needs its id, the invoice number and the supplier."), (error.Identifier, error.ErrorMessage));
    }

    [Fact]
    public void Amounts_WhenTheNetIsZero_SaysItIsNotAPositiveAmount()
    {
        var error = Single(e => ClaimRules.Amounts(e, English, Claim("INV-1", 0m), Currency.EUR));

        Assert.Equal("net", error.Identifier);
        Assert.EndsWith("is not a positive amount in EUR.", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectSpendAffordable_WhenTheAmountIsZero_SaysItIsNotAPositiveAmount()
    {
        var ledger = BudgetLedger.From(Rulebook.Extremadura.Annuity(2016).Value.Budget);

        var error = Single(e => EditionRules.DirectSpendAffordable(e, English, BudgetLine.Training, Money.Zero(Currency.EUR), Currency.EUR, ledger));

        Assert.Equal("amount", error.Identifier);
        Assert.EndsWith("is not a positive amount in EUR.", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void SpendDescribed_WhenBlank_SaysToSayWhatItPaysFor()
    {
        var error = Single(e => EditionRules.SpendDescribed(e, English, " "));

        Assert.Equal(("description", "Say what the expense pays for."), (error.Identifier, error.ErrorMessage));
    }

    [Fact]
    public void RegionNamed_WhenBlank_SaysTheRegionIsRequired()
    {
        var figures = new EnterpriseFigures(20m, Money.Of(3_000_000m, Currency.EUR), Money.Of(2_000_000m, Currency.EUR));

        var error = Single(e => ApplicationRules.RegionNamed(e, English, CompanyApplication.Autonomous(new CompanyId("B1"), " ", figures)));

        Assert.Equal(("region", "The region the company is established in is required."), (error.Identifier, error.ErrorMessage));
    }
}
