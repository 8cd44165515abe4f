using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Rulebooks;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Editions;

/// <summary>The short way to write an autonomous enterprise's application, and what it declares.</summary>
public class CompanyApplicationTest
{
    private static readonly EnterpriseFigures Figures = new(20m, Money.Of(3_000_000m, Currency.EUR), Money.Of(2_000_000m, Currency.EUR));

    [Fact]
    public void Autonomous_WhenGivenItsFigures_IsTheWholeDeclarationWithNothingRelatedOrEarlier()
    {
        var written = new CompanyApplication(new CompanyId("B1"), "ES43", new CompanyProfile(Figures, []), []);

        var application = CompanyApplication.Autonomous(new CompanyId("B1"), "ES43", Figures);

        Assert.Equal(written, application);
        Assert.Empty(application.Profile.Related);
        Assert.Empty(application.Profile.Earlier);
        Assert.Empty(application.DeclaredAid);
        Assert.Empty(application.Restructurings);
        Assert.Equal(FiguresBasis.ApprovedAccounts, application.Profile.Basis);
    }

    [Fact]
    public void Autonomous_WhenTheFiguresAreASmallEnterprises_IsAdmittedLikeTheLongForm()
    {
        var session = EditionSession.Open(Rulebook.Extremadura, 2016, Ctx(Manager, At(2016, 1, 10))).Value;

        var applied = session.ReceiveApplication(CompanyApplication.Autonomous(new CompanyId("B1"), "ES43", Figures), Ctx(Rep("B1"), At(2016, 2, 1)));
        var admitted = session.Admit(new CompanyId("B1"), Ctx(Manager, At(2016, 2, 15)));

        Assert.True(applied.IsSuccess, string.Join("; ", applied.ValidationErrors.Select(e => e.ErrorCode)));
        Assert.True(admitted.IsSuccess, string.Join("; ", admitted.ValidationErrors.Select(e => e.ErrorCode)));
        Assert.Contains(new CompanyId("B1"), session.Participants.Keys);
    }

    [Fact]
    public void Autonomous_WhenTheRegionOrTheFiguresAreNull_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CompanyApplication.Autonomous(new CompanyId("B1"), null!, Figures));
        Assert.Throws<ArgumentNullException>(() => CompanyProfile.Autonomous(null!));
    }
}
