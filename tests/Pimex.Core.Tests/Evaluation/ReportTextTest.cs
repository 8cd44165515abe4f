using System.Text.Json.Nodes;
using NodaTime;
using Pimex.Evaluation;
using Pimex.Localisation;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.StateAid;
using Pimex.Tests.Support;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Evaluation;

/// <summary>
/// The reports as a reader gets them: whole texts and JSON documents compared with their approved
/// copies in <c>Golden/</c>, plus the survey scales and statements that only a partner rulebook has.
/// </summary>
public class ReportTextTest
{
    private static readonly LocalDate MidJune2016 = new(2016, 6, 30);

    private static Rulebook Partner(Action<JsonObject> edit)
    {
        var result = Rulebook.Load(RulebookJsonEdits.Partner(edit), Rulebook.Extremadura);
        Assert.True(result.IsSuccess, string.Join("; ", result.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}")));
        return result.Value;
    }

    /// <summary>A partner whose survey scores run from 1 to 10.</summary>
    private static Rulebook OneToTen() => Partner(p => p.Override("survey.scaleMin", 1).Override("survey.scaleMax", 10));

    private static EditionBuilder PartnerEdition(Rulebook partner) => new(Annuity2016, partner.Id, partner);

    private static Participant StatementParticipant(EditionBuilder b, decimal declared2015 = 10_000m) =>
        b.Admit(
                "B06000001",
                new AidReceived(Eur(50_000m), new LocalDate(2013, 6, 1), "Regional energy grant"),
                new AidReceived(Eur(declared2015), new LocalDate(2015, 3, 1), "Chamber of commerce"))
            .Grant(1_000m, new LocalDate(2016, 5, 10))
            .Grant(1_500m, new LocalDate(2016, 7, 1))
            .Build();

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("sl")]
    public void ToText_WhenSmallEdition_IsTheApprovedReportInEachLanguage(string code)
    {
        var (edition, participants) = EditionReportTest.SmallEdition();
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        var report = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok() with { AsOf = new LocalDate(2016, 12, 31) };

        Golden.Matches(report.ToText(language), $"edition-report-small.{code}.txt");
    }

    [Fact]
    public void ToText_WhenTheRulebookNamesSpanish_WritesSpanishWithItsFormats()
    {
        var (edition, participants) = EditionReportTest.SmallEdition();

        var report = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok();

        Assert.Same(ReportLanguage.Spanish, report.Language);
        Assert.Equal(report.ToText(ReportLanguage.Spanish), report.ToText());
        Assert.Contains("Presupuesto\n", report.ToText(), StringComparison.Ordinal);
        Assert.Contains("88.280,00 €", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_WhenSmallEdition_IsTheApprovedDocument()
    {
        var (edition, participants) = EditionReportTest.SmallEdition();

        Golden.Matches(EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().ToJson(), "edition-report-small.json");
    }

    [Fact]
    public void ToText_WhenNobodyAdmittedOrAnswered_IsTheApprovedReportWithoutQuestions()
    {
        var (edition, participants) = For2016().Build();

        var text = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().ToText(ReportLanguage.English);

        Golden.Matches(text, "edition-report-empty.txt");
        Assert.DoesNotContain("Questions", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("sl")]
    public void ToText_WhenAidStatementIn2016_IsTheApprovedStatementInEachLanguage(string code)
    {
        var statement = AidStatement.Create(StatementParticipant(For2016()), Rulebook.Extremadura, MidJune2016).Ok();
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        Golden.Matches(statement.ToText(language), $"aid-statement-2016.{code}.txt");
    }

    [Fact]
    public void ToJson_WhenAidStatementIn2016_IsTheApprovedDocument()
    {
        var statement = AidStatement.Create(StatementParticipant(For2016()), Rulebook.Extremadura, MidJune2016).Ok();

        Golden.Matches(statement.ToJson(), "aid-statement-2016.json");
    }

    [Fact]
    public void ToText_WhenOverTheCeiling_SaysSo()
    {
        var statement = AidStatement.Create(StatementParticipant(For2016(), declared2015: 199_900m), Rulebook.Extremadura, MidJune2016).Ok();

        Assert.Contains("within the ceiling         no\n", statement.ToText(ReportLanguage.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenCountedAidEqualsTheCeiling_IsWithinIt()
    {
        // 198,557.33 declared in 2015 + 442.67 in kind + 1,000 granted = 200,000.00.
        var statement = AidStatement.Create(StatementParticipant(For2016(), declared2015: 198_557.33m), Rulebook.Extremadura, MidJune2016).Ok();

        Assert.Equal(statement.Ceiling, statement.CountedInLookBack);
        Assert.Equal(Eur(0m), statement.Headroom);
        Assert.True(statement.IsWithinCeiling);
        Assert.Contains("within the ceiling         yes\n", statement.ToText(ReportLanguage.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenAGrantIsOnTheStatementDate_CountsIt()
    {
        var statement = AidStatement.Create(StatementParticipant(For2016()), Rulebook.Extremadura, new LocalDate(2016, 7, 1)).Ok();

        Assert.Equal(Eur(2_500m), statement.PromotionSupport);
        Assert.Equal(new LocalDate(2016, 7, 1), statement.Entries[^1].GrantedOn);
    }

    [Fact]
    public void Create_WhenTheRulebookCountsNoInKindAid_ListsOnlyDeclaredAidAndPromotionSupport()
    {
        var partner = Partner(p => p.Override("aid.inKindValuation", "none"));

        var statement = AidStatement.Create(StatementParticipant(PartnerEdition(partner)), partner, MidJune2016).Ok();

        Assert.Equal([AidKind.Declared, AidKind.Declared, AidKind.PromotionSupport], statement.Entries.Select(e => e.Kind));
        Assert.Equal(Eur(0m), statement.InKind);
        Assert.Equal(Eur(1_000m), statement.PromotionSupport);
    }

    [Fact]
    public void ToText_WhenTheRegimeHasNoReference_WritesNoReferenceLine()
    {
        var partner = Partner(p => p.Override(
            "aid.regime",
            new JsonObject
            {
                ["name"] = "Regional scheme",
                ["ceiling"] = "EUR 100000.00",
                ["period"] = new JsonObject { ["kind"] = "rollingYears", ["years"] = 2, ["fiscalYearStart"] = "01-01" },
            }));

        var text = AidStatement.Create(StatementParticipant(PartnerEdition(partner)), partner, MidJune2016).Ok().ToText(ReportLanguage.English);

        Assert.StartsWith(
            "State-aid statement: partner-2016/B06000001 on 30 June 2016\n"
            + "Regime: Regional scheme, ceiling €100,000.00 over a rolling period of 2 years (1 July 2014 to 30 June 2016).\n"
            + "\n"
            + "Aid received\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenTheScaleStartsAtOne_CountsEachScoreInItsPlace()
    {
        var partner = OneToTen();
        var b = PartnerEdition(partner);
        b.Admit("B0000001").Answer(1);
        b.Admit("B0000002").Answer(7);
        b.Admit("B0000003").Answer(8);
        b.Admit("B0000004").Answer(10);
        var (edition, participants) = b.Build();

        var q = EditionReport.Create(edition, participants, partner).Ok().Satisfaction;

        Assert.Equal((1, 10), (q.ScaleMin, q.ScaleMax));
        Assert.Equal(Enumerable.Range(1, 10), q.Distribution.Select(d => d.Score));
        Assert.Equal([1, 0, 0, 0, 0, 0, 1, 1, 0, 1], q.Distribution.Select(d => d.Count));
        Assert.Equal(7.5m, q.Median);
        Assert.Equal(6.5m, q.Mean);
    }

    [Fact]
    public void Create_WhenTheScaleStartsAtOneAndAnswersAreOdd_MedianIsTheMiddleScore()
    {
        var partner = OneToTen();
        var b = PartnerEdition(partner);
        b.Admit("B0000001").Answer(2);
        b.Admit("B0000002").Answer(3);
        b.Admit("B0000003").Answer(9);
        var (edition, participants) = b.Build();

        Assert.Equal(3m, EditionReport.Create(edition, participants, partner).Ok().Satisfaction.Median);
    }

    [Fact]
    public void Create_WhenAScoreIsBelowAScaleStartingAtOne_IsInvalid()
    {
        var partner = OneToTen();
        var b = PartnerEdition(partner);
        b.Admit("B0000001").Answer(0);
        var (edition, participants) = b.Build();

        var error = EditionReport.Create(edition, participants, partner).AssertSingleError("participants", EvaluationErrors.ScoreOutsideScale);

        Assert.Equal("partner-2016/B0000001 scored overall 0, outside the survey scale 1 to 10.", error.ErrorMessage);
    }

    [Fact]
    public void Create_WhenAQuestionScoreIsOutsideTheScale_NamesTheQuestion()
    {
        var b = For2016();
        b.Admit("B0000001").Answer(8, ("venue", 11));
        var (edition, participants) = b.Build();

        var error = EditionReport.Create(edition, participants, Rulebook.Extremadura).AssertSingleError("participants", EvaluationErrors.ScoreOutsideScale);

        Assert.Equal("extremadura-2016/B0000001 scored question venue 11, outside the survey scale 0 to 10.", error.ErrorMessage);
    }

    [Fact]
    public void Create_WhenQuestionsAreAnsweredInAnyOrder_ListsThemByName()
    {
        var b = For2016();
        b.Admit("B0000001").Answer(8, ("venue", 6), ("content", 9), ("materials", 7));
        b.Admit("B0000002").Answer(9, ("materials", 8), ("venue", 9));
        var (edition, participants) = b.Build();

        var questions = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().Satisfaction.Questions;

        Assert.Equal(
            [new QuestionFigures("content", 1, 9m), new QuestionFigures("materials", 2, 7.5m), new QuestionFigures("venue", 2, 7.5m)],
            questions);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 1001)]
    [InlineData(999_000, 1_000_000)]
    public void Create_WhenTheScaleHasAtMostMaxScalePoints_Reports(int min, int max)
    {
        var partner = Partner(p => p.Override("survey.scaleMin", min).Override("survey.scaleMax", max));
        var b = PartnerEdition(partner);
        b.Admit("B0000001").Answer(max);
        var (edition, participants) = b.Build();

        var q = EditionReport.Create(edition, participants, partner).Ok().Satisfaction;

        Assert.Equal(max - min + 1, q.Distribution.Count);
        Assert.Equal(max, q.Median);
    }

    [Fact]
    public void Create_WhenTheScaleHasMoreThanMaxScalePoints_IsInvalid()
    {
        var partner = Partner(p => p.Override("survey.scaleMin", 0).Override("survey.scaleMax", EditionReport.MaxScalePoints));
        var (edition, participants) = PartnerEdition(partner).Build();

        var error = EditionReport.Create(edition, participants, partner).AssertSingleError("rulebook", EvaluationErrors.ScaleTooWide);

        Assert.Equal("The survey scale 0 to 1001 is not a scale of at most 1001 scores.", error.ErrorMessage);
    }

    [Fact]
    public void ToText_WhenHoursHaveTrailingZeros_WritesThemWithoutThem()
    {
        var b = For2016();
        b.Admit("B0000001").Consult(4.50m);
        var (edition, participants) = b.Build();

        var text = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().ToText(ReportLanguage.English);

        Assert.Contains("senior consultant hours            4.5\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WhenFundShare_NamesTheFundAndItsRate()
    {
        Assert.Equal("ERDF 80%", new Pimex.Funding.FundShare("ERDF", Pimex.Monetary.Rate.FromPercent(80)).ToString());
    }
}
