using System.Diagnostics.CodeAnalysis;
using Pimex.Rulebooks.Json;

namespace Pimex.Monetary;

/// <summary>
/// A table of exchange rates against the euro, per currency, each for a day or a month, with its
/// source: the data a region outside the euro converts its companies' figures and their earlier
/// aid with (the SME ceilings and the de minimis ceilings are set in euros by EU law). The library
/// fetches no rate: a rulebook carries them (its <c>exchangeRates</c> section) or the host hands
/// them in (<see cref="Parse(string)"/>, then <see cref="Rulebooks.Rulebook.WithExchangeRates"/>).
/// </summary>
/// <remarks>
/// <para>Immutable. Within one currency no two rates of a day are for the same day and no two
/// rates of a month for the same month; a day may have both a rate of its own (the ECB's reference
/// rate, say, for the SME test) and its month's (the Commission's monthly accounting rate, for the
/// funds). <see cref="TryFind"/> finds the rate of a day (its own, else its month's) and
/// <see cref="TryFindMonth"/> the rate of a month, by binary search, allocating nothing; a day no
/// rate covers has none (the table never falls back on another day: which rate applies is the
/// region's rule, stated in the rulebook, and a missing one is a refusal, not a guess).</para>
/// <para>Equality: two tables are equal when they hold the same rates.</para>
/// </remarks>
public sealed class ExchangeRates : IEquatable<ExchangeRates>
{
    private readonly ImmutableSortedDictionary<string, ImmutableArray<ExchangeRate>> byCurrency;
    private readonly ImmutableDictionary<string, (ImmutableArray<ExchangeRate> Days, ImmutableArray<ExchangeRate> Months)> byKind;

    /// <summary>A table of rates per currency code, each list sorted by first day (a day's rate before its month's) with no two rates of one kind overlapping.</summary>
    internal ExchangeRates(ImmutableSortedDictionary<string, ImmutableArray<ExchangeRate>> byCurrency)
    {
        this.byCurrency = byCurrency;
        byKind = byCurrency.ToImmutableDictionary(
            kv => kv.Key,
            kv => (kv.Value.Where(r => r.From == r.To).ToImmutableArray(), kv.Value.Where(r => r.From != r.To).ToImmutableArray()),
            StringComparer.Ordinal);
    }

    /// <summary>No rate at all: the table of a programme in euros.</summary>
    public static ExchangeRates None { get; } = new(ImmutableSortedDictionary.Create<string, ImmutableArray<ExchangeRate>>(StringComparer.Ordinal));

    /// <summary>Whether the table holds no rate.</summary>
    public bool IsEmpty => byCurrency.IsEmpty;

    /// <summary>The currencies the table has rates for, by code.</summary>
    public IEnumerable<Currency> Currencies => byCurrency.Keys.Select(Currency.FromCode);

    /// <summary>Every rate, by currency code and then by date.</summary>
    public IEnumerable<ExchangeRate> All => byCurrency.Values.SelectMany(rates => rates);

    /// <summary>
    /// Reads a table from JSON text: an object with one array per currency code, each entry a day
    /// (<c>"date": "2023-12-29"</c>) or a month (<c>"month": "2024-03"</c>), the units of that
    /// currency per euro (<c>"perEuro": 4.348</c>, above zero) and its <c>"source"</c>; the form of a
    /// rulebook's <c>exchangeRates</c> section (docs/rulebook-format.md).
    /// </summary>
    /// <param name="json">The text.</param>
    /// <returns>The table, or <c>Invalid</c> with one error per problem, each naming its JSON path
    /// (<c>$.PLN[0].perEuro</c>) and a <see cref="Rulebooks.RulebookErrors"/> code: an unknown
    /// currency or the euro itself, a rate not above zero, a missing source, two rates of their own for one day or two monthly rates for one month.</returns>
    public static Result<ExchangeRates> Parse(string json) => Parse(json, ReportLanguage.English);

    /// <summary>
    /// Reads a table of exchange rates as <see cref="Parse(string)"/> does, with the problems'
    /// messages in <paramref name="language"/> (its <c>rulebook.*</c> texts); the codes and paths
    /// are the same in every language.
    /// </summary>
    /// <param name="json">The text.</param>
    /// <param name="language">The language of the messages.</param>
    /// <returns>The table, or <c>Invalid</c> with one error per problem, as <see cref="Parse(string)"/>.</returns>
    public static Result<ExchangeRates> Parse(string json, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(language);
        return ExchangeRatesJson.Parse(json, language);
    }

    /// <summary>Finds the rate of a currency on a day: the day's own rate, else the rate of its month.</summary>
    /// <param name="currency">The currency.</param>
    /// <param name="date">The day.</param>
    /// <param name="rate">The rate covering that day, when there is one.</param>
    /// <returns>Whether the table has a rate of <paramref name="currency"/> for <paramref name="date"/>.</returns>
    public bool TryFind(Currency currency, LocalDate date, [NotNullWhen(true)] out ExchangeRate? rate)
    {
        rate = null;
        if (currency.IsNone || !byKind.TryGetValue(currency.Code, out var rates))
        {
            return false;
        }

        rate = Search(rates.Days, date) ?? Search(rates.Months, date);
        return rate is not null;
    }

    /// <summary>Finds the rate of a currency for a whole month (a <c>month</c> entry, such as the
    /// Commission's monthly accounting rate); a rate of one of its days does not stand for the month.</summary>
    /// <param name="currency">The currency.</param>
    /// <param name="month">The month.</param>
    /// <param name="rate">The month's rate, when there is one.</param>
    /// <returns>Whether the table has a rate of <paramref name="currency"/> for <paramref name="month"/>.</returns>
    public bool TryFindMonth(Currency currency, YearMonth month, [NotNullWhen(true)] out ExchangeRate? rate)
    {
        rate = null;
        if (currency.IsNone || !byKind.TryGetValue(currency.Code, out var rates))
        {
            return false;
        }

        rate = Search(rates.Months, month.OnDayOfMonth(1));
        return rate is not null;
    }

    /// <summary>The rate of a list sorted by first day, with no two overlapping, that covers a day; null when none does.</summary>
    private static ExchangeRate? Search(ImmutableArray<ExchangeRate> rates, LocalDate date)
    {
        int lo = 0, hi = rates.Length - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) / 2);
            var candidate = rates[mid];
            if (date < candidate.From)
            {
                hi = mid - 1;
            }
            else if (date > candidate.To)
            {
                lo = mid + 1;
            }
            else
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// This table with another laid over it: for each currency <paramref name="other"/> has rates
    /// for, its rates replace this table's (as a partner's override replaces a whole timeline).
    /// </summary>
    /// <param name="other">The rates laid over.</param>
    /// <returns>The combined table.</returns>
    public ExchangeRates With(ExchangeRates other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty)
        {
            return this;
        }

        return IsEmpty ? other : new ExchangeRates(byCurrency.SetItems(other.byCurrency));
    }

    /// <inheritdoc />
    public bool Equals(ExchangeRates? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (byCurrency.Count == other.byCurrency.Count
                && byCurrency.All(kv => other.byCurrency.TryGetValue(kv.Key, out var rates) && rates.SequenceEqual(kv.Value))));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExchangeRates other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(byCurrency.Count, byCurrency.Values.Sum(r => r.Length));

    /// <summary>How many rates of which currencies: <c>PLN: 3 rates</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsEmpty
        ? "no exchange rates"
        : string.Join(", ", byCurrency.Select(kv => $"{kv.Key}: {kv.Value.Length.ToString(CultureInfo.InvariantCulture)} rate{(kv.Value.Length == 1 ? string.Empty : "s")}"));

    internal ImmutableSortedDictionary<string, ImmutableArray<ExchangeRate>> ByCurrency => byCurrency;
}
