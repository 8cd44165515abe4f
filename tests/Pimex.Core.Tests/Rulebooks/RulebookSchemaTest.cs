using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Json.Schema;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>docs/schema/rulebook.schema.json describes what the loader reads, no more and no less.</summary>
[Properties(Arbitrary = new[] { typeof(PimexArbitraries) })]
public class RulebookSchemaTest
{
    private static readonly string SchemaText = DocsFiles.Read("schema/rulebook.schema.json");

    private static readonly JsonSchema Schema = JsonSchema.FromText(SchemaText);

    private static readonly JsonObject SchemaTree = JsonNode.Parse(SchemaText)!.AsObject();

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static void AssertValid(string json)
    {
        var results = Evaluate(json);
        Assert.True(
            results.IsValid,
            string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    private static JsonObject Def(string name) => SchemaTree["$defs"]![name]!.AsObject();

    [Fact]
    public void Schema_WhenGivenTheExtremaduraRulebook_AcceptsIt()
    {
        AssertValid(Rulebook.Extremadura.ToJson());
    }

    [Fact]
    public void Schema_WhenGivenTheMariborRulebook_AcceptsIt()
    {
        AssertValid(DocsFiles.Read("rulebooks/maribor.json"));
    }

    [Theory]
    [InlineData("unknown root field")]
    [InlineData("negative amount")]
    [InlineData("rate above 100%")]
    [InlineData("missing parameter")]
    [InlineData("overrides in a base")]
    [InlineData("unknown override")]
    [InlineData("parameters in a partner")]
    [InlineData("unknown currency")]
    [InlineData("date not iso")]
    [InlineData("empty timeline")]
    public void Schema_WhenTheLoaderRefusesTheShape_RejectsItToo(string problem)
    {
        var json = problem switch
        {
            "unknown root field" => RulebookJsonEdits.Extremadura(root => root["colour"] = "green"),
            "negative amount" => RulebookJsonEdits.Extremadura(root => root.Annuity2016()["budget"]!["training"] = "EUR -5000.00"),
            "rate above 100%" => RulebookJsonEdits.Extremadura(root => root.Timeline("promotion.supportIntensity")[0]!["value"] = "100.5%"),
            "missing parameter" => RulebookJsonEdits.Extremadura(root => root["parameters"]!["promotion"]!.AsObject().Remove("capPerCompany")),
            "overrides in a base" => RulebookJsonEdits.Extremadura(root => root["overrides"] = new JsonObject()),
            "unknown override" => RulebookJsonEdits.Partner(p => p.Override("promotion.capPerHead", "EUR 3000.00")),
            "parameters in a partner" => RulebookJsonEdits.Partner(p => p["parameters"] = new JsonObject()),
            "unknown currency" => RulebookJsonEdits.Extremadura(root => root["currency"] = "XYZ"),
            "date not iso" => RulebookJsonEdits.Extremadura(root => root.Timeline("commitment.groupSessions")[0]!["from"] = "1/1/2002"),
            "empty timeline" => RulebookJsonEdits.Extremadura(root => root["parameters"]!["commitment"]!["groupSessions"] = new JsonArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        Assert.False(Rulebook.Load(json, Rulebook.Extremadura).IsSuccess);
        Assert.False(Evaluate(json).IsValid);
    }

    [Theory]
    [InlineData("promotion.capPerCompany", "EUR 2500.00")]
    [InlineData("promotion.capPerCompany", "EUR 5")]
    [InlineData("promotion.capPerCompany", "EUR .5")]
    [InlineData("promotion.capPerCompany", "EUR 5.")]
    [InlineData("promotion.capPerCompany", "EUR -0.00")]
    [InlineData("promotion.capPerCompany", "EUR -.0")]
    [InlineData("promotion.capPerCompany", "EUR -5.00")]
    [InlineData("promotion.capPerCompany", "EUR +5.00")]
    [InlineData("promotion.capPerCompany", "EUR 5,00")]
    [InlineData("promotion.capPerCompany", "EUR 1e3")]
    [InlineData("promotion.capPerCompany", "EUR  5")]
    [InlineData("promotion.supportIntensity", "85%")]
    [InlineData("promotion.supportIntensity", "0100.0%")]
    [InlineData("promotion.supportIntensity", ".5%")]
    [InlineData("promotion.supportIntensity", "100.01%")]
    [InlineData("promotion.supportIntensity", "+5%")]
    [InlineData("promotion.supportIntensity", "-0%")]
    [InlineData("promotion.supportIntensity", "5 %")]
    public void Schema_WhenGivenAnAmountOrARate_AcceptsItIfAndOnlyIfTheLoaderDoes(string parameter, string value)
    {
        var json = RulebookJsonEdits.Extremadura(root => root.Timeline(parameter)[0]!["value"] = value);

        Assert.Equal(Rulebook.Load(json).IsSuccess, Evaluate(json).IsValid);
    }

    [Fact]
    public void Schema_WhenListingParameters_AgreesWithTheCatalogue()
    {
        var baseParameters = Def("baseRulebook")["properties"]!["parameters"]!.AsObject();
        var overrides = Def("partnerRulebook")["properties"]!["overrides"]!["properties"]!.AsObject();
        var inSchema = baseParameters["properties"]!.AsObject().SelectMany(group =>
        {
            var definition = group.Value!["$ref"]!.GetValue<string>().Split('/')[^1];
            var keys = Def(definition)["properties"]!.AsObject().Select(p => p.Key).ToArray();
            Assert.Equal(keys, group.Value["required"]!.AsArray().Select(k => k!.GetValue<string>()));
            Assert.Equal("#/$defs/" + definition, overrides[group.Key]!["$ref"]!.GetValue<string>());
            return keys.Select(key => group.Key + "." + key);
        });

        Assert.Equal(Parameters.All.Select(p => p.Name), inSchema);
        Assert.Equal(Parameters.Groups, baseParameters["required"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(Parameters.Groups, overrides.Select(g => g.Key));
    }

    [Fact]
    public void Schema_WhenListingCurrencies_AgreesWithTheLibrary()
    {
        Assert.Equal(
            Currency.KnownCodes.Order(StringComparer.Ordinal),
            Def("currency")["enum"]!.AsArray().Select(c => c!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Property]
    public bool TheSchemaAcceptsEveryPartnerTheLoaderAccepts(PartnerRulebookJson partner)
    {
        var loaded = Rulebook.Load(partner.Json, Rulebook.Extremadura);
        return loaded.IsSuccess && Evaluate(partner.Json).IsValid && Evaluate(loaded.Value.ToJson()).IsValid;
    }

    [Property]
    public Property TheSchemaAcceptsEveryMangledRulebookTheLoaderStillAccepts() =>
        Prop.ForAll(PimexArbitraries.MangledRulebookJsonGen.ToArbitrary(), json =>
            !Rulebook.Load(json).IsSuccess || Evaluate(json).IsValid);
}
