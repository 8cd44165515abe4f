using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Tests.Admission;

/// <summary>The decisions an assessment states (art. 2, 3(4), 4(2), 4(3)) and its periods.</summary>
public partial class SmeExplanationTest
{
    private static string ClassNote(string name) =>
        $"Class {name}: the first class whose staff limit the consolidated staff is below and whose turnover or balance-sheet limit is not exceeded (art. 2).";

    private static CompanyProfile Periods(LocalDate? end, params decimal[] staffNewestFirst) =>
        Profile(Figures(staffNewestFirst[0])) with
        {
            PeriodEnd = end,
            Earlier = new EquatableArray<CompanyProfile>([.. staffNewestFirst.Skip(1).Select((staff, i) => Profile(Figures(staff)) with { PeriodEnd = end?.PlusYears(-1 - i) })]),
        };

    [Theory]
    [InlineData(9, "micro")]
    [InlineData(10, "small")]
    [InlineData(50, "medium")]
    [InlineData(250, "not an SME")]
    public void Notes_WhenOnePeriodIsDeclared_SayItDecidesThatTwoPeriodsChangeAClassAndWhichClassArt2Gives(decimal staff, string name)
    {
        // Art. 4(2): the class changes only after two consecutive accounting periods; art. 2: the ceilings.
        var a = SmeTest.Assess(Profile(Figures(staff)), Sme);

        Assert.Equal([OneSentence, ClassNote(name)], a.Notes);
        Assert.Equal([new SmePeriod(null, a.SizeClass, staff, Eur(0m), Eur(0m))], a.Periods);
    }

    [Fact]
    public void Notes_WhenANewEnterpriseEstimates_SayItFirstCitingArt4_3()
    {
        var a = SmeTest.Assess(Profile(Figures(4m)) with { Basis = FiguresBasis.BonaFideEstimate }, Sme);

        Assert.Equal(
            [
                "The own figures are a bona fide estimate made in the course of the financial year, by a new enterprise without approved accounts (art. 4(3)).",
                OneSentence,
                ClassNote("micro"),
            ],
            a.Notes);
    }

    [Fact]
    public void Notes_WhenSeveralPeriodsAreDeclared_ListEachPeriodsClassOldestFirstAndTheClassArt4_2Keeps()
    {
        // Art. 4(2): micro in 2014, then over the micro ceiling in 2015 only: still micro in
        // 2016, whose own figures are small. The figures are the reference period's.
        var a = SmeTest.Assess(Periods(new LocalDate(2016, 12, 31), 12m, 9m, 12m, 5m), Sme);

        Assert.Equal(
            [
                "Figures by period, oldest first: 2013-12-31 micro, 2014-12-31 small, 2015-12-31 micro, 2016-12-31 small. The class changes only when the ceilings are crossed in 2 consecutive accounting periods (art. 4(2)): micro.",
                ClassNote("micro"),
            ],
            a.Notes);
        Assert.Equal(
            [
                new SmePeriod(new LocalDate(2013, 12, 31), SizeClass.Micro, 5m, Eur(0m), Eur(0m)),
                new SmePeriod(new LocalDate(2014, 12, 31), SizeClass.Small, 12m, Eur(0m), Eur(0m)),
                new SmePeriod(new LocalDate(2015, 12, 31), SizeClass.Micro, 9m, Eur(0m), Eur(0m)),
                new SmePeriod(new LocalDate(2016, 12, 31), SizeClass.Small, 12m, Eur(0m), Eur(0m)),
            ],
            a.Periods);
        Assert.Equal((SizeClass.Micro, 12m), (a.SizeClass, a.Staff));
    }

    [Fact]
    public void Notes_WhenThePeriodsHaveNoEndDate_ListTheClassesAlone()
    {
        var a = SmeTest.Assess(Periods(null, 300m, 260m, 60m), Sme);

        Assert.Equal(
            "Figures by period, oldest first: medium, not an SME, not an SME. The class changes only when the ceilings are crossed in 2 consecutive accounting periods (art. 4(2)): not an SME.",
            a.Notes[0]);
        Assert.Equal(ClassNote("not an SME"), a.Notes[1]);
    }

    [Fact]
    public void Notes_WhenPublicBodiesControlAQuarter_SayNotAnSmeWhateverTheFiguresInsteadOfTheClass_Art3_4()
    {
        // Art. 3(4): 25 % or more of the capital or voting rights controlled by one or more public bodies.
        var a = SmeTest.Assess(Profile(Figures(3m), Related("Junta de Extremadura", 40m, Figures(0m)) with { Kind = RelatedPartyKind.PublicBody }), Sme);

        Assert.Equal(
            [OneSentence, "40% of the capital or votes is controlled by public bodies, at least 25%: not an SME, whatever its figures (art. 3(4))."],
            a.Notes);
        Assert.Equal(SizeClass.NotSme, a.SizeClass);
        Assert.Equal(SizeClass.Micro, Assert.Single(a.Periods).FiguresClass);
    }

    [Theory]
    [InlineData(3, new[] { 12, 12, 5, 5 }, SizeClass.Micro)] // two periods over the micro ceiling are not three
    [InlineData(3, new[] { 12, 12, 12, 5 }, SizeClass.Small)] // three are
    [InlineData(3, new[] { 5, 12, 12, 5 }, SizeClass.Micro)] // two over, then under again: not three
    [InlineData(1, new[] { 12, 5 }, SizeClass.Small)] // one period suffices when the rulebook says one
    [InlineData(0, new[] { 12, 5 }, SizeClass.Small)] // and a rulebook's zero means one
    public void Assess_WhenTheRulebookAsksForOtherThanTwoPeriods_ChangesTheClassAfterThatMany_Art4_2(int consecutive, int[] staffNewestFirst, SizeClass expected)
    {
        // Art. 4(2) says two; the number is the rulebook's (a partner region may set its own).
        var thresholds = Sme with { ConsecutivePeriods = consecutive };

        var a = SmeTest.Assess(Periods(null, [.. staffNewestFirst.Select(s => (decimal)s)]), thresholds);

        Assert.Equal(expected, a.SizeClass);
        Assert.EndsWith($"crossed in {Math.Max(1, consecutive)} consecutive accounting periods (art. 4(2)): {(expected == SizeClass.Micro ? "micro" : "small")}.", a.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_WhenTheRulebookAsksForOnePeriodAndOneIsDeclared_SayOne()
    {
        var a = SmeTest.Assess(Profile(Figures(3m)), Sme with { ConsecutivePeriods = 0 });

        Assert.Equal(
            "One accounting period declared: its figures decide. The class changes only when the ceilings are crossed in 1 consecutive accounting periods (art. 4(2)): declare the earlier periods too.",
            a.Notes[0]);
    }

    [Fact]
    public void Periods_WhenEachPeriodHasItsOwnRelations_ConsolidateEachWithItsOwn_Art4_2()
    {
        // Each period is a whole declaration: a linked enterprise acquired in the last period
        // counts in that period only.
        var before = Profile(Figures(30m, 1_000_000m, 1_000_000m)) with { PeriodEnd = new LocalDate(2015, 12, 31) };
        var now = Profile(Figures(30m, 1_000_000m, 1_000_000m), Related("Acquired SL", 100m, Figures(30m, 9_500_000m, 9_500_000m))) with
        {
            PeriodEnd = new LocalDate(2016, 12, 31),
            Earlier = new EquatableArray<CompanyProfile>([before]),
        };

        var a = SmeTest.Assess(now, Sme);

        Assert.Equal(
            [
                new SmePeriod(new LocalDate(2015, 12, 31), SizeClass.Small, 30m, Eur(1_000_000m), Eur(1_000_000m)),
                new SmePeriod(new LocalDate(2016, 12, 31), SizeClass.Medium, 60m, Eur(10_500_000m), Eur(10_500_000m)),
            ],
            a.Periods);
        Assert.Equal((SizeClass.Small, 60m, Eur(10_500_000m)), (a.SizeClass, a.Staff, a.Turnover));
        Assert.Equal(2, a.Lines.Count);
    }

    [Fact]
    public void Explain_WhenEveryTreatmentAndClassAppears_PrintsEachWithItsNameAndThePeriodsWithTheirEnd()
    {
        // What the technician checks and the company signs: the class, the decisions, one line per enterprise, then the periods.
        var before = Profile(Figures(60m, 1_000_000m, 1_000_000m));
        var profile = Profile(
            Figures(5m, 1_000_000m, 900_000m),
            Related("Parent SA", 60m, Figures(40m, 2_000_000m, 1_000_000m)),
            Related("Partner SA", 33m, Figures(10m, 1_000_000m, 500_000m)),
            Related("Small holder", 10m, Figures(1m))) with
        {
            PeriodEnd = new LocalDate(2016, 12, 31),
            Earlier = new EquatableArray<CompanyProfile>([before]),
        };

        var text = SmeTest.Assess(profile, Sme).Explain();

        Assert.Equal(
            "SME test (Recommendation 2003/361/EC): medium-sized\n"
            + "Consolidated: 48.3 AWU, turnover EUR 3330000.00, balance sheet EUR 2065000.00\n"
            + "- Figures by period, oldest first: medium, 2016-12-31 small. The class changes only when the ceilings are crossed in 2 consecutive accounting periods (art. 4(2)): medium.\n"
            + "- " + ClassNote("medium") + "\n"
            + "  (applicant): own figures at 100%, 5 AWU, EUR 1000000.00, EUR 900000.00. " + OwnAccounts + "\n"
            + "  Parent SA: linked, in full at 100%, 40 AWU, EUR 2000000.00, EUR 1000000.00. Linked: 60% of the capital or votes, a majority of the voting rights (art. 3(3)(a))." + LinkedInFull + "\n"
            + "  Partner SA: in proportion at 33%, 3.3 AWU, EUR 330000.00, EUR 165000.00. A partner: 33% of the capital or votes, from 25% and not linked (art. 3(2))." + PartnerInProportion + "\n"
            + "  Small holder: not counted. 10% of the capital or votes, below 25%: autonomous of it, not counted (art. 3(1)).\n"
            + "  period: medium-sized (60 AWU, EUR 1000000.00, EUR 1000000.00)\n"
            + "  period to 2016-12-31: small (48.3 AWU, EUR 3330000.00, EUR 2065000.00)\n",
            text);
    }

    [Fact]
    public void Explain_WhenNotAnSme_SaysSo()
    {
        var text = SmeTest.Assess(Profile(Figures(250m)), Sme).Explain();

        Assert.StartsWith("SME test (Recommendation 2003/361/EC): not an SME\nConsolidated: 250 AWU, turnover EUR 0.00, balance sheet EUR 0.00\n", text, StringComparison.Ordinal);
        Assert.EndsWith("  period: not an SME (250 AWU, EUR 0.00, EUR 0.00)\n", text, StringComparison.Ordinal);
    }
}
