using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime.Text;

namespace Pimex.Rulebooks.Json;

/// <summary>Reads and writes rulebooks in the JSON format of <c>docs/rulebook-format.md</c>.</summary>
internal static partial class RulebookJson
{
    private static readonly string[] BaseFields = ["$schema", "id", "name", "basedOn", "illustrative", "description", "currency", "timeZone", "parameters", "exchangeRates", "annuities"];
    private static readonly string[] PartnerFields = ["$schema", "id", "name", "extends", "illustrative", "description", "currency", "timeZone", "overrides", "exchangeRates", "annuities"];
    private static readonly string[] AllFields = [.. BaseFields.Union(PartnerFields)];
    private static readonly string[] AnnuityFields = ["budget", "capacity", "windows", "source"];
    private static readonly string[] BudgetFields = ["actions", "training", "consultancy", "total"];
    private static readonly string[] WindowFields = ["applications", "training", "expenses"];

    public static Result<Rulebook> Read(string json, Rulebook? @base, RulebookLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        var context = new JsonReadContext { Language = options.Language };
        if (json.Length > options.MaxCharacters)
        {
            context.Error("$", RulebookErrors.TooLarge, "tooLarge", json.Length, options.MaxCharacters);
            return Result.Invalid(context.Errors);
        }

        // A UTF-8 file decoded without stripping its byte-order mark starts with U+FEFF: skip it,
        // as a JSON parser reading the file's bytes would.
        if (json.StartsWith('\uFEFF'))
        {
            json = json[1..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        }
        catch (JsonException ex)
        {
            var tooDeep = ExceedsDepth(json, options.MaxDepth);
            var where = ex.LineNumber is { } line ? context.Text("json.where", line + 1, (ex.BytePositionInLine ?? 0) + 1) : string.Empty;
            var path = ex.Path is { Length: > 0 } p ? p : "$";
            if (tooDeep)
            {
                context.Error(path, RulebookErrors.TooDeep, "json.tooDeep", options.MaxDepth, where);
            }
            else
            {
                context.Error(path, RulebookErrors.MalformedJson, "json.malformed", where, JsonErrorText.Describe(ex, context));
            }

            return Result.Invalid(context.Errors);
        }
        catch (ArgumentException)
        {
            // JsonDocument throws this for text that is not valid UTF-16 (an unpaired surrogate).
            context.Error("$", RulebookErrors.MalformedJson, "json.surrogate");
            return Result.Invalid(context.Errors);
        }

        using (document)
        {
            var root = context.Object(document.RootElement, "$", AllFields);
            if (root is null)
            {
                return Result.Invalid(context.Errors);
            }

            return root.ContainsKey("extends")
                ? ReadPartner(context, root, @base, options)
                : ReadBase(context, root);
        }
    }

    /// <summary>
    /// Whether the text opens more than <paramref name="maxDepth"/> nested objects and arrays
    /// before its first syntax error, if any: tells a document that is too deep from one that is
    /// malformed, without relying on the parser's message.
    /// </summary>
    private static bool ExceedsDepth(string json, int maxDepth)
    {
        int limit = maxDepth > 0 ? maxDepth : 64;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= limit)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error before any level too deep: the document is malformed.
        }

        return false;
    }

    private static Result<Rulebook> ReadBase(JsonReadContext context, Dictionary<string, JsonElement> root)
    {
        foreach (var field in PartnerFields.Except(BaseFields))
        {
            if (root.ContainsKey(field))
            {
                context.Error("$." + field, RulebookErrors.WrongKind, "partnerField", field);
            }
        }

        var (header, _) = ReadHeader(context, root, basedOnField: "basedOn");
        var currency = context.Require(root, "currency", "$", out var ce) ? ReadCurrency(context, ce, "$.currency") : null;
        var zone = context.Require(root, "timeZone", "$", out var ze) ? ReadZone(context, ze, "$.timeZone") : null;
        context.Currency = currency ?? default;

        var timelines = ImmutableDictionary.CreateBuilder<string, ITimeline>(StringComparer.Ordinal);
        if (context.Require(root, "parameters", "$", out var pe))
        {
            ReadParameterGroups(context, pe, "$.parameters", timelines, requireAll: true);
            CheckAcrossParameters(context, timelines, p => JsonReadContext.Child(JsonReadContext.Child("$.parameters", p.Group), p.Key));
        }

        var rates = root.TryGetValue("exchangeRates", out var re) ? ExchangeRatesJson.Read(context, re, "$.exchangeRates") : ExchangeRates.None;
        var annuities = context.Require(root, "annuities", "$", out var ae)
            ? ReadAnnuities(context, ae, "$.annuities")
            : null;

        if (annuities is not null)
        {
            CheckAnnuitiesCanRun(context, annuities, timelines, name => JsonReadContext.Child(JsonReadContext.Child("$.parameters", Parameters.Find(name)!.Group), Parameters.Find(name)!.Key), inheritedFrom: null);
        }

        if (context.HasErrors || header is null || currency is null || zone is null || annuities is null || rates is null)
        {
            return Result.Invalid(context.Errors);
        }

        return new Rulebook(header, currency.Value, zone, timelines.ToImmutable(), annuities, header.BasedOn is { } b ? [b] : [], rates);
    }

    private static Result<Rulebook> ReadPartner(JsonReadContext context, Dictionary<string, JsonElement> root, Rulebook? @base, RulebookLoadOptions options)
    {
        foreach (var field in BaseFields.Except(PartnerFields))
        {
            if (root.ContainsKey(field))
            {
                context.Error("$." + field, RulebookErrors.WrongKind, "baseField", field);
            }
        }

        // The base is checked against "extends" even when another header field is broken: every problem at once.
        var (header, extends) = ReadHeader(context, root, basedOnField: "extends");
        if (extends is not null && (@base is null || !string.Equals(@base.Id, extends, StringComparison.Ordinal)))
        {
            if (@base is null)
            {
                context.Error("$.extends", RulebookErrors.BaseMismatch, "base.missing", extends);
            }
            else
            {
                context.Error("$.extends", RulebookErrors.BaseMismatch, "base.other", extends, @base.Id);
            }

        }

        if (@base is null)
        {
            return Result.Invalid(context.Errors);
        }

        // A partner is a region of its own: its id names its editions, so it must not be one of its chain's.
        ImmutableArray<string> chain = [@base.Id, .. @base.Ancestors];
        if (header is not null && chain.Contains(header.Id, StringComparer.Ordinal))
        {
            context.Error("$.id", RulebookErrors.IdInChain, "idInChain", header.Id, string.Join(" -> ", chain.Reverse()));
        }

        Currency? currency = root.TryGetValue("currency", out var ce) ? ReadCurrency(context, ce, "$.currency") : @base.Currency;
        DateTimeZone? zone = root.TryGetValue("timeZone", out var ze) ? ReadZone(context, ze, "$.timeZone") : @base.TimeZone;
        context.Currency = currency ?? default;

        var overrides = ImmutableDictionary.CreateBuilder<string, ITimeline>(StringComparer.Ordinal);
        // Every parameter the partner writes, read or broken: a broken override is reported once, at
        // its own path, and not again as an inherited value that does not fit.
        var written = new HashSet<string>(StringComparer.Ordinal);
        if (root.TryGetValue("overrides", out var oe))
        {
            ReadParameterGroups(context, oe, "$.overrides", overrides, requireAll: false, written);
            CheckAcrossParameters(
                context,
                @base.Timelines.SetItems(overrides),
                p => overrides.ContainsKey(p.Name) ? JsonReadContext.Child(JsonReadContext.Child("$.overrides", p.Group), p.Key) : null);
        }

        // What the partner did not override is inherited: it must still fit, in the same round as
        // the partner's own problems (a currency switch lists every amount left in the old one).
        if (currency is { } partnerCurrency && partnerCurrency != @base.Currency)
        {
            CheckInheritedCurrency(context, @base, written, partnerCurrency);
        }

        // A partner's rates of a currency replace its base's rates of that currency.
        var rates = root.TryGetValue("exchangeRates", out var re) ? ExchangeRatesJson.Read(context, re, "$.exchangeRates") : ExchangeRates.None;

        // Annuities belong to the region that runs them: a partner has only its own.
        var annuities = root.TryGetValue("annuities", out var ae)
            ? ReadAnnuities(context, ae, "$.annuities")
            : ImmutableSortedDictionary<int, AnnuityRules>.Empty;

        // Labels merge by code and language; the base's identity labels stay the base's.
        var labels = Parameters.ReportLabels.Name;
        var merged = @base.Timelines.SetItems(overrides).SetItem(
            labels,
            Parameters.InheritLabels(
                (Timeline<EquatableArray<ReportLabel>>)@base.Timelines[labels],
                overrides.TryGetValue(labels, out var own) ? (Timeline<EquatableArray<ReportLabel>>)own : null));
        if (annuities is not null)
        {
            CheckAnnuitiesCanRun(
                context,
                annuities,
                merged,
                name => overrides.ContainsKey(name) ? JsonReadContext.Child(JsonReadContext.Child("$.overrides", Parameters.Find(name)!.Group), Parameters.Find(name)!.Key) : null,
                inheritedFrom: @base.Id);
        }

        if (context.HasErrors || header is null || currency is null || zone is null || annuities is null || rates is null)
        {
            return Result.Invalid(context.Errors);
        }

        return new Rulebook(header, currency.Value, zone, merged, annuities, chain, @base.ExchangeRates.With(rates));
    }

    /// <summary>
    /// Reports each amount of an inherited parameter (one the partner does not write) that is not
    /// in the partner's currency, at the path where the partner would override it
    /// (<c>$.overrides.group.key</c>), naming the base's entry in the message.
    /// </summary>
    private static void CheckInheritedCurrency(JsonReadContext context, Rulebook @base, HashSet<string> written, Currency currency)
    {
        foreach (var p in Parameters.All.Where(p => !written.Contains(p.Name)))
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
            {
                p.WriteTimeline(w, @base.Timeline(p.Name));
            }

            using var document = JsonDocument.Parse(stream.ToArray());
            var check = new JsonReadContext { Currency = currency, Language = context.Language };
            p.ReadTimeline(check, document.RootElement, JsonReadContext.Child(JsonReadContext.Child("$.parameters", p.Group), p.Key));
            foreach (var e in check.Errors)
            {
                context.Error(
                    JsonReadContext.Child(JsonReadContext.Child("$.overrides", p.Group), p.Key),
                    e.ErrorCode,
                    "inheritedProblem",
                    e.ErrorMessage,
                    @base.Id,
                    e.Identifier,
                    p.Name);
            }
        }
    }

    /// <summary>
    /// Checks that each annuity's edition can open and run: its windows ordered and near its
    /// year, and every parameter in force on its rules date (the first day of applications,
    /// see <see cref="Editions.Edition.RulesDate"/>). <paramref name="pathOf"/> gives the path
    /// of a parameter this document states, or null when it is inherited.
    /// </summary>
    private static void CheckAnnuitiesCanRun(
        JsonReadContext context,
        IReadOnlyDictionary<int, AnnuityRules> annuities,
        IReadOnlyDictionary<string, ITimeline> timelines,
        Func<string, string?> pathOf,
        string? inheritedFrom)
    {
        foreach (var (year, a) in annuities)
        {
            var windows = JsonReadContext.Child(JsonReadContext.Child("$.annuities", year.ToString(CultureInfo.InvariantCulture)), "windows");
            CheckWindows(context, a, windows);
            var rulesDate = a.Applications.Start;
            foreach (var p in Parameters.All)
            {
                if (timelines.GetValueOrDefault(p.Name) is not { } timeline)
                {
                    continue; // missing or broken: reported already
                }

                var since = timeline.FirstDate;
                if (since <= rulesDate)
                {
                    continue;
                }

                var where = pathOf(p.Name) is { } path
                    ? context.Text("cannotRun.stated", path, since)
                    : context.Text("cannotRun.inherited", inheritedFrom, since);
                context.Error(
                    JsonReadContext.Child(JsonReadContext.Child(windows, "applications"), "start"),
                    RulebookErrors.CannotRun,
                    "cannotRun",
                    Year(year),
                    rulesDate,
                    p.Name,
                    where);
            }
        }
    }

    /// <summary>
    /// The windows of an edition in a plausible order: applications open before training starts
    /// and close before it ends; training and expenses touch the annuity's year; no window
    /// starts before the year before or ends after the year after.
    /// </summary>
    private static void CheckWindows(JsonReadContext context, AnnuityRules a, string path)
    {
        string At(string window, string end) => JsonReadContext.Child(JsonReadContext.Child(path, window), end);
        var earliest = new LocalDate(a.Year - 1, 1, 1);
        var latest = new LocalDate(a.Year + 1, 12, 31);
        foreach (var (name, window) in new[] { ("applications", a.Applications), ("training", a.Training), ("expenses", a.Expenses) })
        {
            if (window.Start < earliest)
            {
                context.Error(At(name, "start"), RulebookErrors.ImplausibleWindows, "windows.startsEarly", Year(a.Year), name, window.Start, Year(a.Year - 1));
            }

            if (window.End > latest)
            {
                context.Error(At(name, "end"), RulebookErrors.ImplausibleWindows, "windows.endsLate", Year(a.Year), name, window.End, Year(a.Year + 1));
            }
        }

        foreach (var (name, window) in new[] { ("training", a.Training), ("expenses", a.Expenses) })
        {
            if (window.End.Year < a.Year || window.Start.Year > a.Year)
            {
                context.Error(At(name, "start"), RulebookErrors.ImplausibleWindows, "windows.noDayInYear", Year(a.Year), name, window.Start, window.End);
            }
        }

        if (a.Applications.Start >= a.Training.Start)
        {
            context.Error(At("applications", "start"), RulebookErrors.ImplausibleWindows, "windows.applicationsAfterTraining", a.Applications.Start, a.Training.Start);
        }
        else if (a.Applications.End > a.Training.End)
        {
            context.Error(At("applications", "end"), RulebookErrors.ImplausibleWindows, "windows.applicationsCloseLate", a.Applications.End, a.Training.End);
        }
    }

    /// <summary>A year as a message writes it: four digits, never grouped (<c>2016</c>, not <c>2.016</c>).</summary>
    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The header, or null when a field of it is missing or broken (reported), and the rulebook it is based on, when readable.</summary>
    private static (RulebookHeader? Header, string? BasedOn) ReadHeader(JsonReadContext context, Dictionary<string, JsonElement> root, string basedOnField)
    {
        var id = context.Require(root, "id", "$", out var ie) ? context.String(ie, "$.id") : null;
        if (id is not null && !IdPattern().IsMatch(id))
        {
            context.Error("$.id", RulebookErrors.InvalidValue, "notAnId", id);
            id = null;
        }

        var name = context.Require(root, "name", "$", out var ne) ? context.String(ne, "$.name") : null;
        // A partner rulebook is one that has "extends": only a base's "basedOn" can be missing.
        bool required = basedOnField == "extends";
        string? basedOn = null;
        if (root.TryGetValue(basedOnField, out var be))
        {
            basedOn = context.String(be, "$." + basedOnField);
        }

        bool? illustrative = root.TryGetValue("illustrative", out var le) ? context.Bool(le, "$.illustrative") : false;
        string? description = root.TryGetValue("description", out var de) ? context.String(de, "$.description") : null;
        if (root.TryGetValue("$schema", out var se))
        {
            context.String(se, "$['$schema']");
        }

        if (id is null || name is null || illustrative is null || (required && basedOn is null))
        {
            return (null, basedOn);
        }

        return (new RulebookHeader(id, name, basedOn, illustrative.Value, description), basedOn);
    }

    private static Currency? ReadCurrency(JsonReadContext context, JsonElement element, string path)
    {
        var code = context.String(element, path);
        if (code is null)
        {
            return null;
        }

        if (Currency.TryFromCode(code, out var currency))
        {
            return currency;
        }

        context.Error(path, RulebookErrors.InvalidValue, "notACurrency", code);
        return null;
    }

    private static DateTimeZone? ReadZone(JsonReadContext context, JsonElement element, string path)
    {
        var id = context.String(element, path);
        if (id is null)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        if (zone is null)
        {
            context.Error(path, RulebookErrors.InvalidValue, "notATimeZone", id);
        }

        return zone;
    }

    private static void ReadParameterGroups(JsonReadContext context, JsonElement element, string path, ImmutableDictionary<string, ITimeline>.Builder into, bool requireAll, HashSet<string>? written = null)
    {
        var groups = context.Object(element, path, requireAll ? Parameters.Groups : null);
        if (groups is null)
        {
            return;
        }

        foreach (var group in Parameters.Groups)
        {
            if (!groups.ContainsKey(group) && requireAll)
            {
                context.Error(JsonReadContext.Child(path, group), RulebookErrors.MissingField, "missingGroup", group);
            }
        }

        foreach (var (groupName, groupElement) in groups)
        {
            var groupPath = JsonReadContext.Child(path, groupName);
            var known = Parameters.All.Where(p => p.Group == groupName).ToArray();
            var members = context.Object(groupElement, groupPath, requireAll ? known.Select(p => p.Key).ToArray() : null);
            if (members is null)
            {
                continue;
            }

            if (requireAll)
            {
                foreach (var p in known.Where(p => !members.ContainsKey(p.Key)))
                {
                    context.Error(JsonReadContext.Child(groupPath, p.Key), RulebookErrors.MissingField, "missingParameter", p.Name);
                }
            }

            foreach (var (key, value) in members)
            {
                var parameterPath = JsonReadContext.Child(groupPath, key);
                var definition = Array.Find(known, p => p.Key == key);
                if (definition is null)
                {
                    context.Error(parameterPath, RulebookErrors.UnknownParameter, "unknownParameter", groupName + "." + key, context.DidYouMean(groupName + "." + key, Parameters.All.Select(p => p.Name)));
                    continue;
                }

                written?.Add(definition.Name);
                var timeline = definition.ReadTimeline(context, value, parameterPath);
                if (timeline is not null)
                {
                    into[definition.Name] = timeline;
                }
            }
        }
    }

    /// <summary>Applies the checks across parameters the catalogue declares (<see cref="Parameters.Orderings"/>).</summary>
    private static void CheckAcrossParameters(JsonReadContext context, IReadOnlyDictionary<string, ITimeline> timelines, Func<ParameterDefinition, string?> pathOf)
    {
        foreach (var check in Parameters.Orderings)
        {
            check.Check(context, timelines, pathOf);
        }
    }

    private static ImmutableSortedDictionary<int, AnnuityRules>? ReadAnnuities(JsonReadContext context, JsonElement element, string path)
    {
        var years = context.Object(element, path, null);
        if (years is null)
        {
            return null;
        }

        var result = ImmutableSortedDictionary.CreateBuilder<int, AnnuityRules>();
        bool ok = true;
        foreach (var (key, value) in years)
        {
            var yearPath = JsonReadContext.Child(path, key);
            if (key.Length != 4 || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900)
            {
                context.Error(yearPath, RulebookErrors.InvalidValue, "notAYear", key);
                ok = false;
                continue;
            }

            var annuity = ReadAnnuity(context, value, yearPath, year);
            if (annuity is null)
            {
                ok = false;
                continue;
            }

            result[year] = annuity;
        }

        return ok ? result.ToImmutable() : null;
    }

    private static AnnuityRules? ReadAnnuity(JsonReadContext context, JsonElement element, string path, int year)
    {
        var m = context.Object(element, path, AnnuityFields);
        if (m is null)
        {
            return null;
        }

        AnnuityBudget? budget = null;
        if (context.Require(m, "budget", path, out var be))
        {
            var bp = JsonReadContext.Child(path, "budget");
            var bm = context.Object(be, bp, BudgetFields);
            if (bm is not null)
            {
                Money? Line(string name) => context.Require(bm, name, bp, out var le) ? context.Money(le, JsonReadContext.Child(bp, name)) : null;
                var actions = Line("actions");
                var training = Line("training");
                var consultancy = Line("consultancy");
                var total = Line("total");
                if (actions is not null && training is not null && consultancy is not null && total is not null
                    && SameCurrencyAsActions(context, bp, actions.Value, ("training", training.Value), ("consultancy", consultancy.Value), ("total", total.Value)))
                {
                    budget = new AnnuityBudget(actions.Value, training.Value, consultancy.Value);
                    if (budget.Total != total.Value)
                    {
                        context.Error(JsonReadContext.Child(bp, "total"), RulebookErrors.BudgetDoesNotAddUp, "budgetDoesNotAddUp", budget.Total, total.Value);
                        budget = null;
                    }
                }
            }
        }

        int? capacity = context.Require(m, "capacity", path, out var ce) ? context.Count(ce, JsonReadContext.Child(path, "capacity")) : null;
        if (capacity == 0)
        {
            context.Error(JsonReadContext.Child(path, "capacity"), RulebookErrors.OutOfRange, "noCapacity");
            capacity = null;
        }

        DateInterval? applications = null, training2 = null, expenses = null;
        if (context.Require(m, "windows", path, out var we))
        {
            var wp = JsonReadContext.Child(path, "windows");
            var wm = context.Object(we, wp, WindowFields);
            if (wm is not null)
            {
                applications = context.Require(wm, "applications", wp, out var a) ? context.Window(a, JsonReadContext.Child(wp, "applications")) : null;
                training2 = context.Require(wm, "training", wp, out var t) ? context.Window(t, JsonReadContext.Child(wp, "training")) : null;
                expenses = context.Require(wm, "expenses", wp, out var x) ? context.Window(x, JsonReadContext.Child(wp, "expenses")) : null;
            }
        }

        string? source = m.TryGetValue("source", out var se) ? context.String(se, JsonReadContext.Child(path, "source")) : null;
        if (budget is null || capacity is null || applications is null || training2 is null || expenses is null || (m.ContainsKey("source") && source is null))
        {
            return null;
        }

        return new AnnuityRules(year, budget, capacity.Value, applications, training2, expenses, source);
    }

    /// <summary>
    /// Whether every budget line is in the actions line's currency. Amounts are checked against
    /// the rulebook's currency as they are read, but when that currency is missing or unknown
    /// the lines must still agree before they are added up.
    /// </summary>
    private static bool SameCurrencyAsActions(JsonReadContext context, string budgetPath, Money actions, params (string Name, Money Amount)[] lines)
    {
        bool same = true;
        foreach (var (name, amount) in lines)
        {
            if (amount.Currency != actions.Currency)
            {
                context.Error(JsonReadContext.Child(budgetPath, name), RulebookErrors.CurrencyMismatch, "budgetCurrency", amount, actions.Currency);
                same = false;
            }
        }

        return same;
    }

    public static string Write(Rulebook rulebook)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", rulebook.Id);
            w.WriteString("name", rulebook.Name);
            if (rulebook.BasedOn is not null)
            {
                w.WriteString("basedOn", rulebook.BasedOn);
            }

            if (rulebook.Illustrative)
            {
                w.WriteBoolean("illustrative", true);
            }

            if (rulebook.Description is not null)
            {
                w.WriteString("description", rulebook.Description);
            }

            w.WriteString("currency", rulebook.Currency.Code);
            w.WriteString("timeZone", rulebook.TimeZone.Id);
            w.WriteStartObject("parameters");
            foreach (var group in Parameters.Groups)
            {
                w.WriteStartObject(group);
                foreach (var p in Parameters.All.Where(p => p.Group == group))
                {
                    w.WritePropertyName(p.Key);
                    p.WriteTimeline(w, rulebook.Timeline(p.Name));
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            if (!rulebook.ExchangeRates.IsEmpty)
            {
                w.WritePropertyName("exchangeRates");
                ExchangeRatesJson.Write(w, rulebook.ExchangeRates);
            }

            w.WriteStartObject("annuities");
            foreach (var (year, a) in rulebook.Annuities)
            {
                w.WriteStartObject(year.ToString(CultureInfo.InvariantCulture));
                w.WriteStartObject("budget");
                w.WriteString("actions", a.Budget.Actions.ToString());
                w.WriteString("training", a.Budget.Training.ToString());
                w.WriteString("consultancy", a.Budget.Consultancy.ToString());
                w.WriteString("total", a.Budget.Total.ToString());
                w.WriteEndObject();
                w.WriteNumber("capacity", a.Capacity);
                w.WriteStartObject("windows");
                WriteWindow(w, "applications", a.Applications);
                WriteWindow(w, "training", a.Training);
                WriteWindow(w, "expenses", a.Expenses);
                w.WriteEndObject();
                if (a.Source is not null)
                {
                    w.WriteString("source", a.Source);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteWindow(Utf8JsonWriter w, string name, DateInterval window)
    {
        w.WriteStartObject(name);
        w.WriteString("start", LocalDatePattern.Iso.Format(window.Start));
        w.WriteString("end", LocalDatePattern.Iso.Format(window.End));
        w.WriteEndObject();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
