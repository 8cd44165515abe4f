namespace Pimex.Admission;

/// <summary>
/// The headcount and financial figures of one enterprise for the SME test, taken from its last
/// approved accounting period (EU Recommendation 2003/361/EC, annex art. 4).
/// </summary>
/// <param name="Staff">Headcount in annual work units (AWU): a full-time employee for the whole
/// year is 1, part-time and seasonal work count as fractions.</param>
/// <param name="Turnover">Annual turnover, excluding VAT and other indirect taxes.</param>
/// <param name="BalanceSheet">Annual balance-sheet total.</param>
public sealed record EnterpriseFigures(decimal Staff, Money Turnover, Money BalanceSheet);
