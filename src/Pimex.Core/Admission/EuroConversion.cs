using NodaTime.Text;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Admission;

/// <summary>What a conversion converted: a period's figures for the SME test, or aid for the de minimis ceiling.</summary>
public enum ConvertedAmounts
{
    /// <summary>A declared accounting period's figures (own, related enterprises', the investor-exception amounts), at the rate <c>sme.figuresExchangeRate</c> names.</summary>
    PeriodFigures,

    /// <summary>An aid received before, or the new aid, at the rate <c>aid.exchangeRate</c> names.</summary>
    Aid,
}

/// <summary>One conversion an admission made to judge a figure against a ceiling EU law sets in euros: which figures, at which rate.</summary>
/// <param name="Figures">What was converted: "the figures of the period to 2023-12-31", "aid granted on 2022-05-10 by ...", "the new aid".</param>
/// <param name="Rate">The rate, with its day and source.</param>
public sealed record Conversion(string Figures, ExchangeRate Rate)
{
    /// <summary>Whether it converted a period's figures or aid (<see cref="ConvertedAmounts.PeriodFigures"/> by default).</summary>
    public ConvertedAmounts Of { get; init; }

    /// <summary>The conversion as a sentence: <c>the figures of the period to 2023-12-31 at 4.3 PLN per EUR on 2023-12-31 (source)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Figures} at {Rate}";
}

/// <summary>A conversion an admission could not make: no rate of a currency for a day, or no day to take the rate of.</summary>
/// <param name="Identifier">What it is about: <c>profile</c>, <c>PeriodEnd</c> or <c>Earlier[i].PeriodEnd</c> (the day is not declared), or <c>declaredAid</c>.</param>
/// <param name="Currency">The currency to convert from.</param>
/// <param name="Date">The day whose rate is missing; null when the day itself (a period's last day) is not declared.</param>
public sealed record MissingExchangeRate(string Identifier, Currency Currency, LocalDate? Date)
{
    /// <summary>Whether the rate was wanted for a period's figures or for aid (<see cref="ConvertedAmounts.PeriodFigures"/> by default).</summary>
    public ConvertedAmounts Of { get; init; }
}

/// <summary>
/// Converts a company's declared figures and its de minimis aid to euros, the currency EU law sets
/// the SME ceilings and the de minimis ceilings in, at the day the rulebook's parameters name
/// (<see cref="FiguresRateDate"/>, <see cref="AidRateDate"/>) and the rates it carries. Used only
/// when the programme is not in euros: the euro path never comes here.
/// </summary>
internal static class EuroConversion
{
    /// <summary>The identifier of a missing rate for aid (the application's declared aid).</summary>
    private const string AidIdentifier = "declaredAid";

    /// <summary>
    /// The profile with every amount of each period (own figures, related enterprises' figures at
    /// every level, the investor-exception amounts) converted at the rate of that period's last
    /// day; null when a rate or a period's last day is missing (each added to <paramref name="missing"/>).
    /// </summary>
    public static CompanyProfile? Profile(CompanyProfile profile, Currency from, FiguresRateDate rule, ExchangeRates rates, List<Conversion> used, List<MissingExchangeRate> missing)
    {
        // PeriodEnd is the only rule so far: each period at the rate of its last day.
        if (rule != FiguresRateDate.PeriodEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown rule for the figures' exchange rate.");
        }

        int before = missing.Count;
        var reference = Period(profile, string.Empty, from, rates, used, missing);
        var earlier = new CompanyProfile[profile.Earlier.Count];
        for (int i = 0; i < earlier.Length; i++)
        {
            earlier[i] = Period(profile.Earlier[i], "Earlier[" + i.ToString(CultureInfo.InvariantCulture) + "].", from, rates, used, missing) ?? profile.Earlier[i];
        }

        return missing.Count > before || reference is null ? null : reference with { Earlier = new EquatableArray<CompanyProfile>(earlier) };
    }

    /// <summary>
    /// The aid that counts on <paramref name="decisionDate"/> (granted within the regime's look-back)
    /// and the new aid, converted at the rate of the day each was granted; null when a rate is missing.
    /// </summary>
    public static (AidReceived[] Aid, Money NewAid)? Aid(ReadOnlySpan<AidReceived> aid, Money newAid, AidRegime regime, LocalDate decisionDate, AidRateDate rule, ExchangeRates rates, List<Conversion> used, List<MissingExchangeRate> missing)
    {
        // GrantDate is the only rule so far: each aid at the rate of the day it was granted.
        if (rule != AidRateDate.GrantDate)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown rule for the aid's exchange rate.");
        }

        int before = missing.Count;
        var lookBackStart = regime.Period.LookBackStart(decisionDate);
        var counted = new List<AidReceived>(aid.Length);
        foreach (var received in aid)
        {
            ArgumentNullException.ThrowIfNull(received, nameof(aid));
            if (received.GrantedOn < lookBackStart || received.GrantedOn > decisionDate)
            {
                continue; // outside the look-back: it does not count, so it needs no rate
            }

            if (received.Amount.Currency == Currency.EUR)
            {
                counted.Add(received);
            }
            else if (Find(received.Amount.Currency, received.GrantedOn, AidIdentifier, rates, missing) is { } rate)
            {
                counted.Add(received with { Amount = rate.ToEuros(received.Amount) });
                used.Add(new Conversion($"aid granted on {LocalDatePattern.Iso.Format(received.GrantedOn)} by {received.GrantingBody}", rate) { Of = ConvertedAmounts.Aid });
            }
        }

        var converted = newAid;
        if (newAid.Currency != Currency.EUR && Find(newAid.Currency, decisionDate, AidIdentifier, rates, missing) is { } today)
        {
            converted = today.ToEuros(newAid);
            used.Add(new Conversion($"the new aid of {newAid}, on the decision date", today) { Of = ConvertedAmounts.Aid });
        }

        return missing.Count > before ? null : ([.. counted], converted);
    }

    /// <summary>The notes an SME assessment carries about the rates that converted its figures.</summary>
    public static IEnumerable<string> Notes(IEnumerable<Conversion> conversions, Currency from) =>
        conversions
            .Where(c => c.Of == ConvertedAmounts.PeriodFigures && c.Rate.Currency == from)
            .Select(c => $"The {from} {c.Figures[4..]} are converted to euros at {c.Rate}, the rate of the period's last day (sme.figuresExchangeRate: periodEnd): Recommendation 2003/361/EC sets the ceilings in euros.");

    private static CompanyProfile? Period(CompanyProfile period, string prefix, Currency from, ExchangeRates rates, List<Conversion> used, List<MissingExchangeRate> missing)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (!HasAmountsIn(period, from))
        {
            return period;
        }

        if (period.PeriodEnd is not { } end)
        {
            missing.Add(new MissingExchangeRate(prefix + "PeriodEnd", from, null));
            return null;
        }

        if (Find(from, end, "profile", rates, missing) is not { } rate)
        {
            return null;
        }

        used.Add(new Conversion($"the figures of the period to {LocalDatePattern.Iso.Format(end)}", rate));
        return period with { Own = Figures(period.Own, rate), Related = Related(period.Related, rate) };
    }

    private static ExchangeRate? Find(Currency currency, LocalDate date, string identifier, ExchangeRates rates, List<MissingExchangeRate> missing)
    {
        if (rates.TryFind(currency, date, out var rate))
        {
            return rate;
        }

        var gap = new MissingExchangeRate(identifier, currency, date) { Of = identifier == AidIdentifier ? ConvertedAmounts.Aid : ConvertedAmounts.PeriodFigures };
        if (!missing.Contains(gap))
        {
            missing.Add(gap);
        }

        return null;
    }

    private static bool HasAmountsIn(CompanyProfile period, Currency from) =>
        period.Own is null || period.Own.Turnover.Currency == from || period.Own.BalanceSheet.Currency == from || Any(period.Related, from);

    private static bool Any(EquatableArray<RelatedEnterprise> related, Currency from)
    {
        foreach (var r in related)
        {
            if (r is null || r.Figures is null || r.Figures.Turnover.Currency == from || r.Figures.BalanceSheet.Currency == from
                || r.BusinessAngelInvestment?.Currency == from || r.AnnualBudget?.Currency == from || Any(r.Related, from))
            {
                return true;
            }
        }

        return false;
    }

    private static EnterpriseFigures Figures(EnterpriseFigures figures, ExchangeRate rate)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures with { Turnover = Convert(figures.Turnover, rate), BalanceSheet = Convert(figures.BalanceSheet, rate) };
    }

    private static EquatableArray<RelatedEnterprise> Related(EquatableArray<RelatedEnterprise> related, ExchangeRate rate)
    {
        if (related.Count == 0)
        {
            return related;
        }

        var converted = new RelatedEnterprise[related.Count];
        for (int i = 0; i < converted.Length; i++)
        {
            var r = related[i];
            ArgumentNullException.ThrowIfNull(r, nameof(related));
            converted[i] = r with
            {
                Figures = Figures(r.Figures, rate),
                BusinessAngelInvestment = r.BusinessAngelInvestment is { } invested ? Convert(invested, rate) : null,
                AnnualBudget = r.AnnualBudget is { } budget ? Convert(budget, rate) : null,
                Related = Related(r.Related, rate),
            };
        }

        return new EquatableArray<RelatedEnterprise>(converted);
    }

    // An amount already in euros, or in a third currency the profile's validation refuses, is left as it is.
    private static Money Convert(Money amount, ExchangeRate rate) => amount.Currency == rate.Currency ? rate.ToEuros(amount) : amount;
}
