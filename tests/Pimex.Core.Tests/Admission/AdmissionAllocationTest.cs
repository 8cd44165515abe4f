using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Admission;

/// <summary>The admission decision stays allocation-free with the whole SME test and the single undertaking.</summary>
public class AdmissionAllocationTest
{
    [Fact]
    public void Evaluate_WhenCalledAgainWithLinkedAndPartnerEnterprisesAndTwoPeriods_AllocatesNothing()
    {
        var rulebook = Rulebook.Extremadura;
        var rules = rulebook.On(new LocalDate(2016, 1, 15)).Value;
        var annuity = rulebook.Annuity(2016).Value;
        var decided = new LocalDate(2016, 3, 20);
        var regime = rulebook.On(decided).Value.Aid.Regime;
        var figures = new EnterpriseFigures(12m, Eur(1_000_000m), Eur(900_000m));
        var profile = new CompanyProfile(
            figures,
            new EquatableArray<RelatedEnterprise>(
            [
                new RelatedEnterprise("Parent SA", Rate.FromPercent(60m), figures) { Related = new EquatableArray<RelatedEnterprise>([new RelatedEnterprise("Sister SL", Rate.FromPercent(100m), figures)]) },
                new RelatedEnterprise("Partner SA", Rate.FromPercent(30m), figures),
            ]))
        {
            Earlier = new EquatableArray<CompanyProfile>([new CompanyProfile(figures, default)]),
        };
        var application = Application("B1", declaredAid: new AidReceived(Eur(10_000m), new LocalDate(2015, 1, 1), "Junta")) with { Profile = profile };
        var expected = AdmissionEligibility.Evaluate(application, new LocalDate(2016, 2, 1), decided, rules, regime, annuity, 0, annuity.Budget.Actions);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var again = AdmissionEligibility.Evaluate(application, new LocalDate(2016, 2, 1), decided, rules, regime, annuity, 0, annuity.Budget.Actions);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(expected, again);
        Assert.Equal(0, allocated);
        Assert.True(again.IsAdmissible);
    }
}
