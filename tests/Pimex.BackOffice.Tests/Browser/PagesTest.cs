using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Pages;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Localisation;
using Pimex.Participation;
using Pimex.Promotion;
using static Microsoft.Playwright.Assertions;

namespace Pimex.BackOffice.Tests.Browser;

/// <summary>
/// The back office's pages in a real browser (headless Chromium driven by Playwright) against the
/// back office on a real port over PostgreSQL. Every wait is on what the page shows (Playwright's
/// assertions retry until the page shows it); each page is kept as a screenshot under TestResults.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed partial class PagesTest(BrowserFixture browser) : IClassFixture<BrowserFixture>
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

        await page.GotoAsync("/office/extremadura/2016/attendance?session=S1");
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

        // The same session is not offered again to B1 and B2, and still is to B4.
        await page.GotoAsync("/office/extremadura/2016/attendance?session=S1");
        await Expect(page.Locator("#company-B4")).ToHaveCountAsync(1);
        await Expect(page.Locator("#company-B1")).ToHaveCountAsync(0);
        await Expect(page.Locator("#company-B2")).ToHaveCountAsync(0);
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
        Api.Must(await browser.Api.PostAsync(Api.Rep("B5"), browser.Api.Participant("B5") + "/claims", Api.Claim("K2", 300m), BrowserFixture.Now, seen));
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
    public async Task AFormRefusedOnASpanishPage_ShowsTheLibrarysRefusalInSpanish_WithItsCode()
    {
        var page = await browser.SignInAsync(Api.Tech);

        // A rejection without a reason: the library's rule, worded in the page's language.
        await page.GotoAsync("/office/extremadura/2016/claims/B5/K1");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await page.GetByLabel(PageTextOf("verify.reject")).CheckAsync();
        await page.Locator("#verify button[type=submit]").ClickAsync();
        await Expect(page.Locator("#reason-error")).ToContainTextAsync("Una aprobación parcial o una denegación necesita un motivo.");
        await Expect(page.Locator("#reason-error")).ToContainTextAsync(PromotionErrors.ReasonRequired);
        await Expect(page.Locator("#reason-error")).Not.ToContainTextAsync("needs a reason");
        await BrowserFixture.ShotAsync(page, "verify-refused-in-spanish");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ATechnician_ReviewsARoadmap_AndItLeavesTheQueue_AndTheMatrixShowsItAccepted()
    {
        var page = await browser.SignInAsync(Api.Tech);
        await page.GotoAsync("/office/extremadura/2016/queues");
        await page.Locator("#roadmap-queue tr[data-company=B2] a").ClickAsync();
        await Expect(page.Locator("#roadmap-actions")).ToContainTextAsync("Stand at a food fair in Lisbon");
        await Expect(page.Locator("#roadmap-status")).ToHaveTextAsync(PageText.For(Es).Review(ReviewStatus.Submitted));
        await BrowserFixture.ShotAsync(page, "roadmap-review");

        // Returned without a comment: the library's refusal next to the comment, in Spanish, with its code.
        await page.GetByLabel(PageTextOf("review.return")).CheckAsync();
        await page.Locator("#review button[type=submit]").ClickAsync();
        await Expect(page.Locator("#comment-error")).ToContainTextAsync(CommonErrors.MissingText);
        await Expect(page.Locator("#comment-error")).ToContainTextAsync("Indique por qué se devuelve la versión.");
        await BrowserFixture.ShotAsync(page, "roadmap-review-refused");

        await page.GetByLabel(PageTextOf("review.accept")).CheckAsync();
        await page.Locator("#review button[type=submit]").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("B2");
        await Expect(page.Locator("#roadmap-empty")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "queues-after-roadmap-review");

        await page.GetByRole(AriaRole.Link, new() { Name = PageTextOf("nav.matrix") }).ClickAsync();
        await Expect(Cell(page, "B2", "roadmap")).ToHaveTextAsync(PageText.For(Es).Review(ReviewStatus.Accepted));
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheMatrix_SortedByAColumn_ChangesTheOrder_AndFilteredByStatus_ShowsOnlyMatchingRows()
    {
        var page = await browser.SignInAsync(Api.Manager);
        await page.GotoAsync("/office/extremadura/2016/participants");
        var rows = page.Locator("#matrix tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(rows.First).ToHaveAttributeAsync("data-company", "B1");

        // B3 alone has support granted (its first claim, seeded): ascending puts it last, descending first.
        await page.Locator("#matrix th[data-col=granted] a").ClickAsync();
        await Expect(page.Locator("#matrix th[data-col=granted]")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(rows.Last).ToHaveAttributeAsync("data-company", "B3");
        await page.Locator("#matrix th[data-col=granted] a").ClickAsync();
        await Expect(page.Locator("#matrix th[data-col=granted]")).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(rows.First).ToHaveAttributeAsync("data-company", "B3");
        await BrowserFixture.ShotAsync(page, "matrix-sorted");

        // B5 attended a session (seeded); B4 never does (the attendance test checks it stays at none).
        await page.SelectOptionAsync("#status", nameof(ParticipantStatus.InTraining));
        await page.GetByRole(AriaRole.Button, new() { Name = PageTextOf("matrix.apply") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("status=InTraining"));
        await Expect(page.Locator("#matrix tr[data-company=B5]")).ToBeVisibleAsync();
        await Expect(page.Locator("#matrix tr[data-company=B4]")).ToHaveCountAsync(0);
        var inTraining = PageText.For(Es).Status(ParticipantStatus.InTraining);
        foreach (var status in await page.Locator("#matrix tbody [data-col=status]").AllTextContentsAsync())
        {
            Assert.Equal(inTraining, status.Trim());
        }

        // The sort chosen before is kept with the filter.
        await Expect(page.Locator("#matrix th[data-col=granted]")).ToHaveAttributeAsync("aria-sort", "descending");
        await BrowserFixture.ShotAsync(page, "matrix-filtered");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ATechnician_RecordsAttendance_WithTheKeyboardOnly_AndSeesTheMatrixChange()
    {
        var page = await browser.SignInAsync(Api.Tech);
        await page.GotoAsync("/office/extremadura/2016/participants");
        await Expect(Cell(page, "B3", "sessions")).ToHaveTextAsync(Es.Format("common.of", "0", "3"));

        await page.GotoAsync("/office/extremadura/2016/attendance");
        await Expect(page.Locator("#session")).ToHaveValueAsync("S1");
        // Tab to the session, the arrow key to the next session, Tab to its button and Enter shows
        // that session's companies; Tab to B3's box, Space ticks it, Tab to the button, Enter sends.
        await TabToAsync(page, "#session");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#session")).ToHaveValueAsync("S2");
        await TabToAsync(page, "#session-form button");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#attendance input[name=session]")).ToHaveValueAsync("S2");
        await TabToAsync(page, "#company-B3");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#company-B3")).ToBeCheckedAsync();
        await BrowserFixture.ShotAsync(page, "attendance-by-keyboard");
        await TabToAsync(page, "#attendance button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/office/extremadura/2016/participants$"));
        await Expect(page.Locator("#message")).ToContainTextAsync("B3");
        await Expect(Cell(page, "B3", "sessions")).ToHaveTextAsync(Es.Format("common.of", "1", "3"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task ACompanyRepresentative_SeesOnlyItsOwnCompanysProgress()
    {
        var rep = await browser.SignInAsync(Api.Rep("B3"));
        await Expect(rep.Locator("#editions")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(rep, "representative-home");
        await rep.GetByRole(AriaRole.Link, new() { Name = PageTextOf("programme.edition") + " 2016" }).ClickAsync();
        await Expect(rep).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/office/extremadura/2016/company$"));
        await Expect(rep.Locator("#matrix tbody tr")).ToHaveCountAsync(1);
        await Expect(rep.Locator("#matrix tbody tr")).ToHaveAttributeAsync("data-company", "B3");
        await Expect(Cell(rep, "B3", "cap")).ToHaveTextAsync(Es.Money(Api.Eur(2_500m)));
        await Expect(rep.Locator("#claims tr[data-claim=C1] [data-col=approved]")).ToHaveTextAsync(Es.Money(Api.Eur(2_000m)));
        await Expect(rep.Locator("#claims tr[data-claim=C2]")).ToBeVisibleAsync();
        foreach (var other in new[] { "B1", "B2", "B4", "B5" })
        {
            await Expect(rep.Locator("main")).Not.ToContainTextAsync(other);
        }

        await BrowserFixture.ShotAsync(rep, "representative-company");

        // The matrix of every company stays the staff's.
        var matrix = await rep.GotoAsync("/office/extremadura/2016/participants");
        await Expect(rep.Locator("#refusal")).ToHaveAttributeAsync("data-code", Problems.NotYours);
        Assert.Equal(403, matrix!.Status);
        await rep.CloseAsync();
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
    public void ThePagesTexts_AreInEveryLanguageFile_AndInALanguageReadFromAFile()
    {
        // Every built-in language has every page.* key (the library's language tests fail on a
        // missing one), Polish and Portuguese included.
        Assert.All(ReportLanguage.All, l => Assert.Empty(l.MissingKeys));
        Assert.Equal("Menu główne", PageText.For(ReportLanguage.All.Single(l => l.Code == "pl"))["nav.main"]);
        Assert.Equal("Menu principal", PageText.For(ReportLanguage.All.Single(l => l.Code == "pt"))["nav.main"]);

        var file = System.Text.Json.Nodes.JsonNode.Parse(ReportLanguage.English.ToJson())!;
        file["code"] = "qaa";
        file["texts"]!["page.nav.main"] = "QAA-MENU";
        file["texts"]!["page.problem.PIMEX-HTTP-004"] = "QAA-TOO-LARGE";
        file["texts"]!.AsObject().Remove("page.nav.home");
        var local = PageText.For(ReportLanguage.Parse(file.ToJsonString()).Value);

        Assert.Equal("QAA-MENU", local["nav.main"]);
        Assert.Equal("QAA-TOO-LARGE", local.Problem("PIMEX-HTTP-004", "fallback"));
        Assert.Equal("Editions", local["nav.home"]);
        Assert.Equal("the library's own words", local.Problem("PIMEX-ADM-001", "the library's own words"));
    }

    private static ILocator Cell(IPage page, string company, string column) =>
        page.Locator($"#matrix tr[data-company={company}] [data-col={column}]");

    private static string PageTextOf(string key) => PageText.For(Es)[key];

    /// <summary>Presses Tab until the element is focused (each press answered by the page before the next), as a keyboard user moves through the page.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (int i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}.");
    }
}
