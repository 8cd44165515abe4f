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

    /// <summary>The language the messages are written in (English unless the caller chose another); codes and paths are the same in every language.</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.English;

    public bool HasErrors => Errors.Count > 0;

    /// <summary>Reports a problem: its path, its code and the message <c>rulebook.KEY</c> of <see cref="Language"/>.</summary>
    public void Error(string path, string code, string key, params object?[] args) =>
        Errors.Add(DomainErrors.Validation(path, code, Text(key, args)));

    /// <summary>The message <c>rulebook.KEY</c> in <see cref="Language"/>, its arguments formatted as a refusal's.</summary>
    public string Text(string key, params object?[] args) => Language.Rulebook(key, args);

    /// <summary>" (did you mean 'x'?)" in <see cref="Language"/> when a candidate is close to what was typed, otherwise empty.</summary>
    public string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Spelling.Closest(typed, candidates) is { } s ? Text("didYouMean", s) : string.Empty;

    /// <summary>A large number as the messages write it: grouped by commas in English (<c>1,000,000</c>), with the language's separators otherwise.</summary>
    public string Grouped(decimal value) =>
        Language.InvariantArguments ? value.ToString("N0", CultureInfo.InvariantCulture) : Language.Number(value);

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
            Error(path, RulebookErrors.WrongType, "expected.object", Kind(element));
            return null;
        }

        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (Text(() => property.Name) is not { } name)
            {
                Error(path, RulebookErrors.InvalidValue, "surrogate.key");
                continue;
            }

            var childPath = Child(path, name);
            if (allowed is not null && !allowed.Contains(name))
            {
                Error(childPath, RulebookErrors.UnknownField, "unknownField", name, DidYouMean(name, allowed), string.Join(", ", allowed));
                continue;
            }

            if (!members.TryAdd(name, property.Value))
            {
                Error(childPath, RulebookErrors.DuplicateKey, "duplicateKey", name);
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

        Error(Child(path, name), RulebookErrors.MissingField, "missingField", name);
        return false;
    }

    public JsonElement[]? Array(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(path, RulebookErrors.WrongType, "expected.array", Kind(element));
            return null;
        }

        return [.. element.EnumerateArray()];
    }

    public string? String(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            Error(path, RulebookErrors.WrongType, "expected.string", Kind(element));
            return null;
        }

        if (Text(() => element.GetString()!) is not { } text)
        {
            Error(path, RulebookErrors.InvalidValue, "surrogate.string");
            return null;
        }

        if (text.Length == 0)
        {
            Error(path, RulebookErrors.InvalidValue, "emptyString");
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

        Error(path, RulebookErrors.WrongType, "expected.boolean", Kind(element));
        return null;
    }

    public int? Count(JsonElement element, string path, int max = MaxCount)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            Error(path, RulebookErrors.WrongType, "expected.count", Kind(element));
            return null;
        }

        if (!element.TryGetInt32(out var value))
        {
            Error(path, RulebookErrors.InvalidValue, "expected.count", element.GetRawText());
            return null;
        }

        if (value < 0 || value > max)
        {
            Error(path, RulebookErrors.OutOfRange, "countOutOfRange", max, value);
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
            Error(path, RulebookErrors.InvalidValue, "notADate", text);
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
            Error(path, RulebookErrors.InvalidValue, "notAnAnnualDate", text);
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
            Error(path, RulebookErrors.WrongType, "amountAsNumber", currency.Code + " " + example, element.GetRawText());
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
                Error(path, RulebookErrors.OutOfRange, "amountTooLarge", text, Grouped(MaxAmount));
                return null;
            case MoneyText.TooManyDecimals:
                Error(path, RulebookErrors.InvalidValue, "amountTooManyDecimals", text);
                return null;
            case MoneyText.NotAnAmount:
                Error(path, RulebookErrors.InvalidValue, "notAnAmount", text);
                return null;
        }

        if (law is not null)
        {
            if (money.Currency != law.Currency && (!law.OrRulebookCurrency || Currency.IsNone || money.Currency != Currency))
            {
                if (law.OrRulebookCurrency)
                {
                    Error(path, RulebookErrors.CurrencyMismatch, "currency.lawOrRulebook", money, law.Currency, Currency.IsNone ? Text("currency.unknown") : Currency.Code, Text(law.LawKey));
                }
                else
                {
                    Error(path, RulebookErrors.CurrencyMismatch, "currency.law", money, law.Currency, Text(law.LawKey));
                }

                return null;
            }
        }
        else if (!Currency.IsNone && money.Currency != Currency)
        {
            Error(path, RulebookErrors.CurrencyMismatch, "currency.rulebook", money, Currency);
            return null;
        }

        if (money.IsNegative)
        {
            Error(path, RulebookErrors.NegativeAmount, "negativeAmount", money);
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
            Error(path, RulebookErrors.InvalidValue, "notARate", text);
            return null;
        }

        if (read == RateText.Negative || rate.Percent > maxPercent)
        {
            Error(path, RulebookErrors.OutOfRange, "rateOutOfRange", text, maxPercent);
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
        Error(path, RulebookErrors.InvalidValue, "notOneOf", text, names);
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
            Error(Child(path, "end"), RulebookErrors.DatesOutOfOrder, "windowEndsBeforeStart", end.Value, start.Value);
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

    /// <summary>What a JSON value is, in <see cref="Language"/>: "an object", "a number", "null"...</summary>
    public string Kind(JsonElement element) => Text(element.ValueKind switch
    {
        JsonValueKind.Object => "kind.object",
        JsonValueKind.Array => "kind.array",
        JsonValueKind.String => "kind.string",
        JsonValueKind.Number => "kind.number",
        JsonValueKind.True or JsonValueKind.False => "kind.boolean",
        JsonValueKind.Null => "kind.null",
        _ => "kind.nothing",
    });

    /// <summary>What a JSON value is, in English: "an object", "a number", "null"... (the language files' and ledger's readers, which write English).</summary>
    public static string Describe(JsonElement element) => new JsonReadContext().Kind(element);
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
