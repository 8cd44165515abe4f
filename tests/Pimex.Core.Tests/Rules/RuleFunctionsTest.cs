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
using Pimex.StateAid;
using Pimex.Tests.Support;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Rules;

/// <summary>
/// The named rule functions (<c>docs/rules.md</c>) asked one by one, without a verb: each adds its
/// error, with its code and identifier, only when its rule is broken. One nested class per concept.
/// </summary>
public static class RuleFunctionsTest
{
    private static readonly ReportLanguage English = ReportLanguage.English;

    private static List<ValidationError> Errors(Action<List<ValidationError>> rule)
    {
        var errors = new List<ValidationError>();
        rule(errors);
        Assert.Empty(ErrorCodes.Undeclared(errors));
        return errors;
    }

    /// <summary>The claim rules asked one by one, without a participant: each refuses with its code only when broken.</summary>
    public class OfClaims
    {
        private static readonly PromotionRules Promotion = new(
            Eur(2500m),
            Rate.One,
            true,
            [new ExpenseCategory("tradeFair", "Trade fair", true, false), new ExpenseCategory("exportCredit", "Export credit", true, true), new ExpenseCategory("gift", "Gifts", false, false)]);


        [Fact]
        public void InvoiceInWindow_WhenDatedOnTheWindowsLastDay_AddsNothing()
        {
            var window = new DateInterval(new LocalDate(2016, 4, 1), new LocalDate(2016, 12, 31));

            Assert.Empty(Errors(e => ClaimRules.InvoiceInWindow(e, English, Claim("C1", 100m, date: window.End), window)));
        }

        [Fact]
        public void InvoiceInWindow_WhenDatedTheDayBefore_RefusesTheInvoiceDate()
        {
            var window = new DateInterval(new LocalDate(2016, 4, 1), new LocalDate(2016, 12, 31));

            var error = Assert.Single(Errors(e => ClaimRules.InvoiceInWindow(e, English, Claim("C1", 100m, date: new LocalDate(2016, 3, 31)), window)));

            Assert.Equal(("invoiceDate", PromotionErrors.InvoiceOutsideWindow), (error.Identifier, error.ErrorCode));
        }

        [Theory]
        [InlineData("tradeFair", new string[0])]
        [InlineData("unknown", new[] { PromotionErrors.UnknownCategory })]
        [InlineData("exportCredit", new[] { PromotionErrors.ExportAidExcluded })]
        [InlineData("gift", new[] { PromotionErrors.CategoryNotEligible })]
        public void EligibleCategory_WhenTheCategoryIs_RefusesWithItsCode(string category, string[] codes)
        {
            var errors = Errors(e => ClaimRules.EligibleCategory(e, English, Claim("C1", 100m, category: category), Promotion, default));

            Assert.Equal(codes, errors.Select(e => e.ErrorCode));
        }

        [Fact]
        public void Amounts_WhenNetIsZeroAndVatNegative_RefusesBothInOrder()
        {
            var errors = Errors(e => ClaimRules.Amounts(e, English, Claim("C1", 0m, vat: -1m), Currency.EUR));

            Assert.Equal(["net", "vat"], errors.Select(e => e.Identifier));
            Assert.All(errors, e => Assert.Equal(CommonErrors.InvalidAmount, e.ErrorCode));
        }

        [Fact]
        public void Unclaimed_WhenTheSameInvoiceOfTheSameSupplierWasClaimed_IsAConflictNamingTheFirstClaim()
        {
            var first = Claim("C1", 100m, invoice: "F-1");
            EquatableDictionary<string, ClaimRecord> claims = new(new Dictionary<string, ClaimRecord> { ["C1"] = new ClaimRecord(first, "rep-B1", null) });

            var result = ClaimRules.Unclaimed(English, Claim("C2", 100m, invoice: "F-1"), claims);

            Assert.NotNull(result);
            Assert.Equal(ResultStatus.Conflict, result.Status);
            Assert.Equal([PromotionErrors.DuplicateInvoice], result.Codes());
            Assert.Null(ClaimRules.Unclaimed(English, Claim("C2", 100m, invoice: "F-1", supplier: "B22222222"), claims));
        }

        [Fact]
        public void VerifierIsNotSubmitter_WhenTheSubmitterVerifies_IsForbidden()
        {
            var record = new ClaimRecord(Claim("C1", 100m), Tech.Id, null);

            Assert.Equal([PromotionErrors.VerifierIsSubmitter], ClaimRules.VerifierIsNotSubmitter(English, record, "C1", Tech)!.Codes());
            Assert.Null(ClaimRules.VerifierIsNotSubmitter(English, record, "C1", Tech2));
            Assert.Null(ClaimRules.VerifierIsNotSubmitter(English, null, "C1", Tech));
        }

        [Fact]
        public void PartialApprovalBelowEligible_WhenThePartIsTheWholeEligibleAmount_IsRefused()
        {
            var verification = new ClaimVerification(ClaimVerdict.ApprovedInPart, Eur(100m), "Half the stand");

            var refused = Errors(e => ClaimRules.PartialApprovalBelowEligible(e, English, verification, Eur(100m), Eur(100m)));
            var accepted = Errors(e => ClaimRules.PartialApprovalBelowEligible(e, English, verification, Eur(99.99m), Eur(100m)));

            Assert.Equal([PromotionErrors.ApprovedAmountInvalid], refused.Select(e => e.ErrorCode));
            Assert.Empty(accepted);
        }

        [Fact]
        public void ReasonGiven_WhenARejectionHasABlankReason_IsRefused()
        {
            var errors = Errors(e => ClaimRules.ReasonGiven(e, English, new ClaimVerification(ClaimVerdict.Rejected, Eur(0m), " ")));

            Assert.Equal([PromotionErrors.ReasonRequired], errors.Select(e => e.ErrorCode));
            Assert.Empty(Errors(e => ClaimRules.ReasonGiven(e, English, new ClaimVerification(ClaimVerdict.ApprovedInFull, Eur(0m), null))));
        }

        [Fact]
        public void InvoiceNotAfterSubmission_WhenDatedTheDayAfter_IsRefusedAndTheSameDayIsNot()
        {
            var submittedOn = new LocalDate(2016, 10, 5);

            Assert.Equal([TimeErrors.DatedAfterCommand], Errors(e => ClaimRules.InvoiceNotAfterSubmission(e, English, Claim("C1", 100m, date: submittedOn.PlusDays(1)), submittedOn)).Select(e => e.ErrorCode));
            Assert.Empty(Errors(e => ClaimRules.InvoiceNotAfterSubmission(e, English, Claim("C1", 100m, date: submittedOn), submittedOn)));
        }
    }

    /// <summary>
    /// The rules of training, deliverables, completion and the survey asked one by one, without a
    /// verb: each adds its error only when broken, with its code and identifier.
    /// </summary>
    public class OfParticipants
    {
        private static readonly CommitmentRules Commitment = new(4, 2, TutorialVenue.CompanyPremises, 1, ["management"]);


        private static IEnumerable<string> Codes(Action<List<ValidationError>> rule) => Errors(rule).Select(e => e.ErrorCode);

        [Fact]
        public void SessionHasSeat_WhenTheLastSeatIsTaken_RefusesAndWhenOneIsLeftDoesNot()
        {
            var session = new GroupSession("S1", new LocalDate(2016, 5, 10), "Mérida", "Markets", 3);

            Assert.Equal([ParticipationErrors.SessionFull], Codes(e => TrainingRules.SessionHasSeat(e, English, "S1", session, 3)));
            Assert.Empty(Errors(e => TrainingRules.SessionHasSeat(e, English, "S1", session, 2)));
        }

        [Fact]
        public void HeldByAssignedTechnician_WhenAnotherTechnicianHoldsIt_IsForbiddenButNotWhileNoneIsAssigned()
        {
            var participant = new ParticipantId(new EditionId("extremadura", 2016), new CompanyId("B1"));

            Assert.Equal([ParticipationErrors.NotTheAssignedTechnician], TrainingRules.HeldByAssignedTechnician(English, participant, Tech.Id, Tech2)!.Codes());
            Assert.Equal(ResultStatus.Forbidden, TrainingRules.HeldByAssignedTechnician(English, participant, Tech.Id, Tech2)!.Status);
            Assert.Null(TrainingRules.HeldByAssignedTechnician(English, participant, null, Tech2));
            Assert.Null(TrainingRules.HeldByAssignedTechnician(English, participant, Tech.Id, Tech));
        }

        [Fact]
        public void TutorialAtRequiredVenue_WhenTheRulebookRequiresThePremises_RefusesAnotherVenue()
        {
            var online = new Tutorial("T1", new LocalDate(2016, 5, 10), VenueKind.Online, "Export plan");

            Assert.Equal([ParticipationErrors.TutorialNotAtPremises], Codes(e => TrainingRules.TutorialAtRequiredVenue(e, English, online, Commitment)));
            Assert.Empty(Errors(e => TrainingRules.TutorialAtRequiredVenue(e, English, online, Commitment with { TutorialVenue = TutorialVenue.Any })));
        }

        [Fact]
        public void PillAttendeeAllowed_WhenTheRoleIsNotTheRulebooks_RefusesTheAttendeeRole()
        {
            var error = Assert.Single(Errors(e => TrainingRules.PillAttendeeAllowed(e, English, new TrainingPill("Strategy", new LocalDate(2016, 5, 10), "intern"), Commitment)));

            Assert.Equal(("pill.attendeeRole", ParticipationErrors.PillAttendeeRoleNotAllowed), (error.Identifier, error.ErrorCode));
        }

        [Fact]
        public void FactDated_WhenAfterTheCommandOrBeforeAdmission_RefusesWithTheTimeCodes()
        {
            var admitted = new LocalDate(2016, 3, 1);
            var today = new LocalDate(2016, 5, 10);

            Assert.Equal([TimeErrors.DatedAfterCommand], Codes(e => TrainingRules.FactDated(e, English, "pill.date", "pill", "", today.PlusDays(1), today, admitted)));
            Assert.Equal([TimeErrors.DatedBeforeDependency], Codes(e => TrainingRules.FactDated(e, English, "pill.date", "pill", "", admitted.PlusDays(-1), today, admitted)));
            Assert.Empty(Errors(e => TrainingRules.FactDated(e, English, "pill.date", "pill", "", admitted, today, admitted)));
        }

        [Fact]
        public void ConsultancyAffordable_WhenHoursAreNotPositive_RefusesTheHoursOnlyAndCostsNothing()
        {
            Assert.Equal([ParticipationErrors.InvalidHours], Codes(e => TrainingRules.ConsultancyAffordable(e, English, 0m, Eur(60m), Eur(0m))));
        }

        [Fact]
        public void ConsultancyAffordable_WhenTheCostExceedsTheLine_RefusesAndWhenItEqualsTheLineDoesNot()
        {
            Assert.Equal([ParticipationErrors.ConsultancyLineExhausted], Codes(e => TrainingRules.ConsultancyAffordable(e, English, 10m, Eur(60m), Eur(599.99m))));
            Assert.Empty(Errors(e => TrainingRules.ConsultancyAffordable(e, English, 10m, Eur(60m), Eur(600m))));
        }

        [Fact]
        public void SwotComplete_WhenTwoQuadrantsAreEmptyOrBlank_RefusesEachByName()
        {
            var swot = new Swot(["Quality"], [], ["Portugal"], [" "]);

            Assert.Equal(["swot.weaknesses", "swot.threats"], Errors(e => DeliverableRules.SwotComplete(e, English, swot)).Select(e => e.Identifier));
        }

        [Fact]
        public void RoadmapComplete_WhenAnActionAimsElsewhereAndAfterTheHorizon_RefusesBothAtItsIndex()
        {
            var horizon = new DateInterval(new LocalDate(2017, 1, 1), new LocalDate(2018, 12, 31));
            var roadmap = new Roadmap(horizon, ["PT"], ["Export"], [new RoadmapAction("Fair", "FR", new LocalDate(2019, 1, 1))], ["Sales"]);

            Assert.Equal(["actions[0].due", "actions[0].market"], Errors(e => DeliverableRules.RoadmapComplete(e, English, roadmap)).Select(e => e.Identifier));
            Assert.Empty(Errors(e => DeliverableRules.RoadmapComplete(e, English, roadmap with { Actions = [new RoadmapAction("Fair", "PT", horizon.End)] })));
        }

        [Theory]
        [InlineData(ReviewStatus.NotSubmitted, 1)]
        [InlineData(ReviewStatus.Submitted, 1)]
        [InlineData(ReviewStatus.Returned, 1)]
        [InlineData(ReviewStatus.Accepted, 0)]
        public void RoadmapAfterSwot_WhenTheSwotIs_RefusesUnlessAccepted(ReviewStatus swot, int errors)
        {
            Assert.Equal(errors, Errors(e => DeliverableRules.RoadmapAfterSwot(e, English, swot)).Count);
        }

        [Fact]
        public void ReturnCommented_WhenReturnedWithoutAComment_IsRefusedButAnAcceptanceNeedsNone()
        {
            Assert.Equal([CommonErrors.MissingText], Codes(e => DeliverableRules.ReturnCommented(e, English, accept: false, comment: "")));
            Assert.Empty(Errors(e => DeliverableRules.ReturnCommented(e, English, accept: true, comment: null)));
        }

        [Fact]
        public void CompletionRules_WhenOneShortOfEachCommitment_ListEveryMissingCountInOrder()
        {
            Assert.Equal([ParticipationErrors.SessionsMissing], Codes(e => CompletionRules.SessionsAttended(e, English, 3, Commitment)));
            Assert.Equal([ParticipationErrors.TutorialsMissing], Codes(e => CompletionRules.TutorialsHeld(e, English, 1, Commitment)));
            Assert.Equal([ParticipationErrors.PillsMissing], Codes(e => CompletionRules.PillsAttended(e, English, 0, Commitment)));
            Assert.Empty(Errors(e =>
            {
                CompletionRules.SessionsAttended(e, English, 4, Commitment);
                CompletionRules.TutorialsHeld(e, English, 2, Commitment);
                CompletionRules.PillsAttended(e, English, 1, Commitment);
                CompletionRules.SwotAccepted(e, English, ReviewStatus.Accepted);
                CompletionRules.RoadmapAccepted(e, English, ReviewStatus.Accepted);
            }));
        }

        [Fact]
        public void Missing_WhenAParticipantIsJustAdmitted_IsWhatMissingForCompletionSays()
        {
            var s = Open();
            var participant = s.Join("B1");

            var missing = Errors(e => CompletionRules.Missing(e, English, participant));

            Assert.Equal(ParticipationErrors.SessionsMissing, missing[0].ErrorCode);
            Assert.Equal([ParticipationErrors.SwotNotAccepted, ParticipationErrors.RoadmapNotAccepted], missing.TakeLast(2).Select(e => e.ErrorCode));
            Assert.Equal(participant.MissingForCompletion().Select(e => (e.Identifier, e.ErrorCode, e.ErrorMessage)), missing.Select(e => (e.Identifier, e.ErrorCode, e.ErrorMessage)));
        }

        [Fact]
        public void ScoresInScale_WhenTheOverallAndAQuestionAreOutside_RefusesBothOverallFirst()
        {
            var answer = new SurveyAnswer(0, new EquatableDictionary<string, int>([new("b", 3), new("a", 6)]));

            var errors = Errors(e => SurveyAnswerRules.ScoresInScale(e, English, answer, new SurveyRules(1, 5)));

            Assert.Equal(["overall", "questions.a"], errors.Select(e => e.Identifier));
            Assert.All(errors, e => Assert.Equal(ParticipationErrors.ScoreOutOfScale, e.ErrorCode));
        }
    }

    /// <summary>The rules of an edition's own verbs and of an application, asked one by one, without a verb.</summary>
    public class OfEditionsAndApplications
    {
        private static readonly BudgetLedger Ledger = BudgetLedger.From(new AnnuityBudget(Eur(60_000m), Eur(6_000m), Eur(9_000m)));


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

    /// <summary>
    /// What a person reads when a named rule refuses: each rule's own message, at its own identifier,
    /// not the general text of its code (several rules share <c>PIMEX-INPUT-002</c> or
    /// <c>PIMEX-PART-011</c> and each says what is missing).
    /// </summary>
    public class Messages
    {
        private static readonly LocalDate Day = new(2016, 10, 1);

        private static ValidationError Single(Action<List<ValidationError>> rule) => Assert.Single(Errors(rule));

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
}
