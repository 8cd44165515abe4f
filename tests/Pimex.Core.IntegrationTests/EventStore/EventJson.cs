using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;

namespace Pimex.IntegrationTests.EventStore;

/// <summary>
/// How a host serializes the library's events with System.Text.Json: a type discriminator
/// (<c>$type</c>, the event's class name) on the two event hierarchies, NodaTime's converters,
/// and small converters for the library's value types (<see cref="Money"/> as
/// <c>"EUR 2500.00"</c>, <see cref="Rate"/> as a fraction, ids as text,
/// <see cref="EquatableArray{T}"/> and <see cref="EquatableDictionary{TKey, TValue}"/> as
/// arrays). It lives in the host (here, this test project), not in the library.
/// </summary>
public static class EventJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Every concrete event type, by discriminator.</summary>
    public static IReadOnlyDictionary<string, Type> EventTypes { get; } = typeof(DomainEvent).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DomainEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Serializes an event with its discriminator.</summary>
    /// <typeparam name="TEvent">The stream's event type (<see cref="EditionEvent"/> or <see cref="ParticipantEvent"/>).</typeparam>
    /// <param name="e">The event.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<TEvent>(TEvent e)
        where TEvent : DomainEvent => JsonSerializer.Serialize(e, Options);

    /// <summary>Reads an event written by <see cref="Serialize{TEvent}"/>.</summary>
    /// <typeparam name="TEvent">The stream's event type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    public static TEvent Deserialize<TEvent>(string json)
        where TEvent : DomainEvent =>
        JsonSerializer.Deserialize<TEvent>(json, Options) ?? throw new JsonException("An event cannot be null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DiscriminateEvents } },
            Converters =
            {
                new JsonStringEnumConverter(),
                new MoneyConverter(),
                new RateConverter(),
                new CurrencyConverter(),
                new CompanyIdConverter(),
                new EditionIdConverter(),
                new ParticipantIdConverter(),
                new EquatableArrayConverterFactory(),
                new EquatableDictionaryConverterFactory(),
            },
        };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly();
        return options;
    }

    private static void DiscriminateEvents(JsonTypeInfo info)
    {
        if (info.Type != typeof(EditionEvent) && info.Type != typeof(ParticipantEvent))
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var (name, type) in EventTypes.Where(t => info.Type.IsAssignableFrom(t.Value)).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
        }
    }

    private sealed class MoneyConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return default;
            }

            var text = reader.GetString();
            return Money.TryParse(text, out var money) ? money : throw new JsonException($"'{text}' is not an amount such as 'EUR 2500.00'.");
        }

        // default(Money) has no currency (ClaimVerification.ApprovedAmount when unused): null.
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

        public override bool HandleNull => true;
    }

    private sealed class RateConverter : JsonConverter<Rate>
    {
        public override Rate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Rate.FromFraction(reader.GetDecimal());

        public override void Write(Utf8JsonWriter writer, Rate value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.Fraction);
    }

    private sealed class CurrencyConverter : JsonConverter<Currency>
    {
        public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Currency.TryFromCode(reader.GetString(), out var currency) ? currency : throw new JsonException("Unknown currency.");

        public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Code);
    }

    private sealed class CompanyIdConverter : JsonConverter<CompanyId>
    {
        public override CompanyId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, CompanyId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }

    /// <summary><c>extremadura-2016</c>: the year follows the last dash.</summary>
    private sealed class EditionIdConverter : JsonConverter<EditionId>
    {
        public override EditionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, EditionId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());

        public static EditionId Parse(string text)
        {
            int dash = text.LastIndexOf('-');
            return dash > 0 && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                ? new EditionId(text[..dash], year)
                : throw new JsonException($"'{text}' is not an edition id such as 'extremadura-2016'.");
        }
    }

    /// <summary><c>extremadura-2016/B06123456</c>: rulebook ids have no slash, so the first one separates.</summary>
    private sealed class ParticipantIdConverter : JsonConverter<ParticipantId>
    {
        public override ParticipantId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString()!;
            int slash = text.IndexOf('/', StringComparison.Ordinal);
            return slash > 0
                ? new ParticipantId(EditionIdConverter.Parse(text[..slash]), new CompanyId(text[(slash + 1)..]))
                : throw new JsonException($"'{text}' is not a participant id such as 'extremadura-2016/B06123456'.");
        }

        public override void Write(Utf8JsonWriter writer, ParticipantId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    private sealed class EquatableArrayConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableArray<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EquatableArrayConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class EquatableArrayConverter<T> : JsonConverter<EquatableArray<T>>
    {
        public override EquatableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, EquatableArray<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Items.ToArray(), options);
    }

    private sealed class EquatableDictionaryConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableDictionary<,>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EquatableDictionaryConverter<,>).MakeGenericType(typeToConvert.GetGenericArguments()))!;
    }

    /// <summary>An array of <c>{ "key": ..., "value": ... }</c>, sorted by key's JSON for a stable text.</summary>
    private sealed class EquatableDictionaryConverter<TKey, TValue> : JsonConverter<EquatableDictionary<TKey, TValue>>
        where TKey : notnull
    {
        public override EquatableDictionary<TKey, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var entries = JsonSerializer.Deserialize<List<Entry>>(ref reader, options) ?? [];
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
}
