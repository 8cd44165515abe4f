using System.Diagnostics;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using NodaTime;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Tests.Browser;

/// <summary>A clock that always reads the same instant: the pages' commands happen "now" inside the 2016 edition.</summary>
public sealed class FixedClock(Instant now) : NodaTime.IClock
{
    public Instant GetCurrentInstant() => now;
}

/// <summary>
/// The back office listening on a real loopback port (Kestrel, through WebApplicationFactory's
/// <c>UseKestrel</c>), on a database of its own on the tests' PostgreSQL, with its clock fixed at
/// <see cref="BrowserFixture.Now"/> so that what the pages record falls inside the 2016 edition.
/// </summary>
public sealed class PagesFactory : WebApplicationFactory<BackOfficeEntryPoint>
{
    private readonly string connectionString;

    public PagesFactory(string connectionString)
    {
        this.connectionString = connectionString;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in BackOfficeFactory.Settings(connectionString, acceptRecordedAt: true))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => services.AddSingleton<NodaTime.IClock>(new FixedClock(BrowserFixture.Now)));
    }
}

/// <summary>
/// One server, one PostgreSQL database and one headless Chromium (Debian's, at
/// <c>/usr/bin/chromium</c>, driven by Microsoft.Playwright; Playwright never downloads a browser
/// here) shared by the browser tests; each test opens its own browser context (its own cookies).
/// The 2016 edition is seeded over the HTTP API: five companies admitted, B3 with one claim
/// verified (EUR 2,000) and one waiting (EUR 1,000, past the EUR 2,500 cap), B4 with a SWOT
/// waiting for review, B2 with its SWOT accepted and a roadmap waiting for review, B5 in training
/// (session S3) with a claim waiting; B2 and B4 have names in the region's directory (B2's with
/// markup in it); Maribor is a region of its own.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly Instant Now = new LocalDateTime(2016, 11, 15, 10, 0).InZoneStrictly(Rulebook.Extremadura.TimeZone).ToInstant();

    private IPlaywright? playwright;

    public PagesFactory Factory { get; private set; } = null!;

    public Api Api { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public static string Screenshots { get; } = FindScreenshotFolder();

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared();
        Factory = new PagesFactory(await server.CreateDatabaseAsync("pages"));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Api = new Api(new HttpClient { BaseAddress = new Uri(BaseUrl) }, new Hosting.Tokens(BackOfficeFactory.SigningKey), "extremadura");
        await SeedAsync();

        // Never a browser download: the executable is Debian's Chromium.
        (playwright, Browser) = await HeadlessChromium.LaunchAsync();
        Assertions.SetDefaultExpectTimeout(60_000);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        Api?.Http.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>A page of a new browser context, signed in as the actor of a region (through the sign-in page, with a token as mint-token makes).</summary>
    public async Task<IPage> SignInAsync(Actor actor, string region = "extremadura")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "es-ES", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // Generous limits for a loaded machine: every wait still ends as soon as the page shows what is awaited.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        var signIn = await page.GotoAsync("/office/sign-in");
        if (signIn is null || !signIn.Ok)
        {
            throw new InvalidOperationException($"The sign-in page answered {signIn?.Status}: {await page.ContentAsync()}");
        }

        await page.FillAsync("#token", Api.Token(actor, region));
        await page.ClickAsync("#sign-in button[type=submit]");
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync(actor.Id);
        return page;
    }

    /// <summary>
    /// Keeps a full-page screenshot under the test results, and checks the page with axe-core
    /// (labels, contrast, the lang attribute, landmarks, ARIA): any violation fails the test.
    /// </summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        var axe = await page.RunAxe();
        var violations = axe.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {name}: {string.Join("; ", violations)}");
    }

    private async Task SeedAsync()
    {
        string[] companies = ["B1", "B2", "B3", "B4", "B5"];
        await Api.OpenWithApplicantsAsync(companies);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var company in companies)
        {
            versions[company] = await Api.AdmitAsync(company);
        }

        long Post(string company, Answer answer) => versions[company] = Api.Must(answer).ETag!.Value;

        // In the order it happened: a migration never records before a stream's last event.
        var swot = new Swot(new(["Export experience in Portugal"]), new(["Small sales team"]), new(["Growing demand in France"]), new(["Exchange-rate risk"]));
        Post("B2", await Api.PostAsync(Api.Rep("B2"), Api.Participant("B2") + "/swot", swot, Api.At(8, 1), versions["B2"]));
        Post("B2", await Api.PostAsync(Api.Tech, Api.Participant("B2") + "/swot/review", new ReviewRequest(true, null), Api.At(8, 10), versions["B2"]));
        var roadmap = new Roadmap(
            new DateInterval(new LocalDate(2016, 12, 1), new LocalDate(2017, 11, 30)),
            new(["PT", "FR"]),
            new(["Two distributors in Portugal"]),
            new([new RoadmapAction("Stand at a food fair in Lisbon", "PT", new LocalDate(2017, 3, 15)), new RoadmapAction("Visit to buyers in Lyon", "FR", new LocalDate(2017, 6, 1))]),
            new(["Distribution agreements signed"]));
        Post("B2", await Api.PostAsync(Api.Rep("B2"), Api.Participant("B2") + "/roadmap", roadmap, Api.At(8, 20), versions["B2"]));
        Post("B4", await Api.PostAsync(Api.Rep("B4"), Api.Participant("B4") + "/swot", swot, Api.At(9, 1), versions["B4"]));
        Post("B3", await Api.PostAsync(Api.Rep("B3"), Api.Participant("B3") + "/claims", Api.Claim("C1", 2_000m), Api.At(10, 5), versions["B3"]));
        Post("B3", await Api.PostAsync(Api.Rep("B3"), Api.Participant("B3") + "/claims", Api.Claim("C2", 1_000m), Api.At(10, 6), versions["B3"]));
        Post("B5", await Api.PostAsync(Api.Rep("B5"), Api.Participant("B5") + "/claims", Api.Claim("K1", 800m), Api.At(10, 7), versions["B5"]));
        Post("B3", await Api.PostAsync(Api.Tech2, Api.Participant("B3") + "/claims/C1/verification", ClaimVerification.ApproveInFull(), Api.At(10, 20), versions["B3"]));

        // Attendance changes the edition too: after its last event (the verification of C1).
        Post("B5", await Api.PostAsync(Api.Tech, Api.Participant("B5") + "/attendance", new AttendanceRequest("S3"), Api.At(10, 21), versions["B5"]));

        // Names in the region's directory for two companies (one with markup in it); the others have none.
        foreach (var (company, name) in new[] { ("B2", B2Name), ("B4", "Cerezas del Jerte SL") })
        {
            Api.Must(await Api.SendAsync(HttpMethod.Put, $"/regions/{Api.Region}/companies/{company}", System.Text.Json.JsonSerializer.Serialize(new CompanyNameRequest(name), BackOfficeJson.Options), Api.Token(Api.Manager), null, null));
        }
    }

    /// <summary>B2's name: markup in it is text, never an element of the page.</summary>
    public const string B2Name = "Ibérica <script>window.pwned = 1</script> & Hijos SL";

    private static string FindScreenshotFolder()
    {
        var configured = Environment.GetEnvironmentVariable("PIMEX_SCREENSHOTS");
        string folder;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            folder = configured;
        }
        else
        {
            // The repository's TestResults (where .ci/run writes the TRX files), else beside the tests.
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pimex.Core.sln")))
            {
                dir = dir.Parent;
            }

            folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
