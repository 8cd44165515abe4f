using System.Net;
using Ardalis.Result;
using Pimex.BackOffice.Ledger;
using Pimex.BackOffice.Tests.Support;
using Pimex.Cli.Ledger;
using Pimex.Common;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Tests;

/// <summary>
/// One case of the roles × endpoints matrix: a command of the ledger sent by another actor than
/// the ledger's, just before the ledger's own, on the state the ledger reached there.
/// </summary>
/// <param name="Command">The ledger command (one endpoint).</param>
/// <param name="Actor">The other actor.</param>
/// <param name="Library">What the library decides for that actor on that state (run in-process).</param>
/// <param name="LibraryCodes">The library's codes.</param>
/// <param name="Http">What the back office answered, when the request was sent (it is sent when the library refuses).</param>
/// <param name="HttpCodes">The problem's codes.</param>
/// <param name="Unchanged">Whether the edition and the participant were at the same versions after the refusal.</param>
public sealed record MatrixCase(string Command, Actor Actor, ResultStatus Library, IReadOnlyList<string> LibraryCodes, HttpStatusCode? Http, IReadOnlyList<string> HttpCodes, bool Unchanged);

/// <summary>
/// Sends the whole embedded 2016 ledger to the back office over HTTP, and on the way walks the
/// roles × endpoints matrix: before the first command of each kind, the same command from every
/// other kind of actor (manager, technician, consultant, the company's representative, another
/// company's representative). The library, run in-process on the same commands, says whether
/// each is allowed; the refused ones are sent and must change nothing.
/// </summary>
public sealed class LedgerFixture : IAsyncLifetime
{
    public BackOfficeFactory Factory { get; private set; } = null!;

    public Api Api { get; private set; } = null!;

    internal IReadOnlyList<LedgerEntry> Entries { get; private set; } = [];

    internal LedgerOutcome Expected { get; private set; } = null!;

    public IReadOnlyList<LedgerResponse> Responses { get; private set; } = [];

    public List<MatrixCase> Matrix { get; } = [];

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared();
        Factory = new BackOfficeFactory(await server.CreateDatabaseAsync("ledger"));
        Api = Factory.Api();
        Entries = LedgerClient.Read(EmbeddedLedgers.Extremadura2016());
        Expected = LedgerRunner.Run(Rulebook.Extremadura, Entries);

        var client = new LedgerClient(Api.Http, Factory.Tokens, "extremadura");
        var responses = new List<LedgerResponse>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Entries.Count; i++)
        {
            var entry = Entries[i];
            if (entry.Command is not OpenEdition && covered.Add(entry.Command.Name))
            {
                await WalkTheMatrixAsync(client, i, entry);
            }

            responses.Add(await client.SendAsync(entry));
        }

        Responses = responses;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private async Task WalkTheMatrixAsync(LedgerClient client, int index, LedgerEntry entry)
    {
        var company = (entry.Command as ParticipantCommand)?.Company
            ?? (entry.Command as Apply)?.Application.Company
            ?? (entry.Command as Admit)?.Company;
        var others = new List<Actor>
        {
            Actor.ProgrammeManager("mgr-9"),
            Actor.Technician("tech-9"),
            Actor.SeniorConsultant("sc-9"),
            Actor.CompanyRepresentative("rep-other", new CompanyId("B99999999")),
        };
        if (company is { } c)
        {
            others.Add(Actor.CompanyRepresentative("rep-own", c));
        }

        var prefix = Entries.Take(index).ToList();
        foreach (var actor in others.Where(a => a.Role != entry.Command.Actor.Role || a.Company != entry.Command.Actor.Company))
        {
            var other = entry with { Command = entry.Command with { Actor = actor } };
            var run = LedgerRunner.Run(Rulebook.Extremadura, [.. prefix, other]);
            var refusal = run.Refused.FirstOrDefault(r => r.Line == entry.Line);
            if (refusal is null || refusal.Status != ResultStatus.Forbidden)
            {
                // Allowed (or refused for another reason): not sent, so the ledger's state stays the tool's.
                Matrix.Add(new MatrixCase(entry.Command.Name, actor, refusal?.Status ?? ResultStatus.Ok, refusal?.Errors.Select(e => e.Code).ToList() ?? [], null, [], true));
                continue;
            }

            var before = await Api.VersionsAsync(company?.Value);
            var answer = await client.SendAsync(other);
            var after = await Api.VersionsAsync(company?.Value);
            Matrix.Add(new MatrixCase(entry.Command.Name, actor, refusal.Status, [.. refusal.Errors.Select(e => e.Code)], answer.Status, answer.Codes, before == after));
        }
    }
}
