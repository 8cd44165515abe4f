using System.Text.Json;
using NodaTime.Text;
using Pimex.Rulebooks.Json;

namespace Pimex.Rulebooks;

/// <summary>
/// A named rulebook parameter, such as <c>promotion.capPerCompany</c>: its group, key,
/// meaning, and how its values are read, written and shown. The set of parameters is
/// <see cref="Parameters.All"/>.
/// </summary>
public abstract class ParameterDefinition
{
    private protected ParameterDefinition(string group, string key, string description, ValueForm form, LawCurrency? lawCurrency)
    {
        Group = group;
        Key = key;
        Description = lawCurrency is null
            ? description
            : description + (lawCurrency.OrRulebookCurrency
                ? $" In {lawCurrency.Currency.Code} or the rulebook's currency: {ReportLanguage.English.Rulebook(lawCurrency.LawKey)}."
                : $" Always in {lawCurrency.Currency.Code}, whatever the rulebook's currency: {ReportLanguage.English.Rulebook(lawCurrency.LawKey)}.");
        Form = form;
        LawCurrency = lawCurrency;
    }

    /// <summary>The full name, <c>group.key</c>.</summary>
    public string Name => Group + "." + Key;

    /// <summary>The group, such as <c>promotion</c>.</summary>
    public string Group { get; }

    /// <summary>The key within the group, such as <c>capPerCompany</c>.</summary>
    public string Key { get; }

    /// <summary>What the parameter means.</summary>
    public string Description { get; }

    /// <summary>The form of its values in JSON: its name in the format's table and its JSON Schema.</summary>
    internal ValueForm Form { get; }

    /// <summary>
    /// The currency the law sets this parameter's amounts in, whatever the rulebook's currency
    /// (EUR for the SME ceilings, the investor-exception amounts and the de minimis ceilings); null
    /// when its amounts, if any, are in the rulebook's currency. A region outside the euro converts
    /// the company's figures to it (<see cref="Parameters.FiguresExchangeRate"/>, <see cref="Parameters.AidExchangeRate"/>).
    /// </summary>
    public Currency? FixedCurrency => LawCurrency?.Currency;

    /// <summary>The text that fixes <see cref="FixedCurrency"/>, such as "Recommendation 2003/361/EC, annex art. 2, sets it in euros"; null when none does.</summary>
    public string? FixedCurrencyLaw => LawCurrency is { } law ? ReportLanguage.English.Rulebook(law.LawKey) : null;

    internal LawCurrency? LawCurrency { get; }

    /// <summary>The value in force on a date, as text, or null when none is.</summary>
    /// <param name="rulebook">The rulebook.</param>
    /// <param name="date">The date.</param>
    /// <returns>The formatted value, or null.</returns>
    public abstract string? FormatOn(Rulebook rulebook, LocalDate date);

    /// <summary>The parameter's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Each dated value of the parameter in a rulebook, formatted, earliest first.</summary>
    /// <param name="rulebook">The rulebook.</param>
    /// <param name="brief">Whether to summarise a long value (for a table) rather than format it whole.</param>
    /// <returns>The entries: the date each starts on, the value as text, its source, whether it is a default.</returns>
    internal abstract IEnumerable<(LocalDate From, string Value, string? Source, bool IsDefault)> Entries(Rulebook rulebook, bool brief = false);

    internal abstract ITimeline? ReadTimeline(JsonReadContext context, JsonElement element, string path);

    internal abstract void WriteTimeline(Utf8JsonWriter writer, ITimeline timeline);
}

/// <summary>A rulebook parameter whose values are of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ParameterDefinition<T> : ParameterDefinition
{
    private readonly Func<JsonReadContext, JsonElement, string, (bool Ok, T Value)> read;
    private readonly Action<Utf8JsonWriter, T> write;
    private readonly Func<T, string> format;
    private readonly Func<T, string> summarise;

    internal ParameterDefinition(
        string group,
        string key,
        string description,
        ValueForm form,
        Func<JsonReadContext, JsonElement, string, (bool Ok, T Value)> read,
        Action<Utf8JsonWriter, T> write,
        Func<T, string>? format = null,
        Func<T, string>? summarise = null,
        LawCurrency? lawCurrency = null)
        : base(group, key, description, form, lawCurrency)
    {
        this.read = read;
        this.write = write;
        this.format = format ?? (v => v?.ToString() ?? string.Empty);
        this.summarise = summarise ?? this.format;
    }

    /// <summary>Formats one value as text.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public string Format(T value) => format(value);

    /// <inheritdoc />
    public override string? FormatOn(Rulebook rulebook, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        return rulebook.Get(this).TryGetValue(date, out var value) ? format(value) : null;
    }

    /// <inheritdoc />
    internal override IEnumerable<(LocalDate From, string Value, string? Source, bool IsDefault)> Entries(Rulebook rulebook, bool brief = false) =>
        rulebook.Get(this).Entries.Select(e => (e.From, (brief ? summarise : format)(e.Value), e.Source, e.IsDefault));

    internal (bool Ok, T Value) ReadValue(JsonReadContext context, JsonElement element, string path) =>
        read(context, element, path);

    internal override ITimeline? ReadTimeline(JsonReadContext context, JsonElement element, string path)
    {
        var items = context.Array(element, path);
        if (items is null)
        {
            return null;
        }

        if (items.Length == 0)
        {
            context.Error(path, RulebookErrors.EmptyTimeline, "emptyTimeline", Name);
            return null;
        }

        var entries = new List<TimelineEntry<T>>(items.Length);
        bool ok = true;
        LocalDate? previous = null;
        for (int i = 0; i < items.Length; i++)
        {
            var entryPath = JsonReadContext.Index(path, i);
            var members = context.Object(items[i], entryPath, ["from", "value", "source", "default"]);
            if (members is null)
            {
                ok = false;
                continue;
            }

            LocalDate? from = context.Require(members, "from", entryPath, out var f) ? context.Date(f, JsonReadContext.Child(entryPath, "from")) : null;
            (bool Ok, T Value) value = context.Require(members, "value", entryPath, out var v) ? read(context, v, JsonReadContext.Child(entryPath, "value")) : (false, default!);
            string? source = members.TryGetValue("source", out var s) ? context.String(s, JsonReadContext.Child(entryPath, "source")) : null;
            bool? isDefault = members.TryGetValue("default", out var d) ? context.Bool(d, JsonReadContext.Child(entryPath, "default")) : false;
            if (from is not null && previous is not null && from <= previous)
            {
                context.Error(JsonReadContext.Child(entryPath, "from"), RulebookErrors.DatesOutOfOrder, "datesNotIncreasing", from.Value, previous.Value);
                ok = false;
            }

            // The next entry's date is checked against this one's, even when this one is broken.
            previous = from ?? previous;
            if (from is null || !value.Ok || isDefault is null || (members.ContainsKey("source") && source is null))
            {
                ok = false;
                continue;
            }

            entries.Add(new TimelineEntry<T>(from.Value, value.Value, source, isDefault.Value));
        }

        return ok ? Timeline.Of(entries) : null;
    }

    internal override void WriteTimeline(Utf8JsonWriter writer, ITimeline timeline)
    {
        writer.WriteStartArray();
        foreach (var entry in ((Timeline<T>)timeline).Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("from", LocalDatePattern.Iso.Format(entry.From));
            writer.WritePropertyName("value");
            write(writer, entry.Value);
            if (entry.Source is not null)
            {
                writer.WriteString("source", entry.Source);
            }

            if (entry.IsDefault)
            {
                writer.WriteBoolean("default", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
