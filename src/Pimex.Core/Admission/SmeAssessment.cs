using Pimex.Monetary;

namespace Pimex.Admission;

/// <summary>
/// The outcome of the SME test: the size class and the consolidated figures it was decided on
/// (own figures, plus linked enterprises in full, plus partner enterprises in proportion).
/// </summary>
/// <param name="SizeClass">The size class.</param>
/// <param name="Staff">Consolidated staff, in annual work units.</param>
/// <param name="Turnover">Consolidated annual turnover.</param>
/// <param name="BalanceSheet">Consolidated annual balance-sheet total.</param>
/// <remarks>Two assessments are equal when all four members are equal. The <c>default</c> value
/// is a micro enterprise with no staff and zero amounts in no currency; it is never the result of
/// <see cref="SmeTest.Assess"/>.</remarks>
public readonly record struct SmeAssessment(SizeClass SizeClass, decimal Staff, Money Turnover, Money BalanceSheet)
{
    /// <summary>Whether the enterprise is a micro, small or medium-sized enterprise.</summary>
    public bool IsSme => SizeClass != SizeClass.NotSme;
}
