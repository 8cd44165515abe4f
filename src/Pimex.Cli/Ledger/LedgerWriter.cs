using System.Text.Encodings.Web;
using NodaTime.Text;
using Pimex.Monetary;

namespace Pimex.Cli.Ledger;

/// <summary>
/// Writes ledger commands as JSON lines that <see cref="LedgerReader"/> reads back equal: one
/// compact object per line, the common fields first, then the command's own in the order of its
/// verb's fields (each command writes its own: <see cref="LedgerCommand.WriteFields"/>).
/// </summary>
internal static class LedgerWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one command as a line of JSON, without the line break.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(LedgerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("command", command.Name);
            w.WriteString("at", InstantPattern.ExtendedIso.Format(command.At));
            w.WriteStartObject("actor");
            w.WriteString("id", command.Actor.Id);
            w.WriteName("role", command.Actor.Role);
            if (command.Actor.Company is { } represented)
            {
                w.WriteString("company", represented.Value);
            }

            w.WriteEndObject();
            command.WriteFields(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Writes values under their field names, pair by pair, each in its ledger form: text, a
    /// number, true or false, a date, an amount, an enum value's name, an array of text, a
    /// company's id; a null value is left out (an optional field).
    /// </summary>
    /// <param name="w">The writer, inside an object.</param>
    /// <param name="names">The fields' names.</param>
    /// <param name="values">Their values, as many as names.</param>
    public static void WriteFields(this Utf8JsonWriter w, IReadOnlyList<string> names, params ReadOnlySpan<object?> values)
    {
        if (names.Count != values.Length)
        {
            throw new ArgumentException($"{values.Length} values for {names.Count} fields ({string.Join(", ", names)}).", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            var name = names[i];
            switch (values[i])
            {
                case null:
                    break;
                case bool flag:
                    w.WriteBoolean(name, flag);
                    break;
                case int or decimal:
                    w.WriteNumber(name, Convert.ToDecimal(values[i], CultureInfo.InvariantCulture));
                    break;
                case EquatableArray<string> texts:
                    w.WriteStrings(name, texts);
                    break;
                case var value:
                    w.WriteString(name, TextOf(name, value));
                    break;
            }
        }
    }

    /// <summary>The text form of a value written as a JSON string.</summary>
    private static string TextOf(string name, object value) => value switch
    {
        string text => text,
        LocalDate date => LocalDatePattern.Iso.Format(date),
        Money amount => amount.ToString(),
        Enum named => FieldReader.NameOf(named),
        CompanyId company => company.Value,
        _ => throw new ArgumentException($"The field {name} has no ledger form for {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>An amount in its text form, such as <c>"EUR 2500.00"</c>.</summary>
    public static void WriteMoney(this Utf8JsonWriter w, string name, Money amount) => w.WriteString(name, amount.ToString());

    /// <summary>A rate as a percentage, such as <c>"30%"</c>.</summary>
    public static void WritePercent(this Utf8JsonWriter w, string name, Rate rate) =>
        w.WriteString(name, rate.Percent.ToString("0.####", CultureInfo.InvariantCulture) + "%");

    /// <summary>A date, <c>yyyy-MM-dd</c>.</summary>
    public static void WriteDate(this Utf8JsonWriter w, string name, LocalDate date) => w.WriteString(name, LocalDatePattern.Iso.Format(date));

    /// <summary>An enum value by its camel-case name, as <see cref="FieldReader.Enum{TEnum}"/> reads it.</summary>
    public static void WriteName<TEnum>(this Utf8JsonWriter w, string name, TEnum value)
        where TEnum : struct, Enum => w.WriteString(name, FieldReader.NameOf(value));

    /// <summary>An array of strings.</summary>
    public static void WriteStrings(this Utf8JsonWriter w, string name, EquatableArray<string> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }

    /// <summary>An array of objects, each written by <paramref name="write"/>; nothing when there is none and <paramref name="always"/> is false.</summary>
    public static void WriteObjects<T>(this Utf8JsonWriter w, string name, IReadOnlyCollection<T> items, Action<Utf8JsonWriter, T> write, bool always = false)
    {
        if (items.Count == 0 && !always)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            write(w, item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
