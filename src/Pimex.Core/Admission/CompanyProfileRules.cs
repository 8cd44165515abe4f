using System.Globalization;
using Ardalis.Result;
using Pimex.Common;
using Pimex.Monetary;

namespace Pimex.Admission;

/// <summary>
/// Checks a company profile as an applicant declares it, before the SME test: every problem is
/// reported, each as one <see cref="ValidationError"/> with an <see cref="AdmissionErrors"/> code.
/// </summary>
public static class CompanyProfileRules
{
    /// <summary>
    /// The largest figure accepted for staff or an amount (10^15): an input limit that keeps the
    /// consolidation of linked and partner enterprises from overflowing, far above any SME's
    /// figures. Not a rule of the programme (those come from the rulebook).
    /// </summary>
    public const decimal MaxFigure = 1_000_000_000_000_000m;

    /// <summary>Checks a company profile against the programme's currency.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="currency">The programme's currency (the rulebook's).</param>
    /// <returns>One error per problem, in the order of the profile; empty when the profile can be
    /// assessed. Identifiers name the member, such as <c>Own.Staff</c> or
    /// <c>Related[1].Figures.Turnover</c>.</returns>
    /// <exception cref="ArgumentNullException">The profile, its own figures, a related enterprise,
    /// its figures or its name is null (a programmer error, not a declaration error).</exception>
    /// <remarks>
    /// Codes: <see cref="AdmissionErrors.NegativeFigure"/>, <see cref="AdmissionErrors.WrongCurrency"/>,
    /// <see cref="AdmissionErrors.ShareOutOfRange"/>, <see cref="AdmissionErrors.DuplicateRelatedEnterprise"/>
    /// (on the second and later occurrences; names are compared trimmed and ignoring case) and
    /// <see cref="AdmissionErrors.BlankRelatedEnterpriseName"/>.
    /// </remarks>
    public static IReadOnlyList<ValidationError> Validate(CompanyProfile profile, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(profile.Own, nameof(profile));
        var errors = new List<ValidationError>();
        CheckFigures(errors, "Own", profile.Own, currency);

        var related = profile.Related.Items;
        for (int i = 0; i < related.Length; i++)
        {
            var enterprise = related[i];
            ArgumentNullException.ThrowIfNull(enterprise, nameof(profile));
            ArgumentNullException.ThrowIfNull(enterprise.Name, nameof(profile));
            ArgumentNullException.ThrowIfNull(enterprise.Figures, nameof(profile));
            string path = "Related[" + i.ToString(CultureInfo.InvariantCulture) + "]";

            if (string.IsNullOrWhiteSpace(enterprise.Name))
            {
                errors.Add(DomainErrors.Validation(path + ".Name", AdmissionErrors.BlankRelatedEnterpriseName, "A related enterprise needs a name."));
            }
            else if (IsNamedEarlier(related, i))
            {
                errors.Add(DomainErrors.Validation(path + ".Name", AdmissionErrors.DuplicateRelatedEnterprise, $"'{enterprise.Name}' is declared more than once: declare each related enterprise once, with its combined share."));
            }

            if (enterprise.Share < Rate.Zero || enterprise.Share > Rate.One)
            {
                errors.Add(DomainErrors.Validation(path + ".Share", AdmissionErrors.ShareOutOfRange, $"The share held with '{enterprise.Name}' is {enterprise.Share}; it must be from 0% to 100%."));
            }

            CheckFigures(errors, path + ".Figures", enterprise.Figures, currency);
        }

        return errors;
    }

    private static void CheckFigures(List<ValidationError> errors, string path, EnterpriseFigures figures, Currency currency)
    {
        if (figures.Staff < 0m)
        {
            errors.Add(DomainErrors.Validation(path + ".Staff", AdmissionErrors.NegativeFigure, string.Create(CultureInfo.InvariantCulture, $"Staff must not be negative (was {figures.Staff} AWU).")));
        }
        else if (figures.Staff > MaxFigure)
        {
            errors.Add(DomainErrors.Validation(path + ".Staff", AdmissionErrors.FigureTooLarge, string.Create(CultureInfo.InvariantCulture, $"Staff of {figures.Staff} AWU is beyond the input limit of {MaxFigure}.")));
        }

        CheckAmount(errors, path + ".Turnover", "Turnover", figures.Turnover, currency);
        CheckAmount(errors, path + ".BalanceSheet", "The balance-sheet total", figures.BalanceSheet, currency);
    }

    private static void CheckAmount(List<ValidationError> errors, string path, string what, Money amount, Currency currency)
    {
        if (amount.Currency != currency)
        {
            errors.Add(DomainErrors.Validation(path, AdmissionErrors.WrongCurrency, $"{what} is in {amount.Currency}; the programme's currency is {currency}."));
        }

        if (amount.IsNegative)
        {
            errors.Add(DomainErrors.Validation(path, AdmissionErrors.NegativeFigure, $"{what} must not be negative (was {amount})."));
        }
        else if (amount.Amount > MaxFigure)
        {
            errors.Add(DomainErrors.Validation(path, AdmissionErrors.FigureTooLarge, $"{what} of {amount} is beyond the input limit of {MaxFigure.ToString(CultureInfo.InvariantCulture)}."));
        }
    }

    private static bool IsNamedEarlier(System.Collections.Immutable.ImmutableArray<RelatedEnterprise> related, int index)
    {
        var name = related[index].Name.AsSpan().Trim();
        for (int j = 0; j < index; j++)
        {
            if (name.Equals(related[j].Name.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
