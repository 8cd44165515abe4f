using System.Collections.Frozen;
using Pimex.Admission;
using Pimex.Promotion;
using RulesEngine.Models;

namespace Pimex.Benchmarks.Comparison;

/// <summary>
/// The admission and claim checks as Microsoft RulesEngine workflows: one lambda-expression rule
/// per check, evaluated over the input object and the limits object; derived values (the
/// consolidated figures, the look-back, the aid counted) are the rules' local parameters, so each
/// is computed only by the rule that needs it. The engine is built once; the workflows compile on
/// the first evaluation and are cached by the engine.
/// </summary>
internal sealed class RulesEngineChecks
{
    private const string AdmissionWorkflow = "admission";
    private const string ClaimWorkflow = "claim";
    private const string FlagProperty = "flagWhenBroken";
    private const RuleExpressionType Lambda = RuleExpressionType.LambdaExpression;

    // The look-back start for aid granted on `date`: rolling years, or fiscal years.
    private static string LookBackStart(string date) =>
        $"limits.RollingYears ? {date}.AddYears(-limits.Years).AddDays(1)"
        + $" : DateTime({date}.Year - (limits.Years - 1) - ({date} < DateTime({date}.Year, limits.FiscalMonth, limits.FiscalDay) ? 1 : 0), limits.FiscalMonth, limits.FiscalDay)";

    private static readonly string ClaimAfterIntensity = "Math.Round(input.Approved * limits.Intensity, limits.MinorUnits, MidpointRounding.AwayFromZero)";

    private readonly RulesEngine.RulesEngine engine;
    private readonly FrozenDictionary<string, int> flagWhenBroken;
    private readonly RuleParameter admissionLimits;
    private readonly RuleParameter claimLimits;

    public RulesEngineChecks(AdmissionLimits admission, ClaimLimits claim)
    {
        Workflow[] workflows = [Admission(), Claim()];
        flagWhenBroken = workflows.SelectMany(w => w.Rules).ToFrozenDictionary(r => r.RuleName, r => (int)r.Properties[FlagProperty], StringComparer.Ordinal);
        engine = new RulesEngine.RulesEngine(workflows, new ReSettings());
        admissionLimits = new RuleParameter("limits", admission);
        claimLimits = new RuleParameter("limits", claim);
    }

    /// <summary>Evaluates the six admission rules.</summary>
    /// <param name="input">The request.</param>
    /// <returns>The rules broken.</returns>
    public async ValueTask<AdmissionRulesBroken> AdmissionAsync(AdmissionInput input)
    {
        var results = await engine.ExecuteAllRulesAsync(AdmissionWorkflow, new RuleParameter("input", input), admissionLimits).ConfigureAwait(false);
        var broken = AdmissionRulesBroken.None;
        foreach (var result in results)
        {
            ThrowOnError(result);
            if (!result.IsSuccess)
            {
                broken |= (AdmissionRulesBroken)flagWhenBroken[result.Rule.RuleName];
            }
        }

        return broken;
    }

    /// <summary>Evaluates the four claim rules; the last one outputs the support granted.</summary>
    /// <param name="input">The claim.</param>
    /// <returns>The granted amount and the reasons.</returns>
    public async ValueTask<EngineClaimDecision> ClaimAsync(ClaimInput input)
    {
        var results = await engine.ExecuteAllRulesAsync(ClaimWorkflow, new RuleParameter("input", input), claimLimits).ConfigureAwait(false);
        var reasons = NotSupportedReasons.None;
        var granted = 0m;
        foreach (var result in results)
        {
            ThrowOnError(result);
            if (!result.IsSuccess)
            {
                reasons |= (NotSupportedReasons)flagWhenBroken[result.Rule.RuleName];
            }

            if (result.ActionResult?.Output is decimal output)
            {
                granted = output;
            }
        }

        return new EngineClaimDecision(granted, reasons);
    }

    private static void ThrowOnError(RuleResultTree result)
    {
        if (!string.IsNullOrEmpty(result.ExceptionMessage) || result.ActionResult?.Exception is not null)
        {
            throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName}: {result.ExceptionMessage} {result.ActionResult?.Exception?.Message}");
        }
    }

    private static Workflow Admission() => new()
    {
        WorkflowName = AdmissionWorkflow,
        Rules =
        [
            Rule("CapacityNotReached", AdmissionRulesBroken.CapacityReached, "input.AdmittedSoFar < limits.Capacity"),
            Rule("InsideApplicationWindow", AdmissionRulesBroken.OutsideApplicationWindow, "input.AppliedOn >= limits.ApplicationsStart && input.AppliedOn <= limits.ApplicationsEnd"),
            Rule("EstablishedInRegion", AdmissionRulesBroken.NotEstablishedInRegion, "limits.Regions.Length == 0 || limits.Regions.Contains(input.Region)"),
            Rule(
                "IsAnSme",
                AdmissionRulesBroken.NotAnSme,
                "(staff < limits.MicroStaff && (turnover <= limits.MicroTurnover || balanceSheet <= limits.MicroBalanceSheet))"
                + " || (staff < limits.SmallStaff && (turnover <= limits.SmallTurnover || balanceSheet <= limits.SmallBalanceSheet))"
                + " || (staff < limits.MediumStaff && (turnover <= limits.MediumTurnover || balanceSheet <= limits.MediumBalanceSheet))",
                Param("staff", Consolidated("Staff", rounded: false)),
                Param("turnover", Consolidated("Turnover", rounded: true)),
                Param("balanceSheet", Consolidated("BalanceSheet", rounded: true))),
            Rule(
                "WithinAidCeiling",
                AdmissionRulesBroken.AidCeilingExceeded,
                "counted + limits.Cap + inKind <= limits.Ceiling",
                Param("lookBackStart", LookBackStart("input.DecisionDate")),
                Param("counted", "input.DeclaredAid.Where(a => a.GrantedOn >= lookBackStart && a.GrantedOn <= input.DecisionDate).Sum(a => a.Amount)"),
                Param("inKind", "limits.InKindBudgetShare ? Math.Round(limits.TrainingAndConsultancy / limits.Capacity, limits.MinorUnits, MidpointRounding.AwayFromZero) : 0m")),
            Rule("BudgetCanReserveCap", AdmissionRulesBroken.BudgetCannotReserveCap, "input.ActionsAvailable >= limits.Cap"),
        ],
    };

    private static Workflow Claim()
    {
        var afterIntensity = Param("afterIntensity", ClaimAfterIntensity);
        var capLeft = Param("capLeft", "Math.Max(limits.Cap - input.AlreadyGranted, 0m)");
        var afterCap = Param("afterCap", "Math.Min(afterIntensity, capLeft)");
        var reservation = Param("reservation", "Math.Max(input.ReservationLeft, 0m)");
        var grant = Rule(
            "WithinAidHeadroom",
            NotSupportedReasons.AidCeiling,
            "afterReservation <= headroom",
            afterIntensity,
            capLeft,
            afterCap,
            reservation,
            Param("afterReservation", "Math.Min(afterCap, reservation)"),
            Param("lookBackStart", LookBackStart("input.GrantDate")),
            Param("counted", "input.AidReceived.Where(a => a.GrantedOn >= lookBackStart && a.GrantedOn <= input.GrantDate).Sum(a => a.Amount)"),
            Param("headroom", "Math.Max(limits.Ceiling - counted, 0m)"));
        var output = new ActionInfo { Name = "OutputExpression", Context = new() { ["Expression"] = "Math.Min(afterReservation, headroom)" } };
        grant.Actions = new RuleActions { OnSuccess = output, OnFailure = output };
        return new Workflow
        {
            WorkflowName = ClaimWorkflow,
            Rules =
            [
                Rule("IntensityPaysAll", NotSupportedReasons.Intensity, ClaimAfterIntensity + " >= input.Approved"),
                Rule("WithinCap", NotSupportedReasons.Cap, "afterIntensity <= capLeft", afterIntensity, capLeft),
                Rule("WithinReservation", NotSupportedReasons.Reservation, "afterCap <= reservation", afterIntensity, capLeft, afterCap, reservation),
                grant,
            ],
        };
    }

    // Own figures plus linked enterprises in full and partners in proportion (amounts rounded).
    private static string Consolidated(string figure, bool rounded) =>
        $"input.{figure} + input.Related.Sum(r => r.Share > limits.LinkedShareAbove ? r.{figure}"
        + $" : (r.Share >= limits.PartnerShareFrom ? {(rounded ? $"Math.Round(r.{figure} * r.Share, limits.MinorUnits, MidpointRounding.AwayFromZero)" : $"r.{figure} * r.Share")} : 0m))";

    // The rule's properties carry the flag set when the rule fails.
    private static Rule Rule(string name, Enum flagWhenBroken, string expression, params ScopedParam[] locals) => new()
    {
        RuleName = name,
        Properties = new() { [FlagProperty] = Convert.ToInt32(flagWhenBroken, System.Globalization.CultureInfo.InvariantCulture) },
        RuleExpressionType = Lambda,
        Expression = expression,
        LocalParams = locals,
    };

    private static ScopedParam Param(string name, string expression) => new() { Name = name, Expression = expression };
}
