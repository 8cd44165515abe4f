using Pimex.Admission;
using Pimex.Common;

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
}
