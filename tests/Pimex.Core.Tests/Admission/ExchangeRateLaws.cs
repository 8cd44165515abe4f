using System.Globalization;
using FsCheck.Xunit;
using NodaTime;
using Pimex.Admission;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;
using Pimex.Tests.Support;

namespace Pimex.Tests.Admission;

/// <summary>The laws of judging figures in another currency against ceilings in euros.</summary>
public class ExchangeRateLaws
{
    private static readonly Currency Pln = Currency.FromCode("PLN");
    private static readonly SmeThresholds Thresholds = Rulebook.Extremadura.On(new LocalDate(2016, 3, 1)).Value.Sme;
    private static readonly Money[] Ceilings =
    [
        Thresholds.Micro.TurnoverAtMost, Thresholds.Micro.BalanceSheetAtMost, Thresholds.Small.TurnoverAtMost,
        Thresholds.Small.BalanceSheetAtMost, Thresholds.Medium.TurnoverAtMost, Thresholds.Medium.BalanceSheetAtMost,
    ];

    /// <summary>
    /// Converting the figures at rate r and classifying them against the ceilings in euros gives the
    /// class the figures get against the ceilings scaled by r (in zloty), except within the rounding of
    /// one minor unit around a ceiling, where the cent the conversion rounds to decides.
    /// </summary>
    [Property(MaxTest = 2_000)]
    public bool ConvertingAtARateThenComparing_IsComparingWithTheCeilingsScaledByTheRate(byte staff, ushort rateSeed, byte turnoverCeiling, byte balanceCeiling, short turnoverOffset, short balanceOffset, byte cents)
    {
        var perEuro = 1m + (rateSeed % 90_000 / 10_000m);
        var rate = new ExchangeRate(Pln, new LocalDate(2015, 12, 31), new LocalDate(2015, 12, 31), perEuro, "law");
        var turnover = Near(turnoverCeiling, turnoverOffset, cents, perEuro);
        var balance = Near(balanceCeiling, balanceOffset, cents, perEuro);
        if (Ceilings.Any(c => Math.Abs(turnover.Amount - (c.Amount * perEuro)) < 0.01m * perEuro || Math.Abs(balance.Amount - (c.Amount * perEuro)) < 0.01m * perEuro))
        {
            return true; // within a cent's rounding of a ceiling: the law does not speak
        }

        var scaled = Thresholds with
        {
            Micro = Scale(Thresholds.Micro, perEuro),
            Small = Scale(Thresholds.Small, perEuro),
            Medium = Scale(Thresholds.Medium, perEuro),
        };

        return SmeTest.Classify(staff, rate.ToEuros(turnover), rate.ToEuros(balance), Thresholds)
            == SmeTest.Classify(staff, turnover, balance, scaled);
    }

    /// <summary>A programme in euros converts nothing: whatever rate table it carries, admission decides the same.</summary>
    [Property(MaxTest = 200)]
    public bool AProgrammeInEuros_IsUnchangedByAnyRateTable(ushort rateSeed, byte day, uint turnover, uint aid, bool gbpToo)
    {
        var rates = ExchangeRates.Parse(
            "{ \"PLN\": [ { \"date\": \"" + new LocalDate(2016, 1, 1).PlusDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            + "\", \"perEuro\": " + (0.5m + (rateSeed / 1000m)).ToString(CultureInfo.InvariantCulture) + ", \"source\": \"any\" } ]"
            + (gbpToo ? ", \"GBP\": [ { \"month\": \"2016-03\", \"perEuro\": 0.79, \"source\": \"any\" } ]" : string.Empty) + " }").Value;
        var plain = Rulebook.Extremadura;
        var withRates = plain.WithExchangeRates(rates);
        var application = Scenario.Application("B1", turnoverEur: turnover % 60_000_000, declaredAid: new AidReceived(Scenario.Eur(aid % 400_000), new LocalDate(2015, 6, 1), "Junta"));

        var without = Evaluate(plain, application);
        var with = Evaluate(withRates, application);

        return without == with && with.Conversions.Count == 0 && with.MissingRates.Count == 0
            && AdmissionEligibility.ExplainSme(with, application, withRates.On(new LocalDate(2016, 1, 15)).Value) == AdmissionEligibility.ExplainSme(without, application, plain.On(new LocalDate(2016, 1, 15)).Value);
    }

    private static AdmissionCheck Evaluate(Rulebook rulebook, global::Pimex.Editions.CompanyApplication application)
    {
        var decided = new LocalDate(2016, 3, 1);
        var annuity = rulebook.Annuity(2016).Value;
        return AdmissionEligibility.Evaluate(application, new LocalDate(2016, 2, 1), decided, rulebook.On(new LocalDate(2016, 1, 15)).Value, rulebook.On(decided).Value.Aid.Regime, annuity, 0, annuity.Budget.Actions);
    }

    /// <summary>An amount in zloty near one ceiling at the rate (or anywhere up to EUR 60 m when the seed picks none).</summary>
    private static Money Near(byte ceiling, short offset, byte cents, decimal perEuro)
    {
        var index = ceiling % (Ceilings.Length + 1);
        var centre = index < Ceilings.Length ? Ceilings[index].Amount * perEuro : Math.Abs(offset) * 1_000m * perEuro;
        return Money.Of(Math.Max(0m, centre + offset + (cents % 100 / 100m)), Pln);
    }

    private static SizeClassLimits Scale(SizeClassLimits limits, decimal perEuro) =>
        limits with
        {
            TurnoverAtMost = Money.Of(limits.TurnoverAtMost.Amount * perEuro, Pln),
            BalanceSheetAtMost = Money.Of(limits.BalanceSheetAtMost.Amount * perEuro, Pln),
        };
}
