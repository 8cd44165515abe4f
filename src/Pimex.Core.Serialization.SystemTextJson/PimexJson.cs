using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;

namespace Pimex.Serialization.SystemTextJson;

/// <summary>
/// The stable JSON form of Pimex.Core's events and value types with System.Text.Json: a type
/// discriminator (<c>$type</c>, the event's class name) on the two event hierarchies, a schema
/// version (<c>schemaVersion</c>) on every event, NodaTime's ISO forms, and converters for the library's
/// value types (<c>Money</c> as <c>"EUR 2500.00"</c>, <c>Rate</c> as a fraction, ids as text,
/// <see cref="EquatableArray{T}"/> and <see cref="EquatableDictionary{TKey, TValue}"/> as arrays).
/// </summary>
/// <remarks>
/// A stored event is read back equal to the one written, or not at all: every field is written
/// (a null included), and the reader refuses with a <see cref="JsonException"/> a field that is
/// missing, or null where its type does not allow it, so that a damaged event never reads as a
/// different fact. When an event's shape changes, its entry in <see cref="EventSchemaVersions"/>
/// goes up by one and an <see cref="EventUpcaster"/> turns the JSON of the previous version into
/// the new one; reading an event of a version this package does not know fails with a
/// <see cref="JsonException"/> instead of guessing.
/// </remarks>
public static partial class PimexJson
{
    /// <summary>The name of the type discriminator property.</summary>
    public const string TypeProperty = "$type";

    /// <summary>The name of the schema version property every event carries.</summary>
    public const string VersionProperty = "schemaVersion";

    /// <summary>Every concrete event type of Pimex.Core, by its stable name (the discriminator).</summary>
    public static IReadOnlyDictionary<string, Type> EventTypes { get; } = typeof(DomainEvent).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DomainEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The schema version of each event type's JSON, by its stable name: 1 for every event today.</summary>
    public static IReadOnlyDictionary<string, int> EventSchemaVersions { get; } =
        EventTypes.Keys.ToFrozenDictionary(name => name, _ => 1, StringComparer.Ordinal);

    /// <summary>
    /// The upcasters this package ships, one per (event type, older schema version), that
    /// <see cref="Deserialize{TEvent}(string, IEnumerable{EventUpcaster})"/> applies to an event
    /// stored at an older version. Empty while every event is at version 1.
    /// </summary>
    public static IReadOnlyList<EventUpcaster> Upcasters { get; } = [];

    /// <summary>The shared, read-only options: web defaults (camelCase) configured for Pimex.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Creates options with web defaults, configured for Pimex (see <see cref="ConfigureForPimex(JsonSerializerOptions)"/>).</summary>
    /// <returns>New, mutable options.</returns>
    public static JsonSerializerOptions CreateOptions() =>
        new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForPimex();

    /// <summary>
    /// The JSON path of the value a <see cref="JsonException"/> is about, from the start of the
    /// document: <c>$.actions[0].due</c> for an error inside a list or a dictionary of the
    /// library's types, whose converters read the items in a call of their own (the exception's
    /// own <see cref="JsonException.Path"/> stops at <c>$.actions</c>). Null when the exception
    /// names no path.
    /// </summary>
    /// <param name="exception">The exception thrown by a deserialization with these options.</param>
    /// <returns>The path, or null.</returns>
    public static string? PathOf(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = exception.Path;
        for (var inner = exception.InnerException as JsonException; path is not null && inner?.Path is { } more; inner = inner.InnerException as JsonException)
        {
            path += more.StartsWith('$') ? more[1..] : more;
        }

        return path;
    }

    /// <summary>
    /// Configures options for Pimex.Core's stored form: NodaTime (with the TZDB provider), enums
    /// by name, the value-type converters, the event discriminator and schema version, and the
    /// strict reader (<see cref="RequiredFields.All"/>): every field of the library's records
    /// must be present, and none may be null unless its type is nullable.
    /// </summary>
    /// <param name="options">The options to configure; not yet used (still mutable).</param>
    /// <returns>The same options.</returns>
    public static JsonSerializerOptions ConfigureForPimex(this JsonSerializerOptions options) =>
        options.ConfigureForPimex(RequiredFields.All);

    /// <summary>
    /// Configures options for Pimex.Core (see <see cref="ConfigureForPimex(JsonSerializerOptions)"/>),
    /// requiring the fields <paramref name="required"/> says: <see cref="RequiredFields.All"/> for
    /// what was stored, <see cref="RequiredFields.AsDeclared"/> for input such as request bodies.
    /// A null where the type does not allow it is refused in both, except that input may leave an
    /// amount unused (<c>null</c> reads as <c>default(Money)</c>, as in a verification in full).
    /// </summary>
    /// <param name="options">The options to configure; not yet used (still mutable).</param>
    /// <param name="required">Which fields must be present.</param>
    /// <returns>The same options.</returns>
    public static JsonSerializerOptions ConfigureForPimex(this JsonSerializerOptions options, RequiredFields required)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(DescribeEvents)
            .WithAddedModifier(StrictReading.RefuseNulls);
        options.TypeInfoResolver = required == RequiredFields.All ? resolver.WithAddedModifier(StrictReading.RequireEveryField) : resolver;
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new MoneyConverter(nullIsUnused: required == RequiredFields.AsDeclared));
        options.Converters.Add(new RateConverter());
        options.Converters.Add(new CurrencyConverter());
        options.Converters.Add(new CompanyIdConverter());
        options.Converters.Add(new EditionIdConverter());
        options.Converters.Add(new ParticipantIdConverter());
        options.Converters.Add(new EquatableArrayConverterFactory());
        options.Converters.Add(new EquatableDictionaryConverterFactory());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    /// <summary>Serializes an event with its discriminator and schema version.</summary>
    /// <typeparam name="TEvent">The stream's event type (<see cref="EditionEvent"/> or <see cref="ParticipantEvent"/>).</typeparam>
    /// <param name="e">The event.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<TEvent>(TEvent e)
        where TEvent : DomainEvent => JsonSerializer.Serialize(e, Options);

    /// <summary>Reads an event written by <see cref="Serialize{TEvent}"/>, at the current schema versions.</summary>
    /// <typeparam name="TEvent">The stream's event type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">
    /// The text is not an event of <typeparamref name="TEvent"/> at a known version, or a field is
    /// missing, or null where its type does not allow it: the stored event is damaged or of
    /// another shape, and is never read as a different one.
    /// </exception>
    public static TEvent Deserialize<TEvent>(string json)
        where TEvent : DomainEvent
    {
        try
        {
            return JsonSerializer.Deserialize<TEvent>(json, Options) ?? throw new JsonException("An event cannot be null.");
        }
        catch (NotSupportedException noType)
        {
            // System.Text.Json's answer to an event without its discriminator.
            throw new JsonException($"The text is not an event of {typeof(TEvent).Name}: {noType.Message}", noType);
        }
    }

    /// <summary>
    /// Reads an event that may have been written at an older schema version: each upcaster whose
    /// type and version match is applied in turn until the JSON is at the current version.
    /// </summary>
    /// <typeparam name="TEvent">The stream's event type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="upcasters">The upcasters, one per (type, older version).</param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">No upcaster leads from the stored version to the current one.</exception>
    public static TEvent Deserialize<TEvent>(string json, IEnumerable<EventUpcaster> upcasters)
        where TEvent : DomainEvent
    {
        ArgumentNullException.ThrowIfNull(upcasters);
        var node = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("An event is a JSON object.");
        var type = node[TypeProperty] is JsonValue t && t.TryGetValue<string>(out var name) ? name : throw new JsonException($"The event has no {TypeProperty}.");
        int version = node[VersionProperty] is JsonValue v && v.TryGetValue<int>(out var stored) ? stored : throw new JsonException($"The event has no {VersionProperty}.");
        var byKey = upcasters.ToDictionary(u => (u.Type, u.FromVersion));
        int current = EventSchemaVersions.TryGetValue(type, out var known) ? known : throw new JsonException($"Unknown event type '{type}'.");
        while (version < current)
        {
            if (!byKey.TryGetValue((type, version), out var upcaster))
            {
                throw new JsonException($"No upcaster turns {type} version {version} into version {version + 1}.");
            }

            node = upcaster.Upcast(node);
            version++;
            node[VersionProperty] = version;
        }

        return Deserialize<TEvent>(node.ToJsonString());
    }

    private static void DescribeEvents(JsonTypeInfo info)
    {
        // Only state is stored: computed read-only properties (Actor.IsOperatorStaff...) are left out.
        if (info.Kind == JsonTypeInfoKind.Object && info.Type.Assembly == typeof(DomainEvent).Assembly)
        {
            foreach (var computed in info.Properties.Where(p => p.Set is null).ToList())
            {
                info.Properties.Remove(computed);
            }
        }

        if (info.Type == typeof(EditionEvent) || info.Type == typeof(ParticipantEvent))
        {
            info.PolymorphismOptions = new JsonPolymorphismOptions
            {
                TypeDiscriminatorPropertyName = TypeProperty,
                UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            };
            foreach (var (name, type) in EventTypes.Where(t => info.Type.IsAssignableFrom(t.Value)).OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
            }

            return;
        }

        if (info.Kind == JsonTypeInfoKind.Object && EventSchemaVersions.TryGetValue(info.Type.Name, out var current) && EventTypes[info.Type.Name] == info.Type)
        {
            var version = info.CreateJsonPropertyInfo(typeof(int), VersionProperty);
            version.Order = -1;
            version.IsRequired = true;
            version.Get = _ => current;
            version.Set = (_, value) =>
            {
                if (value is not int stored || stored != current)
                {
                    throw new JsonException($"{info.Type.Name} is stored at schema version {value}, this package reads version {current}: read it with an upcaster.");
                }
            };
            info.Properties.Insert(0, version);
        }
    }
}

/// <summary>Turns the JSON of one event type at one schema version into the next version's.</summary>
/// <param name="Type">The event's stable name (<c>$type</c>).</param>
/// <param name="FromVersion">The version it reads.</param>
/// <param name="Upcast">The transformation; it returns the object at <paramref name="FromVersion"/> + 1.</param>
public sealed record EventUpcaster(string Type, int FromVersion, Func<JsonObject, JsonObject> Upcast);
