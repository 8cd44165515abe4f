using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pimex.Rulebooks.Json;

/// <summary>
/// The JSON Schema (draft 2020-12) of rulebooks, base and partner, written from the parameter
/// catalogue (<see cref="Parameters.All"/>: groups, keys, descriptions, value forms) and the
/// fields <see cref="RulebookJson"/> reads: what <c>pimex rules schema</c> prints and
/// <c>docs/schema/rulebook.schema.json</c> holds (a test keeps the two equal).
/// </summary>
internal static class RulebookSchema
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The schema, indented, with a final line break.</summary>
    /// <returns>The JSON text.</returns>
    public static string Text() => Build().ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    private static JsonObject Build()
    {
        var defs = new JsonObject
        {
            ["baseRulebook"] = BaseRulebook(),
            ["partnerRulebook"] = PartnerRulebook(),
        };
        foreach (var group in Parameters.Groups)
        {
            defs[GroupDefinition(group)] = GroupParameters(group);
        }

        defs["entry"] = Entry();
        defs["annuities"] = Annuities();
        defs["annuity"] = Annuity();
        defs["exchangeRates"] = ExchangeRatesSchema();
        defs["window"] = ValueForm.Described("An inclusive window; end is not before start.", ValueForm.Record(["start", "end"], ("start", ValueForm.Ref("date")), ("end", ValueForm.Ref("date"))));
        defs["text"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 };
        defs["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9][a-z0-9-]{0,63}$" };
        defs["currency"] = new JsonObject
        {
            ["description"] = "An ISO 4217 code the library knows (Currency.KnownCodes).",
            ["enum"] = ValueForm.Strings(Currency.KnownCodes.Order(StringComparer.Ordinal)),
        };
        defs["timeZone"] = ValueForm.Described("An IANA time zone id of the TZDB, such as Europe/Madrid.", ValueForm.Ref("text"));
        defs["date"] = new JsonObject { ["description"] = "A calendar date, yyyy-MM-dd.", ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" };
        defs["annualDate"] = new JsonObject { ["description"] = "A day of the year, MM-dd.", ["type"] = "string", ["pattern"] = "^[0-9]{2}-[0-9]{2}$" };
        foreach (var form in SharedForms())
        {
            defs[form.Definition!] = form.Schema();
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:pimex-core:rulebook.schema.json",
            ["title"] = "PIMEX rulebook",
            ["description"] = "The JSON form of a Pimex.Core rulebook, exactly as Rulebook.Load reads it (see docs/rulebook-format.md). A document with \"extends\" is a partner rulebook (overrides over a base); any other is a base rulebook (every parameter). The loader also checks what a schema cannot: amounts in the rulebook's currency (or in euros where EU law sets them), one exchange rate per currency and day, budget lines adding up to the total, timeline dates strictly increasing, windows not ending before they start, real calendar dates and IANA zones, funding rates adding up to 100%, unique category codes, and the survey scale's minimum below its maximum.",
            ["type"] = "object",
            ["if"] = new JsonObject { ["required"] = ValueForm.Strings(["extends"]) },
            ["then"] = ValueForm.Ref("partnerRulebook"),
            ["else"] = ValueForm.Ref("baseRulebook"),
            ["$defs"] = defs,
        };
    }

    /// <summary>The value forms with a shared definition, in the order the catalogue first uses them (a form's own uses first).</summary>
    private static List<ValueForm> SharedForms()
    {
        var forms = new List<ValueForm>();
        void Add(ValueForm form)
        {
            foreach (var used in form.Uses)
            {
                Add(used);
            }

            if (form.Definition is not null && !forms.Contains(form))
            {
                forms.Add(form);
            }
        }

        foreach (var parameter in Parameters.All)
        {
            Add(parameter.Form);
        }

        return forms;
    }

    private static string GroupDefinition(string group) => group + "Parameters";

    private static IEnumerable<ParameterDefinition> InGroup(string group) => Parameters.All.Where(p => p.Group == group);

    private static JsonObject GroupParameters(string group)
    {
        var properties = new JsonObject();
        foreach (var p in InGroup(group))
        {
            var entry = ValueForm.Ref("entry");
            entry["properties"] = new JsonObject { ["value"] = p.Form.Reference() };
            properties[p.Key] = new JsonObject
            {
                ["description"] = p.Description,
                ["type"] = "array",
                ["minItems"] = 1,
                ["items"] = entry,
            };
        }

        return new JsonObject
        {
            ["description"] = $"The parameters of the '{group}' group, each a timeline.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    private static JsonObject Field(string description, JsonObject schema) => ValueForm.Described(description, schema);

    private static JsonObject FlagField(string description) => new() { ["description"] = description, ["type"] = "boolean" };

    private static JsonObject BaseRulebook()
    {
        var groups = new List<(string, JsonNode)>();
        foreach (var group in Parameters.Groups)
        {
            var all = ValueForm.Ref(GroupDefinition(group));
            all["required"] = ValueForm.Strings(InGroup(group).Select(p => p.Key));
            groups.Add((group, all));
        }

        var rulebook = ValueForm.Record(
            ["id", "name", "currency", "timeZone", "parameters", "annuities"],
            ("$schema", Field("A link to this schema, for editors; ignored.", ValueForm.Ref("text"))),
            ("id", Field("A stable identifier: lower-case letters, digits and dashes.", ValueForm.Ref("id"))),
            ("name", Field("A readable name.", ValueForm.Ref("text"))),
            ("basedOn", Field("The rulebook this one was derived from, written by ToJson for a flattened partner.", ValueForm.Ref("text"))),
            ("illustrative", FlagField("True when the figures are illustrative rather than a programme's real ones.")),
            ("description", Field("A free description.", ValueForm.Ref("text"))),
            ("currency", Field("The programme's ISO 4217 currency: its own amounts are in it; the amounts EU law sets in euros stay in euros.", ValueForm.Ref("currency"))),
            ("timeZone", Field("The programme's IANA time zone, such as Europe/Madrid.", ValueForm.Ref("timeZone"))),
            ("parameters", ValueForm.Described("Every parameter of the catalogue, by group.", ValueForm.Record([.. Parameters.Groups], [.. groups]))),
            ("exchangeRates", ValueForm.Ref("exchangeRates")),
            ("annuities", ValueForm.Ref("annuities")));
        return ValueForm.Described("A base rulebook: defines every parameter.", rulebook);
    }

    private static JsonObject PartnerRulebook()
    {
        var rulebook = ValueForm.Record(
            ["id", "name", "extends"],
            ("$schema", Field("A link to this schema, for editors; ignored.", ValueForm.Ref("text"))),
            ("id", Field("A stable identifier: lower-case letters, digits and dashes.", ValueForm.Ref("id"))),
            ("name", Field("A readable name.", ValueForm.Ref("text"))),
            ("extends", Field("The id of the base rulebook; Load must be given that base.", ValueForm.Ref("text"))),
            ("illustrative", FlagField("True when the figures are illustrative rather than a programme's real ones.")),
            ("description", Field("A free description.", ValueForm.Ref("text"))),
            ("currency", Field("Overrides the base's currency; every inherited amount in the base's currency must then be overridden too (the amounts EU law sets in euros stay in euros).", ValueForm.Ref("currency"))),
            ("timeZone", Field("Overrides the base's time zone.", ValueForm.Ref("timeZone"))),
            ("overrides", ValueForm.Described(
                "Parameters of the base to override, by group; each replaces that parameter's whole timeline.",
                ValueForm.Record([], [.. Parameters.Groups.Select(g => (g, (JsonNode)ValueForm.Ref(GroupDefinition(g))))]))),
            ("exchangeRates", Field("The partner's exchange rates: for each currency it lists, they replace the base's rates of that currency.", ValueForm.Ref("exchangeRates"))),
            ("annuities", Field(
                "The partner's own annuities: a partner does not inherit its base's. Each must be able to run: every parameter in force on its first day of applications, plausible windows.",
                ValueForm.Ref("annuities"))));
        return ValueForm.Described("A partner rulebook: extends a base and overrides named parameters.", rulebook);
    }

    private static JsonObject Entry() => ValueForm.Described(
        "One dated value of a parameter; the value's type depends on the parameter.",
        ValueForm.Record(
            ["from", "value"],
            ("from", Field("The first date the value applies.", ValueForm.Ref("date"))),
            ("value", new JsonObject { ["description"] = "The value." }),
            ("source", Field("The source or legal reference.", ValueForm.Ref("text"))),
            ("default", FlagField("True when the value is a documented default the programme's source does not state."))));

    private static JsonObject ExchangeRatesSchema()
    {
        var rate = ValueForm.Record(
            ["perEuro", "source"],
            ("date", Field("The day the rate applies to (give a date or a month).", ValueForm.Ref("date"))),
            ("month", Field("The month the rate applies to, yyyy-MM (give a date or a month).", new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}$" })),
            ("perEuro", Field("Units of the currency per euro, above zero.", new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0, ["maximum"] = ExchangeRatesJson.MaxPerEuro })),
            ("source", Field("Where the rate comes from, such as the ECB's reference rate of that day.", ValueForm.Ref("text"))));
        return ValueForm.Described(
            "Exchange rates against the euro, by currency code (not EUR): each for one day or one month; a currency has at most one rate of its own per day and one monthly rate per month (a day without its own rate takes its month's). The day whose rate converts a figure is a parameter (sme.figuresExchangeRate, aid.exchangeRate); the funds' spend is converted at the monthly rate of the month it is recorded in (funding.exchangeRate).",
            new JsonObject
            {
                ["type"] = "object",
                ["propertyNames"] = new JsonObject { ["pattern"] = "^[A-Z]{3}$" },
                ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = rate },
            });
    }

    private static JsonObject Annuities() => new()
    {
        ["description"] = "Annuities (yearly editions) by year.",
        ["type"] = "object",
        ["propertyNames"] = new JsonObject { ["pattern"] = "^(19|[2-9][0-9])[0-9]{2}$" },
        ["additionalProperties"] = ValueForm.Ref("annuity"),
    };

    private static JsonObject Annuity()
    {
        var budget = ValueForm.Record(
            ["actions", "training", "consultancy", "total"],
            ("actions", ValueForm.Money.Reference()),
            ("training", ValueForm.Money.Reference()),
            ("consultancy", ValueForm.Money.Reference()),
            ("total", ValueForm.Money.Reference()));
        var windows = ValueForm.Record(
            ["applications", "training", "expenses"],
            ("applications", ValueForm.Ref("window")),
            ("training", ValueForm.Ref("window")),
            ("expenses", ValueForm.Ref("window")));
        return ValueForm.Described(
            "One annuity: budget, capacity and windows.",
            ValueForm.Record(
                ["budget", "capacity", "windows"],
                ("budget", ValueForm.Described("The three budget lines and their total, which must add up to the cent.", budget)),
                ("capacity", new JsonObject
                {
                    ["description"] = "How many companies the annuity admits at most.",
                    ["type"] = "integer",
                    ["minimum"] = 1,
                    ["maximum"] = JsonReadContext.MaxCount,
                }),
                ("windows", ValueForm.Described("Inclusive date windows.", windows)),
                ("source", Field("Where the figures come from.", ValueForm.Ref("text")))));
    }
}
