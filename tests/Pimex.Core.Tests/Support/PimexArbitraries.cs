using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Tests.Support;

/// <summary>
/// The FsCheck generators of Pimex types, one section per area. Register them on a test class
/// with <c>[Properties(Arbitrary = new[] { typeof(PimexArbitraries) })]</c>: FsCheck then uses
/// every public static method here that returns an <see cref="Arbitrary{T}"/>. The public
/// <see cref="Gen{T}"/> members are building blocks for <c>Prop.ForAll</c> when a property needs
/// related values (amounts in one currency, weights).
/// </summary>
public static class PimexArbitraries
{
    // ---- Monetary ------------------------------------------------------------------------

    private static readonly Currency[] KnownCurrencies =
        [.. Currency.KnownCodes.Order(StringComparer.Ordinal).Select(Currency.FromCode)];

    /// <summary>Every currency the library knows (EUR, GBP, JPY with no minor unit, BHD with three...).</summary>
    public static Gen<Currency> CurrencyGen { get; } = Gen.Elements(KnownCurrencies);

    /// <summary>Amounts in minor units: mostly a few cents either side of zero or everyday sums, sometimes about a trillion.</summary>
    public static Gen<long> MinorUnitsGen { get; } = Gen.Frequency(
        (3, Gen.Choose(-1_000, 1_000).Select(units => (long)units)),
        (3, Gen.Choose(-100_000_000, 100_000_000).Select(units => (long)units)),
        (1, from high in Gen.Choose(-100_000, 100_000)
            from low in Gen.Choose(0, 999_999_999)
            select (high * 1_000_000_000L) + (high < 0 ? -low : low)));

    /// <summary>Weights for <see cref="Money.Allocate"/>: one to eight, none negative, at least one positive, whole or fractional.</summary>
    public static Gen<decimal[]> WeightsGen { get; } =
        Gen.Choose(1, 8)
            .SelectMany(count => Gen.ArrayOf(
                Gen.Frequency(
                    (1, Gen.Constant(0m)),
                    (3, Gen.Choose(1, 100).Select(w => (decimal)w)),
                    (2, Gen.Choose(1, 1_000_000).Select(w => w / 100m)),
                    (1, Gen.Choose(1, 9).Select(w => w / 7m))),
                count))
            .Where(weights => weights.Sum() > 0m);

    /// <summary>Amounts in one currency, rounded to its minor unit by construction.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The generator.</returns>
    public static Gen<Money> MoneyIn(Currency currency) =>
        MinorUnitsGen.Select(units => Money.FromMinorUnits(units, currency));

    /// <summary>Several amounts sharing one random currency.</summary>
    /// <param name="count">How many amounts.</param>
    /// <returns>The generator.</returns>
    public static Gen<Money[]> AmountsInOneCurrency(int count) =>
        from currency in CurrencyGen
        from amounts in Gen.ArrayOf(MoneyIn(currency), count)
        select amounts;

    /// <summary>Two amounts in two different currencies, the "no currency" <c>default</c> included.</summary>
    public static Gen<Money[]> AmountsInTwoCurrencies { get; } =
        from currencies in Gen.Shuffle(KnownCurrencies.Append(default(Currency)))
        from first in MoneyIn(currencies[0])
        from second in MoneyIn(currencies[1])
        select new[] { first, second };

    /// <summary>Currencies the library knows.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Currency> Currencies() => CurrencyGen.ToArbitrary();

    /// <summary>Amounts in any known currency, with exactly its minor-unit digits; shrinks towards zero.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Money> Amounts() =>
        Arb.From(CurrencyGen.SelectMany(MoneyIn), ShrinkMoney);

    /// <summary>Rates from 0 % to 100 % in hundredths of a percent.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Rate> Rates() =>
        Gen.Choose(0, 10_000).Select(basisPoints => Rate.FromPercent(basisPoints / 100m)).ToArbitrary();

    private static IEnumerable<Money> ShrinkMoney(Money money)
    {
        if (!money.IsZero)
        {
            yield return Money.Zero(money.Currency);
            yield return Money.FromMinorUnits(money.MinorUnits / 2, money.Currency);
        }
    }

    // ---- Time ----------------------------------------------------------------------------

    private static readonly LocalDate FirstDate = new(2000, 1, 1);

    /// <summary>Dates from 2000 to about 2040.</summary>
    public static Gen<LocalDate> DateGen { get; } = Gen.Choose(0, 40 * 366).Select(FirstDate.PlusDays);

    /// <summary>Dates from 2000 to about 2040.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LocalDate> Dates() => DateGen.ToArbitrary();

    // ---- Rulebooks -----------------------------------------------------------------------

    /// <summary>Timelines of one to six whole-number values on strictly increasing dates from 2000 on.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Timeline<int>> IntTimelines() =>
        (from count in Gen.Choose(1, 6)
         from gaps in Gen.ArrayOf(Gen.Choose(1, 3_000), count)
         from values in Gen.ArrayOf(Gen.Choose(0, 100), count)
         select Timeline.Of(values.Select((value, i) =>
             new TimelineEntry<int>(FirstDate.PlusDays(gaps.Take(i + 1).Sum()), value))))
        .ToArbitrary();
}
