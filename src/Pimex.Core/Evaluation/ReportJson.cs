using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;
using Pimex.Editions;
using Pimex.StateAid;

namespace Pimex.Evaluation;

/// <summary>
/// The reports' figure records written by System.Text.Json's source generator (no reflection:
/// trimming- and AOT-safe), with the conventions of <see cref="ReportFormat"/>: camelCase names,
/// amounts and rates as numbers, ids as text. A record's properties are its JSON fields, in order.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(MoneyAsNumber), typeof(RateAsPercent), typeof(EditionIdAsText), typeof(NameOf<BudgetLine>), typeof(NameOf<AidPeriodKind>), typeof(AnnualDateAsIso)])]
[JsonSerializable(typeof(ParticipantCounts))]
[JsonSerializable(typeof(TrainingFigures))]
[JsonSerializable(typeof(DeliverableFigures))]
[JsonSerializable(typeof(SupportFigures))]
[JsonSerializable(typeof(BudgetTotals))]
[JsonSerializable(typeof(BudgetFigures))]
[JsonSerializable(typeof(SatisfactionFigures))]
[JsonSerializable(typeof(AidRegime))]
[JsonSerializable(typeof(ProgrammeYear))]
[JsonSerializable(typeof(FundAmount))]
[JsonSerializable(typeof(FundTotal))]
[JsonSerializable(typeof(ScoreCount))]
internal sealed partial class ReportJson : JsonSerializerContext
{
    /// <summary>Writes a figure record as the value of the property <paramref name="name"/>.</summary>
    public static void Write<T>(Utf8JsonWriter w, string name, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, value, type);
    }

    /// <summary>An amount with exactly its currency's minor units (<see cref="ReportFormat.Amount"/>).</summary>
    private sealed class MoneyAsNumber : WriteOnly<Money>
    {
        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(ReportFormat.Amount(value));
    }

    /// <summary>A rate as a number of percent (<see cref="ReportFormat.Percent"/>).</summary>
    private sealed class RateAsPercent : WriteOnly<Rate>
    {
        public override void Write(Utf8JsonWriter writer, Rate value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(ReportFormat.Percent(value));
    }

    /// <summary>An enum value as its camelCase name (<see cref="ReportFormat.Name"/>).</summary>
    private sealed class NameOf<TEnum> : WriteOnly<TEnum>
        where TEnum : struct, Enum
    {
        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ReportFormat.Name(value));
    }

    /// <summary>An edition's id as its text, such as <c>extremadura-2016</c>.</summary>
    private sealed class EditionIdAsText : WriteOnly<EditionId>
    {
        public override void Write(Utf8JsonWriter writer, EditionId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    /// <summary>A day of the year as ISO <c>--01-01</c>.</summary>
    private sealed class AnnualDateAsIso : WriteOnly<AnnualDate>
    {
        public override void Write(Utf8JsonWriter writer, AnnualDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(AnnualDatePattern.Iso.Format(value));
    }

    /// <summary>A converter that writes: reports are written, never read.</summary>
    private abstract class WriteOnly<T> : JsonConverter<T>
    {
        public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Reports are written, not read.");
    }
}
