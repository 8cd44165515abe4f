using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime.Text;

namespace Pimex.Evaluation;

/// <summary>
/// The conventions every report's JSON shares: amounts as JSON numbers in the report's currency
/// (named once, in its <c>currency</c> field), rates as JSON numbers of percent (at most four
/// decimals: <c>83.3333</c> is 83.3333 %), dates as ISO <c>2016-04-01</c>, names of enum values
/// in camelCase. The texts people read are written by <see cref="Localisation.ReportLanguage"/>.
/// </summary>
internal static class ReportFormat
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON document with a <see cref="Utf8JsonWriter"/> (no reflection: trimming- and AOT-safe).</summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void WriteMoney(this Utf8JsonWriter w, string name, Money value) => w.WriteNumber(name, Amount(value));

    /// <summary>An amount with exactly its currency's minor units (<c>2500.00</c>, never <c>2500</c>), so that equal amounts are written alike.</summary>
    public static decimal Amount(Money value) =>
        decimal.Parse(value.Amount.ToString("F" + value.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static void WriteMoney(this Utf8JsonWriter w, string name, Money? value)
    {
        if (value is { } money)
        {
            w.WriteNumber(name, Amount(money));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void WriteRate(this Utf8JsonWriter w, string name, Rate value) => w.WriteNumber(name, Percent(value));

    /// <summary>A rate as a number of percent, at most four decimals.</summary>
    public static decimal Percent(Rate value) =>
        decimal.Parse(decimal.Round(value.Percent, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static void WriteDate(this Utf8JsonWriter w, string name, LocalDate value) => w.WriteString(name, Date(value));

    public static void WriteNumber(this Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void WriteInterval(this Utf8JsonWriter w, string name, DateInterval interval)
    {
        w.WriteStartObject(name);
        w.WriteDate("start", interval.Start);
        w.WriteDate("end", interval.End);
        w.WriteEndObject();
    }

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
