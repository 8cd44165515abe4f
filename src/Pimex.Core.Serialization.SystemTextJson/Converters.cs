using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pimex.Common;
using Pimex.Monetary;

namespace Pimex.Serialization.SystemTextJson;

/// <summary>
/// <c>"EUR 2500.00"</c>. <c>default(Money)</c> (no currency: an amount left unused, such as the
/// approved amount of a verification in full) is written <c>null</c>; whether a null reads back
/// as it depends on the reading: in the stored form (<see cref="RequiredFields.All"/>) a null
/// where an amount belongs is refused, since no stored fact holds an unused amount.
/// </summary>
/// <param name="nullIsUnused">Whether a null reads as <c>default(Money)</c> (input) rather than being refused (stored form).</param>
internal sealed class MoneyConverter(bool nullIsUnused) : JsonConverter<Money>
{
    public override bool HandleNull => nullIsUnused;

    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null && nullIsUnused)
        {
            return default;
        }

        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException($"An amount is a text such as 'EUR 2500.00', not {reader.TokenType}.");
        return Money.TryParse(text, out var money) ? money : throw new JsonException($"'{text}' is not an amount such as 'EUR 2500.00' (a known currency code, a space, an amount exact to the currency's minor unit, at most {Money.MaxAmount:0} in absolute value).");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        if (value.Currency.IsNone)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}

/// <summary>A rate as its fraction: <c>0.85</c>; never negative.</summary>
internal sealed class RateConverter : JsonConverter<Rate>
{
    public override Rate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var fraction) && fraction >= 0m
            ? Rate.FromFraction(fraction)
            : throw new JsonException("A rate is a fraction such as 0.85, not negative.");

    public override void Write(Utf8JsonWriter writer, Rate value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Fraction);
}

/// <summary>A currency as its ISO 4217 code.</summary>
internal sealed class CurrencyConverter : JsonConverter<Currency>
{
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var code = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException($"A currency is an ISO 4217 code such as 'EUR', not {reader.TokenType}.");
        return Currency.TryFromCode(code, out var currency) ? currency : throw new JsonException($"Unknown currency '{code}'.");
    }

    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Code);
}

/// <summary>A company id as its text.</summary>
internal sealed class CompanyIdConverter : JsonConverter<CompanyId>
{
    public override CompanyId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return string.IsNullOrWhiteSpace(text) ? throw new JsonException("A company id is a non-empty text.") : new CompanyId(text);
    }

    public override void Write(Utf8JsonWriter writer, CompanyId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

/// <summary><c>extremadura-2016</c>: the year follows the last dash.</summary>
internal sealed class EditionIdConverter : JsonConverter<EditionId>
{
    public override EditionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty);

    public override void Write(Utf8JsonWriter writer, EditionId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    public static EditionId Parse(string text)
    {
        int dash = text.LastIndexOf('-');
        return dash > 0 && !string.IsNullOrWhiteSpace(text[..dash]) && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? new EditionId(text[..dash], year)
            : throw new JsonException($"'{text}' is not an edition id such as 'extremadura-2016'.");
    }
}

/// <summary><c>extremadura-2016/B06123456</c>: rulebook ids have no slash, so the first one separates.</summary>
internal sealed class ParticipantIdConverter : JsonConverter<ParticipantId>
{
    public override ParticipantId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && !string.IsNullOrWhiteSpace(text[(slash + 1)..])
            ? new ParticipantId(EditionIdConverter.Parse(text[..slash]), new CompanyId(text[(slash + 1)..]))
            : throw new JsonException($"'{text}' is not a participant id such as 'extremadura-2016/B06123456'.");
    }

    public override void Write(Utf8JsonWriter writer, ParticipantId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>Creates the converter of an <see cref="EquatableArray{T}"/>.</summary>
internal sealed class EquatableArrayConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableArray<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EquatableArrayConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>An <see cref="EquatableArray{T}"/> as a JSON array.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class EquatableArrayConverter<T> : JsonConverter<EquatableArray<T>>
{
    public override EquatableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(NestedJson.Read<List<T>>(ref reader, options) ?? throw new JsonException("A list is an array, never null."));

    public override void Write(Utf8JsonWriter writer, EquatableArray<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Items.ToArray(), options);
}

/// <summary>Creates the converter of an <see cref="EquatableDictionary{TKey, TValue}"/>.</summary>
internal sealed class EquatableDictionaryConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableDictionary<,>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EquatableDictionaryConverter<,>).MakeGenericType(typeToConvert.GetGenericArguments()))!;
}

/// <summary>An array of <c>{ "key": ..., "value": ... }</c>, sorted by the key's JSON for a stable text.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class EquatableDictionaryConverter<TKey, TValue> : JsonConverter<EquatableDictionary<TKey, TValue>>
    where TKey : notnull
{
    public override EquatableDictionary<TKey, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var entries = NestedJson.Read<List<Entry>>(ref reader, options) ?? throw new JsonException("A dictionary is an array of entries, never null.");
        if (entries.Exists(e => e is null || e.Key is null))
        {
            throw new JsonException("A dictionary's entry and its key are never null.");
        }

        if (entries.DistinctBy(e => e.Key).Count() != entries.Count)
        {
            throw new JsonException("A dictionary's keys are distinct.");
        }

        return entries.Aggregate(default(EquatableDictionary<TKey, TValue>), (d, e) => d.SetItem(e.Key, e.Value));
    }

    public override void Write(Utf8JsonWriter writer, EquatableDictionary<TKey, TValue> value, JsonSerializerOptions options)
    {
        var entries = value.Select(kv => new Entry(kv.Key, kv.Value))
            .OrderBy(e => JsonSerializer.Serialize(e.Key, options), StringComparer.Ordinal)
            .ToList();
        JsonSerializer.Serialize(writer, entries, options);
    }

    private sealed record Entry(TKey Key, TValue Value);
}

/// <summary>
/// A value read by a converter with a nested <see cref="JsonSerializer"/> call. Such a call's
/// error names a path from its own start (<c>$[0].due</c>); it is rethrown without a path, so that
/// the enclosing call names where the value is (<c>$.actions</c>), keeping the nested error as
/// the inner exception: <see cref="PimexJson.PathOf"/> joins them (<c>$.actions[0].due</c>).
/// </summary>
internal static class NestedJson
{
    public static T? Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(ref reader, options);
        }
        catch (JsonException e) when (e.Path is not null)
        {
            throw new JsonException(e.Message, e);
        }
    }
}
