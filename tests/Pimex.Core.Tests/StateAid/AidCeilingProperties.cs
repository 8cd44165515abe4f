using FsCheck.Xunit;
using Pimex.Monetary;
using Pimex.StateAid;
using Pimex.Tests.Admission;

namespace Pimex.Tests.StateAid;

[Properties(Arbitrary = new[] { typeof(AdmissionArbitraries) })]
public class AidCeilingProperties
{
    private static Money SumWithin(AidScenario scenario, IEnumerable<AidReceived> received)
    {
        // The reference model: the look-back's dates, enumerated one by one.
        var lookBack = scenario.Regime.Period.LookBack(scenario.GrantDate);
        var dates = new HashSet<NodaTime.LocalDate>(lookBack);
        var sum = Money.Zero(scenario.Regime.Ceiling.Currency);
        foreach (var aid in received)
        {
            if (dates.Contains(aid.GrantedOn))
            {
                sum += aid.Amount;
            }
        }

        return sum;
    }

    [Property]
    public bool CeilingCheckAgreesWithSum(AidScenario scenario)
    {
        var check = AidCeiling.Check(scenario.Regime, scenario.Received, scenario.NewAid, scenario.GrantDate);
        var counted = SumWithin(scenario, scenario.Received);
        var ceiling = scenario.Regime.Ceiling;

        return check.AlreadyCounted == counted
            && check.IsWithinCeiling == (counted + scenario.NewAid <= ceiling)
            && check.Headroom == Money.Max(ceiling - counted, Money.Zero(ceiling.Currency))
            && check.NewAid == scenario.NewAid
            && check.Regime == scenario.Regime;
    }

    [Property]
    public bool AidOutsideTheLookBackNeverCounts(AidScenario scenario)
    {
        var without = AidCeiling.Check(scenario.Regime, scenario.Received, scenario.NewAid, scenario.GrantDate);
        var with = AidCeiling.Check(scenario.Regime, [.. scenario.Received, .. scenario.OutsideLookBack], scenario.NewAid, scenario.GrantDate);

        return with == without && SumWithin(scenario, scenario.OutsideLookBack).IsZero;
    }

    [Property]
    public bool TheLookBackEndsOnTheGrantDateAndStartsAtMostTheRegimesYearsBefore(AidScenario scenario)
    {
        var period = scenario.Regime.Period;
        var lookBack = period.LookBack(scenario.GrantDate);
        var earliestStart = scenario.GrantDate.PlusYears(-period.Years).PlusDays(1);

        return lookBack.End == scenario.GrantDate
            && (period.Kind == AidPeriodKind.RollingYears
                ? lookBack.Start == earliestStart
                : lookBack.Start >= earliestStart && lookBack.Start.PlusYears(-1) < earliestStart
                    && lookBack.Start.Month == period.FiscalYearStart.Month && lookBack.Start.Day == period.FiscalYearStart.Day);
    }

    [Property]
    public bool WithinTheCeilingExactlyWhenTheNewAidFitsTheHeadroom(AidScenario scenario)
    {
        var check = AidCeiling.Check(scenario.Regime, scenario.Received, scenario.NewAid, scenario.GrantDate);
        bool alreadyOver = check.AlreadyCounted > scenario.Regime.Ceiling;

        return check.IsWithinCeiling == (!alreadyOver && scenario.NewAid <= check.Headroom);
    }

    [Property]
    public bool TheOrderOfTheAidReceivedDoesNotMatter(AidScenario scenario)
    {
        var forwards = AidCeiling.Check(scenario.Regime, scenario.Received, scenario.NewAid, scenario.GrantDate);
        var backwards = AidCeiling.Check(scenario.Regime, scenario.Received.Reverse(), scenario.NewAid, scenario.GrantDate);

        return forwards == backwards;
    }
}
