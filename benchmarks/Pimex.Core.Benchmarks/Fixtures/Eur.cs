using NodaTime;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Benchmarks.Fixtures;

/// <summary>Small helpers shared by the fixtures.</summary>
internal static class Eur
{
    /// <summary>An amount in euros.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The money.</returns>
    public static Money Of(decimal amount) => Money.Of(amount, Currency.EUR);

    /// <summary>A moment on a date in the Extremadura rulebook's zone, at 10:00.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The instant.</returns>
    public static Instant At(LocalDate date) =>
        date.At(new LocalTime(10, 0)).InZoneStrictly(Rulebook.Extremadura.TimeZone).ToInstant();

    /// <summary>A date as a <see cref="DateTime"/>, for the rules engines.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The date at midnight, unspecified kind.</returns>
    public static DateTime ToDateTime(LocalDate date) => date.ToDateTimeUnspecified();
}
