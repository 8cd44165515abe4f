using NodaTime;
using Pimex.StateAid;

namespace Pimex.Tests.StateAid;

public class AidPeriodTest
{
    private static readonly AidPeriod Rolling3 = new(AidPeriodKind.RollingYears, 3, new AnnualDate(1, 1));
    private static readonly AidPeriod Calendar3 = new(AidPeriodKind.FiscalYears, 3, new AnnualDate(1, 1));
    private static readonly AidPeriod April3 = new(AidPeriodKind.FiscalYears, 3, new AnnualDate(4, 1));

    private static DateInterval Interval(string start, string end) =>
        new(NodaTime.Text.LocalDatePattern.Iso.Parse(start).Value, NodaTime.Text.LocalDatePattern.Iso.Parse(end).Value);

    private static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;

    [Theory]
    [InlineData("2024-01-01", "2021-01-02")]
    [InlineData("2025-06-15", "2022-06-16")]
    [InlineData("2024-12-31", "2022-01-01")]
    [InlineData("2024-02-29", "2021-03-01")] // leap day: three years back is 28 Feb 2021
    [InlineData("2025-02-28", "2022-03-01")]
    [InlineData("2027-02-28", "2024-02-29")] // the period can start on a leap day
    [InlineData("2027-03-01", "2024-03-02")]
    public void LookBack_WhenRolling_IsTheThreeYearsEndingOnTheGrantDate(string grant, string start)
    {
        Assert.Equal(Interval(start, grant), Rolling3.LookBack(Date(grant)));
    }

    [Theory]
    [InlineData("2023-12-31", "2021-01-01")]
    [InlineData("2023-01-01", "2021-01-01")]
    [InlineData("2022-12-31", "2020-01-01")]
    [InlineData("2020-02-29", "2018-01-01")]
    public void LookBack_WhenCalendarFiscalYears_StartsOnFirstJanuaryTwoYearsBefore(string grant, string start)
    {
        Assert.Equal(Interval(start, grant), Calendar3.LookBack(Date(grant)));
    }

    [Theory]
    [InlineData("2024-03-31", "2021-04-01")] // last day of fiscal year 2023-24
    [InlineData("2024-04-01", "2022-04-01")] // first day of fiscal year 2024-25
    [InlineData("2024-12-31", "2022-04-01")]
    [InlineData("2025-01-01", "2022-04-01")]
    [InlineData("2024-02-29", "2021-04-01")]
    public void LookBack_WhenFiscalYearStartsOnFirstApril_StartsOnTheFirstAprilOfTheFirstOfThreeFiscalYears(string grant, string start)
    {
        Assert.Equal(Interval(start, grant), April3.LookBack(Date(grant)));
    }

    [Fact]
    public void LookBack_WhenOneFiscalYear_IsTheCurrentFiscalYearToDate()
    {
        var period = new AidPeriod(AidPeriodKind.FiscalYears, 1, new AnnualDate(7, 1));

        Assert.Equal(Interval("2024-07-01", "2024-07-01"), period.LookBack(Date("2024-07-01")));
        Assert.Equal(Interval("2023-07-01", "2024-06-30"), period.LookBack(Date("2024-06-30")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void LookBack_WhenYearsIsNotPositive_Throws(int years)
    {
        var period = new AidPeriod(AidPeriodKind.RollingYears, years, new AnnualDate(1, 1));

        Assert.Throws<ArgumentException>(() => period.LookBack(Date("2024-01-01")));
    }

    [Fact]
    public void LookBack_WhenKindIsUndefined_Throws()
    {
        var period = new AidPeriod((AidPeriodKind)42, 3, new AnnualDate(1, 1));

        Assert.Throws<InvalidOperationException>(() => period.LookBack(Date("2024-01-01")));
    }
}
