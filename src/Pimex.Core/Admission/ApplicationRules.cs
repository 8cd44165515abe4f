using Pimex.Editions;

namespace Pimex.Admission;

/// <summary>
/// The rules of an application as a company declares it, besides its profile
/// (<see cref="CompanyProfileRules"/>) and its single undertaking (<see cref="SingleUndertaking"/>):
/// pure functions beside their error codes. Eligibility itself is decided at admission
/// (<see cref="AdmissionEligibility"/>).
/// </summary>
[RuleConcept("Admission")]
internal static class ApplicationRules
{
    /// <summary>An application names the company's region.</summary>
    [Rule(CommonErrors.MissingText)]
    internal static void RegionNamed(List<ValidationError> errors, ReportLanguage language, CompanyApplication application)
    {
        if (string.IsNullOrWhiteSpace(application.Region))
        {
            errors.Add(DomainErrors.Refusal(language, "region", CommonErrors.MissingText + ".region"));
        }
    }

    /// <summary>Each de minimis aid declared is zero or more, in the rulebook's currency, and at most <see cref="CompanyProfileRules.MaxFigure"/>.</summary>
    [Rule(CommonErrors.InvalidAmount, "currency")]
    internal static void DeclaredAidAmounts(List<ValidationError> errors, ReportLanguage language, CompanyApplication application, Currency currency)
    {
        for (int i = 0; i < application.DeclaredAid.Count; i++)
        {
            var aid = application.DeclaredAid[i];
            if (aid.Amount.Currency != currency || aid.Amount.IsNegative || aid.Amount.Amount > CompanyProfileRules.MaxFigure)
            {
                errors.Add(DomainErrors.Refusal(language, $"declaredAid[{i}].amount", CommonErrors.InvalidAmount, aid.Amount, currency));
            }
        }
    }
}
