using System.Text.Json;
using NodaTime.Text;

namespace Pimex.Rulebooks.Json;

/// <summary>
/// Collects every problem found while reading a JSON document, each with its JSON path and
/// stable code, so that a load reports all problems at once and never half-loads.
/// </summary>
internal sealed class JsonReadContext
{
    /// <summary>
    /// The largest amount a rulebook may hold: <see cref="Monetary.Money.MaxAmount"/>, the limit of
    /// the text form, far above any budget, cap or threshold, and low enough that the sums and
    /// products the domain makes of such amounts never overflow <see cref="decimal"/>.
    /// </summary>
    public const decimal MaxAmount = Monetary.Money.MaxAmount;

    /// <summary>The largest count a rulebook holds, unless a field says less.</summary>
    public const int MaxCount = 1_000_000;

    public List<ValidationError> Errors { get; } = [];

    /// <summary>The currency every amount must be in; default while it is not known.</summary>
    public Currency Currency { get; set; }

    public bool HasErrors => Errors.Count > 0;

    public void Error(string path, string code, string message) =>
        Errors.Add(DomainErrors.Validation(path, code, message));

    public static string Child(string path, string name)
    {
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return path + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
            }
        }

        return path + "." + name;
    }

    public static string Index(string path, int index) =>
        path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>
    /// Reads an object's members, reporting a wrong type, duplicate keys and (when
    /// <paramref name="allowed"/> is given) unknown fields. Returns null when not an object.
    /// </summary>
    public Dictionary<string, JsonElement>? Object(JsonElement element, string path, IReadOnlyCollection<string>? allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, RulebookErrors.WrongType, $"Expected an object, found {Describe(element)}.");
            return null;
        }

        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (Text(() => property.Name) is not { } name)
            {
                Error(path, RulebookErrors.InvalidValue, UnpairedSurrogate("A key"));
                continue;
            }

            var childPath = Child(path, name);
            if (allowed is not null && !allowed.Contains(name))
            {
                Error(childPath, RulebookErrors.UnknownField, $"Unknown field '{name}'{Spelling.DidYouMean(name, allowed)}; expected one of: {string.Join(", ", allowed)}.");
                continue;
            }

            if (!members.TryAdd(name, property.Value))
            {
                Error(childPath, RulebookErrors.DuplicateKey, $"The key '{name}' appears more than once.");
            }
        }

        return members;
    }

    public bool Require(Dictionary<string, JsonElement> members, string name, string path, out JsonElement value)
    {
        if (members.TryGetValue(name, out value))
        {
            return true;
        }

        Error(Child(path, name), RulebookErrors.MissingField, $"The field '{name}' is required.");
        return false;
    }

    public JsonElement[]? Array(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(path, RulebookErrors.WrongType, $"Expected an array, found {Describe(element)}.");
            return null;
        }

        return [.. element.EnumerateArray()];
    }

    public string? String(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            Error(path, RulebookErrors.WrongType, $"Expected a string, found {Describe(element)}.");
            return null;
        }

        if (Text(() => element.GetString()!) is not { } text)
        {
            Error(path, RulebookErrors.InvalidValue, UnpairedSurrogate("The string"));
            return null;
        }

        if (text.Length == 0)
        {
            Error(path, RulebookErrors.InvalidValue, "The string must not be empty.");
            return null;
        }

        return text;
    }

    public bool? Bool(JsonElement element, string path)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        Error(path, RulebookErrors.WrongType, $"Expected true or false, found {Describe(element)}.");
        return null;
    }

    public int? Count(JsonElement element, string path, int max = MaxCount)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            Error(path, RulebookErrors.WrongType, $"Expected a whole number, found {Describe(element)}.");
            return null;
        }

        if (!element.TryGetInt32(out var value))
        {
            Error(path, RulebookErrors.InvalidValue, $"Expected a whole number, found {element.GetRawText()}.");
            return null;
        }

        if (value < 0 || value > max)
        {
            Error(path, RulebookErrors.OutOfRange, $"Expected a whole number from 0 to {max}, found {value}.");
            return null;
        }

        return value;
    }

    public LocalDate? Date(JsonElement element, string path)
    {
        var text = String(element, path);
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            Error(path, RulebookErrors.InvalidValue, $"'{text}' is not a date of the form yyyy-MM-dd.");
            return null;
        }

        return parsed.Value;
    }

    public AnnualDate? AnnualDate(JsonElement element, string path)
    {
        var text = String(element, path);
        if (text is null)
        {
            return null;
        }

        var parsed = AnnualDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            Error(path, RulebookErrors.InvalidValue, $"'{text}' is not a day of the year of the form MM-dd.");
            return null;
        }

        return parsed.Value;
    }

    /// <summary>
    /// Reads an amount written as <c>EUR 2500.00</c>, not negative, in the rulebook's currency or,
    /// for an amount whose currency the law fixes (<paramref name="law"/>), in that currency.
    /// </summary>
    public Money? Money(JsonElement element, string path, LawCurrency? law = null)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            // A bare number is the commonest slip: show the form with the currency and the number given.
            var currency = law is not null && (!law.OrRulebookCurrency || Currency.IsNone) ? law.Currency : Currency.IsNone ? Monetary.Currency.EUR : Currency;
            var example = element.TryGetDecimal(out var number) && number >= 0m && number <= MaxAmount
                ? decimal.Round(number, currency.MinorUnits, MidpointRounding.ToZero).ToString("F" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                : "2500" + (currency.MinorUnits > 0 ? "." + new string('0', currency.MinorUnits) : string.Empty);
            Error(path, RulebookErrors.WrongType, $"Expected an amount as a string with its currency, such as \"{currency.Code} {example}\", found the number {element.GetRawText()}.");
            return null;
        }

        var text = String(element, path);
        if (text is null)
        {
            return null;
        }

        switch (Monetary.Money.Read(text, out var money))
        {
            case MoneyText.TooLarge:
                Error(path, RulebookErrors.OutOfRange, $"{text} is more than the largest amount a rulebook holds ({MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}): sums of such amounts would overflow.");
                return null;
            case MoneyText.TooManyDecimals:
                Error(path, RulebookErrors.InvalidValue, $"'{text}' has more decimals than its currency's minor unit: write the amount exactly, such as 'EUR 2500.01'.");
                return null;
            case MoneyText.NotAnAmount:
                Error(path, RulebookErrors.InvalidValue, $"'{text}' is not an amount of the form 'EUR 2500.00' with a known ISO 4217 currency.");
                return null;
        }

        if (law is not null)
        {
            if (money.Currency != law.Currency && (!law.OrRulebookCurrency || Currency.IsNone || money.Currency != Currency))
            {
                Error(path, RulebookErrors.CurrencyMismatch, law.OrRulebookCurrency
                    ? $"{money} is neither in {law.Currency} nor in the rulebook's currency {(Currency.IsNone ? "(unknown)" : Currency.Code)}: {law.Law}."
                    : $"{money} is not in {law.Currency}: {law.Law}, whatever the rulebook's currency.");
                return null;
            }
        }
        else if (!Currency.IsNone && money.Currency != Currency)
        {
            Error(path, RulebookErrors.CurrencyMismatch, $"{money} is not in the rulebook's currency {Currency}.");
            return null;
        }

        if (money.IsNegative)
        {
            Error(path, RulebookErrors.NegativeAmount, $"{money} is negative; amounts must be zero or more.");
            return null;
        }

        return money;
    }

    /// <summary>Reads a percentage written as <c>85%</c>, from 0 to <paramref name="maxPercent"/>.</summary>
    public Rate? Rate(JsonElement element, string path, decimal maxPercent = 100m)
    {
        var text = String(element, path);
        if (text is null)
        {
            return null;
        }

        var read = Monetary.Rate.Read(text, out var rate);
        if (read == RateText.NotARate)
        {
            Error(path, RulebookErrors.InvalidValue, $"'{text}' is not a percentage of the form '85%'.");
            return null;
        }

        if (read == RateText.Negative || rate.Percent > maxPercent)
        {
            Error(path, RulebookErrors.OutOfRange, $"{text} is outside 0% to {maxPercent.ToString(CultureInfo.InvariantCulture)}%.");
            return null;
        }

        return rate;
    }

    public TEnum? Enum<TEnum>(JsonElement element, string path)
        where TEnum : struct, System.Enum
    {
        var text = String(element, path);
        if (text is null)
        {
            return null;
        }

        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNames.Of(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        var names = string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => JsonNames.Of(v)));
        Error(path, RulebookErrors.InvalidValue, $"'{text}' is not one of: {names}.");
        return null;
    }

    /// <summary>Reads an inclusive window <c>{ "start": date, "end": date }</c>.</summary>
    public DateInterval? Window(JsonElement element, string path)
    {
        var members = Object(element, path, ["start", "end"]);
        if (members is null)
        {
            return null;
        }

        LocalDate? start = Require(members, "start", path, out var s) ? Date(s, Child(path, "start")) : null;
        LocalDate? end = Require(members, "end", path, out var e) ? Date(e, Child(path, "end")) : null;
        if (start is null || end is null)
        {
            return null;
        }

        if (end < start)
        {
            Error(Child(path, "end"), RulebookErrors.DatesOutOfOrder, $"The window ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
            return null;
        }

        return new DateInterval(start.Value, end.Value);
    }

    /// <summary>
    /// A string or key of the document, or null when it escapes an unpaired UTF-16 surrogate
    /// (<c>"\uD800"</c> is well-formed JSON, but not text: reading it throws).
    /// </summary>
    private static string? Text(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string UnpairedSurrogate(string what) =>
        what + " escapes an unpaired UTF-16 surrogate (such as \\uD800 alone): it is not text.";

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

/// <summary>The JSON spelling of enum values: camel case (<c>companyPremises</c>).</summary>
internal static class JsonNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, System.Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
