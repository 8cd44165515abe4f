using Pimex.Admission;
using Pimex.Benchmarks.Fixtures;
using Pimex.Editions;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Benchmarks.Comparison;

// The input objects the two rules engines evaluate: plain classes with properties, dates as
// DateTime (what their expression languages know), built once from the same rulebook values.
#pragma warning disable CA1819 // Properties should not return arrays: the engines' expressions read them.

/// <summary>A related enterprise.</summary>
public sealed class RelatedInput
{
    public decimal Share { get; init; }

    public decimal Staff { get; init; }

    public decimal Turnover { get; init; }

    public decimal BalanceSheet { get; init; }
}

/// <summary>One aid received.</summary>
public sealed class AidInput
{
    public decimal Amount { get; init; }

    public DateTime GrantedOn { get; init; }

    internal static AidInput From(AidReceived aid) => new() { Amount = aid.Amount.Amount, GrantedOn = Eur.ToDateTime(aid.GrantedOn) };
}

/// <summary>One admission request: the application and the edition's state.</summary>
public sealed class AdmissionInput
{
    public string Region { get; init; } = "";

    public decimal Staff { get; init; }

    public decimal Turnover { get; init; }

    public decimal BalanceSheet { get; init; }

    public RelatedInput[] Related { get; init; } = [];

    public AidInput[] DeclaredAid { get; init; } = [];

    public DateTime AppliedOn { get; init; }

    public DateTime DecisionDate { get; init; }

    public int AdmittedSoFar { get; init; }

    public decimal ActionsAvailable { get; init; }

    internal static AdmissionInput From(CompanyApplication application, NodaTime.LocalDate appliedOn, NodaTime.LocalDate decisionDate, int admittedSoFar, decimal actionsAvailable) => new()
    {
        Region = application.Region,
        Staff = application.Profile.Own.Staff,
        Turnover = application.Profile.Own.Turnover.Amount,
        BalanceSheet = application.Profile.Own.BalanceSheet.Amount,
        Related = [.. application.Profile.Related.Select(r => new RelatedInput { Share = r.Share.Fraction, Staff = r.Figures.Staff, Turnover = r.Figures.Turnover.Amount, BalanceSheet = r.Figures.BalanceSheet.Amount })],
        DeclaredAid = [.. application.DeclaredAid.Select(AidInput.From)],
        AppliedOn = Eur.ToDateTime(appliedOn),
        DecisionDate = Eur.ToDateTime(decisionDate),
        AdmittedSoFar = admittedSoFar,
        ActionsAvailable = actionsAvailable,
    };
}

/// <summary>The look-back of the aid regime, shared by both limit objects.</summary>
public abstract class LookBackLimits
{
    public int MinorUnits { get; init; }

    public decimal Ceiling { get; init; }

    public bool RollingYears { get; init; }

    public int Years { get; init; }

    public int FiscalMonth { get; init; }

    public int FiscalDay { get; init; }
}

/// <summary>The admission rules' numbers, from the rulebook.</summary>
public sealed class AdmissionLimits : LookBackLimits
{
    public int Capacity { get; init; }

    public DateTime ApplicationsStart { get; init; }

    public DateTime ApplicationsEnd { get; init; }

    public string[] Regions { get; init; } = [];

    public decimal MicroStaff { get; init; }

    public decimal MicroTurnover { get; init; }

    public decimal MicroBalanceSheet { get; init; }

    public decimal SmallStaff { get; init; }

    public decimal SmallTurnover { get; init; }

    public decimal SmallBalanceSheet { get; init; }

    public decimal MediumStaff { get; init; }

    public decimal MediumTurnover { get; init; }

    public decimal MediumBalanceSheet { get; init; }

    public decimal PartnerShareFrom { get; init; }

    public decimal LinkedShareAbove { get; init; }

    public decimal Cap { get; init; }

    public bool InKindBudgetShare { get; init; }

    public decimal TrainingAndConsultancy { get; init; }

    internal static AdmissionLimits From(RuleSet rules, AnnuityRules annuity, AidRegime regime) => new()
    {
        MinorUnits = rules.Currency.MinorUnits,
        Capacity = annuity.Capacity,
        ApplicationsStart = Eur.ToDateTime(annuity.Applications.Start),
        ApplicationsEnd = Eur.ToDateTime(annuity.Applications.End),
        Regions = [.. rules.Eligibility.Regions],
        MicroStaff = rules.Sme.Micro.StaffBelow,
        MicroTurnover = rules.Sme.Micro.TurnoverAtMost.Amount,
        MicroBalanceSheet = rules.Sme.Micro.BalanceSheetAtMost.Amount,
        SmallStaff = rules.Sme.Small.StaffBelow,
        SmallTurnover = rules.Sme.Small.TurnoverAtMost.Amount,
        SmallBalanceSheet = rules.Sme.Small.BalanceSheetAtMost.Amount,
        MediumStaff = rules.Sme.Medium.StaffBelow,
        MediumTurnover = rules.Sme.Medium.TurnoverAtMost.Amount,
        MediumBalanceSheet = rules.Sme.Medium.BalanceSheetAtMost.Amount,
        PartnerShareFrom = rules.Sme.PartnerShareFrom.Fraction,
        LinkedShareAbove = rules.Sme.LinkedShareAbove.Fraction,
        Cap = rules.Promotion.CapPerCompany.Amount,
        InKindBudgetShare = rules.Aid.InKindValuation == InKindValuation.BudgetShare,
        TrainingAndConsultancy = (annuity.Budget.Training + annuity.Budget.Consultancy).Amount,
        Ceiling = regime.Ceiling.Amount,
        RollingYears = regime.Period.Kind == AidPeriodKind.RollingYears,
        Years = regime.Period.Years,
        FiscalMonth = regime.Period.FiscalYearStart.Month,
        FiscalDay = regime.Period.FiscalYearStart.Day,
    };
}

/// <summary>One claim to decide: the approved amount and the participant's position.</summary>
public sealed class ClaimInput
{
    public decimal Approved { get; init; }

    public decimal AlreadyGranted { get; init; }

    public decimal ReservationLeft { get; init; }

    public AidInput[] AidReceived { get; init; } = [];

    public DateTime GrantDate { get; init; }
}

/// <summary>The claim rules' numbers, from the rulebook.</summary>
public sealed class ClaimLimits : LookBackLimits
{
    public decimal Intensity { get; init; }

    public decimal Cap { get; init; }

    internal static ClaimLimits From(RuleSet rules, AidRegime regime) => new()
    {
        MinorUnits = rules.Currency.MinorUnits,
        Intensity = rules.Promotion.SupportIntensity.Fraction,
        Cap = rules.Promotion.CapPerCompany.Amount,
        Ceiling = regime.Ceiling.Amount,
        RollingYears = regime.Period.Kind == AidPeriodKind.RollingYears,
        Years = regime.Period.Years,
        FiscalMonth = regime.Period.FiscalYearStart.Month,
        FiscalDay = regime.Period.FiscalYearStart.Day,
    };
}

/// <summary>The outcome of an engine's claim decision.</summary>
/// <param name="Granted">The support granted.</param>
/// <param name="Reasons">Why the rest was not supported.</param>
public readonly record struct EngineClaimDecision(decimal Granted, Pimex.Promotion.NotSupportedReasons Reasons);
#pragma warning restore CA1819
