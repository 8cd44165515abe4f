// TEMPORARY stub of helper-2's API so the lead can compile; replaced on merge.
#pragma warning disable CS1591
using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Admission
{
    public enum SizeClass { Micro, Small, Medium, NotSme }
    public sealed record EnterpriseFigures(decimal Staff, Money Turnover, Money BalanceSheet);
    public sealed record RelatedEnterprise(string Name, Rate Share, EnterpriseFigures Figures);
    public sealed record CompanyProfile(EnterpriseFigures Own, EquatableArray<RelatedEnterprise> Related);
    public readonly record struct SmeAssessment(SizeClass SizeClass, decimal Staff, Money Turnover, Money BalanceSheet);
    public static class SmeTest { public static SmeAssessment Assess(CompanyProfile profile, SmeThresholds thresholds) => new(SizeClass.Small, profile.Own.Staff, profile.Own.Turnover, profile.Own.BalanceSheet); }
    public static class CompanyProfileRules { public static IReadOnlyList<ValidationError> Validate(CompanyProfile profile, Currency currency) => []; }
    public static class AdmissionErrors
    {
        public const string CapacityReached = "PIMEX-ADM-001";
        public const string OutsideApplicationWindow = "PIMEX-ADM-002";
        public const string NotEstablishedInRegion = "PIMEX-ADM-003";
        public const string NotAnSme = "PIMEX-ADM-004";
        public const string AidCeilingExceeded = "PIMEX-ADM-005";
        public const string BudgetCannotReserveCap = "PIMEX-ADM-006";
        public const string AlreadyApplied = "PIMEX-ADM-007";
        public const string NotApplied = "PIMEX-ADM-008";
        public const string AlreadyDecided = "PIMEX-ADM-009";
    }
}

namespace Pimex.StateAid
{
    public sealed record AidReceived(Money Amount, LocalDate GrantedOn, string GrantingBody);
    public readonly record struct AidCeilingCheck(AidRegime Regime, DateInterval LookBack, Money AlreadyCounted, Money NewAid, Money Headroom, bool IsWithinCeiling);
    public static class AidCeiling
    {
        public static AidCeilingCheck Check(AidRegime regime, IEnumerable<AidReceived> received, Money newAid, LocalDate grantDate) => default;
        public static AidCeilingCheck Check(AidRegime regime, ReadOnlySpan<AidReceived> received, Money newAid, LocalDate grantDate) => default;
    }
}
