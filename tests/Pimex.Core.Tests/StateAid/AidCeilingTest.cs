using NodaTime;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Tests.StateAid;

public class AidCeilingTest
{
    private static readonly Money Cent = Money.Of(0.01m, Currency.EUR);

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static Money Gbp(decimal amount) => Money.Of(amount, Currency.GBP);

    private static AidRegime RegimeOn(LocalDate date) => Rulebook.Extremadura.On(date).Value.Aid.Regime;

    private static AidReceived Aid(Money amount, LocalDate grantedOn, string body = "Junta de Extremadura") => new(amount, grantedOn, body);

    private static readonly AidRegime AprilFiscalYears =
        new("EU 1407/2013 (fiscal year from 1 April)", Eur(200_000m), new AidPeriod(AidPeriodKind.FiscalYears, 3, new AnnualDate(4, 1)));

    private static readonly AidRegime UkMinimalFinancialAssistance =
        new("UK MFA", Gbp(315_000m), new AidPeriod(AidPeriodKind.FiscalYears, 3, new AnnualDate(4, 1)), "Subsidy Control Act 2022, s. 36");

    [Fact]
    public void Check_WhenGrantedOnTheLastDayOf2023_Uses1407With200000OverThreeCalendarYears()
    {
        var grantDate = new LocalDate(2023, 12, 31);
        var regime = RegimeOn(grantDate);
        AidReceived[] received = [Aid(Eur(50_000m), new LocalDate(2021, 1, 1)), Aid(Eur(10_000m), new LocalDate(2020, 12, 31))];

        var check = AidCeiling.Check(regime, received, Eur(150_000m), grantDate);

        Assert.Equal("EU 1407/2013", regime.Name);
        Assert.Equal(Eur(200_000m), regime.Ceiling);
        Assert.Equal(new DateInterval(new LocalDate(2021, 1, 1), grantDate), check.LookBack);
        Assert.Equal(Eur(50_000m), check.AlreadyCounted);
        Assert.Equal(Eur(150_000m), check.Headroom);
        Assert.True(check.IsWithinCeiling);
    }

    [Fact]
    public void Check_WhenGrantedOnTheFirstDayOf2024_Uses2023Slash2831With300000OverRollingThreeYears()
    {
        var grantDate = new LocalDate(2024, 1, 1);
        var regime = RegimeOn(grantDate);
        AidReceived[] received = [Aid(Eur(50_000m), new LocalDate(2021, 1, 1)), Aid(Eur(100_000m), new LocalDate(2021, 1, 2))];

        var check = AidCeiling.Check(regime, received, Eur(200_000m), grantDate);

        Assert.Equal("EU 2023/2831", regime.Name);
        Assert.Equal(Eur(300_000m), regime.Ceiling);
        Assert.Equal(new DateInterval(new LocalDate(2021, 1, 2), grantDate), check.LookBack);
        Assert.Equal(Eur(100_000m), check.AlreadyCounted);
        Assert.Equal(Eur(200_000m), check.Headroom);
        Assert.True(check.IsWithinCeiling);
    }

    [Fact]
    public void Check_WhenTheSameAidIsCheckedEitherSideOfTheRegimeChange_CountsTheFirstOfJanuary2021OnlyUnder1407()
    {
        AidReceived[] received = [Aid(Eur(150_000m), new LocalDate(2021, 1, 1))];

        var on31December = AidCeiling.Check(RegimeOn(new LocalDate(2023, 12, 31)), received, Eur(60_000m), new LocalDate(2023, 12, 31));
        var on1January = AidCeiling.Check(RegimeOn(new LocalDate(2024, 1, 1)), received, Eur(60_000m), new LocalDate(2024, 1, 1));

        Assert.False(on31December.IsWithinCeiling);
        Assert.True(on1January.IsWithinCeiling);
        Assert.Equal(Eur(0m), on1January.AlreadyCounted);
    }

    [Fact]
    public void Check_WhenAidWasGrantedExactlyThreeYearsBefore_DoesNotCountIt()
    {
        var grantDate = new LocalDate(2025, 6, 15);

        var check = AidCeiling.Check(RegimeOn(grantDate), [Aid(Eur(1_000m), new LocalDate(2022, 6, 15))], Eur(1m), grantDate);

        Assert.Equal(Eur(0m), check.AlreadyCounted);
    }

    [Fact]
    public void Check_WhenAidWasGrantedThreeYearsBeforeLessOneDay_CountsIt()
    {
        var grantDate = new LocalDate(2025, 6, 15);

        var check = AidCeiling.Check(RegimeOn(grantDate), [Aid(Eur(1_000m), new LocalDate(2022, 6, 16))], Eur(1m), grantDate);

        Assert.Equal(Eur(1_000m), check.AlreadyCounted);
    }

    [Fact]
    public void Check_WhenAidIsGrantedOnTheGrantDateOrAfter_CountsOnlyTheGrantDate()
    {
        var grantDate = new LocalDate(2025, 6, 15);
        AidReceived[] received = [Aid(Eur(1_000m), grantDate), Aid(Eur(500m), grantDate.PlusDays(1))];

        var check = AidCeiling.Check(RegimeOn(grantDate), received, Eur(1m), grantDate);

        Assert.Equal(Eur(1_000m), check.AlreadyCounted);
    }

    [Fact]
    public void Check_WhenGrantedOnALeapDay_LooksBackToTheFirstOfMarchThreeYearsBefore()
    {
        var grantDate = new LocalDate(2024, 2, 29);
        AidReceived[] received = [Aid(Eur(7m), new LocalDate(2021, 2, 28)), Aid(Eur(11m), new LocalDate(2021, 3, 1))];

        var check = AidCeiling.Check(RegimeOn(grantDate), received, Eur(1m), grantDate);

        Assert.Equal(new DateInterval(new LocalDate(2021, 3, 1), grantDate), check.LookBack);
        Assert.Equal(Eur(11m), check.AlreadyCounted);
    }

    [Theory]
    [InlineData(2027, 2, 28, true)] // 28 Feb 2027 less three years is 28 Feb 2024: the period starts on 29 Feb
    [InlineData(2027, 3, 1, false)] // the period starts on 2 March 2024
    public void Check_WhenAidWasGrantedOnALeapDay_CountsItForThreeYears(int year, int month, int day, bool counted)
    {
        var grantDate = new LocalDate(year, month, day);

        var check = AidCeiling.Check(RegimeOn(grantDate), [Aid(Eur(100m), new LocalDate(2024, 2, 29))], Eur(1m), grantDate);

        Assert.Equal(counted ? Eur(100m) : Eur(0m), check.AlreadyCounted);
    }

    [Theory]
    [InlineData(2022, 12, 31, true)]
    [InlineData(2023, 1, 1, false)]
    public void Check_WhenAidWasGrantedOnALeapDayUnder1407_CountsItWithinItsThreeFiscalYears(int year, int month, int day, bool counted)
    {
        var grantDate = new LocalDate(year, month, day);

        var check = AidCeiling.Check(RegimeOn(grantDate), [Aid(Eur(100m), new LocalDate(2020, 2, 29))], Eur(1m), grantDate);

        Assert.Equal(counted ? Eur(100m) : Eur(0m), check.AlreadyCounted);
    }

    [Fact]
    public void Check_WhenTheFiscalYearStartsInApril_CountsFromTheFirstOfAprilOfTheFirstOfThreeFiscalYears()
    {
        AidReceived[] received =
        [
            Aid(Eur(1m), new LocalDate(2021, 3, 31)),
            Aid(Eur(10m), new LocalDate(2021, 4, 1)),
            Aid(Eur(100m), new LocalDate(2022, 3, 31)),
            Aid(Eur(1_000m), new LocalDate(2022, 4, 1)),
        ];

        var lastDayOfFiscalYear = AidCeiling.Check(AprilFiscalYears, received, Eur(1m), new LocalDate(2024, 3, 31));
        var firstDayOfNextFiscalYear = AidCeiling.Check(AprilFiscalYears, received, Eur(1m), new LocalDate(2024, 4, 1));

        Assert.Equal(new DateInterval(new LocalDate(2021, 4, 1), new LocalDate(2024, 3, 31)), lastDayOfFiscalYear.LookBack);
        Assert.Equal(Eur(1_110m), lastDayOfFiscalYear.AlreadyCounted);
        Assert.Equal(new DateInterval(new LocalDate(2022, 4, 1), new LocalDate(2024, 4, 1)), firstDayOfNextFiscalYear.LookBack);
        Assert.Equal(Eur(1_000m), firstDayOfNextFiscalYear.AlreadyCounted);
    }

    [Fact]
    public void Check_WhenTheRegimeIsAUkAllowanceInPounds_UsesItsCeilingAndFiscalYears()
    {
        var grantDate = new LocalDate(2025, 5, 20);
        AidReceived[] received =
        [
            Aid(Gbp(300_000m), new LocalDate(2023, 4, 1), "Innovate UK"),
            Aid(Gbp(99_000m), new LocalDate(2023, 3, 31), "West Midlands Combined Authority"),
        ];

        var check = AidCeiling.Check(UkMinimalFinancialAssistance, received, Gbp(15_000m), grantDate);

        Assert.Equal(new DateInterval(new LocalDate(2023, 4, 1), grantDate), check.LookBack);
        Assert.Equal(Gbp(300_000m), check.AlreadyCounted);
        Assert.Equal(Gbp(15_000m), check.Headroom);
        Assert.True(check.IsWithinCeiling);
        Assert.False(AidCeiling.Check(UkMinimalFinancialAssistance, received, Gbp(15_000.01m), grantDate).IsWithinCeiling);
    }

    [Fact]
    public void Check_WhenNewAidReachesTheCeilingExactly_IsWithin()
    {
        var grantDate = new LocalDate(2025, 6, 15);
        var regime = RegimeOn(grantDate);
        AidReceived[] received = [Aid(Eur(120_000.50m), new LocalDate(2023, 1, 10)), Aid(Eur(29_999.49m), new LocalDate(2025, 6, 15))];

        var check = AidCeiling.Check(regime, received, Eur(150_000.01m), grantDate);

        Assert.Equal(new AidCeilingCheck(regime, new LocalDate(2022, 6, 16), grantDate, Eur(149_999.99m), Eur(150_000.01m), Eur(150_000.01m), true), check);
    }

    [Fact]
    public void Check_WhenNewAidIsOneCentOverTheCeiling_IsNotWithin()
    {
        var grantDate = new LocalDate(2025, 6, 15);
        AidReceived[] received = [Aid(Eur(120_000.50m), new LocalDate(2023, 1, 10)), Aid(Eur(29_999.49m), new LocalDate(2025, 6, 15))];

        var check = AidCeiling.Check(RegimeOn(grantDate), received, Eur(150_000.01m) + Cent, grantDate);

        Assert.False(check.IsWithinCeiling);
        Assert.Equal(Eur(150_000.01m), check.Headroom);
    }

    [Fact]
    public void Check_WhenAidAlreadyExceedsTheCeiling_HasNoHeadroomAndIsNotWithinEvenForNothing()
    {
        var grantDate = new LocalDate(2025, 6, 15);
        AidReceived[] received = [Aid(Eur(310_000m), new LocalDate(2024, 1, 10))];

        var check = AidCeiling.Check(RegimeOn(grantDate), received, Eur(0m), grantDate);

        Assert.Equal(Eur(0m), check.Headroom);
        Assert.Equal(Eur(310_000m), check.AlreadyCounted);
        Assert.False(check.IsWithinCeiling);
    }

    [Fact]
    public void Check_WhenNoAidWasReceived_HasTheWholeCeilingAsHeadroom()
    {
        var grantDate = new LocalDate(2016, 3, 1);

        var check = AidCeiling.Check(RegimeOn(grantDate), [], Eur(2_500m), grantDate);

        Assert.Equal(Eur(0m), check.AlreadyCounted);
        Assert.Equal(Eur(200_000m), check.Headroom);
        Assert.Equal(Eur(2_500m), check.NewAid);
        Assert.True(check.IsWithinCeiling);
    }

    [Fact]
    public void Check_WhenGivenAListALazySequenceOrASpan_GivesTheSameCheck()
    {
        var grantDate = new LocalDate(2025, 6, 15);
        var regime = RegimeOn(grantDate);
        List<AidReceived> received = [Aid(Eur(1_000m), new LocalDate(2023, 1, 10)), Aid(Eur(5m), new LocalDate(2020, 1, 1)), Aid(Eur(2.5m), grantDate)];

        var fromList = AidCeiling.Check(regime, received, Eur(10m), grantDate);
        var fromSequence = AidCeiling.Check(regime, received.Where(_ => true), Eur(10m), grantDate);
        var fromSpan = AidCeiling.Check(regime, received.ToArray().AsSpan(), Eur(10m), grantDate);

        Assert.Equal(fromList, fromSequence);
        Assert.Equal(fromList, fromSpan);
        Assert.Equal(Eur(1_002.5m), fromList.AlreadyCounted);
    }

    [Fact]
    public void Check_WhenDeclaredAidIsInAnotherCurrency_Throws()
    {
        var grantDate = new LocalDate(2025, 6, 15);

        Assert.Throws<ArgumentException>("received", () => AidCeiling.Check(RegimeOn(grantDate), [Aid(Gbp(1m), new LocalDate(2010, 1, 1))], Eur(1m), grantDate));
        Assert.Throws<ArgumentException>("received", () => AidCeiling.Check(UkMinimalFinancialAssistance, new[] { Aid(Eur(1m), grantDate) }.Where(_ => true), Gbp(1m), grantDate));
    }

    [Fact]
    public void Check_WhenNewAidIsInAnotherCurrency_Throws()
    {
        var grantDate = new LocalDate(2025, 6, 15);

        Assert.Throws<ArgumentException>("newAid", () => AidCeiling.Check(RegimeOn(grantDate), [], Gbp(1m), grantDate));
    }

    [Fact]
    public void Check_WhenAnAmountIsNegative_Throws()
    {
        var grantDate = new LocalDate(2025, 6, 15);

        Assert.Throws<ArgumentException>("newAid", () => AidCeiling.Check(RegimeOn(grantDate), [], Eur(-0.01m), grantDate));
        Assert.Throws<ArgumentException>("received", () => AidCeiling.Check(RegimeOn(grantDate), [Aid(Eur(-1m), grantDate)], Eur(1m), grantDate));
    }

    [Fact]
    public void Check_WhenArgumentsAreNull_Throws()
    {
        var grantDate = new LocalDate(2025, 6, 15);

        Assert.Throws<ArgumentNullException>("regime", () => AidCeiling.Check(null!, [], Eur(1m), grantDate));
        Assert.Throws<ArgumentNullException>("received", () => AidCeiling.Check(RegimeOn(grantDate), (IEnumerable<AidReceived>)null!, Eur(1m), grantDate));
        Assert.Throws<ArgumentNullException>("received", () => AidCeiling.Check(RegimeOn(grantDate), (AidReceived[])null!, Eur(1m), grantDate));
        Assert.Throws<ArgumentNullException>("received", () => AidCeiling.Check(RegimeOn(grantDate), [null!], Eur(1m), grantDate));
    }

    [Fact]
    public void Check_WhenGivenASpan_AllocatesNothing()
    {
        var grantDate = new LocalDate(2025, 6, 15);
        var regime = RegimeOn(grantDate);
        AidReceived[] received = [Aid(Eur(1_000m), new LocalDate(2023, 1, 10)), Aid(Eur(5m), new LocalDate(2020, 1, 1))];
        var expected = AidCeiling.Check(regime, received.AsSpan(), Eur(10m), grantDate);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var again = AidCeiling.Check(regime, received.AsSpan(), Eur(10m), grantDate);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(expected, again);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Check_WhenRegimesAlternateOnOneDate_LooksBackByEachRegimesOwnPeriod()
    {
        var grantDate = new LocalDate(2024, 4, 1);
        var rolling3 = RegimeOn(grantDate);
        var rolling2 = rolling3 with { Period = rolling3.Period with { Years = 2 } };
        var calendarYears = AprilFiscalYears with { Period = AprilFiscalYears.Period with { FiscalYearStart = new AnnualDate(1, 1) } };

        var starts = new[] { rolling3, AprilFiscalYears, rolling3, rolling2, AprilFiscalYears, calendarYears, rolling3 }
            .Select(regime => AidCeiling.Check(regime, [], Eur(1m), grantDate).LookBack.Start);

        Assert.Equal(
            [new(2021, 4, 2), new(2022, 4, 1), new(2021, 4, 2), new(2022, 4, 2), new(2022, 4, 1), new(2022, 1, 1), new LocalDate(2021, 4, 2)],
            starts);
    }
}
