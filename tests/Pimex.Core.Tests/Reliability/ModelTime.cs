using NodaTime;
using Pimex.Rulebooks;

namespace Pimex.Tests.Reliability;

/// <summary>Whose last event a back-dated command is measured from.</summary>
public enum LastEventOf
{
    /// <summary>The participant the command is about.</summary>
    Participant,

    /// <summary>The edition.</summary>
    Edition,
}

/// <summary>When a command says it happens.</summary>
public abstract record When
{
    /// <summary>At the run's clock: the usual case, never before anything already recorded.</summary>
    public static readonly When OnTheClock = new OnClock();
}

/// <summary>At the run's clock.</summary>
public sealed record OnClock : When;

/// <summary>
/// <paramref name="By"/> before the last event of a stream (zero: exactly at it, which is in
/// time); at the clock when the stream does not exist.
/// </summary>
/// <param name="Target">The stream.</param>
/// <param name="By">How long before its last event.</param>
public sealed record BackFrom(LastEventOf Target, Duration By) : When;

/// <summary>At a fixed instant, typically an edge of the calendar.</summary>
/// <param name="Instant">The instant.</param>
public sealed record Edge(Instant Instant) : When;

/// <summary>
/// The date of a fact a command records (a tutorial, a pill, an invoice): a number of days from
/// the command's own local date, or a fixed date.
/// </summary>
/// <param name="DaysFromCommand">Days after (negative: before) the command's local date.</param>
/// <param name="Fixed">A fixed date instead, when not null.</param>
public sealed record FactDate(int DaysFromCommand, LocalDate? Fixed = null)
{
    /// <inheritdoc />
    public override string ToString() => Fixed is { } d ? d.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : $"command{DaysFromCommand:+0;-0;+0}d";
}

/// <summary>
/// The time of the model runs: the setup of the edition (opened and its sessions scheduled
/// before the applications window), the calendar the model assumes the library supports, and how
/// a command's <see cref="When"/> and a fact's <see cref="FactDate"/> become an instant and a
/// date. Shared by the driver and the model as the setup data is; the rules that judge these
/// instants are written in <see cref="ReferenceModel"/> alone.
/// </summary>
internal static class ModelTime
{
    /// <summary>The first instant the model expects a command to be accepted at: year 1, UTC.</summary>
    public static readonly Instant FirstSupported = Instant.FromUtc(1, 1, 1, 0, 0);

    /// <summary>The last: the last second of year 9998, UTC.</summary>
    public static readonly Instant LastSupported = Instant.FromUtc(9998, 12, 31, 23, 59, 59);

    /// <summary>The edges of the calendar that commands are sometimes sent at.</summary>
    public static readonly Instant[] Edges =
    [
        Instant.MinValue,
        FirstSupported - Duration.Epsilon,
        FirstSupported,
        Instant.FromUtc(1, 6, 15, 12, 0),
        LastSupported + Duration.Epsilon,
        Instant.FromUtc(9999, 12, 31, 23, 59, 59),
        Instant.MaxValue,
    ];

    /// <summary>Edges inside the calendar and after everything: a command there can be accepted, and then nothing is in time after it.</summary>
    public static readonly Instant[] FutureEdges =
    [
        Instant.FromUtc(9998, 6, 1, 8, 30),
        LastSupported,
    ];

    /// <summary>When the model edition is opened: ten days before its applications window, 09:00 local.</summary>
    public static Instant Opened(Rulebook rulebook, AnnuityRules annuity) => Local(rulebook, annuity.Applications.Start.PlusDays(-10), 9, 0);

    /// <summary>When session <paramref name="session"/> (1..4) is scheduled: nine days before the applications window.</summary>
    public static Instant Scheduled(Rulebook rulebook, AnnuityRules annuity, int session) => Local(rulebook, annuity.Applications.Start.PlusDays(-9), 9, session);

    /// <summary>The date of session <paramref name="session"/> of a run.</summary>
    public static LocalDate SessionDate(AnnuityRules annuity, ModelRun run, int session) => annuity.Training.Start.PlusDays(run.SessionDays[session - 1]);

    /// <summary>An instant from a local date and time in the rulebook's zone.</summary>
    public static Instant Local(Rulebook rulebook, LocalDate date, int hour, int minute) =>
        date.At(new LocalTime(hour, minute)).InZoneLeniently(rulebook.TimeZone).ToInstant();

    /// <summary>Whether the model expects the library to accept commands at <paramref name="at"/>.</summary>
    public static bool InCalendar(Instant at) => at >= FirstSupported && at <= LastSupported;

    /// <summary>
    /// The instant a command carries: its edge, or <see cref="BackFrom.By"/> before the last
    /// event of its stream (<paramref name="lastOf"/> gives it, null when the stream does not
    /// exist), or the clock.
    /// </summary>
    public static Instant Resolve(ModelCommand command, Func<LastEventOf, Instant?> lastOf) => command.When switch
    {
        Edge e => e.Instant,
        BackFrom b when lastOf(b.Target) is { } last => last - b.By,
        _ => command.Clock,
    };

    /// <summary>
    /// The date a fact is given: fixed, or days from the command's local date (from the clock's,
    /// when the command's instant is outside the calendar and has no local date to count from).
    /// </summary>
    public static LocalDate DateOf(FactDate fact, ModelCommand command, Instant at, Rulebook rulebook)
    {
        if (fact.Fixed is { } date)
        {
            return date;
        }

        var from = InCalendar(at) ? at : command.Clock;
        return from.InZone(rulebook.TimeZone).Date.PlusDays(fact.DaysFromCommand);
    }
}
