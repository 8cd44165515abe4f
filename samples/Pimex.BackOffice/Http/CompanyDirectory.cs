using System.Globalization;
using Marten;
using NodaTime;
using Pimex.Common;

namespace Pimex.BackOffice.Http;

/// <summary>
/// A company's name in its region's directory: a Marten document in the region's tenant, keyed
/// by the company's tax id (<see cref="CompanyId"/>), with who set it and when (the server's
/// clock). The library holds no name on purpose (its events carry an opaque
/// <see cref="CompanyId"/>, and a sole trader's name is personal data): the name lives beside the
/// event streams, where it can be corrected or erased without touching them.
/// </summary>
/// <param name="Id">The company's tax id.</param>
/// <param name="Name">The name, trimmed (<see cref="CompanyDirectory.Validate"/>).</param>
/// <param name="SetBy">The id of the actor who set it.</param>
/// <param name="SetByRole">The role that actor acted in.</param>
/// <param name="SetAt">When, at the server's clock.</param>
public sealed record CompanyNameEntry(string Id, string Name, string SetBy, ActorRole SetByRole, Instant SetAt);

/// <summary>A company's name as the API answers it.</summary>
/// <param name="Company">The company's tax id.</param>
/// <param name="Name">Its name.</param>
/// <param name="SetBy">The id of the actor who set it.</param>
/// <param name="SetByRole">The role that actor acted in.</param>
/// <param name="SetAt">When, at the server's clock.</param>
public sealed record CompanyNameView(string Company, string Name, string SetBy, ActorRole SetByRole, Instant SetAt)
{
    public static CompanyNameView Of(CompanyNameEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.Name, entry.SetBy, entry.SetByRole, entry.SetAt);
    }
}

/// <summary>Sets a company's name in the region's directory.</summary>
/// <param name="Name">The name: not blank, at most <see cref="CompanyDirectory.MaxNameLength"/> characters once trimmed, no control characters.</param>
public sealed record CompanyNameRequest(string Name);

/// <summary>
/// The region's company directory: the rules of a name, who may set and read one, and the names
/// the pages show beside the tax ids ("Name (tax id)", the tax id alone while no name is known).
/// </summary>
public static class CompanyDirectory
{
    /// <summary>The longest name kept, in UTF-16 code units, once trimmed.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest tax id a name is kept for: no tax id is longer, and a longer path segment is a mistake or an attack.</summary>
    public const int MaxCompanyLength = 64;

    /// <summary>The name as kept (trimmed) and null, or null and why it cannot be one.</summary>
    public static (string? Name, string? Problem) Validate(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return (null, "The name is blank.");
        }

        if (trimmed.Length > MaxNameLength)
        {
            return (null, $"The name is {trimmed.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {MaxNameLength.ToString(CultureInfo.InvariantCulture)}.");
        }

        for (int i = 0; i < trimmed.Length; i++)
        {
            char c = trimmed[i];
            if (char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return (null, $"The name holds half of a character (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}) at position {(i + 1).ToString(CultureInfo.InvariantCulture)}.");
            }

            if (IsControl(c))
            {
                return (null, $"The name holds a control character (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}) at position {(i + 1).ToString(CultureInfo.InvariantCulture)}: a name is one line of visible text.");
            }
        }

        return (trimmed, null);
    }

    /// <summary>
    /// Control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional
    /// controls that make a text display in another order than it reads.
    /// </summary>
    private static bool IsControl(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>What the pages show for a company: "Name (tax id)" when a name is known, the tax id alone otherwise.</summary>
    public static string Label(string company, string? name) => name is null ? company : $"{name} ({company})";

    /// <summary>The names of some companies of the region the session is for, by tax id; a company without one is absent.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(IQuerySession session, IEnumerable<string> companies, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ids = companies.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var entries = await session.LoadManyAsync<CompanyNameEntry>(cancellation, ids);
        return entries.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// <c>PUT /regions/{region}/companies/{company}</c>: sets the company's name. The operator's
    /// staff set any company's, a company's representative its own company's only; a senior
    /// consultant none. The last name set is kept (PUT replaces it), with who set it and when.
    /// </summary>
    public static async Task<IResult> SetAsync(HttpContext http, string region, string company)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (caller, refusal) = Caller.Resolve(http, region, requireIfMatch: false);
        if (caller is null)
        {
            return refusal!;
        }

        if (Forbidden(caller.Actor, company, write: true) is { } forbidden)
        {
            return forbidden;
        }

        if (company.Length > MaxCompanyLength || company.Any(IsControl))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, Problems.MalformedPath, $"The company in the path is not a tax id: longer than {MaxCompanyLength.ToString(CultureInfo.InvariantCulture)} characters or holding control characters.", "company");
        }

        var (body, bad) = await Caller.ReadBodyAsync<CompanyNameRequest>(http);
        if (body is null)
        {
            return bad!;
        }

        var (name, problem) = Validate(body.Name);
        if (name is null)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, Problems.InvalidCompanyName, problem!, "name");
        }

        // Who set it and when: the server's clock, whatever moment a migration token sends.
        var entry = new CompanyNameEntry(company, name, caller.Actor.Id, caller.Actor.Role, http.RequestServices.GetRequiredService<IClock>().GetCurrentInstant());
        await using var session = http.RequestServices.GetRequiredService<IDocumentStore>().LightweightSession(caller.Region);
        session.Store(entry);
        await session.SaveChangesAsync(http.RequestAborted);
        return Results.Json(CompanyNameView.Of(entry), BackOfficeJson.Options);
    }

    /// <summary><c>GET /regions/{region}/companies/{company}</c>: the company's name, as reads go (staff any, a representative its own).</summary>
    public static async Task<IResult> GetAsync(HttpContext http, string region, string company)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (caller, refusal) = Caller.Resolve(http, region, requireIfMatch: false);
        if (caller is null)
        {
            return refusal!;
        }

        if (Forbidden(caller.Actor, company, write: false) is { } forbidden)
        {
            return forbidden;
        }

        await using var session = http.RequestServices.GetRequiredService<IDocumentStore>().QuerySession(caller.Region);
        var entry = await session.LoadAsync<CompanyNameEntry>(company, http.RequestAborted);
        return entry is null
            ? Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, $"No name is known for {company} in region {region}.")
            : Results.Json(CompanyNameView.Of(entry), BackOfficeJson.Options);
    }

    /// <summary>A representative acts for its own company only; a senior consultant reads names but sets none.</summary>
    private static IResult? Forbidden(Actor actor, string company, bool write)
    {
        if (actor.Role == ActorRole.CompanyRepresentative && !string.Equals(actor.Company?.Value, company, StringComparison.Ordinal))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, Problems.NotYours, "A company representative reads and names its own company only.");
        }

        return write && actor.Role == ActorRole.SeniorConsultant
            ? Problems.Of(StatusCodes.Status403Forbidden, Problems.NamesByStaff, "A company's name is set by the operator's staff or by the company's own representative, not by a senior consultant.")
            : null;
    }
}
