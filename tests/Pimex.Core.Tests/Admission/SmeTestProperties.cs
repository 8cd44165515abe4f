using FsCheck.Xunit;
using Pimex.Admission;
using Pimex.Common;

namespace Pimex.Tests.Admission;

[Properties(Arbitrary = new[] { typeof(AdmissionArbitraries) })]
public class SmeTestProperties
{
    private static SmeAssessment Assess(CompanyProfile profile) => SmeTest.Assess(profile, AdmissionArbitraries.Sme);

    private static SmeAssessment Core(SmeAssessment a) => new(a.SizeClass, a.Staff, a.Turnover, a.BalanceSheet);

    private static CompanyProfile Adding(CompanyProfile profile, RelatedEnterprise related) =>
        profile with { Related = new EquatableArray<RelatedEnterprise>(profile.Related.Append(related)) };

    [Property]
    public bool SizeClassIsMonotoneInStaff(CompanyProfile profile, ExtraStaff extra)
    {
        var larger = profile with { Own = profile.Own with { Staff = profile.Own.Staff + extra.Value } };

        return Assess(larger).SizeClass >= Assess(profile).SizeClass;
    }

    [Property]
    public bool AutonomousEnterprisesNeverChangeTheClass(CompanyProfile profile, AutonomousEnterprise autonomous) =>
        Core(Assess(Adding(profile, autonomous.Enterprise))) == Core(Assess(profile));

    [Property]
    public bool AddingARelatedEnterpriseNeverMakesTheCompanySmaller(CompanyProfile profile, RelatedEnterprise related) =>
        Assess(Adding(profile, related)).SizeClass >= Assess(profile).SizeClass;

    [Property]
    public bool ConsolidatedFiguresAreTheOwnPlusEachRelatedByItsShare(CompanyProfile profile)
    {
        var sme = AdmissionArbitraries.Sme;
        var assessment = Assess(profile);
        decimal staff = profile.Own.Staff;
        var turnover = profile.Own.Turnover;
        var balanceSheet = profile.Own.BalanceSheet;
        foreach (var related in profile.Related)
        {
            var weight = related.Share > sme.LinkedShareAbove ? 1m : related.Share >= sme.PartnerShareFrom ? related.Share.Fraction : 0m;
            staff += related.Figures.Staff * weight;
            turnover += related.Figures.Turnover.Multiply(weight);
            balanceSheet += related.Figures.BalanceSheet.Multiply(weight);
        }

        return assessment.Staff == staff && assessment.Turnover == turnover && assessment.BalanceSheet == balanceSheet;
    }

    [Property]
    public bool TheClassIsTheFirstWhoseLimitsTheConsolidatedFiguresMeet(CompanyProfile profile)
    {
        var sme = AdmissionArbitraries.Sme;
        var a = Assess(profile);
        bool Meets(Pimex.Rulebooks.SizeClassLimits l) =>
            a.Staff < l.StaffBelow && (a.Turnover <= l.TurnoverAtMost || a.BalanceSheet <= l.BalanceSheetAtMost);

        var expected = Meets(sme.Micro) ? SizeClass.Micro
            : Meets(sme.Small) ? SizeClass.Small
            : Meets(sme.Medium) ? SizeClass.Medium
            : SizeClass.NotSme;
        return a.SizeClass == expected;
    }

    [Property]
    public bool GeneratedProfilesAreValid(CompanyProfile profile) =>
        CompanyProfileRules.Validate(profile, global::Pimex.Monetary.Currency.EUR).Count == 0;
}
