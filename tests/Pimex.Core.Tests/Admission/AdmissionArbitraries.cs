using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Tests.Admission;

/// <summary>A related enterprise whose share is below the partner threshold.</summary>
public sealed record AutonomousEnterprise(RelatedEnterprise Enterprise);

/// <summary>An investor of annex art. 3(2) that is not linked: from 25 % to 50 %, no control, within its limits.</summary>
public sealed record ExemptInvestor(RelatedEnterprise Investor);

/// <summary>An enterprise linked to the applicant, by a majority or by other control, with its own related enterprises.</summary>
public sealed record LinkedEnterprise(RelatedEnterprise Enterprise);

/// <summary>A profile whose reference period is settled: the class its figures give is the class assessed.</summary>
public sealed record SettledHistory(CompanyProfile Profile);

/// <summary>A non-negative number of annual work units to add.</summary>
public sealed record ExtraStaff(decimal Value);

/// <summary>
/// A de minimis check to make: a regime, a grant date, aid received (some inside the look-back,
/// some outside, some on its edges), further aid certainly outside the look-back, and new aid
/// (often exactly the headroom, or one minor unit more).
/// </summary>
public sealed record AidScenario(AidRegime Regime, LocalDate GrantDate, AidReceived[] Received, AidReceived[] OutsideLookBack, Money NewAid)
{
    public override string ToString() =>
        $"{Regime} on {Iso(GrantDate)}; received [{Describe(Received)}]; outside [{Describe(OutsideLookBack)}]; new {NewAid}";

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Describe(AidReceived[] aid) => string.Join(", ", aid.Select(a => $"{a.Amount} on {Iso(a.GrantedOn)}"));
}

/// <summary>
/// FsCheck generators for the SME test and the de minimis ceiling. Values cluster on the
/// boundaries that matter (the rulebook's limits, one cent either side, the 25 % and 50 %
/// shares, the edges of the look-back) and spread over the whole range otherwise.
/// </summary>
public static class AdmissionArbitraries
{
    /// <summary>The thresholds the generators aim at: the Extremadura rulebook's.</summary>
    public static SmeThresholds Sme { get; } = Rulebook.Extremadura.On(new LocalDate(2016, 3, 1)).Value.Sme;

    /// <summary>Regimes that are not in the rulebook: a fiscal year from 1 April, and a UK-style allowance in GBP.</summary>
    public static IReadOnlyList<AidRegime> OtherRegimes { get; } =
    [
        new AidRegime("EU 1407/2013, fiscal year from April", Money.Of(200_000m, Currency.EUR), new AidPeriod(AidPeriodKind.FiscalYears, 3, new AnnualDate(4, 1))),
        new AidRegime("UK MFA", Money.Of(315_000m, Currency.GBP), new AidPeriod(AidPeriodKind.FiscalYears, 3, new AnnualDate(4, 1))),
        new AidRegime("Rolling 2 years", Money.Of(100_000m, Currency.EUR), new AidPeriod(AidPeriodKind.RollingYears, 2, new AnnualDate(1, 1))),
    ];

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

    /// <summary>An exempt investor of any kind of art. 3(2), holding from the partner threshold to the linked one.</summary>
    public static Arbitrary<ExemptInvestor> ExemptInvestor()
    {
        int low = (int)(Sme.PartnerShareFrom.Percent * 100m);
        int high = (int)(Sme.LinkedShareAbove.Percent * 100m);
        RelatedPartyKind[] kinds =
        [
            RelatedPartyKind.PublicInvestmentCorporation, RelatedPartyKind.VentureCapitalCompany, RelatedPartyKind.BusinessAngel,
            RelatedPartyKind.University, RelatedPartyKind.NonProfitResearchCentre, RelatedPartyKind.InstitutionalInvestor,
            RelatedPartyKind.RegionalDevelopmentFund, RelatedPartyKind.AutonomousLocalAuthority,
        ];
        return (
            from kind in Gen.Elements(kinds)
            from hundredths in Gen.Frequency((1, Gen.Elements(low, high)), (3, Gen.Choose(low, high)))
            from figures in FiguresGen
            from count in Gen.Choose(0, 2)
            from children in RelatedGen.ArrayOf(count)
            select new ExemptInvestor(new RelatedEnterprise("Exempt investor", Rate.FromPercent(hundredths / 100m), figures)
            {
                Kind = kind,
                Direction = HoldingDirection.Upstream,
                BusinessAngelInvestment = Sme.BusinessAngelInvestmentBelow - Cent,
                AnnualBudget = Sme.LocalAuthorityBudgetBelow - Cent,
                Inhabitants = Sme.LocalAuthorityInhabitantsBelow - 1,
                Related = new EquatableArray<RelatedEnterprise>(children.Select((c, i) => c with { Name = $"Held {i + 1}" })),
            }))
            .ToArbitrary();
    }

    /// <summary>A linked enterprise: above the linked threshold or controlling by other means, with up to two related enterprises of its own.</summary>
    public static Arbitrary<LinkedEnterprise> LinkedEnterprise()
    {
        int above = (int)(Sme.LinkedShareAbove.Percent * 100m) + 1;
        return (
            from byControl in Gen.Elements(false, true)
            from hundredths in byControl ? Gen.Choose(0, 10_000) : Gen.Frequency((1, Gen.Constant(above)), (3, Gen.Choose(above, 10_000)))
            from control in byControl ? Gen.Elements(ControlMeans.BoardMajority, ControlMeans.DominantInfluence, ControlMeans.VotingAgreement) : Gen.Constant(ControlMeans.None)
            from figures in FiguresGen
            from count in Gen.Choose(0, 2)
            from children in RelatedGen.ArrayOf(count)
            select new LinkedEnterprise(new RelatedEnterprise("Linked enterprise", Rate.FromPercent(hundredths / 100m), figures)
            {
                Control = control,
                Related = new EquatableArray<RelatedEnterprise>(children.Select((c, i) => c with { Name = $"Its related {i + 1}" })),
            }))
            .ToArbitrary();
    }

    /// <summary>A history of one to three periods (with related enterprises) whose last period's figures give the class assessed.</summary>
    public static Arbitrary<SettledHistory> SettledHistory()
    {
        var period =
            from own in FiguresGen
            from count in Gen.Choose(0, 2)
            from related in RelatedGen.ArrayOf(count)
            select new CompanyProfile(own, new EquatableArray<RelatedEnterprise>(related.Select((r, i) => r with { Name = $"Enterprise {i + 1}" })));
        return (
            from count in Gen.Choose(1, 3)
            from periods in period.ArrayOf(count)
            let history = periods[^1] with { Earlier = new EquatableArray<CompanyProfile>(periods[..^1].Reverse()) }
            let assessed = SmeTest.Assess(history, Sme)
            where assessed.Periods[^1].FiguresClass == assessed.SizeClass
            select new SettledHistory(history))
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

    /// <summary>A de minimis check under the rulebook's regime of the grant date, or another regime.</summary>
    public static Arbitrary<AidScenario> AidScenario() => (
        from grantDate in GrantDateGen()
        from regime in Gen.Frequency(
            (3, Gen.Constant(Rulebook.Extremadura.On(grantDate).Value.Aid.Regime)),
            (2, Gen.Elements<AidRegime>(OtherRegimes)))
        let lookBack = regime.Period.LookBack(grantDate)
        let currency = regime.Ceiling.Currency
        let maxCents = (int)(regime.Ceiling.MinorUnits / 3)
        from received in AidGen(currency, maxCents, ReceivedDateGen(lookBack)).ArrayOf()
        from outside in AidGen(currency, maxCents, OutsideDateGen(lookBack)).ArrayOf()
        let counted = received.Where(a => lookBack.Contains(a.GrantedOn)).Aggregate(Money.Zero(currency), (sum, a) => sum + a.Amount)
        let headroom = Money.Max(regime.Ceiling - counted, Money.Zero(currency))
        from newAid in Gen.Frequency(
            (2, Gen.Constant(headroom)),
            (2, Gen.Constant(headroom + Money.FromMinorUnits(1, currency))),
            (1, Gen.Constant(Money.Zero(currency))),
            (4, Gen.Choose(0, maxCents).Select(c => Money.FromMinorUnits(c, currency))))
        select new AidScenario(regime, grantDate, received, outside, newAid))
        .ToArbitrary();

    private static Gen<LocalDate> GrantDateGen()
    {
        var from = new LocalDate(2015, 1, 1);
        int days = Period.Between(from, new LocalDate(2031, 1, 1), PeriodUnits.Days).Days;
        return Gen.Frequency(
            (1, Gen.Elements(
                new LocalDate(2023, 12, 31),
                new LocalDate(2024, 1, 1),
                new LocalDate(2024, 2, 29),
                new LocalDate(2027, 2, 28),
                new LocalDate(2027, 3, 1),
                new LocalDate(2024, 3, 31),
                new LocalDate(2024, 4, 1))),
            (4, Gen.Choose(0, days).Select(d => from.PlusDays(d))));
    }

    private static Gen<LocalDate> ReceivedDateGen(DateInterval lookBack) => Gen.Frequency(
        (1, Gen.Elements(lookBack.Start.PlusDays(-1), lookBack.Start, lookBack.End, lookBack.End.PlusDays(1))),
        (3, Gen.Choose(-400, lookBack.Length + 30).Select(d => lookBack.Start.PlusDays(d))));

    private static Gen<LocalDate> OutsideDateGen(DateInterval lookBack) => Gen.OneOf(
        Gen.Choose(1, 2_000).Select(d => lookBack.Start.PlusDays(-d)),
        Gen.Choose(1, 400).Select(d => lookBack.End.PlusDays(d)));

    private static Gen<AidReceived> AidGen(Currency currency, int maxCents, Gen<LocalDate> dates) =>
        from cents in Gen.Choose(0, maxCents)
        from grantedOn in dates
        from body in Gen.Elements("Junta de Extremadura", "Extremadura Avante", "Municipality", "Innovate UK")
        select new AidReceived(Money.FromMinorUnits(cents, currency), grantedOn, body);

    private static decimal[] BoundaryStaff() =>
    [
        .. new[] { Sme.Micro, Sme.Small, Sme.Medium }.SelectMany(l => new[] { l.StaffBelow - 1m, l.StaffBelow - 0.01m, l.StaffBelow, l.StaffBelow + 0.01m }),
    ];

    private static Money[] BoundaryAmounts(Func<SizeClassLimits, Money> limit) =>
    [
        .. new[] { Sme.Micro, Sme.Small, Sme.Medium }.SelectMany(l => new[] { limit(l) - Cent, limit(l), limit(l) + Cent }),
    ];
}
