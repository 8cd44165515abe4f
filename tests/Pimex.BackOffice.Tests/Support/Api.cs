using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Pimex.Admission;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Http;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.BackOffice.Tests.Support;

/// <summary>A problem as the tests read it.</summary>
public sealed record Problem(int Status, IReadOnlyList<string> Codes, IReadOnlyList<ProblemError> Errors, string Text);

/// <summary>An HTTP answer: status, ETag version, body text.</summary>
public sealed record Answer(HttpStatusCode Status, long? ETag, string Text, string? ContentType)
{
    public Problem Problem()
    {
        var problem = JsonSerializer.Deserialize<ProblemBody>(Text, BackOfficeJson.Options)!;
        return new Problem((int)Status, problem.Codes ?? [], problem.Errors ?? [], Text);
    }

    public T As<T>() => JsonSerializer.Deserialize<T>(Text, BackOfficeJson.Options)!;

    private sealed record ProblemBody(int? Status, string[]? Codes, ProblemError[]? Errors);
}

/// <summary>
/// A client of the back office for one region: who acts, when, with which If-Match. The tests
/// replay a year of 2016, so their tokens are migration tokens (<see cref="Tokens.MigrationScope"/>)
/// that may send <c>Pimex-Recorded-At</c>; <c>migration: false</c> mints a staff or
/// representative's ordinary token.
/// </summary>
public sealed class Api(HttpClient http, Tokens tokens, string region)
{
    public static readonly Actor Manager = Actor.ProgrammeManager("mgr-1");
    public static readonly Actor Tech = Actor.Technician("tech-1");
    public static readonly Actor Tech2 = Actor.Technician("tech-2");
    public static readonly Actor Consultant = Actor.SeniorConsultant("sc-1");

    public HttpClient Http { get; } = http;

    public string Region { get; } = region;

    public static Actor Rep(string company) => Actor.CompanyRepresentative("rep-" + company, new CompanyId(company));

    public static Instant At(int month, int day) =>
        new LocalDateTime(2016, month, day, 10, 0).InZoneStrictly(Rulebook.Extremadura.TimeZone).ToInstant();

    public static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    public static CompanyApplication Application(string company) => new(
        new CompanyId(company),
        "ES43",
        new CompanyProfile(new EnterpriseFigures(20m, Eur(3_000_000m), Eur(2_000_000m)), default),
        new EquatableArray<AidReceived>([new AidReceived(Eur(12_000m), new LocalDate(2015, 5, 4), "Junta de Extremadura")]));

    public static ExpenseClaim Claim(string id, decimal net) =>
        new(id, "INV-" + id, "B11111111", new LocalDate(2016, 10, 1), "tradeFair", "Promotion expense", Eur(net), Eur(0m), true);

    public string Edition(int year = 2016) => $"/regions/{Region}/editions/{year}";

    public string Participant(string company, int year = 2016) => $"{Edition(year)}/participants/{company}";

    public string Token(Actor actor, string? tokenRegion = null, bool migration = true) =>
        tokens.Mint(actor, tokenRegion ?? Region, SystemClock.Instance.GetCurrentInstant(), Duration.FromHours(1), migration);

    public Task<Answer> PostAsync(Actor actor, string path, object? body, Instant at, long? ifMatch = null, string? tokenRegion = null) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : JsonSerializer.Serialize(body, body.GetType(), BackOfficeJson.Options), Token(actor, tokenRegion), at, ifMatch);

    public Task<Answer> GetAsync(Actor actor, string path, string? tokenRegion = null) =>
        SendAsync(HttpMethod.Get, path, null, Token(actor, tokenRegion), null, null);

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? json, string? token, Instant? at, long? ifMatch, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (at is { } instant)
        {
            request.Headers.TryAddWithoutValidation(Caller.RecordedAtHeader, InstantPattern.ExtendedIso.Format(instant));
        }

        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Commands.ETag(version));
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        long? etag = response.Headers.ETag is { } tag ? long.Parse(tag.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) : null;
        return new Answer(response.StatusCode, etag, text, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The versions of the edition and (when named) a participant, as a manager reads them.</summary>
    public async Task<(long? Edition, long? Participant)> VersionsAsync(string? company = null, int year = 2016)
    {
        var edition = await GetAsync(Manager, Edition(year));
        var participant = company is null ? null : await GetAsync(Manager, Participant(company, year));
        return (edition.ETag, participant?.ETag);
    }

    /// <summary>The edition's version (its ETag) as a manager reads it now; 0 when there is no such edition.</summary>
    public async Task<long> EditionVersionAsync(int year = 2016) => (await GetAsync(Manager, Edition(year))).ETag ?? 0;

    /// <summary>
    /// Sends a command on the edition with If-Match at the edition's version read just before;
    /// when another writer moved the edition on in between (412, or 409 at the save), reads it
    /// again and retries, up to <paramref name="attempts"/> times.
    /// </summary>
    public async Task<Answer> PostOnEditionAsync(Actor actor, string path, object body, Instant at, int attempts = 50)
    {
        for (int attempt = 1; ; attempt++)
        {
            var answer = await PostAsync(actor, path, body, at, await EditionVersionAsync());
            bool lostARace = answer.Status is HttpStatusCode.PreconditionFailed
                || (answer.Status == HttpStatusCode.Conflict && answer.Problem().Codes.Contains(CommonErrors.VersionMismatch));
            if (!lostARace || attempt >= attempts)
            {
                return answer;
            }
        }
    }

    /// <summary>Opens the 2016 edition, with three sessions and the applications of the given companies.</summary>
    public async Task OpenWithApplicantsAsync(IEnumerable<string> companies, int sessions = 3)
    {
        Must(await PostAsync(Manager, $"/regions/{Region}/editions", new OpenEditionRequest(2016), At(1, 10)));
        for (int i = 1; i <= sessions; i++)
        {
            Must(await PostOnEditionAsync(Tech, Edition() + "/sessions", new GroupSession("S" + i, new LocalDate(2016, 4 + i, 10), "Mérida", "Session " + i, 40), At(1, 15)));
        }

        foreach (var company in companies)
        {
            Must(await PostOnEditionAsync(Rep(company), Edition() + "/applications", Application(company), At(2, 1)));
        }
    }

    /// <summary>Admits a company; returns the participant's version.</summary>
    public async Task<long> AdmitAsync(string company, Instant? at = null)
    {
        var answer = Must(await PostOnEditionAsync(Manager, Edition() + "/admissions", new AdmitRequest(new CompanyId(company)), at ?? At(3, 20)));
        return answer.As<CommandAccepted>().ParticipantVersion!.Value;
    }

    public static Answer Must(Answer answer)
    {
        Assert.True((int)answer.Status is >= 200 and < 300, $"Expected success, got {(int)answer.Status}: {answer.Text}");
        return answer;
    }
}
