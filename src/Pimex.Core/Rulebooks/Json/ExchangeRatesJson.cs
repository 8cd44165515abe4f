using System.Text.Json;
using NodaTime.Text;

namespace Pimex.Rulebooks.Json;

/// <summary>
/// Reads and writes the exchange-rate table of a rulebook (its <c>exchangeRates</c> section) or of
/// a host (<see cref="ExchangeRates.Parse(string)"/>): <c>{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.348, "source": "..." } ] }</c>.
/// </summary>
internal static class ExchangeRatesJson
{
    /// <summary>The largest rate accepted, in units per euro: far above any currency's (HUF, ISK, JPY are in the hundreds).</summary>
    public const decimal MaxPerEuro = 1_000_000m;

    private static readonly string[] RateFields = ["date", "month", "perEuro", "source"];

    public static Result<ExchangeRates> Parse(string json, ReportLanguage language)
    {
        var context = new JsonReadContext { Language = language };
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = RulebookLoadOptions.Default.MaxDepth });
        }
        catch (JsonException ex)
        {
            context.Error(ex.Path is { Length: > 0 } p ? p : "$", RulebookErrors.MalformedJson, "json.malformed", string.Empty, JsonErrorText.Describe(ex, context));
            return Result.Invalid(context.Errors);
        }
        catch (ArgumentException)
        {
            context.Error("$", RulebookErrors.MalformedJson, "json.surrogate");
            return Result.Invalid(context.Errors);
        }

        using (document)
        {
            var rates = Read(context, document.RootElement, "$");
            return rates is null || context.HasErrors ? Result.Invalid(context.Errors) : rates;
        }
    }

    /// <summary>Reads the table, reporting every problem; null when one was found.</summary>
    public static ExchangeRates? Read(JsonReadContext context, JsonElement element, string path)
    {
        var currencies = context.Object(element, path, null);
        if (currencies is null)
        {
            return null;
        }

        var table = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<ExchangeRate>>(StringComparer.Ordinal);
        bool ok = true;
        foreach (var (code, list) in currencies)
        {
            var currencyPath = JsonReadContext.Child(path, code);
            if (!Currency.TryFromCode(code, out var currency))
            {
                context.Error(currencyPath, RulebookErrors.InvalidValue, "notACurrency", code);
                ok = false;
                continue;
            }

            if (currency == Currency.EUR)
            {
                context.Error(currencyPath, RulebookErrors.InvalidValue, "rates.euro");
                ok = false;
                continue;
            }

            var rates = ReadRates(context, list, currencyPath, currency);
            if (rates is null)
            {
                ok = false;
                continue;
            }

            table[code] = rates.Value;
        }

        return ok ? new ExchangeRates(table.ToImmutable()) : null;
    }

    private static ImmutableArray<ExchangeRate>? ReadRates(JsonReadContext context, JsonElement element, string path, Currency currency)
    {
        var items = context.Array(element, path);
        if (items is null)
        {
            return null;
        }

        var rates = new List<(ExchangeRate Rate, string Path)>(items.Length);
        bool ok = true;
        for (int i = 0; i < items.Length; i++)
        {
            var entryPath = JsonReadContext.Index(path, i);
            var m = context.Object(items[i], entryPath, RateFields);
            if (m is null)
            {
                ok = false;
                continue;
            }

            (LocalDate From, LocalDate To)? days = null;
            if (m.TryGetValue("date", out var de) == m.ContainsKey("month"))
            {
                context.Error(entryPath, RulebookErrors.MissingField, "rates.dateOrMonth", "date", "month");
            }
            else if (m.ContainsKey("date"))
            {
                days = context.Date(de, JsonReadContext.Child(entryPath, "date")) is { } day ? (day, day) : null;
            }
            else
            {
                days = Month(context, m["month"], JsonReadContext.Child(entryPath, "month"));
            }

            var perEuro = context.Require(m, "perEuro", entryPath, out var pe) ? PerEuro(context, pe, JsonReadContext.Child(entryPath, "perEuro")) : null;
            var source = context.Require(m, "source", entryPath, out var se) ? context.String(se, JsonReadContext.Child(entryPath, "source")) : null;
            if (days is null || perEuro is null || source is null)
            {
                ok = false;
                continue;
            }

            rates.Add((new ExchangeRate(currency, days.Value.From, days.Value.To, perEuro.Value, source), entryPath));
        }

        // By first day, a day's rate before its month's; a day's rate and its month's may both be
        // given (the ECB's of the day for the SME test, the Commission's of the month for the funds),
        // but no two of one kind overlap.
        rates.Sort((a, b) => a.Rate.From != b.Rate.From ? a.Rate.From.CompareTo(b.Rate.From) : a.Rate.To.CompareTo(b.Rate.To));
        (ExchangeRate Rate, string Path)? lastDay = null, lastMonth = null;
        foreach (var (rate, ratePath) in rates)
        {
            bool isDay = rate.From == rate.To;
            if ((isDay ? lastDay : lastMonth) is { } earlier && rate.From <= earlier.Rate.To)
            {
                if (isDay)
                {
                    context.Error(ratePath, RulebookErrors.DuplicateKey, "rates.twoForADay", currency, rate.From, earlier.Path);
                }
                else
                {
                    context.Error(ratePath, RulebookErrors.DuplicateKey, "rates.twoForAMonth", currency, YearMonthPattern.Iso.Format(new YearMonth(rate.From.Year, rate.From.Month)), earlier.Path);
                }

                ok = false;
            }

            if (isDay)
            {
                lastDay = (rate, ratePath);
            }
            else
            {
                lastMonth = (rate, ratePath);
            }
        }

        return ok ? [.. rates.Select(r => r.Rate)] : null;
    }

    private static (LocalDate From, LocalDate To)? Month(JsonReadContext context, JsonElement element, string path)
    {
        var text = context.String(element, path);
        if (text is null)
        {
            return null;
        }

        var parsed = YearMonthPattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            context.Error(path, RulebookErrors.InvalidValue, "rates.notAMonth", text);
            return null;
        }

        return (parsed.Value.OnDayOfMonth(1), parsed.Value.OnDayOfMonth(parsed.Value.Calendar.GetDaysInMonth(parsed.Value.Year, parsed.Value.Month)));
    }

    private static decimal? PerEuro(JsonReadContext context, JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            context.Error(path, RulebookErrors.WrongType, "rates.perEuroType", context.Kind(element));
            return null;
        }

        if (!element.TryGetDecimal(out var value) || value <= 0m || value > MaxPerEuro)
        {
            context.Error(path, RulebookErrors.OutOfRange, "rates.perEuroRange", element.GetRawText(), context.Grouped(MaxPerEuro));
            return null;
        }

        return value;
    }

    public static void Write(Utf8JsonWriter w, ExchangeRates rates)
    {
        w.WriteStartObject();
        foreach (var (code, list) in rates.ByCurrency)
        {
            w.WriteStartArray(code);
            foreach (var rate in list)
            {
                w.WriteStartObject();
                if (rate.From == rate.To)
                {
                    w.WriteString("date", LocalDatePattern.Iso.Format(rate.From));
                }
                else
                {
                    w.WriteString("month", YearMonthPattern.Iso.Format(new YearMonth(rate.From.Year, rate.From.Month)));
                }

                w.WriteNumber("perEuro", rate.PerEuro);
                w.WriteString("source", rate.Source);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
