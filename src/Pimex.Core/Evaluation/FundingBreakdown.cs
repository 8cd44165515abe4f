using Pimex.Funding;

namespace Pimex.Evaluation;

/// <summary>What one fund pays of a budget line's spend.</summary>
/// <param name="Fund">The fund, such as <c>ERDF</c>, <c>ESF</c> or <c>Regional</c>.</param>
/// <param name="Rate">Its co-financing rate on the line, from the rulebook.</param>
/// <param name="Amount">Its share of the line's spend.</param>
public sealed record FundAmount(string Fund, Rate Rate, Money Amount);

/// <summary>What one fund pays of the whole edition's spend, over every line it co-finances.</summary>
/// <param name="Fund">The fund.</param>
/// <param name="Amount">The sum of its shares of every line's spend.</param>
public sealed record FundTotal(string Fund, Money Amount);

/// <summary>
/// Splits a budget line's spend between the funds that co-finance it, at the rulebook's
/// co-financing rates, losing no cent.
/// </summary>
public static class FundingBreakdown
{
    /// <summary>
    /// Each fund's share of <paramref name="spent"/>: the spend is allocated with the rates as
    /// weights (<see cref="Money.Allocate"/>), so the shares add up to the spend exactly, to the
    /// cent; a cent left over by rounding goes to the share with the largest remainder.
    /// </summary>
    /// <param name="spent">The line's spend.</param>
    /// <param name="shares">The line's funds and rates (a rulebook's rates add up to 100 %).</param>
    /// <returns>One amount per fund, in the rulebook's order.</returns>
    /// <exception cref="ArgumentException">No fund, or every rate zero.</exception>
    public static EquatableArray<FundAmount> Split(Money spent, EquatableArray<FundShare> shares)
    {
        if (shares.Count == 0)
        {
            throw new ArgumentException("A budget line needs at least one fund to split its spend between.", nameof(shares));
        }

        Span<decimal> weights = shares.Count <= 8 ? stackalloc decimal[shares.Count] : new decimal[shares.Count];
        for (int i = 0; i < shares.Count; i++)
        {
            weights[i] = shares[i].Rate.Fraction;
        }

        var amounts = spent.Allocate(weights);
        var result = new FundAmount[amounts.Length];
        for (int i = 0; i < amounts.Length; i++)
        {
            result[i] = new FundAmount(shares[i].Fund, shares[i].Rate, amounts[i]);
        }

        return new EquatableArray<FundAmount>(result);
    }

    /// <summary>
    /// Adds up each fund's shares over several lines (ERDF pays the actions and the consultancy
    /// lines in Extremadura), in the order the funds first appear.
    /// </summary>
    /// <param name="lines">The breakdown of each line.</param>
    /// <param name="currency">The currency, for the zero of an empty sum.</param>
    /// <returns>One total per fund.</returns>
    public static EquatableArray<FundTotal> Totals(IEnumerable<EquatableArray<FundAmount>> lines, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var order = new List<string>();
        var sums = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            foreach (var share in line)
            {
                if (!sums.TryGetValue(share.Fund, out var sum))
                {
                    order.Add(share.Fund);
                    sum = Money.Zero(currency);
                }

                sums[share.Fund] = sum + share.Amount;
            }
        }

        var totals = new FundTotal[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            totals[i] = new FundTotal(order[i], sums[order[i]]);
        }

        return new EquatableArray<FundTotal>(totals);
    }
}
