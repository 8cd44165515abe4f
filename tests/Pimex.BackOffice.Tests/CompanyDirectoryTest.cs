using System.Net;
using System.Text.Json;
using NodaTime;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;

namespace Pimex.BackOffice.Tests;

/// <summary>
/// The region's company directory (<c>PUT</c> and <c>GET /regions/{region}/companies/{company}</c>):
/// a name is trimmed, not blank, bounded and one line of visible text; staff set any company's,
/// a representative its own only, a senior consultant none; a region's names stay in it; a
/// refused request keeps the name there was.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class CompanyDirectoryTest(RegionsFixture regions) : IClassFixture<RegionsFixture>
{
    private Api Api => regions.Extremadura;

    private static string Path(Api api, string company) => $"/regions/{api.Region}/companies/{company}";

    private static string Body(string name) => JsonSerializer.Serialize(new CompanyNameRequest(name), BackOfficeJson.Options);

    private Task<Answer> PutAsync(Actor actor, string company, string json, string? tokenRegion = null, Api? api = null)
    {
        api ??= Api;
        return api.SendAsync(HttpMethod.Put, Path(api, company), json, api.Token(actor, tokenRegion), null, null);
    }

    private async Task<string?> NameAsync(string company, Api? api = null)
    {
        api ??= Api;
        var answer = await api.GetAsync(Api.Manager, Path(api, company));
        return answer.Status == HttpStatusCode.OK ? answer.As<CompanyNameView>().Name : null;
    }

    [Fact]
    public async Task StaffSetAName_Trimmed_KeptWithWhoSetItAndWhenAtTheServersClock()
    {
        var before = SystemClock.Instance.GetCurrentInstant();

        // A migration token's moment (2016) is not the moment a name was set.
        var answer = await Api.SendAsync(HttpMethod.Put, Path(Api, "B2"), Body("  Jamones de Montánchez SL \t"), Api.Token(Api.Tech), Api.At(2, 1), null);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var set = answer.As<CompanyNameView>();
        Assert.Equal(("B2", "Jamones de Montánchez SL", "tech-1", ActorRole.Technician), (set.Company, set.Name, set.SetBy, set.SetByRole));
        Assert.InRange(set.SetAt, before, SystemClock.Instance.GetCurrentInstant());
        var read = (await Api.GetAsync(Api.Manager, Path(Api, "B2"))).As<CompanyNameView>();
        Assert.Equal(set, read);

        // PUT replaces it.
        Api.Must(await PutAsync(Api.Manager, "B2", Body("Jamones de Montánchez, S.L.")));
        Assert.Equal("Jamones de Montánchez, S.L.", await NameAsync("B2"));
    }

    [Theory]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"name":"   "}""")]
    [InlineData("""{"name":"Tab\tinside"}""")]
    [InlineData("""{"name":"Two\nlines"}""")]
    [InlineData("""{"name":"Bell\u0007"}""")]
    [InlineData("""{"name":"C1\u0085control"}""")]
    [InlineData("""{"name":"Reversed \u202Etxt.exe"}""")]
    [InlineData("""{"name":"Separator\u2028here"}""")]
    public async Task ANameThatIsNotOneLineOfVisibleText_Is400_AndKeepsTheNameThereWas(string json)
    {
        Api.Must(await PutAsync(Api.Manager, "B1", Body("Cerezas del Jerte SL")));

        var answer = await PutAsync(Api.Manager, "B1", json);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Problem().Errors);
        Assert.Equal((Problems.InvalidCompanyName, "name"), (error.Code, error.Path));
        Assert.Equal("Cerezas del Jerte SL", await NameAsync("B1"));
    }

    [Fact]
    public async Task ANameOfTheLongestLength_IsKept_OneMore_Is400()
    {
        var longest = new string('é', CompanyDirectory.MaxNameLength);

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(Api.Manager, "B3", Body(" " + longest + " "))).Status);
        var tooLong = await PutAsync(Api.Manager, "B3", Body(longest + "x"));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal([Problems.InvalidCompanyName], tooLong.Problem().Codes);
        Assert.Equal(longest, await NameAsync("B3"));
    }

    [Theory]
    [InlineData("""{"name":7}""")]
    [InlineData("""{"name":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"name":"Corchos SL","vat":"ES1"}""")]
    [InlineData("""{"name":"Half \ud800 a character"}""")]
    [InlineData("""["Corchos SL"]""")]
    public async Task ABodyOfAnotherShape_Is400MalformedBody_AndStoresNoName(string json)
    {
        var answer = await PutAsync(Api.Manager, "B4", json);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([Problems.MalformedBody], answer.Problem().Codes);
        Assert.Null(await NameAsync("B4"));
    }

    [Theory]
    [InlineData("Half \\ud800 a character")]
    [InlineData("Reversed \\udc00 half")]
    public void ANameWithHalfACharacter_IsNoName_EvenIfAReaderLetItThrough(string escaped)
    {
        var name = System.Text.RegularExpressions.Regex.Unescape(escaped);

        var (kept, problem) = CompanyDirectory.Validate(name);

        Assert.Null(kept);
        Assert.Contains("half of a character", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameWithAPairedSurrogate_IsKept() =>
        Assert.Equal("Jamones 🐖 SL", CompanyDirectory.Validate(" Jamones 🐖 SL ").Name);

    [Fact]
    public async Task ARepresentative_NamesItsOwnCompany_NotAnother()
    {
        var own = await PutAsync(Api.Rep("B5"), "B5", Body("Corchos San Vicente SL"));
        var other = await PutAsync(Api.Rep("B5"), "B6", Body("Not mine SL"));
        var otherRead = await Api.GetAsync(Api.Rep("B5"), Path(Api, "B2"));

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(ActorRole.CompanyRepresentative, own.As<CompanyNameView>().SetByRole);
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal([Problems.NotYours], other.Problem().Codes);
        Assert.Null(await NameAsync("B6"));
        Assert.Equal(HttpStatusCode.Forbidden, otherRead.Status);
        Assert.Equal("Corchos San Vicente SL", (await Api.GetAsync(Api.Rep("B5"), Path(Api, "B5"))).As<CompanyNameView>().Name);
    }

    [Fact]
    public async Task ASeniorConsultant_ReadsNames_ButSetsNone()
    {
        Api.Must(await PutAsync(Api.Manager, "B7", Body("Viñedos de Almendralejo SL")));

        var set = await PutAsync(Api.Consultant, "B7", Body("Renamed SL"));
        var read = await Api.GetAsync(Api.Consultant, Path(Api, "B7"));

        Assert.Equal(HttpStatusCode.Forbidden, set.Status);
        Assert.Equal([Problems.NamesByStaff], set.Problem().Codes);
        Assert.Equal("Viñedos de Almendralejo SL", read.As<CompanyNameView>().Name);
    }

    [Fact]
    public async Task ANameStaysInItsRegion_AndAnotherRegionsTokenSetsNoneThere()
    {
        Api.Must(await PutAsync(Api.Manager, "B8", Body("Maquinaria Agrícola Guadiana SL")));

        var fromRibatejo = await PutAsync(Api.Manager, "B8", Body("Renamed SL"), tokenRegion: "ribatejo");
        var noToken = await Api.SendAsync(HttpMethod.Put, Path(Api, "B8"), Body("Renamed SL"), null, null, null);

        Assert.Equal(HttpStatusCode.Forbidden, fromRibatejo.Status);
        Assert.Equal([Problems.OtherRegion], fromRibatejo.Problem().Codes);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.Status);
        Assert.Equal("Maquinaria Agrícola Guadiana SL", await NameAsync("B8"));
        Assert.Null(await NameAsync("B8", regions.Ribatejo));
    }

    [Theory]
    [InlineData("%20")]
    [InlineData("%09")]
    [InlineData("B1%01")]
    [InlineData("B12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task ACompanyThatIsNoTaxId_Is400NamingThePathSegment(string company)
    {
        var answer = await PutAsync(Api.Manager, company, Body("Anything SL"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Problem().Errors);
        Assert.Equal((Problems.MalformedPath, "company"), (error.Code, error.Path));
    }

    [Fact]
    public async Task NoNameYet_Is404()
    {
        var answer = await Api.GetAsync(Api.Manager, Path(Api, "B9"));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal([Problems.NotFound], answer.Problem().Codes);
    }
}
