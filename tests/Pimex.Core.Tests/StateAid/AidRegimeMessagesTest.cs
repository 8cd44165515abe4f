using NodaTime;
using Pimex.Monetary;
using Pimex.StateAid;

namespace Pimex.Tests.StateAid;

/// <summary>What the regime and the ceiling check say when they are given unusable input, and how a period reads.</summary>
public class AidRegimeMessagesTest
{
    private static readonly LocalDate GrantDate = new(2024, 6, 1);

    private static readonly AidRegime Regime =
        new("EU 2023/2831", Money.Of(300_000m, Currency.EUR), new AidPeriod(AidPeriodKind.RollingYears, 3, new AnnualDate(1, 1)));

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    [Fact]
    public void Check_WhenTheNewAidIsInAnotherCurrency_SaysBothCurrencies()
    {
        var ex = Assert.Throws<ArgumentException>(() => AidCeiling.Check(Regime, Array.Empty<AidReceived>(), Money.Of(10m, Currency.GBP), GrantDate));

        Assert.Equal("newAid", ex.ParamName);
        Assert.Contains("The new aid is in GBP; the EU 2023/2831 ceiling is in EUR.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenTheNewAidIsNegative_SaysSoWithTheAmount()
    {
        var ex = Assert.Throws<ArgumentException>(() => AidCeiling.Check(Regime, Array.Empty<AidReceived>(), Eur(-10m), GrantDate));

        Assert.Equal("newAid", ex.ParamName);
        Assert.Contains("must not be negative (was EUR -10.00)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenAReceivedAidIsInAnotherCurrency_NamesItsDateBodyAndCurrency()
    {
        AidReceived[] received = [new(Money.Of(10m, Currency.GBP), new LocalDate(2023, 2, 3), "Innovate UK")];

        var ex = Assert.Throws<ArgumentException>(() => AidCeiling.Check(Regime, received, Eur(10m), GrantDate));

        Assert.Equal("received", ex.ParamName);
        Assert.Contains("Aid granted on 2023-02-03 by Innovate UK is in GBP; the EU 2023/2831 ceiling is in EUR.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenAReceivedAidIsNegative_NamesItsDateBodyAndAmount()
    {
        AidReceived[] received = [new(Eur(-10m), new LocalDate(2023, 2, 3), "Junta de Extremadura")];

        var ex = Assert.Throws<ArgumentException>(() => AidCeiling.Check(Regime, received, Eur(10m), GrantDate));

        Assert.Equal("received", ex.ParamName);
        Assert.Contains("Aid granted on 2023-02-03 by Junta de Extremadura is negative (EUR -10.00)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenTheRegimeHasNoPeriod_ThrowsNamingTheRegime()
    {
        var noPeriod = Regime with { Period = null! };

        var ex = Assert.Throws<ArgumentNullException>(() => AidCeiling.Check(noPeriod, Array.Empty<AidReceived>(), Eur(10m), GrantDate));

        Assert.Equal("regime", ex.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void LookBack_WhenThePeriodIsNotAtLeastOneYear_ThrowsSayingHowLong(int years)
    {
        var period = new AidPeriod(AidPeriodKind.RollingYears, years, new AnnualDate(1, 1));

        var ex = Assert.Throws<ArgumentException>(() => period.LookBack(GrantDate));

        Assert.Equal("grantDate", ex.ParamName);
        Assert.Contains("at least one year, not " + years.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LookBack_WhenOneRollingYear_StartsTheDayAfterAYearBefore()
    {
        var period = new AidPeriod(AidPeriodKind.RollingYears, 1, new AnnualDate(1, 1));

        Assert.Equal(new DateInterval(new LocalDate(2023, 6, 2), GrantDate), period.LookBack(GrantDate));
    }

    [Fact]
    public void LookBack_WhenTheKindIsUndefined_ThrowsNamingTheKind()
    {
        var period = new AidPeriod((AidPeriodKind)9, 3, new AnnualDate(1, 1));

        var ex = Assert.Throws<InvalidOperationException>(() => period.LookBack(GrantDate));

        Assert.Contains("kind 9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WhenRollingYears_ReadsAsRollingYears()
    {
        Assert.Equal("rolling 3 years", new AidPeriod(AidPeriodKind.RollingYears, 3, new AnnualDate(1, 1)).ToString());
    }

    [Fact]
    public void ToString_WhenFiscalYears_ReadsAsFiscalYearsFromTheirStart()
    {
        Assert.Equal("3 fiscal years from 04-01", new AidPeriod(AidPeriodKind.FiscalYears, 3, new AnnualDate(4, 1)).ToString());
    }
}
