using Microsoft.AspNetCore.Mvc;
using Pimex.BackOffice.Http;
using Pimex.Evaluation;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>
/// The participants' progress matrix: one row per company (the library's <see cref="CompanyTable"/>),
/// named "Name (tax id)" when the region's directory knows its name, and linked to its page;
/// filtered and sorted on the server from the query string (<c>q</c>, <c>status</c>, <c>swot</c>,
/// <c>roadmap</c>, <c>sort</c>, <c>desc</c>), so it needs no script and every view has a link.
/// </summary>
public sealed class ParticipantsModel : OfficePage
{
    /// <summary>The columns: the sort key, the glossary key of the header, whether it is a number.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, bool Number)> Columns =
    [
        ("company", "companies.company", false),
        ("status", "companies.status", false),
        ("sessions", "companies.sessions", true),
        ("tutorials", "companies.tutorials", true),
        ("pills", "matrix.pills", true),
        ("swot", "companies.swot", false),
        ("roadmap", "companies.roadmap", false),
        ("approved", "companies.approved", true),
        ("granted", "companies.granted", true),
        ("notSupported", "companies.notSupported", true),
        ("cap", "matrix.cap", true),
    ];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Swot { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Roadmap { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "company";

    [BindProperty(SupportsGet = true, Name = "desc")]
    public bool Descending { get; set; }

    public IReadOnlyList<CompanyRow> Rows { get; private set; } = [];

    /// <summary>The companies' names from the region's directory, by tax id.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>What the row shows for its company: "Name (tax id)", or the tax id alone.</summary>
    public string Label(CompanyRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var company = row.Participant.Company.Value;
        return CompanyDirectory.Label(company, Names.GetValueOrDefault(company));
    }

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(string region, int year)
    {
        Year = year;
        if (Resolve(region) is not { } caller)
        {
            return Show();
        }

        var data = await EditionData.LoadAsync(HttpContext, caller, year);
        if (data is null)
        {
            NoEdition(region, year);
            return Show();
        }

        Title = Text.Format("matrix.title", year);
        Total = data.Table.Rows.Count;
        Names = data.Names;
        IEnumerable<CompanyRow> rows = data.Table.Rows;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // The tax id or the name.
            rows = rows.Where(r => Label(r).Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        rows = rows.Where(r => string.IsNullOrEmpty(Status) || r.Status.ToString() == Status)
            .Where(r => string.IsNullOrEmpty(Swot) || r.Swot.ToString() == Swot)
            .Where(r => string.IsNullOrEmpty(Roadmap) || r.Roadmap.ToString() == Roadmap);
        if (!Columns.Any(c => c.Key == Sort))
        {
            Sort = "company";
        }

        var ordered = Sort switch
        {
            "status" => rows.OrderBy(r => r.Status),
            "sessions" => rows.OrderBy(r => r.SessionsAttended),
            "tutorials" => rows.OrderBy(r => r.TutorialsHeld),
            "pills" => rows.OrderBy(r => r.PillsAttended),
            "swot" => rows.OrderBy(r => r.Swot),
            "roadmap" => rows.OrderBy(r => r.Roadmap),
            "approved" => rows.OrderBy(r => r.Approved.Amount),
            "granted" => rows.OrderBy(r => r.Granted.Amount),
            "notSupported" => rows.OrderBy(r => r.NotSupported.Amount),
            "cap" => rows.OrderBy(r => r.Cap.Amount),
            _ => rows.OrderBy(r => 0),
        };
        var list = ordered.ThenBy(r => r.Participant.Company.Value, StringComparer.Ordinal).ToList();
        if (Descending)
        {
            list.Reverse();
        }

        Rows = list;
        return Show();
    }

    /// <summary>The link that sorts by a column: ascending first, then the other way.</summary>
    public string SortLink(string key)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = Q,
            ["status"] = Status,
            ["swot"] = Swot,
            ["roadmap"] = Roadmap,
            ["sort"] = key,
            ["desc"] = Sort == key && !Descending ? "true" : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(EditionPath("/participants"), query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
