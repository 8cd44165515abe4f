using System.Collections.Immutable;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;
using Pimex.Common;
using Pimex.Evaluation;
using Pimex.Funding;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;

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

    /// <summary>
    /// Partner rulebooks over Extremadura: a random set of parameters overridden with random
    /// valid timelines (one to three entries, with or without source and default flag),
    /// sometimes another time zone, sometimes an annuity of their own (a new year or 2016
    /// restated). Every one of them loads.
    /// </summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PartnerRulebookJson> PartnerRulebooks() => PartnerRulebookGen.ToArbitrary();

    /// <summary>The generator behind <see cref="PartnerRulebooks"/>.</summary>
    public static Gen<PartnerRulebookJson> PartnerRulebookGen =>
        from parameters in Gen.SubListOf(Parameters.All.ToArray())
        from timelines in Gen.CollectToArray<ParameterDefinition, JsonArray>(parameters, TimelineJsonGen)
        from zone in Gen.Elements<string?>(null, "Europe/Ljubljana", "Europe/London", "Europe/Madrid")
        from illustrative in Gen.Elements(false, true)
        from year in Gen.Elements(2016, 2017, 2026)
        from annuity in Gen.Frequency((1, Gen.Constant<JsonObject?>(null)), (2, AnnuityJsonGen(year).Select(a => (JsonObject?)a)))
        select BuildPartner(parameters, timelines, zone, illustrative, annuity is null ? null : (year, annuity));

    /// <summary>
    /// Extremadura's JSON after one to three random edits: a node removed, replaced by a value
    /// of another type or an awkward value (negative or foreign money, impossible dates, empty
    /// strings), or a field renamed. Most fail to load; some still load.
    /// </summary>
    public static Gen<string> MangledRulebookJsonGen =>
        from count in Gen.Choose(1, 3)
        from edits in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, AwkwardValues.Length + 1)), count)
        select Mangle(edits);

    private static readonly string[] Words = ["ES43", "SI032", "UKG3", "management", "commercialDirector", "owner"];

    private static readonly string[] Sources = ["Partner board decision", "Ley 1/2020, art. 3 «ayudas»", "Odlok \"Podravje\" 2025"];

    private static readonly Func<JsonNode?>[] AwkwardValues =
    [
        () => null, () => "", () => "EUR -1.00", () => "GBP 5000.00", () => "2016-02-30", () => "101%", () => "XYZ",
        () => -1, () => 0, () => 3.5, () => 1e30, () => true, () => new JsonObject(), () => new JsonArray(),
        () => new JsonObject { ["unexpected"] = 1 },
    ];

    private static Gen<JsonNode> MoneyTextGen(int maxUnits) =>
        Gen.Choose(0, maxUnits).Select(units => (JsonNode)Money.FromMinorUnits(units, Currency.EUR).ToString());

    private static Gen<JsonNode> PercentTextGen =>
        Gen.Choose(0, 10_000).Select(basisPoints => (JsonNode)Rate.FromPercent(basisPoints / 100m).ToString());

    private static Gen<JsonNode> ValueJsonGen(ParameterDefinition parameter) => parameter switch
    {
        // The scale's two ends are drawn apart so that any mix with Extremadura's 0 to 10 holds.
        _ when parameter == Parameters.SurveyScaleMin => Gen.Choose(0, 9).Select(v => (JsonNode)v),
        _ when parameter == Parameters.SurveyScaleMax => Gen.Choose(11, 100).Select(v => (JsonNode)v),
        ParameterDefinition<int> => Gen.Choose(0, 1_000).Select(v => (JsonNode)v),
        ParameterDefinition<bool> => Gen.Elements(false, true).Select(v => (JsonNode)v),
        ParameterDefinition<Money> => MoneyTextGen(1_000_000_000),
        ParameterDefinition<Rate> => PercentTextGen,
        ParameterDefinition<TutorialVenue> => Gen.Elements("companyPremises", "any").Select(v => (JsonNode)v),
        ParameterDefinition<InKindValuation> => Gen.Elements("none", "budgetShare").Select(v => (JsonNode)v),
        _ when parameter == Parameters.Regions => Gen.SubListOf(["ES43", "SI032", "UKG3", "PL51", "PT"]).Select(codes => (JsonNode)new JsonArray([.. codes.Select(c => (JsonNode)c)])),
        _ when parameter == Parameters.NutsVersion => Gen.Elements("NUTS 2016", "NUTS 2021", "NUTS 2024").Select(v => (JsonNode)JsonValue.Create(v)),
        ParameterDefinition<FiguresRateDate> => Gen.Elements("periodEnd").Select(v => (JsonNode)v),
        ParameterDefinition<AidRateDate> => Gen.Elements("grantDate").Select(v => (JsonNode)v),
        ParameterDefinition<ExpenditureRateMonth> => Gen.Elements("recordedMonth").Select(v => (JsonNode)v),
        ParameterDefinition<EquatableArray<string>> => Gen.SubListOf(Words).Select(words => (JsonNode)new JsonArray([.. words.Select(w => (JsonNode)w)])),
        ParameterDefinition<EquatableArray<ExpenseCategory>> =>
            from codes in Gen.SubListOf(["tradeFair", "tradeMission", "distributionNetwork", "overheads"])
            from flags in Gen.ArrayOf(Gen.Zip(Gen.Elements(false, true), Gen.Elements(false, true)), codes.Count)
            select (JsonNode)new JsonArray([.. codes.Select((code, i) => (JsonNode)new JsonObject
            {
                ["code"] = code,
                ["name"] = "Category " + code,
                ["eligible"] = flags[i].Item1,
                ["exportAid"] = flags[i].Item2,
            })]),
        ParameterDefinition<AidRegime> =>
            from ceiling in MoneyTextGen(100_000_000)
            from kind in Gen.Elements("rollingYears", "fiscalYears")
            from years in Gen.Choose(1, 5)
            from start in DateGen
            from reference in Gen.Elements<string?>(null, "Regulation (EU) 2023/2831, art. 3(2)")
            select (JsonNode)WithoutNulls(new JsonObject
            {
                ["name"] = "Regime " + years,
                ["ceiling"] = ceiling,
                ["period"] = new JsonObject { ["kind"] = kind, ["years"] = years, ["fiscalYearStart"] = AnnualDatePattern.Iso.Format(new AnnualDate(start.Month, Math.Min(start.Day, 28))) },
                ["reference"] = reference,
            }),
        ParameterDefinition<EquatableArray<FundShare>> =>
            Gen.Choose(0, 100).Select(eu => (JsonNode)(eu == 100
                ? new JsonArray(new JsonObject { ["fund"] = "ERDF", ["rate"] = "100%" })
                : new JsonArray(new JsonObject { ["fund"] = "ERDF", ["rate"] = eu + "%" }, new JsonObject { ["fund"] = "Regional", ["rate"] = (100 - eu) + "%" }))),
        ParameterDefinition<string> =>
            Gen.Elements("en", "es", "sl").Select(code => (JsonNode)JsonValue.Create(code)),
        ParameterDefinition<EquatableArray<ReportLabel>> =>
            from codes in Gen.SubListOf(["promotionSupport", "tradeFair", "training"])
            from languages in Gen.NonEmptyListOf(Gen.Elements("en", "es", "sl"))
            select (JsonNode)new JsonObject([.. codes.Select(code => KeyValuePair.Create(code, (JsonNode?)new JsonObject([.. languages.Distinct().Select(l => KeyValuePair.Create(l, (JsonNode?)JsonValue.Create($"{code} ({l})")))])))]),
        ParameterDefinition<IndicatorSet> =>
            from recent in Gen.Elements(false, true)
            from reference in Gen.Elements<string?>(null, "Regulation (EU) 2021/1058, Annex I")
            select (JsonNode)WithoutNulls(new JsonObject
            {
                ["period"] = recent ? "2021-2027" : "2014-2020",
                ["reference"] = reference,
                ["indicators"] = recent ? new JsonArray("RCO01", "RCO02", "RCO04") : new JsonArray("CO01", "CO02", "CO04"),
            }),
        _ => throw new NotSupportedException($"PimexArbitraries has no generator for the values of '{parameter.Name}': add one."),
    };

    private static Gen<JsonArray> TimelineJsonGen(ParameterDefinition parameter) =>
        from count in Gen.Choose(1, 3)
        from gaps in Gen.ArrayOf(Gen.Choose(1, 4_000), count)
        from values in Gen.ArrayOf(ValueJsonGen(parameter), count)
        from sources in Gen.ArrayOf(Gen.Elements<string?>([null, .. Sources]), count)
        from defaults in Gen.ArrayOf(Gen.Elements(false, true), count)
        select new JsonArray([.. values.Select((value, i) => (JsonNode)WithoutNulls(new JsonObject
        {
            ["from"] = LocalDatePattern.Iso.Format(FirstDate.PlusDays(gaps.Take(i + 1).Sum())),
            ["value"] = value,
            ["source"] = sources[i],
            ["default"] = defaults[i] ? true : null,
        }))]);

    private static Gen<JsonObject> AnnuityJsonGen(int year) =>
        from lines in Gen.ArrayOf(Gen.Choose(0, 50_000_000), 3)
        from capacity in Gen.Choose(1, 100)
        from starts in Gen.ArrayOf(Gen.Choose(0, 200), 3)
        from lengths in Gen.ArrayOf(Gen.Choose(0, 160), 3)
        select new JsonObject
        {
            ["budget"] = new JsonObject
            {
                ["actions"] = Money.FromMinorUnits(lines[0], Currency.EUR).ToString(),
                ["training"] = Money.FromMinorUnits(lines[1], Currency.EUR).ToString(),
                ["consultancy"] = Money.FromMinorUnits(lines[2], Currency.EUR).ToString(),
                ["total"] = Money.FromMinorUnits((long)lines[0] + lines[1] + lines[2], Currency.EUR).ToString(),
            },
            ["capacity"] = capacity,
            // Plausible windows (a rulebook that loads can run its editions): applications open
            // first and close before training ends; training and expenses lie in the year.
            ["windows"] = new JsonObject
            {
                ["applications"] = Window(year, starts[0] % 60, lengths[0] % 60),
                ["training"] = Window(year, (starts[0] % 60) + 1 + (starts[1] % 100), Math.Max(lengths[0] % 60, 0) + lengths[1]),
                ["expenses"] = Window(year, starts[2], lengths[2]),
            },
        };

    private static JsonObject Window(int year, int startDay, int length)
    {
        var start = new LocalDate(year, 1, 1).PlusDays(startDay);
        return new JsonObject
        {
            ["start"] = LocalDatePattern.Iso.Format(start),
            ["end"] = LocalDatePattern.Iso.Format(start.PlusDays(length)),
        };
    }

    private static PartnerRulebookJson BuildPartner(List<ParameterDefinition> parameters, JsonArray[] timelines, string? zone, bool illustrative, (int Year, JsonObject Annuity)? annuity)
    {
        var overrides = new JsonObject();
        for (int i = 0; i < parameters.Count; i++)
        {
            if (overrides[parameters[i].Group] is not JsonObject group)
            {
                group = [];
                overrides[parameters[i].Group] = group;
            }

            group[parameters[i].Key] = timelines[i];
        }

        var root = WithoutNulls(new JsonObject
        {
            ["id"] = "partner",
            ["name"] = "A partner region",
            ["extends"] = "extremadura",
            ["illustrative"] = illustrative ? true : null,
            ["timeZone"] = zone,
            ["overrides"] = overrides,
        });
        if (annuity is var (year, body))
        {
            root["annuities"] = new JsonObject { [year.ToString(System.Globalization.CultureInfo.InvariantCulture)] = body };
        }

        return new PartnerRulebookJson(root.ToJsonString(), [.. parameters.Select(p => p.Name)]);
    }

    private static string Mangle((int Pick, int Edit)[] edits)
    {
        var root = JsonNode.Parse(Rulebook.Extremadura.ToJson())!;
        foreach (var (pick, edit) in edits)
        {
            var nodes = Descendants(root).ToArray();
            var node = nodes[pick % nodes.Length];
            var parent = node.Parent!;
            if (edit == AwkwardValues.Length + 1 && parent is JsonObject renamed)
            {
                var name = node.GetPropertyName();
                renamed.Remove(name);
                renamed[name + "X"] = node;
            }
            else if (edit == AwkwardValues.Length)
            {
                if (parent is JsonObject o)
                {
                    o.Remove(node.GetPropertyName());
                }
                else
                {
                    parent.AsArray().Remove(node);
                }
            }
            else
            {
                node.ReplaceWith(AwkwardValues[edit % AwkwardValues.Length]());
            }
        }

        return root.ToJsonString();
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static JsonObject WithoutNulls(JsonObject node)
    {
        foreach (var name in node.Where(p => p.Value is null).Select(p => p.Key).ToArray())
        {
            node.Remove(name);
        }

        return node;
    }
}

/// <summary>A partner rulebook over Extremadura, as JSON, and the names of the parameters it overrides.</summary>
/// <param name="Json">The partner rulebook's JSON text.</param>
/// <param name="Overridden">The full names of the overridden parameters, such as <c>promotion.capPerCompany</c>.</param>
public sealed record PartnerRulebookJson(string Json, ImmutableArray<string> Overridden)
{
    /// <summary>The JSON, so that FsCheck shows a failing case readably.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => Json;
}
