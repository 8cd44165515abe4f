using System.Text.Json.Nodes;
using Pimex.Evaluation;
using Pimex.Rulebooks.Json;

namespace Pimex.Rulebooks;

/// <summary>
/// The form of a parameter's values in a rulebook's JSON, declared beside its codec in the
/// catalogue (<see cref="Parameters"/>): its name in the format's parameter table and its JSON
/// Schema. The rulebook schema (<see cref="RulebookSchema"/>) and the table
/// (<c>pimex rules doc</c>) are written from these, so they cannot drift from the catalogue.
/// </summary>
internal sealed class ValueForm
{
    /// <summary>The most years a state-aid regime's look-back period lasts.</summary>
    internal const int MaxAidYears = 100;

    private readonly Func<JsonObject> schema;

    private ValueForm(string name, string? definition, Func<JsonObject> schema, params ValueForm[] uses)
    {
        Name = name;
        Definition = definition;
        this.schema = schema;
        Uses = [.. uses];
    }

    /// <summary>A whole number from 0 to <see cref="JsonReadContext.MaxCount"/>.</summary>
    public static ValueForm Count { get; } = new("count", "count", () => new JsonObject
    {
        ["description"] = $"A whole number from 0 to {JsonReadContext.MaxCount.ToString("N0", CultureInfo.InvariantCulture)}.",
        ["type"] = "integer",
        ["minimum"] = 0,
        ["maximum"] = JsonReadContext.MaxCount,
    });

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static ValueForm Flag { get; } = new("flag", "flag", () => new JsonObject { ["type"] = "boolean" });

    /// <summary>An amount, <c>"EUR 2500.00"</c> (<see cref="Monetary.Money.Parse"/>'s text form), not negative.</summary>
    public static ValueForm Money { get; } = new("money", "money", () => new JsonObject
    {
        ["description"] = "An amount, not negative: the currency code, a space and an invariant-culture number, such as \"EUR 2500.00\" (a minus sign only before zero, as in \"EUR -0.00\", which reads as zero); exact at the currency's minor unit (\"EUR 2500.005\" is refused, not rounded) and at most 10^15.",
        ["type"] = "string",
        ["pattern"] = "^[A-Z]{3} ([0-9]+(\\.[0-9]*)?|\\.[0-9]+|-(0+(\\.0*)?|\\.0+))$",
    });

    /// <summary>A percentage from 0% to 100%, <c>"85%"</c> (<see cref="Monetary.Rate.Parse"/>'s text form).</summary>
    public static ValueForm Rate { get; } = new("rate", "rate", () => new JsonObject
    {
        ["description"] = "A percentage from 0% to 100%, such as \"85%\" or \"12.5%\".",
        ["type"] = "string",
        ["pattern"] = "^0*(100(\\.0*)?|[0-9]{1,2}(\\.[0-9]*)?|\\.[0-9]+)%$",
    });

    /// <summary>Distinct non-empty strings.</summary>
    public static ValueForm TextList { get; } = new("list of distinct texts", "textList", () => new JsonObject
    {
        ["description"] = "Distinct non-empty strings.",
        ["type"] = "array",
        ["uniqueItems"] = true,
        ["items"] = Ref("text"),
    });

    /// <summary>Expense categories, each code once.</summary>
    public static ValueForm Categories { get; } = new(
        "list of categories",
        "categories",
        () => new JsonObject
        {
            ["description"] = "Expense categories; codes are unique.",
            ["type"] = "array",
            ["items"] = Record(["code", "name", "eligible", "exportAid"], ("code", Ref("text")), ("name", Ref("text")), ("eligible", Flag.Reference()), ("exportAid", Flag.Reference())),
        },
        Flag);

    /// <summary>A state-aid regime: a ceiling over a look-back period.</summary>
    public static ValueForm AidRegime { get; } = new(
        "aid regime",
        "aidRegime",
        () =>
        {
            var period = Record(
                ["kind", "years"],
                ("kind", Enum<StateAid.AidPeriodKind>()),
                ("years", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = MaxAidYears }),
                ("fiscalYearStart", Described("The day a fiscal year starts; 01-01 when absent.", Ref("annualDate"))));
            var regime = Record(["name", "ceiling", "period"], ("name", Ref("text")), ("ceiling", Money.Reference()), ("period", period), ("reference", Ref("text")));
            return Described("A state-aid regime: a ceiling per single undertaking over a look-back period.", regime);
        },
        Money);

    /// <summary>The funds that pay a budget line; their rates add up to 100%.</summary>
    public static ValueForm Funding { get; } = new(
        "funding",
        "funding",
        () => new JsonObject
        {
            ["description"] = "The funds that pay a budget line; their rates add up to 100%.",
            ["type"] = "array",
            ["minItems"] = 1,
            ["items"] = Record(["fund", "rate"], ("fund", Ref("text")), ("rate", Rate.Reference())),
        },
        Rate);

    /// <summary>Distinct NUTS codes (<see cref="Nuts.IsWellFormedCode"/>).</summary>
    public static ValueForm NutsCodes { get; } = new("list of distinct NUTS codes", null, () => new JsonObject
    {
        ["description"] = "Distinct NUTS codes: the country's two capital letters, then up to three capital letters or digits (ES43, SI032, PL514).",
        ["type"] = "array",
        ["uniqueItems"] = true,
        ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = Nuts.CodePattern },
    });

    /// <summary>A NUTS version, <c>"NUTS 2021"</c> (<see cref="Nuts.IsWellFormedVersion"/>).</summary>
    public static ValueForm NutsVersion { get; } = new("NUTS version", null, () => new JsonObject
    {
        ["description"] = "The NUTS classification's version: 'NUTS' and its year, such as \"NUTS 2021\".",
        ["type"] = "string",
        ["pattern"] = Nuts.VersionPattern,
    });

    /// <summary>A language code: a built-in language or one a host supplies as a file.</summary>
    public static ValueForm Language { get; } = new("language", null, () => new JsonObject { ["type"] = "string", ["pattern"] = LanguageJson.CodePatternText });

    /// <summary>Labels by code and language.</summary>
    public static ValueForm Labels { get; } = new("labels", null, () => new JsonObject
    {
        ["type"] = "object",
        ["additionalProperties"] = new JsonObject
        {
            ["type"] = "object",
            ["propertyNames"] = new JsonObject { ["pattern"] = LanguageJson.CodePatternText },
            ["additionalProperties"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "The label; an empty text is no label (in a partner, it removes the label inherited).",
            },
        },
    });

    /// <summary>The common indicators of a programming period.</summary>
    public static ValueForm Indicators { get; } = new("indicator set", null, () => Record(
        ["period", "indicators"],
        ("period", Ref("text")),
        ("reference", Ref("text")),
        ("indicators", new JsonObject { ["type"] = "array", ["uniqueItems"] = true, ["items"] = new JsonObject { ["enum"] = Strings(IndicatorSet.Known) } })));

    /// <summary>The form's name in the format's parameter table, such as <c>count</c> or <c>enum `any`, ...</c>.</summary>
    public string Name { get; }

    /// <summary>The name of the schema's shared definition (<c>$defs</c>), or null when the schema is written in place.</summary>
    public string? Definition { get; }

    /// <summary>The forms whose shared definitions this one's schema refers to.</summary>
    public ImmutableArray<ValueForm> Uses { get; }

    /// <summary>An enumeration's form: one of its values' names, in camel case.</summary>
    /// <typeparam name="TEnum">The enumeration.</typeparam>
    /// <param name="definition">The name of its shared schema definition.</param>
    /// <param name="description">What it says.</param>
    /// <returns>The form.</returns>
    public static ValueForm EnumOf<TEnum>(string definition, string description)
        where TEnum : struct, System.Enum =>
        new(
            "enum " + string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => $"`{JsonNames.Of(v)}`")),
            definition,
            () => Described(description, Enum<TEnum>()));

    /// <summary>The schema of one value: a reference to the shared definition, or the definition in place.</summary>
    /// <returns>A new node.</returns>
    public JsonObject Reference() => Definition is null ? schema() : Ref(Definition);

    /// <summary>The schema of the form itself.</summary>
    /// <returns>A new node.</returns>
    public JsonObject Schema() => schema();

    /// <summary>A reference to a shared definition of the rulebook schema.</summary>
    /// <param name="definition">Its name.</param>
    /// <returns>A new node.</returns>
    internal static JsonObject Ref(string definition) => new() { ["$ref"] = "#/$defs/" + definition };

    /// <summary>A closed object: the properties named, the required ones listed.</summary>
    internal static JsonObject Record(string[] required, params (string Name, JsonNode Schema)[] properties)
    {
        var node = new JsonObject { ["type"] = "object", ["additionalProperties"] = false };
        if (required.Length > 0)
        {
            node["required"] = Strings(required);
        }

        var members = new JsonObject();
        foreach (var (name, value) in properties)
        {
            members[name] = value;
        }

        node["properties"] = members;
        return node;
    }

    /// <summary>A schema with a description first.</summary>
    internal static JsonObject Described(string description, JsonObject schema)
    {
        var node = new JsonObject { ["description"] = description };
        foreach (var (name, value) in schema.ToList())
        {
            schema.Remove(name);
            node[name] = value;
        }

        return node;
    }

    /// <summary>An array of strings.</summary>
    internal static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];

    private static JsonObject Enum<TEnum>()
        where TEnum : struct, System.Enum =>
        new() { ["enum"] = Strings(System.Enum.GetValues<TEnum>().Select(v => JsonNames.Of(v))) };
}
