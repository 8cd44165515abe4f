using Pimex.Editions;
using Pimex.Rulebooks;

namespace Pimex.Evaluation;

/// <summary>One line's spend recorded in one month, converted to euros at that month's rate.</summary>
/// <param name="Month">The month the spend was recorded in.</param>
/// <param name="Line">The budget line.</param>
/// <param name="Spent">The spend, in the programme's currency.</param>
/// <param name="Rate">The monthly rate it is converted at (the Commission's accounting rate of that month, as the rulebook or the host gives it).</param>
/// <param name="Euros">The spend in euros: <paramref name="Spent"/> divided by the rate, rounded to the cent half away from zero.</param>
public sealed record MonthlyExpenditure(YearMonth Month, BudgetLine Line, Money Spent, ExchangeRate Rate, Money Euros);

/// <summary>What one fund pays of the edition's spend, in the programme's currency and in euros.</summary>
/// <param name="Fund">The fund.</param>
/// <param name="Amount">Its share, in the programme's currency (as <see cref="BudgetFigures.Funds"/>).</param>
/// <param name="Euros">Its share in euros: each line's spend in euros split at the line's co-financing rates, summed over the lines.</param>
public sealed record FundInEuros(string Fund, Money Amount, Money Euros);

/// <summary>
/// The edition's spend and funding in euros, for a programme outside the euro: what it reports to
/// the funds, whose amounts the regulations set in euros (Regulation (EU) 2021/1060, art. 86).
/// </summary>
/// <param name="RateMonth">Which month's rate converts each spend (<c>funding.exchangeRate</c>).</param>
/// <param name="Months">Each line's spend per month, converted at that month's rate; in order of month, then line.</param>
/// <param name="Lines">Each line's spend in euros: the sum of its months.</param>
/// <param name="Funds">Each fund's share in euros, beside its share in the programme's currency.</param>
/// <param name="Total">The edition's spend in euros: the sum of the lines, and of the funds, to the cent.</param>
public sealed record EuroFigures(
    ExpenditureRateMonth RateMonth,
    EquatableArray<MonthlyExpenditure> Months,
    EquatableArray<FundAmountsInEuros> Lines,
    EquatableArray<FundInEuros> Funds,
    Money Total);

/// <summary>One line's spend in euros and how its funds share it.</summary>
/// <param name="Line">The line.</param>
/// <param name="Spent">Its spend in the programme's currency.</param>
/// <param name="Euros">Its spend in euros: the sum of its months' conversions.</param>
/// <param name="Funding">Each fund's share of <paramref name="Euros"/> at the line's co-financing rates, adding up to it to the cent.</param>
public sealed record FundAmountsInEuros(BudgetLine Line, Money Spent, Money Euros, EquatableArray<FundAmount> Funding);

/// <summary>The edition report's figures in euros.</summary>
public sealed partial record EditionReport
{
    /// <summary>
    /// The spend and its funding in euros, for a programme outside the euro
    /// (<see cref="WithEuros"/>); null for a programme in euros (its figures already are) or when
    /// the host did not ask.
    /// </summary>
    public EuroFigures? InEuros { get; init; }

    /// <summary>
    /// The report with its spend and funding converted to euros, as a programme outside the euro
    /// reports to the funds: each line's spend of each month (<paramref name="expenditure"/>) at the
    /// rate of that month (<c>funding.exchangeRate</c>: <c>recordedMonth</c>, the Commission's
    /// monthly accounting rate, InforEuro), each line's euros split between its funds at their
    /// co-financing rates. A rate is a monthly one of the rulebook's <c>exchangeRates</c> (or the
    /// host's, <see cref="Rulebook.WithExchangeRates"/>): it covers the whole month, from its first
    /// day to its last; a daily rate does not stand for a month. The library fetches no rate.
    /// </summary>
    /// <param name="expenditure">The edition's expenditure by month (<see cref="Expenditure.Of"/> over its stream, or kept as a host applies it).</param>
    /// <param name="rulebook">The edition's rulebook: its funding rates, rate rule and exchange rates.</param>
    /// <returns>
    /// The report with <see cref="InEuros"/>; the report as it is when the programme is in euros;
    /// or Invalid: the rulebook is not the edition's (<see cref="EditionErrors.WrongEdition"/>) or
    /// has no rules on its date, the expenditure is not the edition's (its currency, or a line's
    /// months do not add up to the line's spend: <see cref="EvaluationErrors.ExpenditureNotTheEditions"/>),
    /// or a month has no monthly rate (<see cref="EvaluationErrors.NoMonthlyRate"/>, one per month, all at once).
    /// </returns>
    public Result<EditionReport> WithEuros(Expenditure expenditure, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(expenditure);
        ArgumentNullException.ThrowIfNull(rulebook);
        var found = Editions.Edition.RulesOf(Edition, RulesDate, rulebook, ReportLanguage.English);
        if (!found.IsSuccess)
        {
            return found.Map(_ => this);
        }

        if (Currency == Currency.EUR)
        {
            return this;
        }

        var rules = found.Value;
        if (expenditure.Currency != Currency)
        {
            return Result.Invalid(Refusal("expenditure", EvaluationErrors.ExpenditureNotTheEditions + ".currency", expenditure.Currency, Edition, Currency));
        }

        foreach (var line in Budget.Lines)
        {
            var months = expenditure.SpentOn(line.Line);
            if (months != line.Balance.Spent)
            {
                return Result.Invalid(Refusal("expenditure", EvaluationErrors.ExpenditureNotTheEditions, months, LineName(Language, line.Line), line.Balance.Spent, Edition));
            }
        }

        var converted = new MonthlyExpenditure[expenditure.Months.Count];
        List<ValidationError>? missing = null;
        YearMonth? lastMissing = null;
        for (int i = 0; i < converted.Length; i++)
        {
            var spend = expenditure.Months[i];
            var rate = MonthlyRate(rules.ExchangeRates, spend.Month);
            if (rate is null)
            {
                // The months come in order: a month with several lines is said once.
                if (lastMissing != spend.Month)
                {
                    var month = spend.Month.ToString("uuuu-MM", CultureInfo.InvariantCulture);
                    (missing ??= []).Add(Refusal("month", EvaluationErrors.NoMonthlyRate, Currency, month, Edition));
                    lastMissing = spend.Month;
                }

                continue;
            }

            converted[i] = new MonthlyExpenditure(spend.Month, spend.Line, spend.Spent, rate, rate.ToEuros(spend.Spent));
        }

        if (missing is not null)
        {
            return Result.Invalid(missing);
        }

        var zero = Money.Zero(Currency.EUR);
        var lines = new FundAmountsInEuros[Budget.Lines.Count];
        Money total = zero;
        for (int l = 0; l < lines.Length; l++)
        {
            var line = Budget.Lines[l];
            Money euros = zero;
            foreach (var month in converted)
            {
                if (month.Line == line.Line)
                {
                    euros += month.Euros;
                }
            }

            lines[l] = new FundAmountsInEuros(line.Line, line.Balance.Spent, euros, FundingBreakdown.Split(euros, rules.Funding.For(line.Line)));
            total += euros;
        }

        var fundEuros = FundingBreakdown.Totals(lines.Select(l => l.Funding), Currency.EUR);
        var funds = new FundInEuros[fundEuros.Count];
        for (int f = 0; f < funds.Length; f++)
        {
            var local = Budget.Funds.FirstOrDefault(t => string.Equals(t.Fund, fundEuros[f].Fund, StringComparison.Ordinal))?.Amount ?? Money.Zero(Currency);
            funds[f] = new FundInEuros(fundEuros[f].Fund, local, fundEuros[f].Amount);
        }

        return this with
        {
            InEuros = new EuroFigures(
                rules.Funding.ExchangeRate,
                new EquatableArray<MonthlyExpenditure>(converted),
                new EquatableArray<FundAmountsInEuros>(lines),
                new EquatableArray<FundInEuros>(funds),
                total),
        };
    }

    /// <summary>The rate of the report's currency for a whole month; null when the table has none.</summary>
    private ExchangeRate? MonthlyRate(ExchangeRates rates, YearMonth month) =>
        rates.TryFindMonth(Currency, month, out var rate) ? rate : null;

    /// <summary>A refusal of <see cref="WithEuros"/>, in the report's language.</summary>
    private ValidationError Refusal(string identifier, string key, params object?[] args) =>
        DomainErrors.Refusal(Language, identifier, key, args);
}
