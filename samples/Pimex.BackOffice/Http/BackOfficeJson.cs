using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using Pimex.Monetary;
using Pimex.Serialization.SystemTextJson;

namespace Pimex.BackOffice.Http;

/// <summary>
/// The JSON of requests and responses: Pimex.Core.Serialization.SystemTextJson's form of the
/// library's values, strict about nulls and missing constructor parameters so that bad input is
/// a 400 at the door and never reaches the library's guards. Optional fields (a parameter with a
/// default value, an <c>init</c> property) may be left out of a request
/// (<see cref="RequiredFields.AsDeclared"/>); the event store reads its events with every field
/// required (<see cref="RequiredFields.All"/>, the default of <c>ConfigureForPimex()</c>, in <c>BackOfficeApp</c>).
/// </summary>
public static class BackOfficeJson
{
    public static JsonSerializerOptions Options { get; } = Create(strict: false);

    /// <summary>
    /// The options command bodies are read with: <see cref="Options"/>, and besides a field the
    /// command does not have, or the same field twice, is a 400 rather than silently ignored
    /// (a misspelt <c>reson</c> would otherwise vanish, and two values for one field are
    /// ambiguous).
    /// </summary>
    public static JsonSerializerOptions Requests { get; } = Create(strict: true);

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConfigureForPimex(RequiredFields.AsDeclared);
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.TypeInfoResolver = options.TypeInfoResolver!.WithAddedModifier(NullMayBeLeftOut);
    }

    /// <summary>
    /// In a request, a field that may be null may also be left out, and reads as null: a full
    /// approval without <c>approvedAmount</c> or <c>reason</c>, an acceptance without
    /// <c>comment</c> (an amount's null is "no amount", <c>default(Money)</c>). Every other field
    /// of a request stays required.
    /// </summary>
    private static void NullMayBeLeftOut(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("Pimex.", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.IsRequired && (property.IsSetNullable || property.PropertyType == typeof(Money)))
            {
                property.IsRequired = false;
            }
        }
    }

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        if (strict)
        {
            options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            options.AllowDuplicateProperties = false;

            // NodaTime's interval converter reads the members it knows and skips the others, so
            // the strict rule above would not reach inside a roadmap's horizon.
            options.Converters.Insert(0, new StrictDateIntervalConverter());

            // A named value (a budget line, a venue) by its name only: "line": 1 would otherwise
            // read as the second name, and "line": 99 as a value no name has.
            options.Converters.Insert(0, new NamedEnumConverterFactory());
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>
/// A <see cref="DateInterval"/> read strictly: an object with exactly <c>start</c> and
/// <c>end</c>, once each, the end not before the start; anything else is a
/// <see cref="JsonException"/> (a 400 at the door), never an exception of another kind.
/// </summary>
internal sealed class StrictDateIntervalConverter : JsonConverter<DateInterval>
{
    public override DateInterval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An interval is an object with a start and an end.");
        }

        LocalDate? start = null;
        LocalDate? end = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "start", StringComparison.OrdinalIgnoreCase) && start is null)
            {
                start = JsonSerializer.Deserialize<LocalDate>(ref reader, options);
            }
            else if (string.Equals(name, "end", StringComparison.OrdinalIgnoreCase) && end is null)
            {
                end = JsonSerializer.Deserialize<LocalDate>(ref reader, options);
            }
            else
            {
                throw new JsonException($"'{name}' is not a field of an interval, or comes twice.");
            }
        }

        if (start is not { } from || end is not { } to)
        {
            throw new JsonException("An interval needs a start and an end.");
        }

        return to < from
            ? throw new JsonException("An interval's end is before its start.")
            : new DateInterval(from, to);
    }

    public override void Write(Utf8JsonWriter writer, DateInterval value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("start");
        JsonSerializer.Serialize(writer, value.Start, options);
        writer.WritePropertyName("end");
        JsonSerializer.Serialize(writer, value.End, options);
        writer.WriteEndObject();
    }
}

/// <summary>A value of a named set that is not one of its names: the message lists them.</summary>
public sealed class NotANameException(string message) : JsonException(message);

/// <summary>Reads every enum of a command body by its name (any case), never by number.</summary>
internal sealed class NamedEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(NamedEnumConverter<>).MakeGenericType(typeToConvert))!;
}

/// <summary>
/// An enum by its name: a number, a numeric string or an unknown name is a
/// <see cref="NotANameException"/> naming the allowed names.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class NamedEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly string[] Names = Enum.GetNames<T>();

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var name = Names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return name is null
            ? throw new NotANameException($"One of {string.Join(", ", Names)}, by name.")
            : Enum.Parse<T>(name);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
