using NodaTime;
using Pimex.Admission;
using Pimex.Editions;
using Pimex.Rulebooks;

namespace Pimex.Benchmarks.Fixtures;

/// <summary>Everything a fresh process does to decide one admission with Pimex.Core.</summary>
internal static class ColdDecision
{
    /// <summary>Loads the rulebook, reads the 2016 rules and decides the application.</summary>
    /// <param name="json">The rulebook's JSON.</param>
    /// <param name="application">The application.</param>
    /// <param name="decisionDate">The decision date.</param>
    /// <returns>The rules broken.</returns>
    public static AdmissionRulesBroken Decide(string json, CompanyApplication application, LocalDate decisionDate)
    {
        var rulebook = Rulebook.Load(json).Value;
        var annuity = rulebook.Annuity(2016).Value;
        var rules = rulebook.On(annuity.Applications.Start).Value;
        var regime = rulebook.On(decisionDate).Value.Aid.Regime;
        return AdmissionEligibility.Evaluate(application, new LocalDate(2016, 2, 1), decisionDate, rules, regime, annuity, 12, annuity.Budget.Actions - (rules.Promotion.CapPerCompany * 12)).Broken;
    }
}
