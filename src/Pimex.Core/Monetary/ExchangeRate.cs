using NodaTime.Text;

namespace Pimex.Monetary;

/// <summary>
/// One exchange rate between the euro and another currency, as data a region or its host supplies:
/// how many units of <see cref="Currency"/> one euro buys, on the days it applies to, with the
/// source it comes from (for example the ECB's euro foreign exchange reference rate of a day).
/// </summary>
/// <remarks>
/// <para>Which rate applies to a figure is not this type's choice: it is a dated parameter of the
/// rulebook (<c>sme.figuresExchangeRate</c>, <c>aid.exchangeRate</c>). This type only converts.</para>
/// <para>Conversions round to the target currency's minor unit, half away from zero, as every
/// <see cref="Money"/> does: PLN 43,000,000.00 at 4.2900 PLN per euro is EUR 10,023,310.02.</para>
/// <para>Equality: two rates are equal when all their members are equal.</para>
/// </remarks>
/// <param name="Currency">The currency quoted against the euro; never the euro itself.</param>
/// <param name="From">The first day the rate applies to.</param>
/// <param name="To">The last day the rate applies to: <paramref name="From"/> for a daily rate, the
/// month's last day for a monthly one.</param>
/// <param name="PerEuro">Units of <paramref name="Currency"/> per euro; above zero.</param>
/// <param name="Source">Where the rate comes from.</param>
public sealed record ExchangeRate(Currency Currency, LocalDate From, LocalDate To, decimal PerEuro, string Source)
{
    /// <summary>The currency quoted against the euro.</summary>
    /// <exception cref="ArgumentException">The euro itself or no currency (a programmer error: a table read with <see cref="ExchangeRates.Parse(string)"/> never holds one).</exception>
    public Currency Currency { get; init; } = Currency.IsNone || Currency == Currency.EUR
        ? throw new ArgumentException("A rate quotes a currency other than the euro against the euro.", nameof(Currency))
        : Currency;

    /// <summary>The last day the rate applies to.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Before <see cref="From"/>.</exception>
    public LocalDate To { get; init; } = To < From ? throw new ArgumentOutOfRangeException(nameof(To), To, "The last day comes before the first.") : To;

    /// <summary>Units of <see cref="Currency"/> per euro.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not above zero.</exception>
    public decimal PerEuro { get; init; } = PerEuro > 0m ? PerEuro : throw new ArgumentOutOfRangeException(nameof(PerEuro), PerEuro, "A rate is above zero.");

    /// <summary>Where the rate comes from.</summary>
    /// <exception cref="ArgumentException">Null or blank.</exception>
    public string Source { get; init; } = string.IsNullOrWhiteSpace(Source) ? throw new ArgumentException("A rate names its source.", nameof(Source)) : Source;

    /// <summary>Whether the rate applies to a day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>True when <paramref name="date"/> lies from <see cref="From"/> to <see cref="To"/>.</returns>
    public bool AppliesTo(LocalDate date) => From <= date && date <= To;

    /// <summary>Converts an amount in <see cref="Currency"/> to euros.</summary>
    /// <param name="amount">The amount, in <see cref="Currency"/>.</param>
    /// <returns>The amount divided by <see cref="PerEuro"/>, in euros, rounded to the cent half away from zero.</returns>
    /// <exception cref="ArgumentException">The amount is in another currency (a programmer error).</exception>
    public Money ToEuros(Money amount)
    {
        if (amount.Currency != Currency)
        {
            throw new ArgumentException($"This rate converts {Currency}, not {amount.Currency}.", nameof(amount));
        }

        return Money.Of(amount.Amount / PerEuro, Currency.EUR);
    }

    /// <summary>Converts an amount in euros to <see cref="Currency"/>.</summary>
    /// <param name="euros">The amount, in euros.</param>
    /// <returns>The amount times <see cref="PerEuro"/>, rounded to the minor unit half away from zero.</returns>
    /// <exception cref="ArgumentException">The amount is not in euros (a programmer error).</exception>
    public Money FromEuros(Money euros)
    {
        if (euros.Currency != Currency.EUR)
        {
            throw new ArgumentException($"This rate converts from EUR, not {euros.Currency}.", nameof(euros));
        }

        return Money.Of(euros.Amount * PerEuro, Currency);
    }

    /// <summary>The rate as a sentence: <c>4.3000 PLN per EUR on 2023-12-29 (ECB reference rate)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{PerEuro.ToString(CultureInfo.InvariantCulture)} {Currency} per EUR {Days()} ({Source})";

    private string Days() => From == To
        ? "on " + LocalDatePattern.Iso.Format(From)
        : From.Day == 1 && To == From.With(DateAdjusters.EndOfMonth)
            ? "in " + From.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : "from " + LocalDatePattern.Iso.Format(From) + " to " + LocalDatePattern.Iso.Format(To);
}
