using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Http;
using Pimex.Cli.Ledger;
using Pimex.Common;

namespace Pimex.BackOffice.Ledger;

/// <summary>How the back office answered one ledger command.</summary>
/// <param name="Line">The ledger line.</param>
/// <param name="Command">The command's name.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Codes">The problem's <c>PIMEX-...</c> codes, when refused.</param>
public sealed record LedgerResponse(int Line, string Command, HttpStatusCode Status, IReadOnlyList<string> Codes)
{
    public bool Accepted => (int)Status is >= 200 and < 300;
}

/// <summary>
/// Sends a ledger's commands to the back office over HTTP, one request per command, as the
/// staff and the companies of the ledger would: each command with a migration token for its
/// actor (<see cref="Tokens.MigrationScope"/>), the ledger's moment in <c>Pimex-Recorded-At</c>
/// (accepted only by a back office configured to import, never after its clock nor before the
/// streams' last events), and If-Match with the version it last saw of the participant, or of the edition
/// for a command on the edition. An application the ledger gives a company name for also sets
/// that name in the region's company directory, once the application is received.
/// </summary>
internal sealed class LedgerClient(HttpClient http, Tokens tokens, string region)
{
    private readonly Dictionary<string, string> tokensByActor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> participantVersions = new(StringComparer.Ordinal);
    private long editionVersion;
    private int year;

    /// <summary>A ledger's commands in the order <c>pimex run</c> applies them: time order, stable, each with its line in the file.</summary>
    public static IReadOnlyList<LedgerEntry> Read(string text)
    {
        var read = LedgerReader.Read(text);
        return read.IsSuccess
            ? LedgerOrder.InTimeOrder(read.Entries).Entries
            : throw new InvalidOperationException("The ledger does not read: " + string.Join("; ", read.Errors));
    }

    public async Task<IReadOnlyList<LedgerResponse>> SendAsync(IEnumerable<LedgerEntry> entries, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var responses = new List<LedgerResponse>();
        foreach (var entry in entries)
        {
            responses.Add(await SendAsync(entry, cancellation));
        }

        return responses;
    }

    public async Task<LedgerResponse> SendAsync(LedgerEntry entry, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var command = entry.Command;
        var (path, body, company) = Route(command);
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), BackOfficeJson.Options), Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(command.Actor));
        request.Headers.TryAddWithoutValidation(Caller.RecordedAtHeader, InstantPattern.ExtendedIso.Format(command.At));
        if (company is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Commands.ETag(participantVersions.GetValueOrDefault(company)));
        }
        else if (command is not OpenEdition)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Commands.ETag(editionVersion));
        }

        using var response = await http.SendAsync(request, cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        if (response.IsSuccessStatusCode)
        {
            var accepted = JsonSerializer.Deserialize<CommandAccepted>(text, BackOfficeJson.Options)!;
            editionVersion = accepted.EditionVersion;
            if (accepted.Participant is { } participant && accepted.ParticipantVersion is { } version)
            {
                participantVersions[participant[(participant.IndexOf('/', StringComparison.Ordinal) + 1)..]] = version;
            }

            if (command is Apply { CompanyName: { } name } apply)
            {
                // The ledger names the company: kept in the region's directory (never in an event), by the applicant.
                return await NameAsync(entry, apply, name, cancellation) ?? new LedgerResponse(entry.Line, command.Name, response.StatusCode, []);
            }

            return new LedgerResponse(entry.Line, command.Name, response.StatusCode, []);
        }

        return new LedgerResponse(entry.Line, command.Name, response.StatusCode, CodesOf(text));
    }

    /// <summary>Sets the name of an applicant the ledger names; null when it is set, else the refusal.</summary>
    private async Task<LedgerResponse?> NameAsync(LedgerEntry entry, Apply apply, string name, CancellationToken cancellation)
    {
        var company = apply.Application.Company.Value;
        using var request = new HttpRequestMessage(HttpMethod.Put, "/regions/" + Uri.EscapeDataString(region) + "/companies/" + Uri.EscapeDataString(company));
        request.Content = new StringContent(JsonSerializer.Serialize(new CompanyNameRequest(name), BackOfficeJson.Options), Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(apply.Actor));
        using var response = await http.SendAsync(request, cancellation);
        return response.IsSuccessStatusCode
            ? null
            : new LedgerResponse(entry.Line, apply.Name, response.StatusCode, CodesOf(await response.Content.ReadAsStringAsync(cancellation)));
    }

    public string TokenFor(Actor actor)
    {
        var key = actor.ToString();
        if (!tokensByActor.TryGetValue(key, out var token))
        {
            token = tokens.Mint(actor, region, SystemClock.Instance.GetCurrentInstant(), Duration.FromHours(8), migration: true);
            tokensByActor[key] = token;
        }

        return token;
    }

    internal static IReadOnlyList<string> CodesOf(string problem)
    {
        try
        {
            using var doc = JsonDocument.Parse(problem);
            return doc.RootElement.TryGetProperty("codes", out var codes)
                ? [.. codes.EnumerateArray().Select(c => c.GetString() ?? string.Empty)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private (string Path, object? Body, string? Company) Route(LedgerCommand command)
    {
        var regionPath = "/regions/" + Uri.EscapeDataString(region);
        if (command is OpenEdition open)
        {
            year = open.Year;
            return (regionPath + "/editions", new OpenEditionRequest(open.Year), null);
        }

        var editionPath = regionPath + "/editions/" + year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (command)
        {
            case Apply c: return (editionPath + "/applications", c.Application, null);
            case Admit c: return (editionPath + "/admissions", new AdmitRequest(c.Company), null);
            case ScheduleSession c: return (editionPath + "/sessions", c.Session, null);
            case RecordExpense c: return (editionPath + "/expenses", new ExpenseRequest(c.Line, c.Amount, c.Description), null);
        }

        var p = (ParticipantCommand)command;
        var company = p.Company.Value;
        var at = editionPath + "/participants/" + Uri.EscapeDataString(company);
        (string Path, object? Body) route = p switch
        {
            AssignTechnician c => ("/technician", new TechnicianRequest(c.Technician)),
            RecordAttendance c => ("/attendance", new AttendanceRequest(c.Session)),
            RecordTutorial c => ("/tutorials", c.Tutorial),
            RecordTrainingPill c => ("/pills", c.Pill),
            RequestConsultancy c => ("/consultancy", new ConsultancyRequest(c.Hours, c.Topic)),
            SubmitSwot c => ("/swot", c.Swot),
            ReviewSwot c => ("/swot/review", new ReviewRequest(c.Accept, c.Comment)),
            SubmitRoadmap c => ("/roadmap", c.Roadmap),
            ReviewRoadmap c => ("/roadmap/review", new ReviewRequest(c.Accept, c.Comment)),
            SubmitClaim c => ("/claims", c.Claim),
            VerifyClaim c => ("/claims/" + Uri.EscapeDataString(c.Claim) + "/verification", c.Verification),
            AnswerSurvey c => ("/survey", c.Answer),
            Complete => ("/completion", null),
            Withdraw c => ("/withdrawal", new ExitRequest(c.Reason)),
            Exclude c => ("/exclusion", new ExitRequest(c.Reason)),
            _ => throw new InvalidOperationException($"Unknown ledger command {p.GetType().Name}."),
        };
        return (at + route.Path, route.Body, company);
    }
}
