using System.Text.Json;
using Pimex.Evaluation;
using Pimex.Rulebooks.Json;

namespace Pimex.Rulebooks;

/// <summary>The readers and writers of the 'reporting' group.</summary>
public static partial class Parameters
{
    private static (bool, string) ReadLanguage(JsonReadContext c, JsonElement e, string p)
    {
        var code = c.String(e, p);
        if (code is null)
        {
            return (false, string.Empty);
        }

        if (!LanguageJson.IsWellFormedCode(code))
        {
            c.Error(p, RulebookErrors.OutOfRange, "notALanguageCode", code, string.Join(", ", ReportLanguage.All.Select(l => l.Code)));
            return (false, string.Empty);
        }

        return (true, code);
    }

    private static (bool, EquatableArray<ReportLabel>) ReadLabels(JsonReadContext c, JsonElement e, string p)
    {
        var codes = c.Object(e, p, null);
        if (codes is null)
        {
            return (false, default);
        }

        var labels = new List<ReportLabel>();
        bool ok = true;
        foreach (var (code, byLanguage) in codes)
        {
            var path = JsonReadContext.Child(p, code);
            var texts = c.Object(byLanguage, path, null);
            if (texts is null)
            {
                ok = false;
                continue;
            }

            foreach (var (language, text) in texts)
            {
                if (!LanguageJson.IsWellFormedCode(language))
                {
                    c.Error(JsonReadContext.Child(path, language), RulebookErrors.OutOfRange, "notALabelLanguage", language, string.Join(", ", ReportLanguage.All.Select(l => l.Code)));
                    ok = false;
                    continue;
                }

                // An empty text is no label: in a partner, it removes the label it would inherit.
                var value = text.ValueKind == JsonValueKind.String && text.GetRawText() == "\"\""
                    ? string.Empty
                    : c.String(text, JsonReadContext.Child(path, language));
                if (value is null)
                {
                    ok = false;
                }
                else
                {
                    labels.Add(new ReportLabel(code, language, value));
                }
            }
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code) is var byCode and not 0 ? byCode : string.CompareOrdinal(a.Language, b.Language));
        return (ok, new EquatableArray<ReportLabel>(labels));
    }

    /// <summary>
    /// Whether a base's label names the base itself: a code the language files label neutrally
    /// (a fund: <c>Regional</c>, "Regional budget") given another text than the language's
    /// neutral one ("Junta de Extremadura"), or given one in a language the library does not embed.
    /// </summary>
    private static bool NamesTheBase(ReportLabel label) =>
        ReportLanguage.HasNeutralLabel(label.Code)
        && !(ReportLanguage.TryFromCode(label.Language, out var language)
            && language.TryGetNeutralLabel(label.Code, out var neutral)
            && string.Equals(neutral, label.Text, StringComparison.Ordinal));

    /// <summary>
    /// The labels a partner ends up with (docs/rulebook-format.md, "Partner rulebook"): what it
    /// inherits, less the base's identity labels (<see cref="NamesTheBase"/>: the base's "Junta
    /// de Extremadura" for <c>Regional</c> is the base's own), with the partner's
    /// own labels laid over it by code and language on every date either timeline starts. An empty
    /// text the partner writes removes the label it would inherit.
    /// </summary>
    /// <param name="inherited">The base's labels.</param>
    /// <param name="own">The partner's override, when it writes one.</param>
    /// <returns>The merged timeline.</returns>
    internal static Timeline<EquatableArray<ReportLabel>> InheritLabels(Timeline<EquatableArray<ReportLabel>> inherited, Timeline<EquatableArray<ReportLabel>>? own)
    {
        var starts = new SortedSet<LocalDate>();
        foreach (var entry in inherited.Entries)
        {
            starts.Add(entry.From);
        }

        if (own is not null)
        {
            foreach (var entry in own.Entries)
            {
                starts.Add(entry.From);
            }
        }

        var entries = ImmutableArray.CreateBuilder<TimelineEntry<EquatableArray<ReportLabel>>>(starts.Count);
        foreach (var date in starts)
        {
            var labels = new List<ReportLabel>();
            inherited.TryGetEntry(date, out var fromBase);
            TimelineEntry<EquatableArray<ReportLabel>>? fromOwn = null;
            own?.TryGetEntry(date, out fromOwn);
            if (fromBase is not null)
            {
                labels.AddRange(fromBase.Value.Where(l => !NamesTheBase(l)));
            }

            if (fromOwn is not null)
            {
                foreach (var label in fromOwn.Value)
                {
                    labels.RemoveAll(l => l.Code == label.Code && l.Language == label.Language);
                    labels.Add(label);
                }
            }

            labels.RemoveAll(l => l.Text.Length == 0);
            labels.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code) is var byCode and not 0 ? byCode : string.CompareOrdinal(a.Language, b.Language));
            var source = fromOwn ?? fromBase!;
            entries.Add(new TimelineEntry<EquatableArray<ReportLabel>>(date, new EquatableArray<ReportLabel>(labels), source.Source, source.IsDefault));
        }

        return new Timeline<EquatableArray<ReportLabel>>(entries.MoveToImmutable());
    }

    private static void WriteLabels(Utf8JsonWriter w, EquatableArray<ReportLabel> labels)
    {
        w.WriteStartObject();
        foreach (var group in labels.GroupBy(l => l.Code))
        {
            w.WriteStartObject(group.Key);
            foreach (var label in group)
            {
                w.WriteString(label.Language, label.Text);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static (bool, IndicatorSet) ReadIndicators(JsonReadContext c, JsonElement e, string p)
    {
        var m = c.Object(e, p, ["period", "reference", "indicators"]);
        if (m is null)
        {
            return (false, null!);
        }

        var period = c.Require(m, "period", p, out var pe) ? c.String(pe, JsonReadContext.Child(p, "period")) : null;
        var reference = m.TryGetValue("reference", out var re) ? c.String(re, JsonReadContext.Child(p, "reference")) : null;
        var (listed, codes) = c.Require(m, "indicators", p, out var ie) ? ReadStringList(c, ie, JsonReadContext.Child(p, "indicators")) : (false, default);
        bool ok = listed;
        if (listed)
        {
            for (int i = 0; i < codes.Count; i++)
            {
                if (!IndicatorSet.Known.Contains(codes[i], StringComparer.Ordinal))
                {
                    c.Error(JsonReadContext.Index(JsonReadContext.Child(p, "indicators"), i), RulebookErrors.OutOfRange, "notAnIndicator", codes[i], string.Join(", ", IndicatorSet.Known));
                    ok = false;
                }
            }
        }

        if (!ok || period is null || (m.ContainsKey("reference") && reference is null))
        {
            return (false, null!);
        }

        return (true, new IndicatorSet(period, reference, codes));
    }

    private static void WriteIndicators(Utf8JsonWriter w, IndicatorSet v)
    {
        w.WriteStartObject();
        w.WriteString("period", v.Period);
        if (v.Reference is not null)
        {
            w.WriteString("reference", v.Reference);
        }

        w.WriteStartArray("indicators");
        foreach (var code in v.Codes)
        {
            w.WriteStringValue(code);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
