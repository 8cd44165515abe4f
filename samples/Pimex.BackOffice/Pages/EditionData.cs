using Ardalis.Result;
using Marten;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;
using Pimex.Promotion;

namespace Pimex.BackOffice.Pages;

/// <summary>
/// An edition and its participants as the pages read them: the streams replayed from Marten
/// (<see cref="EventStreams"/>, the API's own reader), so a page shows exactly what the next
/// command will decide on, at the versions it will send back as If-Match; and the participants'
/// names from the region's company directory, read in the same session.
/// </summary>
public sealed record EditionData(Caller Caller, Edition Edition, IReadOnlyList<Participant> Participants, IReadOnlyDictionary<string, string> Names)
{
    public EditionReport Report { get; } = Made(EditionReport.Create(Edition, Participants, Caller.Rulebook));

    public CompanyTable Table { get; } = Made(CompanyTable.Create(Edition, Participants));

    public Participant? Find(string company) => Participants.FirstOrDefault(p => p.Id.Company.Value == company);

    /// <summary>A company's name in the region's directory (<see cref="CompanyDirectory"/>); null while none is known.</summary>
    public string? NameOf(string company) => Names.GetValueOrDefault(company);

    /// <summary>What a page shows for a company: "Name (tax id)", or the tax id alone while no name is known.</summary>
    public string Label(string company) => CompanyDirectory.Label(company, NameOf(company));

    /// <summary>The participants whose SWOT analysis waits for review.</summary>
    public IReadOnlyList<Participant> SwotsToReview => [.. Participants.Where(p => p.Swot.Status == ReviewStatus.Submitted)];

    /// <summary>The participants whose roadmap waits for review.</summary>
    public IReadOnlyList<Participant> RoadmapsToReview => [.. Participants.Where(p => p.Roadmap.Status == ReviewStatus.Submitted)];

    /// <summary>The claims that wait for verification, by company, in the order of their ids.</summary>
    public IReadOnlyList<(string Company, ExpenseClaim Claim)> ClaimsToVerify =>
    [
        .. Participants.SelectMany(p => p.Claims.Values
            .Where(c => c.Verification is null)
            .OrderBy(c => c.Claim.Id, StringComparer.Ordinal)
            .Select(c => (p.Id.Company.Value, c.Claim))),
    ];

    /// <summary>Loads an edition of the caller's region; null when there is none of that year.</summary>
    public static async Task<EditionData?> LoadAsync(HttpContext http, Caller caller, int year)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(caller);
        await using var session = http.RequestServices.GetRequiredService<IDocumentStore>().LightweightSession(caller.Region);
        var streams = new EventStreams(session, http.RequestServices.GetService<AggregateCache>());
        var edition = await streams.LoadEditionAsync(new EditionId(caller.Rulebook.Id, year), http.RequestAborted);
        if (edition is null)
        {
            return null;
        }

        var participants = new List<Participant>();
        foreach (var id in edition.Participants.Select(kv => kv.Value).OrderBy(id => id.Company.Value, StringComparer.Ordinal))
        {
            participants.Add(await streams.LoadParticipantAsync(id, http.RequestAborted) ?? throw new InvalidOperationException($"The edition admitted {id}, whose stream is missing."));
        }

        var names = await CompanyDirectory.NamesAsync(session, participants.Select(p => p.Id.Company.Value), http.RequestAborted);
        return new EditionData(caller, edition, participants, names);
    }

    /// <summary>
    /// A report of the edition's own streams: the library refuses one only for data a store
    /// cannot hold consistently (a participant of another edition, a survey score outside the
    /// rulebook's scale), which is a fault of the store, not of the request.
    /// </summary>
    private static T Made<T>(Result<T> result) =>
        result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException("The stored streams make no report: " + string.Join(" ", result.ValidationErrors.Select(e => e.ErrorCode + ": " + e.ErrorMessage)));

    /// <summary>The years of the editions opened in the caller's region, newest first.</summary>
    public static async Task<IReadOnlyList<int>> YearsAsync(HttpContext http, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(caller);
        await using var session = http.RequestServices.GetRequiredService<IDocumentStore>().QuerySession(caller.Region);
        // The editions' own parts of the report projection (inline, one document per edition opened), as the programme report reads them.
        var views = await session.Query<EditionReportView>().ToListAsync(http.RequestAborted);
        return [.. views.Select(v => v.Tally.Edition).Where(e => e.RulebookId == caller.Rulebook.Id).Select(e => e.Year).Distinct().OrderDescending()];
    }
}
