using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Pimex.Serialization.SystemTextJson;

namespace Pimex.BackOffice.Http;

/// <summary>
/// The JSON of requests and responses: Pimex.Core.Serialization.SystemTextJson's form of the
/// library's values, strict about nulls and missing constructor parameters so that bad input is
/// a 400 at the door and never reaches the library's guards.
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
        options.ConfigureForPimex();
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
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
