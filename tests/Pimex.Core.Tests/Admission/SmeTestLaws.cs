using FsCheck.Xunit;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Monetary;

namespace Pimex.Tests.Admission;

/// <summary>The laws of the SME test that the Recommendation implies, over generated declarations.</summary>
[Properties(Arbitrary = new[] { typeof(AdmissionArbitraries) })]
public class SmeTestLaws
{
    private static SmeAssessment Assess(CompanyProfile profile) => SmeTest.Assess(profile, AdmissionArbitraries.Sme);

    private static CompanyProfile Adding(CompanyProfile profile, RelatedEnterprise related) =>
        profile with { Related = new EquatableArray<RelatedEnterprise>(profile.Related.Append(related)) };

    /// <summary>Art. 3(2), second subparagraph: an investor of the list that is not linked leaves the enterprise autonomous of it.</summary>
    [Property]
    public bool AnExemptInvestorNeverChangesTheClass(CompanyProfile profile, ExemptInvestor investor)
    {
        var before = Assess(profile);
        var after = Assess(Adding(profile, investor.Investor));

        return after.SizeClass == before.SizeClass && after.Staff == before.Staff && after.Turnover == before.Turnover && after.BalanceSheet == before.BalanceSheet;
    }

    /// <summary>Art. 6(2): linked enterprises add their figures in full, and figures never go below zero.</summary>
    [Property]
    public bool AddingALinkedEnterpriseNeverMakesTheEnterpriseSmaller(CompanyProfile profile, LinkedEnterprise linked) =>
        Assess(Adding(profile, linked.Enterprise)).SizeClass >= Assess(profile).SizeClass;

    /// <summary>Art. 4(2): one accounting period over (or under) a ceiling never changes the class.</summary>
    [Property]
    public bool OnePeriodOverTheCeilingNeverChangesTheClass(SettledHistory history, Pimex.Admission.EnterpriseFigures next)
    {
        var settled = history.Profile;
        var previous = settled with { Earlier = default };
        var withNext = new CompanyProfile(next, settled.Related)
        {
            Earlier = new EquatableArray<CompanyProfile>(settled.Earlier.Prepend(previous)),
        };

        return Assess(withNext).SizeClass == Assess(settled).SizeClass;
    }

    /// <summary>Every line adds up: the consolidated figures are the sum of what each line counted.</summary>
    [Property]
    public bool TheConsolidatedFiguresAreTheSumOfTheLines(CompanyProfile profile, LinkedEnterprise linked, ExemptInvestor investor)
    {
        var a = Assess(Adding(Adding(profile, linked.Enterprise), investor.Investor));

        return a.Lines.Sum(l => l.Staff) == a.Staff
            && a.Lines.Aggregate(Money.Zero(a.Turnover.Currency), (sum, l) => sum + l.Turnover) == a.Turnover
            && a.Lines.Aggregate(Money.Zero(a.BalanceSheet.Currency), (sum, l) => sum + l.BalanceSheet) == a.BalanceSheet;
    }

    /// <summary>The allocation-free decision and the explained assessment decide alike.</summary>
    [Property]
    public bool ClassifyDecidesAsAssessDoes(SettledHistory history, LinkedEnterprise linked, ExemptInvestor investor)
    {
        var profile = Adding(Adding(history.Profile, linked.Enterprise), investor.Investor);
        var explained = SmeTest.Assess(profile, AdmissionArbitraries.Sme);

        return SmeTest.Classify(profile, AdmissionArbitraries.Sme) == new SmeAssessment(explained.SizeClass, explained.Staff, explained.Turnover, explained.BalanceSheet)
        {
            PublicControl = explained.PublicControl,
            Basis = explained.Basis,
        };
    }
}
