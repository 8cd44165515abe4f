using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.IntegrationTests.EventStore;

/// <summary>
/// A host application in miniature: it keeps the states it decided on, sends commands, and
/// stores every accepted change in the event store at the versions it started from (both
/// streams in one transaction for a command that changes an edition and a participant).
/// </summary>
internal sealed class Host(SqliteEventStore store, Rulebook rulebook)
{
    public static readonly Actor Manager = Actor.ProgrammeManager("mgr-1");
    public static readonly Actor Tech = Actor.Technician("tech-1");
    public static readonly Actor Tech2 = Actor.Technician("tech-2");

    public Rulebook Rulebook { get; } = rulebook;

    public Edition Edition { get; private set; } = null!;

    public Dictionary<string, Participant> Participants { get; } = new(StringComparer.Ordinal);

    public static Instant At(int month, int day) =>
        new LocalDateTime(2016, month, day, 10, 0).InZoneStrictly(Rulebook.Extremadura.TimeZone).ToInstant();

    public static CommandContext Ctx(Actor actor, int month, int day) => new(actor, At(month, day));

    public static Actor Rep(string company) => Actor.CompanyRepresentative("rep-" + company, new CompanyId(company));

    public static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    public static CompanyApplication Application(string company) => new(
        new CompanyId(company),
        "ES43",
        new CompanyProfile(new EnterpriseFigures(20m, Eur(3_000_000m), Eur(2_000_000m)), default),
        new EquatableArray<AidReceived>([new AidReceived(Eur(12_000m), new LocalDate(2015, 5, 4), "Junta de Extremadura")]));

    public void Open(int year)
    {
        var opened = Must(Edition.Open(Rulebook, year, Ctx(Manager, 1, 10)));
        Store(Append(opened));
        Edition = opened.Aggregate;
    }

    public void OnEdition(Func<Edition, Result<Changed<Edition, EditionEvent>>> command)
    {
        var change = Must(command(Edition));
        Store(Append(change));
        Edition = change.Aggregate;
    }

    public void Admit(string company, Instant at)
    {
        var change = Must(Edition.Admit(new CompanyId(company), Rulebook, new CommandContext(Manager, at).Expecting(Edition.Version)));
        Store(Append(change.Edition), Append(change.Participant));
        Edition = change.Edition.Aggregate;
        Participants[company] = change.Participant.Aggregate;
    }

    public void On(string company, Func<Participant, Result<Changed<Participant, ParticipantEvent>>> command)
    {
        var change = Must(command(Participants[company]));
        Store(Append(change));
        Participants[company] = change.Aggregate;
    }

    public void OnBoth(string company, Func<Participant, Edition, Result<ParticipationChange>> command)
    {
        var change = Must(command(Participants[company], Edition));
        Store(Append(change.Edition), Append(change.Participant));
        Edition = change.Edition.Aggregate;
        Participants[company] = change.Participant.Aggregate;
    }

    /// <summary>
    /// A change's events, to append to its aggregate's stream expecting the version the change
    /// was computed on: no bookkeeping of the host's own.
    /// </summary>
    private static StreamAppend Append(Changed<Edition, EditionEvent> change) =>
        new(change.Aggregate.Id.ToString(), change.ExpectedVersion, [.. change.Events]);

    private static StreamAppend Append(Changed<Participant, ParticipantEvent> change) =>
        new(change.Aggregate.Id.ToString(), change.ExpectedVersion, [.. change.Events]);

    private void Store(params StreamAppend[] appends)
    {
        var stored = store.Append(appends);
        Assert.True(stored.IsSuccess, string.Join("; ", stored.Errors));
    }

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException($"Expected success, got {result.Status}: " + string.Join("; ", result.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}").Concat(result.Errors)));
}
