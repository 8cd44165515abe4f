using System.Text;

namespace Pimex.Localisation;

/// <summary>
/// A language's conventions for numbers, money, percentages and dates, as its file writes them
/// (docs/languages.md): checked when the file is read, so applying them never fails.
/// </summary>
/// <param name="Decimal">The decimal separator.</param>
/// <param name="Group">The thousands separator.</param>
/// <param name="MinimumGroupingDigits">CLDR's minimum grouping digits: 2 leaves a four-digit whole part ungrouped (<c>1234,56</c>).</param>
/// <param name="Money">The money pattern, with <c>{number}</c> and <c>{symbol}</c> once each.</param>
/// <param name="Percent">The percent pattern, with <c>{number}</c> once.</param>
/// <param name="Date">The date pattern, with <c>{d}</c> or <c>{dd}</c>, <c>{M}</c>, <c>{MM}</c> or <c>{MMMM}</c>, and <c>{yyyy}</c>.</param>
/// <param name="InvariantArguments">Whether refusals write their numbers, amounts and dates invariantly (English's established wording).</param>
internal sealed record LanguageFormats(char Decimal, char Group, int MinimumGroupingDigits, string Money, string Percent, string Date, bool InvariantArguments)
{
    /// <summary>The placeholders a money pattern holds.</summary>
    public static readonly string[] MoneyTokens = ["{number}", "{symbol}"];

    /// <summary>The placeholders a percent pattern holds.</summary>
    public static readonly string[] PercentTokens = ["{number}"];

    /// <summary>The placeholders a date pattern may hold.</summary>
    public static readonly string[] DateTokens = ["{d}", "{dd}", "{M}", "{MM}", "{MMMM}", "{yyyy}"];

    /// <summary>
    /// An amount: the pattern with the number and the symbol. A symbol of letters (an ISO code,
    /// <c>Kč</c>) written against the number gets a space, as CLDR's currency spacing does
    /// (<c>€88,280.00</c> but <c>CHF 88,280.00</c>).
    /// </summary>
    public string MoneyText(string number, string symbol)
    {
        var text = Money;
        if (char.IsLetter(symbol[^1]))
        {
            text = text.Replace("{symbol}{number}", "{symbol} {number}", StringComparison.Ordinal);
        }

        if (char.IsLetter(symbol[0]))
        {
            text = text.Replace("{number}{symbol}", "{number} {symbol}", StringComparison.Ordinal);
        }

        return text.Replace("{number}", number, StringComparison.Ordinal).Replace("{symbol}", symbol, StringComparison.Ordinal);
    }

    /// <summary>A date: the pattern with the day, the month (its name from the texts, or its number) and the year.</summary>
    public string DateText(LocalDate date, string monthName)
    {
        var text = new StringBuilder(Date);
        text.Replace("{dd}", date.Day.ToString("00", CultureInfo.InvariantCulture))
            .Replace("{d}", date.Day.ToString(CultureInfo.InvariantCulture))
            .Replace("{MMMM}", monthName)
            .Replace("{MM}", date.Month.ToString("00", CultureInfo.InvariantCulture))
            .Replace("{M}", date.Month.ToString(CultureInfo.InvariantCulture))
            .Replace("{yyyy}", date.Year.ToString("0000", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>
    /// What is wrong with a pattern, or null: every <c>{...}</c> must be one of
    /// <paramref name="allowed"/>, each of <paramref name="required"/> groups must appear once
    /// (one of the group's tokens), and no brace may stand alone.
    /// </summary>
    public static string? PatternProblem(string pattern, IReadOnlyList<string> allowed, params string[][] required)
    {
        var found = new List<string>();
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '}')
            {
                return $"'{pattern}' has a '}}' that closes no placeholder.";
            }

            if (pattern[i] != '{')
            {
                continue;
            }

            var end = pattern.IndexOf('}', i);
            if (end < 0)
            {
                return $"'{pattern}' has a '{{' that is never closed.";
            }

            var token = pattern[i..(end + 1)];
            if (!allowed.Contains(token))
            {
                return $"'{pattern}' holds {token}, which is not one of {string.Join(", ", allowed)}.";
            }

            found.Add(token);
            i = end;
        }

        foreach (var group in required)
        {
            var count = found.Count(group.Contains);
            if (count != 1)
            {
                return $"'{pattern}' must hold {string.Join(" or ", group)} once{(count == 0 ? string.Empty : $" (it holds {count})")}.";
            }
        }

        return null;
    }
}
