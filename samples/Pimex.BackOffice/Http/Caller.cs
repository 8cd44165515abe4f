using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NodaTime;
using NodaTime.Text;
using Pimex.BackOffice.Hosting;
using Pimex.Common;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Http;

/// <summary>
/// Who calls, for which region and rulebook, at what moment, having seen which version.
/// <see cref="AtFromClient"/> says whether the moment is the client's (a migration token's
/// <c>Pimex-Recorded-At</c>) rather than the server's clock.
/// </summary>
public sealed record Caller(string Region, Rulebook Rulebook, Actor Actor, Instant At, long? IfMatch, bool AtFromClient = false)
{
    public const string RecordedAtHeader = "Pimex-Recorded-At";

    public CommandContext Context => IfMatch is { } version ? new CommandContext(Actor, At).Expecting(version) : new CommandContext(Actor, At);

    /// <summary>
    /// Resolves the caller of a request: the region must exist and be the token's region (a user
    /// of one region neither reads nor writes another's data); If-Match, when required, must be there.
    /// </summary>
    public static (Caller? Caller, IResult? Refusal) Resolve(HttpContext http, string region, bool requireIfMatch)
    {
        ArgumentNullException.ThrowIfNull(http);
        var services = http.RequestServices;
        var regions = services.GetRequiredService<Regions>();
        var options = services.GetRequiredService<IOptions<BackOfficeOptions>>().Value;
        if (Tokens.Read(http.User) is not { } who)
        {
            return (null, Problems.Of(StatusCodes.Status401Unauthorized, Problems.NoActor, "The token carries no usable actor: it needs sub, role, region (and company for a representative)."));
        }

        bool found = regions.TryGet(region, out var rulebook);
        if (!found && !regions.IsUnavailable(region))
        {
            return (null, Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, $"No region '{region}' here."));
        }

        if (!string.Equals(who.Region, region, StringComparison.Ordinal))
        {
            return (null, Problems.Of(StatusCodes.Status403Forbidden, Problems.OtherRegion, $"This token is for region '{who.Region}', not '{region}'."));
        }

        if (!found)
        {
            // Its rulebook did not load at start-up (the log says why): this region only is down.
            return (null, Problems.Of(StatusCodes.Status503ServiceUnavailable, Problems.RegionUnavailable, $"Region '{region}' is not serving: its rulebook did not load when the back office started. The other regions serve."));
        }

        long? ifMatch = null;
        var header = http.Request.Headers.IfMatch.ToString();
        if (header.Length > 0)
        {
            if (!EntityTagHeaderValue.TryParse(header, out var tag) || !long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return (null, Problems.Of(StatusCodes.Status400BadRequest, Problems.MalformedBody, "If-Match holds one entity tag: the version, such as \"12\".", "If-Match"));
            }

            ifMatch = version;
        }
        else if (requireIfMatch)
        {
            return (null, Problems.Of(StatusCodes.Status428PreconditionRequired, Problems.MissingIfMatch, "Send If-Match with the ETag (the version) you saw: the edition's for a command on the edition, the participant's for a command on a participant.", "If-Match"));
        }

        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var recordedAt = http.Request.Headers[RecordedAtHeader].ToString();
        if (recordedAt.Length == 0)
        {
            return (new Caller(region, rulebook, who.Actor, now, ifMatch), null);
        }

        // A client's moment: only when configured, only from a migration token, never in the future
        // (and, once the streams are read, never before their last event: BeforeLastEvent).
        if (!options.AcceptRecordedAt)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, Problems.ClientTimeRefused, "This back office records commands at its own clock.", RecordedAtHeader));
        }

        if (!Tokens.IsMigration(http.User))
        {
            return (null, Problems.Of(StatusCodes.Status403Forbidden, Problems.ClientTimeNotMigration, $"Only a migration token (scope '{Tokens.MigrationScope}') may send {RecordedAtHeader}; other commands are recorded at the server's clock.", RecordedAtHeader));
        }

        var parsed = InstantPattern.ExtendedIso.Parse(recordedAt);
        if (!parsed.Success)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, Problems.MalformedBody, "Pimex-Recorded-At is an ISO instant such as 2016-03-20T09:00:00Z.", RecordedAtHeader));
        }

        if (parsed.Value > now)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, Problems.ClientTimeInFuture, $"{RecordedAtHeader} {InstantPattern.ExtendedIso.Format(parsed.Value)} is after the server's clock ({InstantPattern.ExtendedIso.Format(now)}): nothing is recorded in the future.", RecordedAtHeader));
        }

        return (new Caller(region, rulebook, who.Actor, parsed.Value, ifMatch, AtFromClient: true), null);
    }

    /// <summary>
    /// Refuses a client's moment (<see cref="AtFromClient"/>) before the last event of a stream the
    /// command reads or changes (the edition's, the participant's): a migration replays history in
    /// order, and a decision never sees facts from after its own moment. Null when the moment is
    /// the server's, or not before any of them.
    /// </summary>
    public IResult? BeforeLastEvent(params IEventSourced?[] streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (!AtFromClient)
        {
            return null;
        }

        foreach (var stream in streams)
        {
            if (stream is not null && At < stream.LastRecordedAt)
            {
                return Problems.Of(
                    StatusCodes.Status409Conflict,
                    Problems.ClientTimeBeforeLastEvent,
                    $"{RecordedAtHeader} {InstantPattern.ExtendedIso.Format(At)} is before the last event of a stream this command touches ({InstantPattern.ExtendedIso.Format(stream.LastRecordedAt)}): a migration records history in order.",
                    RecordedAtHeader);
            }
        }

        return null;
    }

    /// <summary>Reads a JSON body within the size limit; malformed JSON is a 400 problem with its path, never a stack trace.</summary>
    public static async Task<(T? Body, IResult? Refusal)> ReadBodyAsync<T>(HttpContext http)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(http);
        var limit = http.RequestServices.GetRequiredService<IOptions<BackOfficeOptions>>().Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (HoldsNul(json))
        {
            // PostgreSQL's jsonb cannot store U+0000: refused at the door rather than failing at the save.
            return (null, Problems.Of(StatusCodes.Status400BadRequest, Problems.MalformedBody, "Text may not hold the NUL character (\\u0000).", "$"));
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(json, BackOfficeJson.Requests);
            return body is null
                ? (null, Problems.Of(StatusCodes.Status400BadRequest, Problems.MalformedBody, "The body is a JSON object, not null.", "$"))
                : (body, null);
        }
        catch (JsonException e)
        {
            // A named value's own words (the names allowed); for the rest, no parser's text.
            var message = e is NotANameException ? e.Message : "The body is not valid JSON of the expected shape.";
            return (null, Problems.Of(StatusCodes.Status400BadRequest, Problems.MalformedBody, message, Pimex.Serialization.SystemTextJson.PimexJson.PathOf(e) ?? "$"));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, Problems.MalformedBody, "The body holds a value the library refuses: " + e.Message, "$"));
        }
    }

    /// <summary>Whether a string or property name of the JSON holds U+0000; false for JSON that does not read (the deserializer says why).</summary>
    private static bool HoldsNul(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\\u0000"u8) < 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }

    private static IResult TooLarge(long limit) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, Problems.BodyTooLarge, $"A command's body is at most {limit} bytes.");
}
