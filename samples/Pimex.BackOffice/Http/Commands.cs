using System.Globalization;
using Ardalis.Result;
using Marten;
using Microsoft.Extensions.Options;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Store;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using IResult = Microsoft.AspNetCore.Http.IResult;

namespace Pimex.BackOffice.Http;

/// <summary>What a command changed: the edition, the participant, or both (a joint change).</summary>
public sealed record Outcome(Changed<Edition, EditionEvent>? Edition, Changed<Participant, ParticipantEvent>? Participant)
{
    public static Result<Outcome> Of(Result<Changed<Edition, EditionEvent>> result) => result.Map(c => new Outcome(c, null));

    public static Result<Outcome> Of(Result<Changed<Participant, ParticipantEvent>> result) => result.Map(c => new Outcome(null, c));

    public static Result<Outcome> Of(Result<ParticipationChange> result) => result.Map(c => new Outcome(c.Edition, c.Participant));
}

/// <summary>The answer to an accepted command: the versions the streams are at now, and the events recorded.</summary>
public sealed record CommandAccepted(string Edition, long EditionVersion, string? Participant, long? ParticipantVersion, IReadOnlyList<string> Events);

/// <summary>What a command decides on: the caller, the edition, and the participant when the URL names one.</summary>
public sealed record Scope(Caller Caller, Edition Edition, Participant? Participant)
{
    public Participant RequiredParticipant => Participant ?? throw new InvalidOperationException("This command is about a participant.");
}

/// <summary>
/// The one way every command runs: resolve the caller, load the streams from Marten, let the
/// library decide, then stage the events at the versions the decision started from (both
/// streams of a joint change in the same session), the views and, every
/// <see cref="BackOfficeOptions.SnapshotInterval"/> events of a stream, its snapshot, and save
/// them in one PostgreSQL transaction. A refusal, or a lost race, saves nothing.
/// </summary>
/// <remarks>
/// A lost race is retried, at most <see cref="Attempts"/> times in all, after a pause of a few
/// milliseconds, on a fresh read: the
/// library decides again on the streams as they are now. Only when the stream the client named
/// (the participant for a command about a participant, else the edition: what its If-Match is
/// the version of) did not move: a command about one participant that lost only on the shared
/// edition stream (another participant's joint change spent from the same budget first) is
/// decided again, and it is refused if the budget, a seat or a rule now says no. When the named
/// stream moved, the client's view is stale and the answer is 409 at once.
/// </remarks>
public static class Commands
{
    /// <summary>How many times a command is decided and saved at most before a lost race is answered 409.</summary>
    public const int Attempts = 5;

    public static async Task<IResult> RunAsync(
        HttpContext http,
        string region,
        int year,
        string? company,
        Func<Scope, Result<Outcome>> decide,
        int successStatus = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(decide);
        // If-Match is required on every command: the edition's version for a command on the edition,
        // the participant's for a command on a participant.
        var (caller, refusal) = Caller.Resolve(http, region, requireIfMatch: true);
        if (caller is null)
        {
            return refusal!;
        }

        var cancellation = http.RequestAborted;
        var store = http.RequestServices.GetRequiredService<IDocumentStore>();
        var cache = http.RequestServices.GetService<AggregateCache>();
        int snapshotInterval = http.RequestServices.GetRequiredService<IOptions<BackOfficeOptions>>().Value.SnapshotInterval;
        var editionId = new EditionId(caller.Rulebook.Id, year);
        long? namedVersion = null;
        for (int attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession(caller.Region);
            var streams = new EventStreams(session, cache, snapshotInterval);
            var edition = await streams.LoadEditionAsync(editionId, cancellation);
            if (edition is null)
            {
                return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, $"No edition {editionId} in region {caller.Region}.");
            }

            Participant? participant = null;
            if (company is not null)
            {
                participant = await streams.LoadParticipantAsync(new ParticipantId(editionId, new CompanyId(company)), cancellation);
                if (participant is null)
                {
                    return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, $"{company} is not a participant of {editionId}.");
                }
            }

            long named = participant?.Version ?? edition.Version;
            if (namedVersion is { } before && named != before)
            {
                // The stream the client named moved since the lost attempt: its If-Match is stale.
                return LostRace();
            }

            namedVersion = named;
            Result<Outcome> result;
            try
            {
                result = decide(new Scope(caller, edition, participant));
            }
            catch (ArgumentException e)
            {
                // Input the library's guards refuse (an empty id, a negative count): bad input, not a crash.
                return Problems.Of(StatusCodes.Status400BadRequest, Problems.MalformedBody, e.Message, e.ParamName);
            }

            if (!result.IsSuccess)
            {
                return Problems.From(result, ifMatchGiven: caller.IfMatch is not null);
            }

            // A client's moment (a migration) never before a stream the command read, even one the library did not change.
            if (caller.BeforeLastEvent(edition, participant) is { } late)
            {
                return late;
            }

            var outcome = result.Value;
            var events = new List<string>();
            var editionAfter = edition;
            if (outcome.Edition is { } editionChange)
            {
                editionAfter = editionChange.Aggregate;
                streams.Stage(editionAfter.Id.ToString(), editionChange);
                session.Store(EditionFiguresView.Of(editionAfter));
                events.AddRange(editionChange.Events.Select(e => e.GetType().Name));
            }

            var participantAfter = participant;
            if (outcome.Participant is { } participantChange)
            {
                participantAfter = participantChange.Aggregate;
                streams.Stage(participantAfter.Id.ToString(), participantChange);
                session.Store(ParticipantView.Of(participantAfter));
                events.AddRange(participantChange.Events.Select(e => e.GetType().Name));
            }

            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (Exception e) when (EventStreams.IsConcurrencyFailure(e))
            {
                if (attempt < Attempts)
                {
                    // A short random pause, so that the writers that lost together do not meet again.
                    await Task.Delay(Random.Shared.Next(1, 4 * attempt), cancellation);
                    continue;
                }

                return LostRace();
            }

            streams.Remember(outcome.Edition);
            streams.Remember(outcome.Participant);
            var accepted = new CommandAccepted(editionAfter.Id.ToString(), editionAfter.Version, participantAfter?.Id.ToString(), participantAfter?.Version, events);
            long tag = company is not null ? participantAfter!.Version : editionAfter.Version;
            http.Response.Headers.ETag = ETag(tag);
            return Results.Json(accepted, BackOfficeJson.Options, statusCode: successStatus);
        }
    }

    public static string ETag(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    private static IResult LostRace() =>
        Problems.Of(StatusCodes.Status409Conflict, CommonErrors.VersionMismatch, "Another command changed the edition or the participant first: nothing was saved; reload and retry.");
}
