using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using Pimex.Admission;
using Pimex.Promotion;

namespace Pimex.Benchmarks.Comparison;

/// <summary>The fact the NRules admission rules match: one request, the limits, and the rules broken.</summary>
/// <param name="input">The request.</param>
/// <param name="limits">The limits.</param>
public sealed class AdmissionFact(AdmissionInput input, AdmissionLimits limits)
{
    public AdmissionInput Input { get; } = input;

    public AdmissionLimits Limits { get; } = limits;

    public AdmissionRulesBroken Broken { get; private set; }

    public void Break(AdmissionRulesBroken rule) => Broken |= rule;
}

/// <summary>The fact the NRules claim rules match: one claim, the limits, and the decision.</summary>
/// <param name="input">The claim.</param>
/// <param name="limits">The limits.</param>
public sealed class ClaimFact(ClaimInput input, ClaimLimits limits)
{
    public ClaimInput Input { get; } = input;

    public ClaimLimits Limits { get; } = limits;

    public NotSupportedReasons Reasons { get; private set; }

    public decimal Granted { get; private set; }

    public void Grant(decimal granted) => Granted = granted;

    public void NotSupported(NotSupportedReasons reason) => Reasons |= reason;
}

/// <summary>
/// The admission and claim checks as NRules rules (fluent DSL), one rule per check, derived
/// values bound with <c>Let</c>. The rules are compiled once into a session factory, and one
/// long-lived session per check is reused: each evaluation inserts a new fact, fires, and
/// retracts it.
/// </summary>
internal sealed class NRulesChecks
{
    private readonly ISession admission;
    private readonly ISession claim;
    private readonly AdmissionLimits admissionLimits;
    private readonly ClaimLimits claimLimits;

    public NRulesChecks(AdmissionLimits admissionLimits, ClaimLimits claimLimits)
    {
        this.admissionLimits = admissionLimits;
        this.claimLimits = claimLimits;
        admission = Compile(AdmissionRules).CreateSession();
        claim = Compile(ClaimRules).CreateSession();
    }

    /// <summary>Evaluates the six admission rules.</summary>
    /// <param name="input">The request.</param>
    /// <returns>The rules broken.</returns>
    public AdmissionRulesBroken Admission(AdmissionInput input)
    {
        var fact = new AdmissionFact(input, admissionLimits);
        admission.Insert(fact);
        admission.Fire();
        admission.Retract(fact);
        return fact.Broken;
    }

    /// <summary>Evaluates the four claim rules and the grant.</summary>
    /// <param name="input">The claim.</param>
    /// <returns>The granted amount and the reasons.</returns>
    public EngineClaimDecision Claim(ClaimInput input)
    {
        var fact = new ClaimFact(input, claimLimits);
        claim.Insert(fact);
        claim.Fire();
        claim.Retract(fact);
        return new EngineClaimDecision(fact.Granted, fact.Reasons);
    }

    /// <summary>The six admission rules.</summary>
    public static Type[] AdmissionRules =>
    [
        typeof(AdmissionCapacityReachedRule),
        typeof(AdmissionOutsideApplicationWindowRule),
        typeof(AdmissionNotEstablishedInRegionRule),
        typeof(AdmissionNotAnSmeRule),
        typeof(AdmissionAidCeilingExceededRule),
        typeof(AdmissionBudgetCannotReserveCapRule),
    ];

    /// <summary>The four claim rules and the grant.</summary>
    public static Type[] ClaimRules =>
    [
        typeof(ClaimIntensityRule),
        typeof(ClaimCapRule),
        typeof(ClaimReservationRule),
        typeof(ClaimAidCeilingRule),
        typeof(ClaimGrantRule),
    ];

    /// <summary>Compiles rules into a session factory.</summary>
    /// <param name="rules">The rule types.</param>
    /// <returns>The factory.</returns>
    public static ISessionFactory Compile(Type[] rules)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(rules));
        var loaded = repository.GetRules().Count();
        return loaded == rules.Length
            ? repository.Compile()
            : throw new InvalidOperationException($"NRules loaded {loaded} of {rules.Length} rules.");
    }
}

/// <summary>NRules admission rule.</summary>
public sealed class AdmissionCapacityReachedRule : Rule
{
    public override void Define()
    {
        AdmissionFact fact = null!;
        When().Match(() => fact, f => f.Input.AdmittedSoFar >= f.Limits.Capacity);
        Then().Do(_ => fact.Break(AdmissionRulesBroken.CapacityReached));
    }
}

/// <summary>NRules admission rule.</summary>
public sealed class AdmissionOutsideApplicationWindowRule : Rule
{
    public override void Define()
    {
        AdmissionFact fact = null!;
        When().Match(() => fact, f => f.Input.AppliedOn < f.Limits.ApplicationsStart || f.Input.AppliedOn > f.Limits.ApplicationsEnd);
        Then().Do(_ => fact.Break(AdmissionRulesBroken.OutsideApplicationWindow));
    }
}

/// <summary>NRules admission rule.</summary>
public sealed class AdmissionNotEstablishedInRegionRule : Rule
{
    public override void Define()
    {
        AdmissionFact fact = null!;
        When().Match(() => fact, f => f.Limits.Regions.Length > 0 && !f.Limits.Regions.Contains(f.Input.Region));
        Then().Do(_ => fact.Break(AdmissionRulesBroken.NotEstablishedInRegion));
    }
}

/// <summary>NRules admission rule.</summary>
public sealed class AdmissionNotAnSmeRule : Rule
{
    public override void Define()
    {
        AdmissionFact fact = null!;
        decimal staff = 0m;
        decimal turnover = 0m;
        decimal balanceSheet = 0m;
        When().Match(() => fact)
            .Let(() => staff, () => fact.Input.Staff + fact.Input.Related.Sum(r => r.Share > fact.Limits.LinkedShareAbove ? r.Staff : r.Share >= fact.Limits.PartnerShareFrom ? r.Staff * r.Share : 0m))
            .Let(() => turnover, () => fact.Input.Turnover + fact.Input.Related.Sum(r => r.Share > fact.Limits.LinkedShareAbove ? r.Turnover : r.Share >= fact.Limits.PartnerShareFrom ? Math.Round(r.Turnover * r.Share, fact.Limits.MinorUnits, MidpointRounding.AwayFromZero) : 0m))
            .Let(() => balanceSheet, () => fact.Input.BalanceSheet + fact.Input.Related.Sum(r => r.Share > fact.Limits.LinkedShareAbove ? r.BalanceSheet : r.Share >= fact.Limits.PartnerShareFrom ? Math.Round(r.BalanceSheet * r.Share, fact.Limits.MinorUnits, MidpointRounding.AwayFromZero) : 0m))
            .Having(() => !((staff < fact.Limits.MicroStaff && (turnover <= fact.Limits.MicroTurnover || balanceSheet <= fact.Limits.MicroBalanceSheet))
                || (staff < fact.Limits.SmallStaff && (turnover <= fact.Limits.SmallTurnover || balanceSheet <= fact.Limits.SmallBalanceSheet))
                || (staff < fact.Limits.MediumStaff && (turnover <= fact.Limits.MediumTurnover || balanceSheet <= fact.Limits.MediumBalanceSheet))));
        Then().Do(_ => fact.Break(AdmissionRulesBroken.NotAnSme));
    }
}

/// <summary>NRules admission rule.</summary>
public sealed class AdmissionAidCeilingExceededRule : Rule
{
    public override void Define()
    {
        AdmissionFact fact = null!;
        DateTime lookBackStart = default;
        decimal counted = 0m;
        decimal inKind = 0m;
        When().Match(() => fact)
            .Let(() => lookBackStart, () => fact.Limits.RollingYears
                ? fact.Input.DecisionDate.AddYears(-fact.Limits.Years).AddDays(1)
                : new DateTime(fact.Input.DecisionDate.Year - (fact.Limits.Years - 1) - (fact.Input.DecisionDate < new DateTime(fact.Input.DecisionDate.Year, fact.Limits.FiscalMonth, fact.Limits.FiscalDay) ? 1 : 0), fact.Limits.FiscalMonth, fact.Limits.FiscalDay))
            .Let(() => counted, () => fact.Input.DeclaredAid.Where(a => a.GrantedOn >= lookBackStart && a.GrantedOn <= fact.Input.DecisionDate).Sum(a => a.Amount))
            .Let(() => inKind, () => fact.Limits.InKindBudgetShare ? Math.Round(fact.Limits.TrainingAndConsultancy / fact.Limits.Capacity, fact.Limits.MinorUnits, MidpointRounding.AwayFromZero) : 0m)
            .Having(() => counted + fact.Limits.Cap + inKind > fact.Limits.Ceiling);
        Then().Do(_ => fact.Break(AdmissionRulesBroken.AidCeilingExceeded));
    }
}

/// <summary>NRules admission rule.</summary>
public sealed class AdmissionBudgetCannotReserveCapRule : Rule
{
    public override void Define()
    {
        AdmissionFact fact = null!;
        When().Match(() => fact, f => f.Input.ActionsAvailable < f.Limits.Cap);
        Then().Do(_ => fact.Break(AdmissionRulesBroken.BudgetCannotReserveCap));
    }
}

/// <summary>NRules claim rule.</summary>
public sealed class ClaimIntensityRule : Rule
{
    public override void Define()
    {
        ClaimFact fact = null!;
        When().Match(() => fact, f => Math.Round(f.Input.Approved * f.Limits.Intensity, f.Limits.MinorUnits, MidpointRounding.AwayFromZero) < f.Input.Approved);
        Then().Do(_ => fact.NotSupported(NotSupportedReasons.Intensity));
    }
}

/// <summary>NRules claim rule.</summary>
public sealed class ClaimCapRule : Rule
{
    public override void Define()
    {
        ClaimFact fact = null!;
        decimal afterIntensity = 0m;
        decimal capLeft = 0m;
        When().Match(() => fact)
            .Let(() => afterIntensity, () => Math.Round(fact.Input.Approved * fact.Limits.Intensity, fact.Limits.MinorUnits, MidpointRounding.AwayFromZero))
            .Let(() => capLeft, () => Math.Max(fact.Limits.Cap - fact.Input.AlreadyGranted, 0m))
            .Having(() => afterIntensity > capLeft);
        Then().Do(_ => fact.NotSupported(NotSupportedReasons.Cap));
    }
}

/// <summary>NRules claim rule.</summary>
public sealed class ClaimReservationRule : Rule
{
    public override void Define()
    {
        ClaimFact fact = null!;
        decimal afterCap = 0m;
        decimal reservation = 0m;
        When().Match(() => fact)
            .Let(() => afterCap, () => Math.Min(Math.Round(fact.Input.Approved * fact.Limits.Intensity, fact.Limits.MinorUnits, MidpointRounding.AwayFromZero), Math.Max(fact.Limits.Cap - fact.Input.AlreadyGranted, 0m)))
            .Let(() => reservation, () => Math.Max(fact.Input.ReservationLeft, 0m))
            .Having(() => afterCap > reservation);
        Then().Do(_ => fact.NotSupported(NotSupportedReasons.Reservation));
    }
}

/// <summary>NRules claim rule.</summary>
public sealed class ClaimAidCeilingRule : Rule
{
    public override void Define()
    {
        ClaimFact fact = null!;
        decimal afterReservation = 0m;
        decimal headroom = 0m;
        When().Match(() => fact)
            .Let(() => afterReservation, () => ClaimDerivations.AfterReservation(fact))
            .Let(() => headroom, () => ClaimDerivations.Headroom(fact))
            .Having(() => afterReservation > headroom);
        Then().Do(_ => fact.NotSupported(NotSupportedReasons.AidCeiling));
    }
}

/// <summary>NRules claim rule.</summary>
public sealed class ClaimGrantRule : Rule
{
    public override void Define()
    {
        ClaimFact fact = null!;
        decimal afterReservation = 0m;
        decimal headroom = 0m;
        When().Match(() => fact)
            .Let(() => afterReservation, () => ClaimDerivations.AfterReservation(fact))
            .Let(() => headroom, () => ClaimDerivations.Headroom(fact));
        Then().Do(_ => fact.Grant(Math.Min(afterReservation, headroom)));
    }
}

/// <summary>The derivations both the aid ceiling rule and the grant bind.</summary>
internal static class ClaimDerivations
{
    // The derivations both the aid ceiling rule and the grant bind: what is left after intensity,
    // cap and reservation, and the headroom under the ceiling within the look-back.
    internal static decimal AfterReservation(ClaimFact fact) =>
        Math.Min(
            Math.Min(Math.Round(fact.Input.Approved * fact.Limits.Intensity, fact.Limits.MinorUnits, MidpointRounding.AwayFromZero), Math.Max(fact.Limits.Cap - fact.Input.AlreadyGranted, 0m)),
            Math.Max(fact.Input.ReservationLeft, 0m));

    internal static decimal Headroom(ClaimFact fact)
    {
        var grantDate = fact.Input.GrantDate;
        var limits = fact.Limits;
        var lookBackStart = limits.RollingYears
            ? grantDate.AddYears(-limits.Years).AddDays(1)
            : new DateTime(grantDate.Year - (limits.Years - 1) - (grantDate < new DateTime(grantDate.Year, limits.FiscalMonth, limits.FiscalDay) ? 1 : 0), limits.FiscalMonth, limits.FiscalDay);
        return Math.Max(limits.Ceiling - fact.Input.AidReceived.Where(a => a.GrantedOn >= lookBackStart && a.GrantedOn <= grantDate).Sum(a => a.Amount), 0m);
    }
}
