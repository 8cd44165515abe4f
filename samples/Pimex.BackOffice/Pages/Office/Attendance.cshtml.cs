using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Pimex.BackOffice.Http;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>
/// Records the attendance of one group session for many companies at once: one command per
/// company (the library's <c>RecordAttendance</c>, a joint change of the participant and the
/// edition), each through the API's command path at the participant version the form showed.
/// A refused company's error is shown next to its box; the companies accepted stay recorded.
/// </summary>
public sealed class AttendanceModel : OfficePage
{
    public EditionData? Data { get; private set; }

    /// <summary>The session whose attendance is recorded: chosen in the query (<c>?session=S2</c>) or sent with the form.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Session { get; set; }

    [BindProperty]
    public List<string> Companies { get; set; } = [];

    public List<string> Recorded { get; } = [];

    public IReadOnlyList<FieldError> SessionErrors { get; private set; } = [];

    public Dictionary<string, List<FieldError>> CompanyErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>The sessions of the edition, by date.</summary>
    public IReadOnlyList<Pimex.Editions.GroupSession> Sessions =>
        Data is null ? [] : [.. Data.Edition.Sessions.Values.OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal)];

    /// <summary>
    /// The companies the form offers for <see cref="Session"/>: those still in training that have
    /// not attended it (the library would refuse the others).
    /// </summary>
    public IReadOnlyList<Pimex.Participation.Participant> Offered =>
        Data is null ? [] : [.. Data.Participants.Where(p => !p.IsFinal && !p.SessionsAttended.Contains(Session ?? string.Empty))];

    public async Task<IActionResult> OnGetAsync(string region, int year)
    {
        Year = year;
        if (await LoadAsync(region, year) && (Session is null || !Data!.Edition.Sessions.ContainsKey(Session)))
        {
            // The first session that a company still in training has not attended, else the first.
            var active = Data!.Participants.Where(p => !p.IsFinal).ToList();
            var sessions = Sessions;
            Session = sessions.FirstOrDefault(s => active.Any(p => !p.SessionsAttended.Contains(s.Id)))?.Id ?? (sessions.Count > 0 ? sessions[0].Id : null);
        }

        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string region, int year)
    {
        Year = year;
        if (!await LoadAsync(region, year))
        {
            return Show();
        }

        var sessionErrors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Session))
        {
            sessionErrors.Add(new FieldError("session", Problems.MalformedBody, Text["attendance.session"]));
        }

        if (Companies.Count == 0)
        {
            CompanyErrors[string.Empty] = [new FieldError(null, Problems.MalformedBody, Text["attendance.none"])];
        }

        foreach (var company in sessionErrors.Count == 0 ? Companies.Distinct(StringComparer.Ordinal) : [])
        {
            long.TryParse(Request.Form["version-" + company], NumberStyles.None, CultureInfo.InvariantCulture, out var version);
            var session = Session!;
            var outcome = await RunAsync(region, year, company, version, (s, context) => Outcome.Of(s.RequiredParticipant.RecordAttendance(s.Edition, session, context)));
            if (outcome.IsAccepted)
            {
                Recorded.Add(company);
                continue;
            }

            foreach (var error in outcome.Errors)
            {
                if (error.Field is { } field && field.StartsWith("session", StringComparison.OrdinalIgnoreCase))
                {
                    if (!sessionErrors.Any(e => e.Code == error.Code))
                    {
                        sessionErrors.Add(error);
                    }
                }
                else
                {
                    ErrorsOf(company).Add(error);
                }
            }
        }

        SessionErrors = sessionErrors;
        if (SessionErrors.Count == 0 && CompanyErrors.Count == 0)
        {
            TempData["message"] = Text.Format("attendance.recorded", Session!, string.Join(", ", Recorded));
            return Redirect(EditionPath("/participants"));
        }

        // Some were refused: show the form again, on the state after what was recorded.
        await LoadAsync(region, year);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private List<FieldError> ErrorsOf(string company)
    {
        if (!CompanyErrors.TryGetValue(company, out var list))
        {
            list = [];
            CompanyErrors[company] = list;
        }

        return list;
    }

    private async Task<bool> LoadAsync(string region, int year)
    {
        if (Resolve(region) is not { } caller)
        {
            return false;
        }

        Data = await EditionData.LoadAsync(HttpContext, caller, year);
        if (Data is null)
        {
            NoEdition(region, year);
            return false;
        }

        Title = Text.Format("attendance.title", year);
        return true;
    }
}
