using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Tests.Admission;

/// <summary>A related enterprise whose share is below the partner threshold.</summary>
public sealed record AutonomousEnterprise(RelatedEnterprise Enterprise);

/// <summary>A non-negative number of annual work units to add.</summary>
public sealed record ExtraStaff(decimal Value);

/// <summary>
/// FsCheck generators for the SME test. Values cluster on the
/// boundaries that matter (the rulebook's limits, one cent either side, the 25 % and 50 %
/// shares) and spread over the whole range otherwise.
/// </summary>
public static class AdmissionArbitraries
{
    /// <summary>The thresholds the generators aim at: the Extremadura rulebook's.</summary>
    public static SmeThresholds Sme { get; } = Rulebook.Extremadura.On(new LocalDate(2016, 3, 1)).Value.Sme;

    private static readonly Money Cent = Money.Of(0.01m, Currency.EUR);

    private static Gen<decimal> StaffGen { get; } = Gen.Frequency(
        (2, Gen.Elements(BoundaryStaff())),
        (3, Gen.Choose(0, 40_000).Select(hundredths => hundredths / 100m)),
        (1, Gen.Choose(0, 20).Select(whole => (decimal)whole)));

    private static Gen<Money> AmountGen(Func<SizeClassLimits, Money> limit) => Gen.Frequency(
        (2, Gen.Elements(BoundaryAmounts(limit))),
        (3, Gen.Choose(0, 60_000_000).Zip(Gen.Choose(0, 99), (euros, cents) => Money.Of(euros + (cents / 100m), Currency.EUR))),
        (1, Gen.Choose(0, 3_000_000).Select(euros => Money.Of(euros, Currency.EUR))));

    private static Gen<Rate> ShareGen { get; } = Gen.Frequency(
        (2, Gen.Elements(0m, 24.99m, 25m, 25.01m, 49.99m, 50m, 50.01m, 100m).Select(Rate.FromPercent)),
        (3, Gen.Choose(0, 10_000).Select(hundredths => Rate.FromPercent(hundredths / 100m))));

    private static Gen<EnterpriseFigures> FiguresGen { get; } =
        from staff in StaffGen
        from turnover in AmountGen(l => l.TurnoverAtMost)
        from balanceSheet in AmountGen(l => l.BalanceSheetAtMost)
        select new EnterpriseFigures(staff, turnover, balanceSheet);

    private static Gen<RelatedEnterprise> RelatedGen { get; } =
        from share in ShareGen
        from figures in FiguresGen
        select new RelatedEnterprise("Related", share, figures);

    /// <summary>Figures of one enterprise, in EUR, near and away from the limits.</summary>
    public static Arbitrary<EnterpriseFigures> EnterpriseFigures() => FiguresGen.ToArbitrary();

    /// <summary>A related enterprise with any share from 0 % to 100 %.</summary>
    public static Arbitrary<RelatedEnterprise> RelatedEnterprise() => RelatedGen.ToArbitrary();

    /// <summary>A valid profile with zero to four related enterprises, uniquely named.</summary>
    public static Arbitrary<CompanyProfile> CompanyProfile() => (
        from own in FiguresGen
        from count in Gen.Choose(0, 4)
        from related in RelatedGen.ArrayOf(count)
        select new CompanyProfile(own, new EquatableArray<RelatedEnterprise>(related.Select((r, i) => r with { Name = $"Enterprise {i + 1}" }))))
        .ToArbitrary();

    /// <summary>A related enterprise below the partner threshold, with any figures.</summary>
    public static Arbitrary<AutonomousEnterprise> AutonomousEnterprise()
    {
        int below = (int)(Sme.PartnerShareFrom.Percent * 100m) - 1;
        return (
            from hundredths in Gen.Frequency((1, Gen.Constant(below)), (3, Gen.Choose(0, below)))
            from figures in FiguresGen
            select new AutonomousEnterprise(new RelatedEnterprise("Autonomous", Rate.FromPercent(hundredths / 100m), figures)))
            .ToArbitrary();
    }

    /// <summary>Staff to add: zero, a fraction, or enough to cross every limit.</summary>
    public static Arbitrary<ExtraStaff> ExtraStaff() =>
        Gen.Frequency(
            (1, Gen.Constant(0m)),
            (1, Gen.Elements(0.01m, 1m)),
            (3, Gen.Choose(0, 30_000).Select(hundredths => hundredths / 100m)))
        .Select(value => new ExtraStaff(value))
        .ToArbitrary();

    private static decimal[] BoundaryStaff() =>
    [
        .. new[] { Sme.Micro, Sme.Small, Sme.Medium }.SelectMany(l => new[] { l.StaffBelow - 1m, l.StaffBelow - 0.01m, l.StaffBelow, l.StaffBelow + 0.01m }),
    ];

    private static Money[] BoundaryAmounts(Func<SizeClassLimits, Money> limit) =>
    [
        .. new[] { Sme.Micro, Sme.Small, Sme.Medium }.SelectMany(l => new[] { limit(l) - Cent, limit(l), limit(l) + Cent }),
    ];
}
