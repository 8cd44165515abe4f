using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Admission;

/// <summary>docs/sme-test.md stays true to the code: its sample explanation is what <see cref="SmeAssessment.Explain"/> prints.</summary>
public class SmeTestDocTest
{
    /// <summary>The profile the guide explains: 5 AWU of its own, a 40 % partner and a 10 % holder.</summary>
    internal static CompanyProfile GuideProfile { get; } = new(
        new EnterpriseFigures(5m, Money.Of(1_000_000m, Currency.EUR), Money.Of(900_000m, Currency.EUR)),
        new EquatableArray<RelatedEnterprise>(
        [
            new RelatedEnterprise("Partner SA", Rate.FromPercent(40m), new EnterpriseFigures(10m, Money.Of(1_000_000m, Currency.EUR), Money.Of(500_000m, Currency.EUR))),
            new RelatedEnterprise("Small holder", Rate.FromPercent(10m), new EnterpriseFigures(1m, Money.Zero(Currency.EUR), Money.Zero(Currency.EUR))),
        ]));

    [Fact]
    public void Doc_WhenShowingAnExplanation_ShowsWhatExplainPrints()
    {
        var sme = Rulebook.Extremadura.On(new LocalDate(2016, 3, 1)).Value.Sme;

        var text = SmeTest.Assess(GuideProfile, sme).Explain();

        Assert.Contains("```text\n" + text + "```", DocsFiles.Read("sme-test.md"), StringComparison.Ordinal);
    }
}
