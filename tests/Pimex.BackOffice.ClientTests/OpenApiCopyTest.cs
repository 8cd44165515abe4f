using System.Net;
using Pimex.BackOffice.ClientTests.Support;

namespace Pimex.BackOffice.ClientTests;

/// <summary>
/// The client is generated from the committed copy <c>openapi.json</c>; this test keeps that copy
/// the document the back office serves, so the client cannot be generated from a stale one.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class OpenApiCopyTest(BackOfficeOnPostgres office) : IClassFixture<BackOfficeOnPostgres>
{
    private const string CopyPath = "tests/Pimex.BackOffice.ClientTests/openapi.json";

    [Fact]
    public async Task TheCommittedCopy_IsTheDocumentTheBackOfficeServes()
    {
        using var http = office.Factory.CreateClient();
        using var answer = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var served = (await answer.Content.ReadAsStringAsync()).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("PIMEX_APPROVE") == "1")
        {
            Golden.MatchesRepositoryFile(served, CopyPath);
            return;
        }

        var committed = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi.json"))).ReplaceLineEndings("\n");
        Assert.True(
            committed == served,
            $"{CopyPath} is not the OpenAPI document the back office serves. Refresh it with "
            + "`PIMEX_APPROVE=1 dotnet test tests/Pimex.BackOffice.ClientTests -c Release --filter OpenApiCopyTest`, "
            + "review the diff, rebuild (the client is generated from it) and commit it.");
    }
}
