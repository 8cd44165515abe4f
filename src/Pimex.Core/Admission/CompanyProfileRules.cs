namespace Pimex.Admission;

/// <summary>
/// Checks a company profile as an applicant declares it, before the SME test: every problem is
/// reported, each as one <see cref="ValidationError"/> with an <see cref="AdmissionErrors"/> code.
/// </summary>
[RuleConcept("Admission")]
public static class CompanyProfileRules
{
    /// <summary>
    /// The largest figure accepted for staff or an amount (10^15): an input limit that keeps the
    /// consolidation of linked and partner enterprises from overflowing, far above any SME's
    /// figures. Not a rule of the programme (those come from the rulebook).
    /// </summary>
    public const decimal MaxFigure = Money.MaxAmount;

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
    public static IReadOnlyList<ValidationError> Validate(CompanyProfile profile, Currency currency) => Validate(profile, currency, ReportLanguage.English);

    /// <summary>Checks a company profile against the programme's currency, with each error's message in a language.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="currency">The programme's currency (the rulebook's).</param>
    /// <param name="language">The language of the messages; codes and identifiers are the same in every language.</param>
    /// <returns>One error per problem, as <see cref="Validate(CompanyProfile, Currency)"/>.</returns>
    [Rule(AdmissionErrors.NegativeFigure)]
    [Rule(AdmissionErrors.WrongCurrency, "currency")]
    [Rule(AdmissionErrors.ShareOutOfRange)]
    [Rule(AdmissionErrors.DuplicateRelatedEnterprise)]
    [Rule(AdmissionErrors.BlankRelatedEnterpriseName)]
    [Rule(AdmissionErrors.FigureTooLarge)]
    [Rule(AdmissionErrors.EstimateWithEarlierPeriods)]
    [Rule(AdmissionErrors.PeriodsOutOfOrder)]
    [Rule(AdmissionErrors.MissingInvestorFigure)]
    [Rule(AdmissionErrors.RelationsTooDeep)]
    public static IReadOnlyList<ValidationError> Validate(CompanyProfile profile, Currency currency, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(profile);
        var errors = new List<ValidationError>();
        CheckPeriod(errors, string.Empty, profile, currency, language);
        if (profile.Basis == FiguresBasis.BonaFideEstimate && profile.Earlier.Count > 0)
        {
            errors.Add(DomainErrors.Refusal(language, "Basis", AdmissionErrors.EstimateWithEarlierPeriods));
        }

        var later = profile.PeriodEnd;
        for (int i = 0; i < profile.Earlier.Count; i++)
        {
            var earlier = profile.Earlier[i];
            ArgumentNullException.ThrowIfNull(earlier, nameof(profile));
            string path = "Earlier[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            CheckPeriod(errors, path + ".", earlier, currency, language);
            if (earlier.Basis == FiguresBasis.BonaFideEstimate)
            {
                errors.Add(DomainErrors.Refusal(language, path + ".Basis", AdmissionErrors.EstimateWithEarlierPeriods + ".earlier"));
            }

            if (earlier.PeriodEnd is { } end && later is { } next && end >= next)
            {
                errors.Add(DomainErrors.Refusal(language, path + ".PeriodEnd", AdmissionErrors.PeriodsOutOfOrder));
            }

            later = earlier.PeriodEnd ?? later;
        }

        return errors;
    }

    private static void CheckPeriod(List<ValidationError> errors, string prefix, CompanyProfile profile, Currency currency, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(profile.Own, nameof(profile));
        CheckFigures(errors, prefix + "Own", profile.Own, currency, language);
        CheckRelated(errors, prefix, profile.Related, currency, language, 1);
    }

    private static void CheckRelated(List<ValidationError> errors, string prefix, EquatableArray<RelatedEnterprise> relatedArray, Currency currency, ReportLanguage language, int depth)
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
                errors.Add(DomainErrors.Refusal(language, path + ".Name", AdmissionErrors.BlankRelatedEnterpriseName));
            }
            else if (IsNamedEarlier(related, i))
            {
                errors.Add(DomainErrors.Refusal(language, path + ".Name", AdmissionErrors.DuplicateRelatedEnterprise, enterprise.Name));
            }

            if (enterprise.Share < Rate.Zero || enterprise.Share > Rate.One)
            {
                errors.Add(DomainErrors.Refusal(language, path + ".Share", AdmissionErrors.ShareOutOfRange, enterprise.Name, enterprise.Share));
            }

            CheckFigures(errors, path + ".Figures", enterprise.Figures, currency, language);
            CheckInvestor(errors, path, enterprise, currency, language);
            for (int a = 0; a < enterprise.Aid.Count; a++)
            {
                var aid = enterprise.Aid[a];
                ArgumentNullException.ThrowIfNull(aid, "profile");
                CheckAmount(errors, path + ".Aid[" + a.ToString(CultureInfo.InvariantCulture) + "].Amount", "aid", aid.Amount, currency, language);
            }

            if (enterprise.Related.Count > 0)
            {
                if (depth >= MaxDepth)
                {
                    errors.Add(DomainErrors.Refusal(language, path + ".Related", AdmissionErrors.RelationsTooDeep, MaxDepth));
                }
                else
                {
                    CheckRelated(errors, path + ".", enterprise.Related, currency, language, depth + 1);
                }
            }
        }
    }

    private static void CheckInvestor(List<ValidationError> errors, string path, RelatedEnterprise enterprise, Currency currency, ReportLanguage language)
    {
        if (!Enum.IsDefined(enterprise.Kind))
        {
            errors.Add(DomainErrors.Refusal(language, path + ".Kind", AdmissionErrors.MissingInvestorFigure + ".kind", enterprise.Kind.ToString()));
        }

        if (enterprise.Kind == RelatedPartyKind.BusinessAngel)
        {
            if (enterprise.BusinessAngelInvestment is { } invested)
            {
                CheckAmount(errors, path + ".BusinessAngelInvestment", "angelInvestment", invested, currency, language);
            }
            else
            {
                errors.Add(DomainErrors.Refusal(language, path + ".BusinessAngelInvestment", AdmissionErrors.MissingInvestorFigure, enterprise.Name));
            }
        }

        if (enterprise.Kind == RelatedPartyKind.AutonomousLocalAuthority)
        {
            if (enterprise.AnnualBudget is { } budget)
            {
                CheckAmount(errors, path + ".AnnualBudget", "annualBudget", budget, currency, language);
            }
            else
            {
                errors.Add(DomainErrors.Refusal(language, path + ".AnnualBudget", AdmissionErrors.MissingInvestorFigure + ".budget", enterprise.Name));
            }

            if (enterprise.Inhabitants is not { } inhabitants)
            {
                errors.Add(DomainErrors.Refusal(language, path + ".Inhabitants", AdmissionErrors.MissingInvestorFigure + ".inhabitants", enterprise.Name));
            }
            else if (inhabitants < 0)
            {
                errors.Add(DomainErrors.Refusal(language, path + ".Inhabitants", AdmissionErrors.NegativeFigure + ".inhabitants"));
            }
        }
    }

    private static void CheckFigures(List<ValidationError> errors, string path, EnterpriseFigures figures, Currency currency, ReportLanguage language)
    {
        if (figures.Staff < 0m)
        {
            errors.Add(DomainErrors.Refusal(language, path + ".Staff", AdmissionErrors.NegativeFigure + ".staff", figures.Staff));
        }
        else if (figures.Staff > MaxFigure)
        {
            errors.Add(DomainErrors.Refusal(language, path + ".Staff", AdmissionErrors.FigureTooLarge + ".staff", figures.Staff, MaxFigure));
        }

        CheckAmount(errors, path + ".Turnover", "turnover", figures.Turnover, currency, language);
        CheckAmount(errors, path + ".BalanceSheet", "balanceSheet", figures.BalanceSheet, currency, language);
    }

    private static void CheckAmount(List<ValidationError> errors, string path, string what, Money amount, Currency currency, ReportLanguage language)
    {
        if (amount.Currency != currency)
        {
            errors.Add(DomainErrors.Refusal(language, path, AdmissionErrors.WrongCurrency, language.Refusal("figure." + what), amount.Currency, currency));
        }

        if (amount.IsNegative)
        {
            errors.Add(DomainErrors.Refusal(language, path, AdmissionErrors.NegativeFigure, language.Refusal("figure." + what), amount));
        }
        else if (amount.Amount > MaxFigure)
        {
            errors.Add(DomainErrors.Refusal(language, path, AdmissionErrors.FigureTooLarge, language.Refusal("figure." + what), amount, MaxFigure));
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
