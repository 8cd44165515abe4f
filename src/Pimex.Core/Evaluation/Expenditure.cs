using Pimex.Editions;
using Pimex.Rulebooks;

namespace Pimex.Evaluation;

/// <summary>What one budget line spent in one month, in the programme's currency.</summary>
/// <param name="Month">The month the spend was recorded in, in the programme's time zone.</param>
/// <param name="Line">The budget line.</param>
/// <param name="Spent">The line's spend recorded in that month.</param>
public sealed record MonthlySpend(YearMonth Month, BudgetLine Line, Money Spent);

/// <summary>
/// An edition's expenditure by the month it was recorded in and by budget line: what a programme
/// outside the euro converts to euros for the funds, at the rate of each month
/// (<see cref="EditionReport.WithEuros"/>). A pure fold of the edition's spend events
/// (<see cref="ReservedFundsSpent"/>: a verified claim's support; <see cref="FundsSpent"/>: a
/// direct spend), each counted in the month of its <see cref="DomainEvent.RecordedAt"/> in the
/// programme's time zone; other events leave it as it is. Immutable, with value equality; it keeps
/// one entry per line and month, whatever the number of spends.
/// </summary>
/// <param name="Currency">The programme's currency.</param>
/// <param name="Zone">The programme's time zone, in which an instant falls in a month.</param>
/// <param name="Months">The spend per month and line, in order of month then line; no entry is zero.</param>
public sealed record Expenditure(Currency Currency, DateTimeZone Zone, EquatableArray<MonthlySpend> Months)
{
    /// <summary>The expenditure of an edition that has spent nothing yet.</summary>
    /// <param name="currency">The programme's currency.</param>
    /// <param name="zone">The programme's time zone.</param>
    /// <returns>An expenditure with no month.</returns>
    /// <exception cref="ArgumentException">No currency.</exception>
    public static Expenditure None(Currency currency, DateTimeZone zone)
    {
        if (currency.IsNone)
        {
            throw new ArgumentException("An expenditure has a currency.", nameof(currency));
        }

        ArgumentNullException.ThrowIfNull(zone);
        return new Expenditure(currency, zone, default);
    }

    /// <summary>The expenditure of an edition's stream, under its rulebook's currency and time zone.</summary>
    /// <param name="events">The edition's events (any others are passed over), in any order.</param>
    /// <param name="rulebook">The edition's rulebook.</param>
    /// <returns>The expenditure.</returns>
    /// <exception cref="ArgumentException">A spend is in another currency than the rulebook's.</exception>
    public static Expenditure Of(IEnumerable<DomainEvent> events, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(rulebook);
        var expenditure = None(rulebook.Currency, rulebook.TimeZone);
        foreach (var e in events)
        {
            expenditure = expenditure.Apply(e);
        }

        return expenditure;
    }

    /// <summary>The total spend of one line, over every month.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The sum.</returns>
    public Money SpentOn(BudgetLine line)
    {
        var sum = Money.Zero(Currency);
        foreach (var month in Months)
        {
            if (month.Line == line)
            {
                sum += month.Spent;
            }
        }

        return sum;
    }

    /// <summary>The expenditure after one more event: a spend is added to its line and month; any other event changes nothing.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The expenditure, this one when <paramref name="e"/> spends nothing.</returns>
    /// <exception cref="ArgumentException">A spend is in another currency (a programmer error: the events are not this programme's).</exception>
    public Expenditure Apply(DomainEvent e) => e switch
    {
        ReservedFundsSpent s => Add(s.Line, s.Amount, s.RecordedAt),
        FundsSpent s => Add(s.Line, s.Amount, s.RecordedAt),
        null => throw new ArgumentNullException(nameof(e)),
        _ => this,
    };

    private Expenditure Add(BudgetLine line, Money amount, Instant at)
    {
        if (amount.Currency != Currency)
        {
            throw new ArgumentException($"A spend of {amount} is not in the programme's currency {Currency}.", nameof(amount));
        }

        var date = at.InZone(Zone).Date;
        var month = new YearMonth(date.Year, date.Month);
        var months = Months.Items;
        int i = 0;
        while (i < months.Length && Compare(months[i], month, line) < 0)
        {
            i++;
        }

        if (i < months.Length && Compare(months[i], month, line) == 0)
        {
            var sum = months[i].Spent + amount;
            months = sum.IsZero ? months.RemoveAt(i) : months.SetItem(i, months[i] with { Spent = sum });
        }
        else if (!amount.IsZero)
        {
            months = months.Insert(i, new MonthlySpend(month, line, amount));
        }

        return this with { Months = new EquatableArray<MonthlySpend>(months) };
    }

    private static int Compare(MonthlySpend entry, YearMonth month, BudgetLine line)
    {
        int byMonth = entry.Month.CompareTo(month);
        return byMonth != 0 ? byMonth : ((int)entry.Line).CompareTo((int)line);
    }
}
