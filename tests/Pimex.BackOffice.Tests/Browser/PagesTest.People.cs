using System.Text.Json;
using Microsoft.Playwright;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Pages;
using Pimex.BackOffice.Tests.Support;
using Pimex.Localisation;
using Pimex.Participation;
using static Microsoft.Playwright.Assertions;

namespace Pimex.BackOffice.Tests.Browser;

/// <summary>
/// The pages as the people who use them read them: a company's own page reached from the
/// matrix, the reviewer's comment and the next step, what waits on the glance page, refusals in
/// the page's language, and every page checked with axe-core in every shipped language.
/// </summary>
public sealed partial class PagesTest
{
    private static readonly ReportLanguage[] Shipped = [ReportLanguage.English, ReportLanguage.Spanish, ReportLanguage.Slovenian];

    [Fact]
    public async Task TheMatrix_LinksEachCompany_ToItsPage_WithItsDeliverablesAndClaims()
    {
        var page = await browser.SignInAsync(Api.Manager);
        await page.GotoAsync("/office/extremadura/2016/participants");
        await page.Locator("#matrix tr[data-company=B3] th[data-col=company] a").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/office/extremadura/2016/company/B3$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(PageTextOf("company.title").Replace("{0}", "B3", StringComparison.Ordinal).Replace("{1}", "2016", StringComparison.Ordinal));
        await Expect(page.Locator("#matrix tbody tr")).ToHaveAttributeAsync("data-company", "B3");
        await Expect(page.Locator("#claims tr[data-claim=C1] [data-col=approved]")).ToHaveTextAsync(Es.Money(Api.Eur(2_000m)));
        await Expect(page.Locator("#deliverables tr[data-deliverable=swot] [data-col=next]")).ToHaveTextAsync(PageTextOf("next.staff.notSubmitted"));
        await BrowserFixture.ShotAsync(page, "company-for-staff");

        // A participant the edition does not have: a 404 in the page's language, not the API's English.
        var missing = await page.GotoAsync("/office/extremadura/2016/company/B9");
        Assert.Equal(404, missing!.Status);
        await Expect(page.Locator("#refusal")).ToContainTextAsync(PageText.For(Es).Format("problem.notParticipant", "B9", 2016));
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheMatrix_NamesCompaniesItKnows_AsText_BesideTheirTaxIds_AndFindsThemByName()
    {
        var page = await browser.SignInAsync(Api.Manager);
        await page.GotoAsync("/office/extremadura/2016/participants");

        var named = page.Locator("#matrix tr[data-company=B2] th[data-col=company] a");
        await Expect(named).ToHaveTextAsync(BrowserFixture.B2Name + " (B2)");
        await Expect(named).ToHaveAttributeAsync("href", "/office/extremadura/2016/company/B2");
        await Expect(named).ToHaveAttributeAsync("aria-label", PageText.For(Es).Format("company.open", BrowserFixture.B2Name + " (B2)"));
        await Expect(page.Locator("#matrix tr[data-company=B4] th[data-col=company] a")).ToHaveTextAsync("Cerezas del Jerte SL (B4)");
        await Expect(page.Locator("#matrix tr[data-company=B1] th[data-col=company] a")).ToHaveTextAsync("B1");
        Assert.Equal(0, await page.Locator("#matrix script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.pwned"));
        await BrowserFixture.ShotAsync(page, "matrix-with-names");

        // The search finds a company by its name as by its tax id.
        await page.GotoAsync("/office/extremadura/2016/participants?q=cerezas");
        await Expect(page.Locator("#matrix tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#matrix tbody tr")).ToHaveAttributeAsync("data-company", "B4");

        // The company's page names it too.
        await page.GotoAsync("/office/extremadura/2016/company/B2");
        await Expect(page.Locator("h1")).ToHaveTextAsync(PageTextOf("company.title").Replace("{0}", BrowserFixture.B2Name + " (B2)", StringComparison.Ordinal).Replace("{1}", "2016", StringComparison.Ordinal));
        await Expect(page.Locator("#matrix tbody th[data-col=company]")).ToHaveTextAsync(BrowserFixture.B2Name + " (B2)");
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.pwned"));
        await BrowserFixture.ShotAsync(page, "company-with-name");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ARepresentative_SeesTheReviewersComment_AndWhatToDoNext_AndNoOtherCompany()
    {
        // B1 sends a SWOT and a technician returns it with a comment (at the server's clock).
        var swot = new Swot(new(["Own brand"]), new(["No export staff"]), new(["Demand in Portugal"]), new(["Competition"]));
        var version = await VersionOfAsync("B1");
        version = Api.Must(await browser.Api.SendAsync(HttpMethod.Post, browser.Api.Participant("B1") + "/swot", JsonSerializer.Serialize(swot, BackOfficeJson.Options), browser.Api.Token(Api.Rep("B1")), null, version)).ETag!.Value;
        const string Comment = "Name the markets you compete in.";
        Api.Must(await browser.Api.SendAsync(HttpMethod.Post, browser.Api.Participant("B1") + "/swot/review", JsonSerializer.Serialize(new ReviewRequest(false, Comment), BackOfficeJson.Options), browser.Api.Token(Api.Tech), null, version));

        var rep = await browser.SignInAsync(Api.Rep("B1"));
        await rep.GotoAsync("/office/extremadura/2016/company");
        var row = rep.Locator("#deliverables tr[data-deliverable=swot]");
        await Expect(row.Locator("[data-col=status]")).ToHaveTextAsync(PageText.For(Es).Review(ReviewStatus.Returned));
        await Expect(row.Locator("[data-col=comment]")).ToHaveTextAsync(Comment);
        await Expect(row.Locator("[data-col=next]")).ToHaveTextAsync(PageTextOf("next.company.returned"));
        await Expect(rep.Locator("#deliverables tr[data-deliverable=roadmap] [data-col=next]")).ToHaveTextAsync(PageTextOf("next.company.notSubmitted"));
        await BrowserFixture.ShotAsync(rep, "company-returned-swot");

        // Another company's page by its URL: refused, in Spanish.
        var other = await rep.GotoAsync("/office/extremadura/2016/company/B3");
        Assert.Equal(403, other!.Status);
        await Expect(rep.Locator("#refusal")).ToHaveAttributeAsync("data-code", Problems.NotYours);
        await Expect(rep.Locator("#refusal")).ToContainTextAsync(PageText.For(Es).Problem(Problems.NotYours, "?"));
        await Expect(rep.Locator("main")).Not.ToContainTextAsync("EUR");
        await rep.CloseAsync();
    }

    [Fact]
    public async Task TheGlancePage_CountsWhatWaits_AsTheQueuesListIt()
    {
        var page = await browser.SignInAsync(Api.Manager);
        await page.GotoAsync("/office/extremadura/2016/queues");
        int swots = await page.Locator("#swot-queue tbody tr").CountAsync();
        int roadmaps = await page.Locator("#roadmap-queue tbody tr").CountAsync();
        int claims = await page.Locator("#claim-queue tbody tr").CountAsync();
        Assert.True(claims >= 1, "B5's claim K1 is never verified by these tests.");

        await page.GotoAsync("/office/extremadura/2016");
        await Expect(page.Locator("#pending tr[data-pending=applications] td")).ToHaveTextAsync("0");
        await Expect(page.Locator("#pending tr[data-pending=swot] td")).ToHaveTextAsync(swots.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#pending tr[data-pending=roadmap] td")).ToHaveTextAsync(roadmaps.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#pending tr[data-pending=claims] td")).ToHaveTextAsync(claims.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Each count links to its queue.
        await page.Locator("#pending tr[data-pending=claims] a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/office/extremadura/2016/queues#claims-title$"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheAttendanceForm_OffersOnlyTheCompaniesThatHaveNotAttendedTheSession()
    {
        // B5 attended S3 (seeded).
        var page = await browser.SignInAsync(Api.Tech);
        await page.GotoAsync("/office/extremadura/2016/attendance?session=S3");
        await Expect(page.Locator("#attendance input[name=session]")).ToHaveValueAsync("S3");
        await Expect(page.Locator("#company-B5")).ToHaveCountAsync(0);
        await Expect(page.Locator("#company-B4")).ToHaveCountAsync(1);

        // Choosing the session with the form's own button, by keyboard.
        await page.SelectOptionAsync("#session", "S2");
        await page.Locator("#session-form button").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("session=S2"));
        await Expect(page.Locator("#company-B5")).ToHaveCountAsync(1);
        await page.CloseAsync();
    }

    [Fact]
    public async Task AStaleAttendanceForm_IsRefused_InThePagesLanguage()
    {
        var page = await browser.SignInAsync(Api.Tech);
        await page.GotoAsync("/office/extremadura/2016/attendance?session=S2");
        await page.GetByLabel("B4", new() { Exact = true }).CheckAsync();

        // Meanwhile B4 moves on over the API (a tutorial at the server's clock): the form's version is stale.
        var version = await VersionOfAsync("B4");
        var tutorial = new Tutorial("T-stale", new NodaTime.LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Export plan");
        Api.Must(await browser.Api.SendAsync(HttpMethod.Post, browser.Api.Participant("B4") + "/tutorials", JsonSerializer.Serialize(tutorial, BackOfficeJson.Options), browser.Api.Token(Api.Tech2), null, version));

        await page.Locator("#attendance button[type=submit]").ClickAsync();
        await Expect(page.Locator("#company-B4-error")).ToContainTextAsync(PageText.For(Es).Problem(Pimex.Common.CommonErrors.VersionMismatch, "?"));
        await Expect(page.Locator("#company-B4-error")).Not.ToContainTextAsync("Another command");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ThePagesOwnRefusals_ReadInThePagesLanguage()
    {
        var page = await browser.SignInAsync(Api.Manager, "maribor");
        var answer = await page.GotoAsync("/office/extremadura/2016");
        Assert.Equal(403, answer!.Status);
        await Expect(page.Locator("#refusal")).ToContainTextAsync(PageText.For(ReportLanguage.Slovenian).Problem(Problems.OtherRegion, "?"));
        await Expect(page.Locator("#refusal")).Not.ToContainTextAsync("This token");
        await page.CloseAsync();

        var es = await browser.SignInAsync(Api.Manager);
        var missing = await es.GotoAsync("/office/extremadura/2099");
        Assert.Equal(404, missing!.Status);
        await Expect(es.Locator("#refusal")).ToContainTextAsync(PageText.For(Es).Format("problem.noEdition", 2099, "extremadura"));
        await es.CloseAsync();
    }

    [Fact]
    public void EveryCodeOfTheBackOffice_HasItsWordsInEveryLanguageOfThePages()
    {
        var codes = typeof(Problems).GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(codes);
        foreach (var language in Shipped)
        {
            var text = PageText.For(language);
            Assert.All(codes, code => Assert.NotEqual("?", text.Problem(code, "?")));
        }
    }

    /// <summary>Every page, in every shipped language, as staff and as a representative: axe-core finds no violation (WCAG 2.1 AA rules among them).</summary>
    [Fact]
    public async Task EveryPage_InEveryLanguage_HasNoAccessibilityViolation()
    {
        string[] staffPages =
        [
            "/office/extremadura", "/office/extremadura/2016", "/office/extremadura/2016/participants", "/office/extremadura/2016/queues",
            "/office/extremadura/2016/attendance", "/office/extremadura/2016/company/B3", "/office/extremadura/2016/claims/B5/K1",
            "/office/extremadura/2016/swot/B4", "/office/extremadura/2016/roadmap/B2", "/office/extremadura/2099",
        ];
        string[] representativePages = ["/office/extremadura", "/office/extremadura/2016/company", "/office/extremadura/2016/participants"];
        var staff = await browser.SignInAsync(Api.Tech);
        var rep = await browser.SignInAsync(Api.Rep("B3"));
        foreach (var language in Shipped)
        {
            foreach (var (page, paths, who) in new[] { (staff, staffPages, "staff"), (rep, representativePages, "representative") })
            {
                foreach (var path in paths)
                {
                    await page.GotoAsync(path + "?lang=" + language.Code);
                    await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language.Code);
                    await BrowserFixture.ShotAsync(page, $"a11y-{who}-{language.Code}-{path.Trim('/').Replace('/', '-')}");
                }
            }
        }

        await staff.CloseAsync();
        await rep.CloseAsync();

        var signIn = await browser.Browser.NewPageAsync(new() { BaseURL = browser.BaseUrl });
        await signIn.GotoAsync("/office/sign-in");
        await BrowserFixture.ShotAsync(signIn, "a11y-sign-in");
        await signIn.CloseAsync();
    }

    private async Task<long> VersionOfAsync(string company) =>
        (await browser.Api.GetAsync(Api.Manager, browser.Api.Participant(company))).ETag!.Value;
}
