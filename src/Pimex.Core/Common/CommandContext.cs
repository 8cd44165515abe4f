using NodaTime;

namespace Pimex.Common;

/// <summary>
/// What every command carries besides its own data: who acts, the moment it is recorded (the
/// host's clock, never the library's), and optionally the version of the aggregate the actor
/// saw, so that a stale writer gets <c>Conflict</c>.
/// </summary>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When the command is recorded.</param>
/// <param name="ExpectedVersion">The aggregate version the caller expects; null to skip the check.</param>
public sealed record CommandContext(Actor Actor, Instant At, long? ExpectedVersion = null)
{
    /// <summary>The same context, expecting a version.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The new context.</returns>
    public CommandContext Expecting(long version) => this with { ExpectedVersion = version };

    /// <summary>The local date of the command in a time zone (the rulebook's).</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The date.</returns>
    public LocalDate DateIn(DateTimeZone zone) => At.InZone(zone).Date;
}
