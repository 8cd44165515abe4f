namespace Pimex.StateAid;

/// <summary>How a state-aid regime measures the period over which aid adds up.</summary>
public enum AidPeriodKind
{
    /// <summary>Any rolling period of N years ending on the grant date (EU 2023/2831).</summary>
    RollingYears,

    /// <summary>The current fiscal year and the N - 1 before it (EU 1407/2013).</summary>
    FiscalYears,
}

/// <summary>The look-back period of a state-aid regime.</summary>
/// <param name="Kind">Rolling years or fiscal years.</param>
/// <param name="Years">How many years (3 for both EU de minimis regulations).</param>
/// <param name="FiscalYearStart">The day a fiscal year starts (1 January by default); used by
/// <see cref="AidPeriodKind.FiscalYears"/> only.</param>
public sealed record AidPeriod(AidPeriodKind Kind, int Years, AnnualDate FiscalYearStart)
{
    /// <summary>
    /// The dates whose aid counts towards the ceiling for aid granted on
    /// <paramref name="grantDate"/>, the grant date included.
    /// </summary>
    /// <param name="grantDate">The date the new aid is granted.</param>
    /// <returns>The look-back interval, inclusive at both ends.</returns>
    /// <remarks>
    /// Rolling years: from the day after the same date N years earlier (a 29 February goes back
    /// to 28 February, so the period starts on 1 March). Fiscal years: from the start of the
    /// fiscal year N - 1 years before the one that contains the grant date. Either way the period
    /// ends on the grant date: aid granted later is not counted.
    /// </remarks>
    /// <exception cref="ArgumentException"><see cref="Years"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Kind"/> is not a defined kind.</exception>
    public DateInterval LookBack(LocalDate grantDate) => new(LookBackStart(grantDate), grantDate);

    /// <summary>
    /// The first day of <see cref="LookBack"/> for aid granted on <paramref name="grantDate"/>,
    /// without allocating the interval.
    /// </summary>
    /// <param name="grantDate">The date the new aid is granted.</param>
    /// <returns>The first date whose aid counts.</returns>
    public LocalDate LookBackStart(LocalDate grantDate)
    {
        if (Years <= 0)
        {
            throw new ArgumentException($"An aid period lasts at least one year, not {Years}.", nameof(grantDate));
        }

        return Kind switch
        {
            AidPeriodKind.RollingYears => grantDate.PlusYears(-Years).PlusDays(1),
            AidPeriodKind.FiscalYears => FiscalYearStart.InYear(FiscalYearOf(grantDate) - (Years - 1)),
            _ => throw new InvalidOperationException($"Unknown aid period kind {Kind}."),
        };
    }

    /// <summary>The calendar year in which the fiscal year containing <paramref name="date"/> starts.</summary>
    private int FiscalYearOf(LocalDate date) =>
        FiscalYearStart.InYear(date.Year) <= date ? date.Year : date.Year - 1;

    /// <summary>A readable description, such as <c>rolling 3 years</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind == AidPeriodKind.RollingYears
        ? $"rolling {Years} years"
        : $"{Years} fiscal years from {FiscalYearStart.Month:D2}-{FiscalYearStart.Day:D2}";
}

/// <summary>
/// A state-aid regime under which PIMEX support is granted: a ceiling per single undertaking
/// over a look-back period. The rulebook's timeline picks the regime by grant date.
/// </summary>
/// <param name="Name">A short name, such as <c>EU 2023/2831</c>.</param>
/// <param name="Ceiling">The most aid one undertaking may receive over the period.</param>
/// <param name="Period">The look-back period.</param>
/// <param name="Reference">The legal reference.</param>
public sealed record AidRegime(string Name, Money Ceiling, AidPeriod Period, string? Reference = null)
{
    /// <summary>A readable description: name, ceiling and period.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Name}: {Ceiling} over {Period}";
}
