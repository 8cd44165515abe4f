using NodaTime;
using Pimex.Admission;
using Pimex.Editions;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Benchmarks.Comparison;

/// <summary>The limits of one size class, as plain numbers.</summary>
/// <param name="StaffBelow">Staff must be below this.</param>
/// <param name="TurnoverAtMost">Turnover at most this...</param>
/// <param name="BalanceSheetAtMost">... or balance-sheet total at most this.</param>
public readonly record struct PlainSizeLimits(decimal StaffBelow, decimal TurnoverAtMost, decimal BalanceSheetAtMost)
{
    public static PlainSizeLimits From(SizeClassLimits limits) =>
        new(limits.StaffBelow, limits.TurnoverAtMost.Amount, limits.BalanceSheetAtMost.Amount);

    public bool Holds(decimal staff, decimal turnover, decimal balanceSheet) =>
        staff < StaffBelow && (turnover <= TurnoverAtMost || balanceSheet <= BalanceSheetAtMost);
}

/// <summary>The look-back of a state-aid regime, as plain values.</summary>
/// <param name="Rolling">Rolling years (else fiscal years).</param>
/// <param name="Years">How many years.</param>
/// <param name="FiscalYearStart">The first day of a fiscal year.</param>
public readonly record struct PlainLookBack(bool Rolling, int Years, AnnualDate FiscalYearStart)
{
    public static PlainLookBack From(AidPeriod period) =>
        new(period.Kind == AidPeriodKind.RollingYears, period.Years, period.FiscalYearStart);

    public LocalDate Start(LocalDate grantDate)
    {
        if (Rolling)
        {
            return grantDate.PlusYears(-Years).PlusDays(1);
        }

        var fiscalYear = FiscalYearStart.InYear(grantDate.Year) <= grantDate ? grantDate.Year : grantDate.Year - 1;
        return FiscalYearStart.InYear(fiscalYear - (Years - 1));
    }
}

/// <summary>Figures of one enterprise.</summary>
public readonly record struct PlainFigures(decimal Staff, decimal Turnover, decimal BalanceSheet);

/// <summary>A related enterprise: the share held and its figures.</summary>
public readonly record struct PlainRelated(decimal Share, PlainFigures Figures);

/// <summary>One aid received.</summary>
public readonly record struct PlainAid(decimal Amount, LocalDate GrantedOn);

/// <summary>An application as plain values.</summary>
public readonly record struct PlainApplication(string Region, PlainFigures Own, PlainRelated[] Related, PlainAid[] DeclaredAid)
{
    public static PlainApplication From(CompanyApplication application) => new(
        application.Region,
        Figures(application.Profile.Own),
        [.. application.Profile.Related.Select(r => new PlainRelated(r.Share.Fraction, Figures(r.Figures)))],
        [.. application.DeclaredAid.Select(PlainAidFrom)]);

    public static PlainAid PlainAidFrom(AidReceived aid) => new(aid.Amount.Amount, aid.GrantedOn);

    private static PlainFigures Figures(EnterpriseFigures f) => new(f.Staff, f.Turnover.Amount, f.BalanceSheet.Amount);
}

/// <summary>
/// Every number the admission rules need, copied once from the rulebook's
/// <see cref="RuleSet"/>, the annuity and the aid regime into one struct.
/// </summary>
public readonly record struct PlainAdmissionLimits(
    int MinorUnits,
    int Capacity,
    LocalDate ApplicationsStart,
    LocalDate ApplicationsEnd,
    string[] Regions,
    PlainSizeLimits Micro,
    PlainSizeLimits Small,
    PlainSizeLimits Medium,
    decimal PartnerShareFrom,
    decimal LinkedShareAbove,
    decimal Cap,
    bool InKindBudgetShare,
    decimal TrainingAndConsultancy,
    decimal Ceiling,
    PlainLookBack LookBack)
{
    public static PlainAdmissionLimits From(RuleSet rules, AnnuityRules annuity, AidRegime regime) => new(
        rules.Currency.MinorUnits,
        annuity.Capacity,
        annuity.Applications.Start,
        annuity.Applications.End,
        [.. rules.Eligibility.Regions],
        PlainSizeLimits.From(rules.Sme.Micro),
        PlainSizeLimits.From(rules.Sme.Small),
        PlainSizeLimits.From(rules.Sme.Medium),
        rules.Sme.PartnerShareFrom.Fraction,
        rules.Sme.LinkedShareAbove.Fraction,
        rules.Promotion.CapPerCompany.Amount,
        rules.Aid.InKindValuation == InKindValuation.BudgetShare,
        (annuity.Budget.Training + annuity.Budget.Consultancy).Amount,
        regime.Ceiling.Amount,
        PlainLookBack.From(regime.Period));
}

/// <summary>The outcome of the hand-written admission check.</summary>
public readonly record struct PlainAdmissionCheck(AdmissionRulesBroken Broken, SizeClass SizeClass, decimal AidCounted, decimal NewAid);

/// <summary>The claim rules' numbers, copied once from the rulebook.</summary>
public readonly record struct PlainClaimLimits(int MinorUnits, decimal Intensity, decimal Cap, decimal Ceiling, PlainLookBack LookBack)
{
    public static PlainClaimLimits From(RuleSet rules, AidRegime regime) => new(
        rules.Currency.MinorUnits,
        rules.Promotion.SupportIntensity.Fraction,
        rules.Promotion.CapPerCompany.Amount,
        regime.Ceiling.Amount,
        PlainLookBack.From(regime.Period));
}

/// <summary>The outcome of the hand-written claim decision.</summary>
public readonly record struct PlainClaimDecision(decimal Approved, decimal Granted, decimal NotSupported, NotSupportedReasons Reasons);

/// <summary>
/// The admission and claim checks as plain hand-written C# over structs of decimals and dates:
/// the practical limit, and the baseline of the comparison. Same checks, same rounding (half away
/// from zero to the currency's minor unit) as Pimex.Core; no validation, no currency checks.
/// </summary>
public static class HandWritten
{
    public static PlainAdmissionCheck Admission(in PlainAdmissionLimits limits, in PlainApplication application, LocalDate appliedOn, LocalDate decisionDate, int admittedSoFar, decimal actionsAvailable)
    {
        var broken = AdmissionRulesBroken.None;
        if (admittedSoFar >= limits.Capacity)
        {
            broken |= AdmissionRulesBroken.CapacityReached;
        }

        if (appliedOn < limits.ApplicationsStart || appliedOn > limits.ApplicationsEnd)
        {
            broken |= AdmissionRulesBroken.OutsideApplicationWindow;
        }

        if (limits.Regions.Length > 0 && !Contains(limits.Regions, application.Region))
        {
            broken |= AdmissionRulesBroken.NotEstablishedInRegion;
        }

        var staff = application.Own.Staff;
        var turnover = application.Own.Turnover;
        var balanceSheet = application.Own.BalanceSheet;
        foreach (var related in application.Related)
        {
            if (related.Share > limits.LinkedShareAbove)
            {
                staff += related.Figures.Staff;
                turnover += related.Figures.Turnover;
                balanceSheet += related.Figures.BalanceSheet;
            }
            else if (related.Share >= limits.PartnerShareFrom)
            {
                staff += related.Figures.Staff * related.Share;
                turnover += Round(related.Figures.Turnover * related.Share, limits.MinorUnits);
                balanceSheet += Round(related.Figures.BalanceSheet * related.Share, limits.MinorUnits);
            }
        }

        var sizeClass = limits.Micro.Holds(staff, turnover, balanceSheet) ? SizeClass.Micro
            : limits.Small.Holds(staff, turnover, balanceSheet) ? SizeClass.Small
            : limits.Medium.Holds(staff, turnover, balanceSheet) ? SizeClass.Medium
            : SizeClass.NotSme;
        if (sizeClass == SizeClass.NotSme)
        {
            broken |= AdmissionRulesBroken.NotAnSme;
        }

        var inKind = limits.InKindBudgetShare ? Round(limits.TrainingAndConsultancy / limits.Capacity, limits.MinorUnits) : 0m;
        var newAid = limits.Cap + inKind;
        var counted = Counted(application.DeclaredAid, limits.LookBack.Start(decisionDate), decisionDate);
        if (counted + newAid > limits.Ceiling)
        {
            broken |= AdmissionRulesBroken.AidCeilingExceeded;
        }

        if (actionsAvailable < limits.Cap)
        {
            broken |= AdmissionRulesBroken.BudgetCannotReserveCap;
        }

        return new PlainAdmissionCheck(broken, sizeClass, counted, newAid);
    }

    public static PlainClaimDecision Claim(in PlainClaimLimits limits, PlainAid[] aidReceived, decimal approved, decimal alreadyGranted, decimal reservationLeft, LocalDate grantDate)
    {
        var headroom = Math.Max(limits.Ceiling - Counted(aidReceived, limits.LookBack.Start(grantDate), grantDate), 0m);
        var granted = Round(approved * limits.Intensity, limits.MinorUnits);
        var reasons = granted < approved ? NotSupportedReasons.Intensity : NotSupportedReasons.None;
        var capLeft = Math.Max(limits.Cap - alreadyGranted, 0m);
        if (granted > capLeft)
        {
            granted = capLeft;
            reasons |= NotSupportedReasons.Cap;
        }

        var reservation = Math.Max(reservationLeft, 0m);
        if (granted > reservation)
        {
            granted = reservation;
            reasons |= NotSupportedReasons.Reservation;
        }

        if (granted > headroom)
        {
            granted = headroom;
            reasons |= NotSupportedReasons.AidCeiling;
        }

        return new PlainClaimDecision(approved, granted, approved - granted, reasons);
    }

    private static decimal Counted(PlainAid[] aid, LocalDate from, LocalDate to)
    {
        var counted = 0m;
        foreach (var a in aid)
        {
            if (from <= a.GrantedOn && a.GrantedOn <= to)
            {
                counted += a.Amount;
            }
        }

        return counted;
    }

    private static bool Contains(string[] values, string value)
    {
        foreach (var v in values)
        {
            if (string.Equals(v, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static decimal Round(decimal value, int digits) => decimal.Round(value, digits, MidpointRounding.AwayFromZero);
}
