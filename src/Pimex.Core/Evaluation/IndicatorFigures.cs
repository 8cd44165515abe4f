using Pimex.Admission;

namespace Pimex.Evaluation;

/// <summary>
/// How many enterprises one common indicator counts. Each enterprise counts once, however
/// often it was supported.
/// </summary>
/// <param name="Code">The indicator, such as <c>CO01</c> or <c>RCO01</c>.</param>
/// <param name="Size">For RCO01's breakdown, the size class counted (<see cref="SizeClass.NotSme"/> is "large"); null for the indicator's total.</param>
/// <param name="Enterprises">The enterprises counted.</param>
public sealed record IndicatorCount(string Code, SizeClass? Size, int Enterprises);

/// <summary>
/// The common indicators an edition feeds, chosen by the programming period the rulebook puts
/// in force on the edition's rules date. In PIMEX an enterprise "receives support" once
/// admitted; it receives a grant when promotion support is granted to it; it receives
/// non-financial support when it attended a session or a pill, hosted a tutorial, had a
/// technician assigned or received senior-consultant advice.
/// </summary>
/// <param name="Set">The indicator set in force, as the rulebook dates it.</param>
/// <param name="Counts">One count per indicator of the set, in its order; RCO01 followed by its breakdown micro, small, medium, large.</param>
public sealed record IndicatorFigures(IndicatorSet Set, EquatableArray<IndicatorCount> Counts)
{
    /// <summary>The name of a size class in the indicators' breakdown: micro, small, medium or large.</summary>
    /// <param name="size">The size class.</param>
    /// <returns>The name.</returns>
    public static string SizeName(SizeClass size) => size switch
    {
        SizeClass.Micro => "micro",
        SizeClass.Small => "small",
        SizeClass.Medium => "medium",
        _ => "large",
    };

    /// <summary>
    /// Counts each indicator of a set: CO01 and RCO01 the companies admitted (RCO01 followed by
    /// its breakdown by size class), CO02 and RCO02 those granted support, the others those with
    /// non-financial support. The one place the report and the tally count them.
    /// </summary>
    /// <param name="set">The indicator set in force.</param>
    /// <param name="admitted">Companies admitted.</param>
    /// <param name="bySize">Companies admitted per size class, micro to large.</param>
    /// <param name="supported">Companies granted support.</param>
    /// <param name="nonFinancial">Companies with non-financial support.</param>
    /// <returns>The figures.</returns>
    internal static IndicatorFigures Count(IndicatorSet set, int admitted, ReadOnlySpan<int> bySize, int supported, int nonFinancial)
    {
        var counts = new List<IndicatorCount>();
        foreach (var code in set.Codes)
        {
            switch (code)
            {
                case "CO01":
                    counts.Add(new IndicatorCount(code, null, admitted));
                    break;
                case "RCO01":
                    counts.Add(new IndicatorCount(code, null, admitted));
                    for (int i = 0; i < bySize.Length; i++)
                    {
                        counts.Add(new IndicatorCount(code, (SizeClass)i, bySize[i]));
                    }

                    break;
                case "CO02" or "RCO02":
                    counts.Add(new IndicatorCount(code, null, supported));
                    break;
                default:
                    counts.Add(new IndicatorCount(code, null, nonFinancial));
                    break;
            }
        }

        return new IndicatorFigures(set, new EquatableArray<IndicatorCount>(counts));
    }
}
