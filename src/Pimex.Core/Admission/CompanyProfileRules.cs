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

    /// <summary>
    /// How deep related enterprises may nest (an enterprise's related enterprises, theirs, and so
    /// on): an input limit that keeps the walk of the chains bounded, far beyond any real group.
    /// </summary>
    public const int MaxDepth = 16;

    /// <summary>Checks a company profile against the programme's currency.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="currency">The programme's currency (the rulebook's).</param>
    /// <returns>One error per problem, in the order of the profile; empty when the profile can be
    /// assessed. Identifiers name the member, such as <c>Own.Staff</c>,
    /// <c>Related[1].Figures.Turnover</c>, <c>Related[0].Related[2].Share</c> or
    /// <c>Earlier[0].Own.Staff</c>.</returns>
    /// <exception cref="ArgumentNullException">The profile, its own figures, a related enterprise,
    /// its figures or its name is null (a programmer error, not a declaration error).</exception>
    /// <remarks>
    /// Codes: <see cref="AdmissionErrors.NegativeFigure"/>, <see cref="AdmissionErrors.WrongCurrency"/>,
    /// <see cref="AdmissionErrors.ShareOutOfRange"/>, <see cref="AdmissionErrors.DuplicateRelatedEnterprise"/>
    /// (on the second and later occurrences among siblings; names are compared trimmed and ignoring
    /// case), <see cref="AdmissionErrors.BlankRelatedEnterpriseName"/>,
    /// <see cref="AdmissionErrors.EstimateWithEarlierPeriods"/>, <see cref="AdmissionErrors.PeriodsOutOfOrder"/>,
    /// <see cref="AdmissionErrors.MissingInvestorFigure"/> and <see cref="AdmissionErrors.RelationsTooDeep"/>.
    /// Related enterprises are checked at every level, and so is each earlier period.
    /// </remarks>
    public static IReadOnlyList<ValidationError> Validate(CompanyProfile profile, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = new List<ValidationError>();
        CheckPeriod(errors, string.Empty, profile, currency);
        if (profile.Basis == FiguresBasis.BonaFideEstimate && profile.Earlier.Count > 0)
        {
            errors.Add(DomainErrors.Validation("Basis", AdmissionErrors.EstimateWithEarlierPeriods, "A bona fide estimate is for a new enterprise without approved accounts (art. 4(3)); it cannot have earlier accounting periods."));
        }

        var later = profile.PeriodEnd;
        for (int i = 0; i < profile.Earlier.Count; i++)
        {
            var earlier = profile.Earlier[i];
            ArgumentNullException.ThrowIfNull(earlier, nameof(profile));
            string path = "Earlier[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            CheckPeriod(errors, path + ".", earlier, currency);
            if (earlier.Basis == FiguresBasis.BonaFideEstimate)
            {
                errors.Add(DomainErrors.Validation(path + ".Basis", AdmissionErrors.EstimateWithEarlierPeriods, "An earlier period rests on approved accounts: only the reference period of a new enterprise can be an estimate (art. 4(3))."));
            }

            if (earlier.PeriodEnd is { } end && later is { } next && end >= next)
            {
                errors.Add(DomainErrors.Validation(path + ".PeriodEnd", AdmissionErrors.PeriodsOutOfOrder, "Earlier periods are listed newest first, each ending before the period after it."));
            }

            later = earlier.PeriodEnd ?? later;
        }

        return errors;
    }

    private static void CheckPeriod(List<ValidationError> errors, string prefix, CompanyProfile profile, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(profile.Own, nameof(profile));
        CheckFigures(errors, prefix + "Own", profile.Own, currency);
        CheckRelated(errors, prefix, profile.Related, currency, 1);
    }

    private static void CheckRelated(List<ValidationError> errors, string prefix, EquatableArray<RelatedEnterprise> relatedArray, Currency currency, int depth)
    {
        var related = relatedArray.Items;
        for (int i = 0; i < related.Length; i++)
        {
            var enterprise = related[i];
            ArgumentNullException.ThrowIfNull(enterprise, "profile");
            ArgumentNullException.ThrowIfNull(enterprise.Name, "profile");
            ArgumentNullException.ThrowIfNull(enterprise.Figures, "profile");
            string path = prefix + "Related[" + i.ToString(CultureInfo.InvariantCulture) + "]";

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
            CheckInvestor(errors, path, enterprise, currency);
            for (int a = 0; a < enterprise.Aid.Count; a++)
            {
                var aid = enterprise.Aid[a];
                ArgumentNullException.ThrowIfNull(aid, "profile");
                CheckAmount(errors, path + ".Aid[" + a.ToString(CultureInfo.InvariantCulture) + "].Amount", "Aid received", aid.Amount, currency);
            }

            if (enterprise.Related.Count > 0)
            {
                if (depth >= MaxDepth)
                {
                    errors.Add(DomainErrors.Validation(path + ".Related", AdmissionErrors.RelationsTooDeep, string.Create(CultureInfo.InvariantCulture, $"Related enterprises nest at most {MaxDepth} levels deep.")));
                }
                else
                {
                    CheckRelated(errors, path + ".", enterprise.Related, currency, depth + 1);
                }
            }
        }
    }

    private static void CheckInvestor(List<ValidationError> errors, string path, RelatedEnterprise enterprise, Currency currency)
    {
        if (!Enum.IsDefined(enterprise.Kind))
        {
            errors.Add(DomainErrors.Validation(path + ".Kind", AdmissionErrors.MissingInvestorFigure, $"'{enterprise.Kind}' is not a kind of related party."));
        }

        if (enterprise.Kind == RelatedPartyKind.BusinessAngel)
        {
            if (enterprise.BusinessAngelInvestment is { } invested)
            {
                CheckAmount(errors, path + ".BusinessAngelInvestment", "The business angels' investment", invested, currency);
            }
            else
            {
                errors.Add(DomainErrors.Validation(path + ".BusinessAngelInvestment", AdmissionErrors.MissingInvestorFigure, $"'{enterprise.Name}' are business angels: declare their total investment in the enterprise (art. 3(2)(a))."));
            }
        }

        if (enterprise.Kind == RelatedPartyKind.AutonomousLocalAuthority)
        {
            if (enterprise.AnnualBudget is { } budget)
            {
                CheckAmount(errors, path + ".AnnualBudget", "The annual budget", budget, currency);
            }
            else
            {
                errors.Add(DomainErrors.Validation(path + ".AnnualBudget", AdmissionErrors.MissingInvestorFigure, $"'{enterprise.Name}' is an autonomous local authority: declare its annual budget (art. 3(2)(d))."));
            }

            if (enterprise.Inhabitants is not { } inhabitants)
            {
                errors.Add(DomainErrors.Validation(path + ".Inhabitants", AdmissionErrors.MissingInvestorFigure, $"'{enterprise.Name}' is an autonomous local authority: declare its inhabitants (art. 3(2)(d))."));
            }
            else if (inhabitants < 0)
            {
                errors.Add(DomainErrors.Validation(path + ".Inhabitants", AdmissionErrors.NegativeFigure, "Inhabitants must not be negative."));
            }
        }
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
