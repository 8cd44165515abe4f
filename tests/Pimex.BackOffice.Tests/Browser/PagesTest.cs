using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Pages;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Localisation;
using Pimex.Promotion;
using static Microsoft.Playwright.Assertions;

namespace Pimex.BackOffice.Tests.Browser;

/// <summary>
/// The back office's pages in a real browser (headless Chromium driven by Playwright) against the
/// back office on a real port over PostgreSQL. Every wait is on what the page shows (Playwright's
/// assertions retry until the page shows it); each page is kept as a screenshot under TestResults.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class PagesTest(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ReportLanguage Es = ReportLanguage.Spanish;

    [Fact]
    public async Task ATechnician_RecordsTheAttendanceOfASession_AndSeesTheMatrixChange()
    {
        var page = await browser.SignInAsync(Api.Tech);
        await page.GotoAsync("/office/extremadura/2016/participants");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(Cell(page, "B1", "sessions")).ToHaveTextAsync(Es.Format("common.of", "0", "3"));
        await BrowserFixture.ShotAsync(page, "matrix-before-attendance");

        await page.GotoAsync("/office/extremadura/2016/attendance");
        await page.SelectOptionAsync("#session", "S1");
        // By keyboard: a space ticks a box, Enter on the button sends the form.
        await page.GetByLabel("B1", new() { Exact = true }).PressAsync("Space");
        await page.GetByLabel("B2", new() { Exact = true }).PressAsync("Space");
        await Expect(page.GetByLabel("B2", new() { Exact = true })).ToBeCheckedAsync();
        await BrowserFixture.ShotAsync(page, "attendance-form");
        await page.Locator("#attendance button[type=submit]").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/office/extremadura/2016/participants$"));
        await Expect(page.Locator("#message")).ToContainTextAsync("B1, B2");
        await Expect(Cell(page, "B1", "sessions")).ToHaveTextAsync(Es.Format("common.of", "1", "3"));
        await Expect(Cell(page, "B2", "sessions")).ToHaveTextAsync(Es.Format("common.of", "1", "3"));
        await Expect(Cell(page, "B4", "sessions")).ToHaveTextAsync(Es.Format("common.of", "0", "3"));
        await BrowserFixture.ShotAsync(page, "matrix-after-attendance");

        // The same session again for B1 is refused by the library, next to B1's box, with its code.
        await page.GotoAsync("/office/extremadura/2016/attendance");
        await page.SelectOptionAsync("#session", "S1");
        await page.GetByLabel("B1", new() { Exact = true }).CheckAsync();
        await page.Locator("#attendance button[type=submit]").ClickAsync();
        await Expect(page.Locator("#company-B1-error")).ToContainTextAsync("PIMEX-");
        await BrowserFixture.ShotAsync(page, "attendance-refused");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ATechnician_VerifiesAClaimPastTheCap_AndSeesGrantedAndNotSupported()
    {
        var page = await browser.SignInAsync(Api.Tech);
        await page.GotoAsync("/office/extremadura/2016/queues");
        await Expect(page.Locator("#claim-queue tr[data-company=B3][data-claim=C2]")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "queues");
        await page.Locator("#claim-queue tr[data-company=B3][data-claim=C2] a").ClickAsync();
        await Expect(page.Locator("#granted-so-far")).ToHaveTextAsync(Es.Money(Api.Eur(2_000m)));

        // In part without an amount or a reason: the library's refusals, each next to its field, with its code.
        await page.GetByLabel(PageTextOf("verify.part")).CheckAsync();
        await page.Locator("#verify button[type=submit]").ClickAsync();
        await Expect(page.Locator("#reason-error")).ToContainTextAsync(PromotionErrors.ReasonRequired);
        await Expect(page.Locator("#approvedAmount-error")).ToContainTextAsync(PromotionErrors.ApprovedAmountInvalid);
        await Expect(page.Locator("#reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.ShotAsync(page, "verify-refused");

        await page.GetByLabel(PageTextOf("verify.full")).CheckAsync();
        await page.Locator("#verify button[type=submit]").ClickAsync();

        await Expect(page.Locator("#message")).ToContainTextAsync(Es.Money(Api.Eur(500m)));
        await Expect(Cell(page, "B3", "approved")).ToHaveTextAsync(Es.Money(Api.Eur(3_000m)));
        await Expect(Cell(page, "B3", "granted")).ToHaveTextAsync(Es.Money(Api.Eur(2_500m)));
        await Expect(Cell(page, "B3", "notSupported")).ToHaveTextAsync(Es.Money(Api.Eur(500m)));
        await Expect(Cell(page, "B3", "cap")).ToHaveTextAsync(Es.Money(Api.Eur(2_500m)));
        await BrowserFixture.ShotAsync(page, "matrix-after-verification");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ACompanyRepresentative_CannotSeeTheVerificationForm()
    {
        var staff = await browser.SignInAsync(Api.Tech2);
        await staff.GotoAsync("/office/extremadura/2016/claims/B5/K1");
        await Expect(staff.Locator("form#verify")).ToBeVisibleAsync();
        await staff.CloseAsync();

        var rep = await browser.SignInAsync(Api.Rep("B5"));
        var answer = await rep.GotoAsync("/office/extremadura/2016/claims/B5/K1");
        await Expect(rep.Locator("#refusal")).ToHaveAttributeAsync("data-code", Problems.NotYours);
        Assert.Equal(403, answer!.Status);
        await Expect(rep.Locator("form#verify")).ToHaveCountAsync(0);
        await Expect(rep.GetByRole(AriaRole.Link, new() { Name = PageTextOf("nav.queues") })).ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(rep, "representative-refused");
        await rep.CloseAsync();
    }

    [Fact]
    public async Task AFormShownBeforeAnotherChange_IsRefusedAsAStaleApiCallIs_AndSavesNothing()
    {
        var page = await browser.SignInAsync(Api.Tech);
        await page.GotoAsync("/office/extremadura/2016/claims/B5/K1");
        await Expect(page.Locator("form#verify")).ToBeVisibleAsync();

        // Meanwhile the company submits another claim over the API: B5's stream moves on.
        var seen = (await browser.Api.GetAsync(Api.Manager, browser.Api.Participant("B5"))).ETag!.Value;
        Api.Must(await browser.Api.PostAsync(Api.Rep("B5"), browser.Api.Participant("B5") + "/claims", Api.Claim("K2", 300m), Api.At(11, 1), seen));
        var moved = (await browser.Api.GetAsync(Api.Manager, browser.Api.Participant("B5"))).ETag!.Value;

        await page.GetByLabel(PageTextOf("verify.full")).CheckAsync();
        await page.Locator("#verify button[type=submit]").ClickAsync();
        await Expect(page.Locator("#form-error")).ToContainTextAsync(CommonErrors.VersionMismatch);
        await BrowserFixture.ShotAsync(page, "verify-stale");
        Assert.Equal(moved, (await browser.Api.GetAsync(Api.Manager, browser.Api.Participant("B5"))).ETag!.Value);
        await page.CloseAsync();
    }

    [Fact]
    public async Task AUserOfMaribor_CannotSeeExtremadurasEdition()
    {
        var page = await browser.SignInAsync(Api.Manager, "maribor");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sl");
        await BrowserFixture.ShotAsync(page, "maribor-home");

        var answer = await page.GotoAsync("/office/extremadura/2016");
        await Expect(page.Locator("#refusal")).ToHaveAttributeAsync("data-code", Problems.OtherRegion);
        Assert.Equal(403, answer!.Status);
        await Expect(page.Locator("#budget")).ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(page, "maribor-refused");

        await page.GotoAsync("/office/maribor");
        await page.Locator("header form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#token")).ToBeVisibleAsync();
        var signedOut = await page.GotoAsync("/office/maribor");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/office/sign-in"));
        Assert.True(signedOut!.Ok);
        await page.CloseAsync();
    }

    [Fact]
    public async Task AManager_SeesTheEditionAtAGlance_InSpanish()
    {
        var page = await browser.SignInAsync(Api.Manager);
        await page.GotoAsync("/office/extremadura/2016");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator("#chart-budget svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#budget tr[data-line=Actions] td[data-col=allocated]")).ToHaveTextAsync(Es.Money(Api.Eur(75_000m)));
        await Expect(page.Locator("#funnel tr[data-step=admitted] td")).ToHaveTextAsync("5");
        await Expect(page.Locator("#indicators")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "glance");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ATechnician_ReviewsASwot_AndItLeavesTheQueue()
    {
        var page = await browser.SignInAsync(Api.Tech);
        await page.GotoAsync("/office/extremadura/2016/queues");
        await page.Locator("#swot-queue tr[data-company=B4] a").ClickAsync();
        await Expect(page.Locator("#swot")).ToContainTextAsync("Export experience in Portugal");

        await page.GetByLabel(PageTextOf("review.return")).CheckAsync();
        await page.Locator("#review button[type=submit]").ClickAsync();
        await Expect(page.Locator("#comment-error")).ToContainTextAsync(CommonErrors.MissingText);
        await BrowserFixture.ShotAsync(page, "swot-review-refused");

        await page.GetByLabel(PageTextOf("review.accept")).CheckAsync();
        await page.Locator("#review button[type=submit]").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("B4");
        await Expect(page.Locator("#swot-empty")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "queues-after-review");
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheAccessibilityCheck_FindsAMissingLabelAndLanguage()
    {
        var page = await browser.Browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>t</title></head><body><main><input type=\"text\"></main></body></html>");
        var axe = await page.RunAxe();
        Assert.Contains(axe.Violations, v => v.Id == "html-has-lang");
        Assert.Contains(axe.Violations, v => v.Id == "label");
        await page.CloseAsync();
    }

    [Fact]
    public void ThePagesGlossary_HasTheSameKeysInEveryLanguage()
    {
        var keys = PageText.OwnKeys;
        Assert.Equal(["en", "es", "sl"], keys.Keys.Order(StringComparer.Ordinal));
        Assert.All(keys.Values, k => Assert.Equal(keys["en"].Order(StringComparer.Ordinal), k.Order(StringComparer.Ordinal)));
    }

    private static ILocator Cell(IPage page, string company, string column) =>
        page.Locator($"#matrix tr[data-company={company}] [data-col={column}]");

    private static string PageTextOf(string key) => PageText.For(Es)[key];
}
