namespace Pimex.Evaluation;

/// <summary>
/// The common indicators of the EU funds a programme reports on in one programming period, as
/// the rulebook dates them: 2014–2020 (Regulation (EU) 1301/2013, Annex I) CO01, CO02, CO04;
/// 2021–2027 (Regulation (EU) 2021/1058, Annex I) RCO01, RCO02, RCO04.
/// </summary>
/// <param name="Period">The programming period, such as <c>2014-2020</c>.</param>
/// <param name="Reference">The regulation that defines the indicators, if given.</param>
/// <param name="Codes">The indicators reported, each one of <see cref="Known"/>.</param>
public sealed record IndicatorSet(string Period, string? Reference, EquatableArray<string> Codes)
{
    /// <summary>The indicators the library counts.</summary>
    public static IReadOnlyList<string> Known { get; } = ["CO01", "CO02", "CO04", "RCO01", "RCO02", "RCO04"];
}
