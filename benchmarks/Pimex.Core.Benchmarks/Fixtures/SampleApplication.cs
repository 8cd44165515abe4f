using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.StateAid;

namespace Pimex.Benchmarks.Fixtures;

/// <summary>
/// The application of the admission benchmarks: a company of Extremadura (ES43) with a linked
/// (60 %), a partner (30 %) and an autonomous (10 %) enterprise and three declared de minimis aids
/// (one before the look-back). Consolidated: 42 staff, EUR 5.3 m turnover: a small enterprise.
/// Built without touching the rulebook, so that a cold-start setup may use it.
/// </summary>
internal static class SampleApplication
{
    /// <summary>The application.</summary>
    public static readonly CompanyApplication Value = new(
        new CompanyId("B06000001"),
        "ES43",
        new CompanyProfile(
            new EnterpriseFigures(18m, Eur.Of(2_400_000m), Eur.Of(1_900_000m)),
            new EquatableArray<RelatedEnterprise>(
            [
                new RelatedEnterprise("Holding Vegas Altas SL", Rate.FromPercent(60m), new EnterpriseFigures(12m, Eur.Of(1_100_000m), Eur.Of(800_000m))),
                new RelatedEnterprise("Transportes del Guadiana SA", Rate.FromPercent(30m), new EnterpriseFigures(40m, Eur.Of(6_000_000.05m), Eur.Of(5_000_000m))),
                new RelatedEnterprise("Cooperativa Tierra de Barros", Rate.FromPercent(10m), new EnterpriseFigures(100m, Eur.Of(20_000_000m), Eur.Of(15_000_000m))),
            ])),
        new EquatableArray<AidReceived>(
        [
            new AidReceived(Eur.Of(40_000m), new LocalDate(2014, 5, 10), "Junta de Extremadura"),
            new AidReceived(Eur.Of(25_000m), new LocalDate(2015, 11, 2), "ICEX"),
            new AidReceived(Eur.Of(100_000m), new LocalDate(2012, 7, 1), "Diputación de Badajoz"),
        ]));
}
