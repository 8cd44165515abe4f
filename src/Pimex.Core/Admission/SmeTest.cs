using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Admission;

/// <summary>
/// The SME test of EU Recommendation 2003/361/EC: consolidates an applicant's figures with
/// those of its partner and linked enterprises, then finds its size class. Every limit comes
/// from the rulebook's <see cref="SmeThresholds"/>.
/// </summary>
/// <remarks>
/// <para>Consolidation (annex art. 3 and 6): a related enterprise whose share is above
/// <see cref="SmeThresholds.LinkedShareAbove"/> (50 %) is linked and its figures are added in
/// full; one whose share is at least <see cref="SmeThresholds.PartnerShareFrom"/> (25 %) and not
/// linked is a partner and its figures are added in proportion to the share (staff unrounded,
/// amounts rounded to the minor unit, half away from zero); below that it is autonomous and
/// ignored.</para>
/// <para>Classification (annex art. 2): the first class, from micro to medium, whose staff limit
/// the consolidated staff is below and whose turnover or balance-sheet limit (either one
/// suffices) is not exceeded; otherwise <see cref="SizeClass.NotSme"/>.</para>
/// <para>Out of scope, for the host to decide before: control by means other than shares
/// (art. 3(3)(b)-(d)), the investor exceptions of art. 3(2), public-body control (art. 3(4)) and
/// the two-consecutive-periods rule (art. 4(2)). Each related enterprise's figures are taken as
/// declared (already consolidated with its own links, art. 6(3)).</para>
/// <para>Pure and allocation-free.</para>
/// </remarks>
public static class SmeTest
{
    /// <summary>Consolidates a company's figures and classifies it.</summary>
    /// <param name="profile">The applicant's figures and related enterprises, as
    /// <see cref="CompanyProfileRules.Validate"/> accepts them.</param>
    /// <param name="thresholds">The SME thresholds in force (from the rulebook).</param>
    /// <returns>The size class and the consolidated figures used.</returns>
    /// <exception cref="ArgumentNullException">An argument or a related enterprise is null.</exception>
    /// <exception cref="ArgumentException">An amount is in another currency than the thresholds,
    /// a figure is negative or a share is above 100 %: programmer errors, since admission
    /// validates the profile first.</exception>
    public static SmeAssessment Assess(CompanyProfile profile, SmeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(thresholds);
        var currency = ThresholdsCurrency(thresholds);

        var own = EnsureUsable(profile.Own, currency, nameof(profile));
        decimal staff = own.Staff;
        var turnover = own.Turnover;
        var balanceSheet = own.BalanceSheet;

        foreach (var related in profile.Related.Items)
        {
            ArgumentNullException.ThrowIfNull(related, nameof(profile));
            var figures = EnsureUsable(related.Figures, currency, nameof(profile));
            var share = related.Share;
            if (share > Rate.One)
            {
                throw new ArgumentException($"The share held with '{related.Name}' is {share}, above 100 %: validate the profile first.", nameof(profile));
            }

            if (share > thresholds.LinkedShareAbove)
            {
                staff += figures.Staff;
                turnover += figures.Turnover;
                balanceSheet += figures.BalanceSheet;
            }
            else if (share >= thresholds.PartnerShareFrom)
            {
                staff += figures.Staff * share.Fraction;
                turnover += figures.Turnover * share;
                balanceSheet += figures.BalanceSheet * share;
            }
        }

        return new SmeAssessment(Classify(staff, turnover, balanceSheet, thresholds), staff, turnover, balanceSheet);
    }

    private static SizeClass Classify(decimal staff, Money turnover, Money balanceSheet, SmeThresholds thresholds) =>
        Within(thresholds.Micro, staff, turnover, balanceSheet) ? SizeClass.Micro
        : Within(thresholds.Small, staff, turnover, balanceSheet) ? SizeClass.Small
        : Within(thresholds.Medium, staff, turnover, balanceSheet) ? SizeClass.Medium
        : SizeClass.NotSme;

    private static bool Within(SizeClassLimits limits, decimal staff, Money turnover, Money balanceSheet) =>
        staff < limits.StaffBelow && (turnover <= limits.TurnoverAtMost || balanceSheet <= limits.BalanceSheetAtMost);

    private static Currency ThresholdsCurrency(SmeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds.Micro, nameof(thresholds));
        ArgumentNullException.ThrowIfNull(thresholds.Small, nameof(thresholds));
        ArgumentNullException.ThrowIfNull(thresholds.Medium, nameof(thresholds));
        var currency = thresholds.Micro.TurnoverAtMost.Currency;
        if (thresholds.Micro.BalanceSheetAtMost.Currency != currency
            || thresholds.Small.TurnoverAtMost.Currency != currency
            || thresholds.Small.BalanceSheetAtMost.Currency != currency
            || thresholds.Medium.TurnoverAtMost.Currency != currency
            || thresholds.Medium.BalanceSheetAtMost.Currency != currency)
        {
            throw new ArgumentException("The SME thresholds mix currencies.", nameof(thresholds));
        }

        return currency;
    }

    private static EnterpriseFigures EnsureUsable(EnterpriseFigures? figures, Currency currency, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(figures, parameterName);
        if (figures.Turnover.Currency != currency || figures.BalanceSheet.Currency != currency)
        {
            ThrowUnusable($"The profile's amounts must be in {currency}, the thresholds' currency: validate the profile first.", parameterName);
        }

        if ((decimal.IsNegative(figures.Staff) && figures.Staff != 0m) || figures.Turnover.IsNegative || figures.BalanceSheet.IsNegative)
        {
            ThrowUnusable("The profile has a negative figure: validate the profile first.", parameterName);
        }

        return figures;
    }

    // Out of line, so that the checks above stay small on the hot path.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnusable(string message, string parameterName) => throw new ArgumentException(message, parameterName);
}
