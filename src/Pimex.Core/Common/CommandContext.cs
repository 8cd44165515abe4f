namespace Pimex.Common;

/// <summary>
/// What every command carries besides its own data: who acts, the moment it is recorded (the
/// host's clock, never the library's), and optionally the version of the aggregate the actor
/// saw, so that a stale writer gets <c>Conflict</c>.
/// </summary>
/// <remarks>
/// Every verb judges the instant: it must lie between <see cref="EarliestSupported"/> and
/// <see cref="LatestSupported"/> (<see cref="TimeErrors.OutsideCalendar"/>), and it must not be
/// before the last event of any aggregate the command changes
/// (<see cref="TimeErrors.BeforeLastEvent"/>).
/// </remarks>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When the command is recorded.</param>
/// <param name="ExpectedVersion">The aggregate version the caller expects; null to skip the check.</param>
public sealed record CommandContext(Actor Actor, Instant At, long? ExpectedVersion = null)
{
    /// <summary>
    /// The earliest instant a command may carry: the start of year 1 (UTC). Earlier instants are
    /// refused, so that every date the rules derive from a command (a look-back of years, a local
    /// date in any zone) exists in the calendar.
    /// </summary>
    public static readonly Instant EarliestSupported = Instant.FromUtc(1, 1, 1, 0, 0);

    /// <summary>
    /// The latest instant a command may carry: the last second of year 9998 (UTC), a day's margin
    /// and more before the end of NodaTime's calendar, whatever the zone.
    /// </summary>
    public static readonly Instant LatestSupported = Instant.FromUtc(9998, 12, 31, 23, 59, 59);

    /// <summary>
    /// The language the library writes a refusal's reasons in (the messages of its validation
    /// errors and of its Conflict, Forbidden and NotFound results): English unless the host
    /// asks for another. Error codes and identifiers are the same in every language, and a
    /// command that succeeds never reads it.
    /// </summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.English;

    /// <summary>The same context, with the reasons of a refusal written in a language.</summary>
    /// <param name="language">The language, such as <see cref="ReportLanguage.Spanish"/>.</param>
    /// <returns>The new context.</returns>
    public CommandContext In(ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return this with { Language = language };
    }

    /// <summary>Whether <see cref="At"/> lies in the supported calendar.</summary>
    public bool IsInSupportedCalendar => At >= EarliestSupported && At <= LatestSupported;

    /// <summary>The same context, expecting a version.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The new context.</returns>
    public CommandContext Expecting(long version) => this with { ExpectedVersion = version };

    /// <summary>
    /// A context for a command recorded at a local date and time in a zone (the rulebook's):
    /// for a host whose clock reads local time.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="local">The local date and time.</param>
    /// <param name="zone">The zone (the rulebook's <c>TimeZone</c>).</param>
    /// <returns>The context; an ambiguous local time takes the earlier instant, a skipped one the next valid.</returns>
    public static CommandContext AtLocal(Actor actor, LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(zone);
        return new CommandContext(actor, local.InZoneLeniently(zone).ToInstant());
    }

    /// <summary>The local date of the command in a time zone (the rulebook's).</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The date.</returns>
    /// <exception cref="InvalidOperationException">The instant is outside the supported calendar
    /// (the verbs refuse such a command first, with <see cref="TimeErrors.OutsideCalendar"/>).</exception>
    public LocalDate DateIn(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!IsInSupportedCalendar)
        {
            throw new InvalidOperationException($"The command's instant {At} is outside the supported calendar.");
        }

        return At.InZone(zone).Date;
    }
}
