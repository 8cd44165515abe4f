using Ardalis.Result;
using FsCheck.Xunit;
using NodaTime;
using Pimex.Common;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>
/// The rules in force on a date, prepared once per period between change dates: the same
/// answer as composing them from every timeline on that date, for any date and any rulebook;
/// the same object for every date of one period; nothing allocated when in force.
/// </summary>
[Properties(Arbitrary = new[] { typeof(PimexArbitraries) })]
public class RulesInForceTest
{
    private static readonly Rulebook Extremadura = Rulebook.Extremadura;

    [Property]
    public bool On_AnyDate_EqualsTheRulesComposedOnThatDate(LocalDate date) => SameAnswer(Extremadura, date);

    [Property(MaxTest = 200)]
    public bool On_AnyPartnerAndDate_EqualsTheRulesComposedOnThatDate(PartnerRulebookJson partnerJson, LocalDate date)
    {
        var partner = Rulebook.Load(partnerJson.Json, Rulebook.Extremadura).Value;
        return SameAnswer(partner, date)
            && SameAnswer(partner, date.PlusYears(-20))
            && SameAnswer(partner, date.PlusYears(60));
    }

    [Property]
    public bool On_TwoDatesOfOnePeriod_GiveTheSameRules(LocalDate date)
    {
        var rules = Extremadura.On(date);
        if (!rules.IsSuccess)
        {
            return true;
        }

        var period = rules.Value;
        var last = period.NextChange is { } next ? next.PlusDays(-1) : date.PlusYears(50);
        return period.InForceFrom <= date
            && (period.NextChange is null || date < period.NextChange)
            && ReferenceEquals(rules, Extremadura.On(period.InForceFrom))
            && ReferenceEquals(rules, Extremadura.On(last));
    }

    [Fact]
    public void On_WhenAValueChanges_StartsANewPeriodThatDay()
    {
        // The de minimis regime changes on 2024-01-01 (Regulation 2023/2831).
        var before = Extremadura.On(new LocalDate(2023, 12, 31)).Value;
        var from = Extremadura.On(new LocalDate(2024, 1, 1)).Value;

        Assert.NotEqual(before.Aid.Regime, from.Aid.Regime);
        Assert.True(before.NextChange <= new LocalDate(2024, 1, 1));
        Assert.Equal(new LocalDate(2024, 1, 1), from.InForceFrom);
    }

    [Fact]
    public void On_WhenBeforeEveryValue_IsInvalidNamingEachParameterAndTheDate()
    {
        var result = Extremadura.On(new LocalDate(1990, 3, 4));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(result.ValidationErrors, e => e.Identifier == Parameters.GroupSessions.Name);
        Assert.Contains(result.ValidationErrors, e => e.Identifier == Parameters.CapPerCompany.Name);
        Assert.Equal(result.ValidationErrors.Count(), result.ValidationErrors.Select(e => e.Identifier).Distinct().Count());
        Assert.All(result.ValidationErrors, e =>
        {
            Assert.Equal(RulebookErrors.NotInForce, e.ErrorCode);
            Assert.Contains("1990-03-04", e.ErrorMessage, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void On_WhenInForce_AllocatesNothing()
    {
        var date = new LocalDate(2016, 6, 1);
        var expected = Extremadura.On(date);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var again = Extremadura.On(date);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(expected, again);
        Assert.Equal(0, allocated);
    }

    private static bool SameAnswer(Rulebook rulebook, LocalDate date)
    {
        var prepared = rulebook.On(date);
        var composed = rulebook.Compose(date);
        return prepared.Status == composed.Status
            && (prepared.IsSuccess
                ? prepared.Value.Equals(composed.Value)
                : prepared.Codes().SequenceEqual(composed.Codes())
                    && prepared.ValidationErrors.Select(e => e.Identifier + e.ErrorMessage)
                        .SequenceEqual(composed.ValidationErrors.Select(e => e.Identifier + e.ErrorMessage)));
    }
}
