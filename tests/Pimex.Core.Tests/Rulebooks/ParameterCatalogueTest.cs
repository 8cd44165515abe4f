using System.Text.Json.Nodes;
using Pimex.Rulebooks;
using Pimex.Rulebooks.Json;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>
/// The catalogue is the one place a parameter is described: its value form feeds the schema, and
/// the checks across parameters it declares are what the loader applies, worded as before.
/// </summary>
public class ParameterCatalogueTest
{
    [Fact]
    public void Orderings_WhenTheSurveyScaleIsUpsideDown_ReportTheValueAndTheDates()
    {
        var json = RulebookJsonEdits.Extremadura(root => root.Timeline("survey.scaleMin")[0]!["value"] = 11);

        var error = Assert.Single(Rulebook.Load(json).ValidationErrors);

        Assert.Equal("$.parameters.survey.scaleMin[0].value", error.Identifier);
        Assert.Equal(RulebookErrors.OutOfRange, error.ErrorCode);
        Assert.Equal("From 2002-01-01 the survey scale would run from 11 to 10: its minimum must be below its maximum.", error.ErrorMessage);
    }

    [Fact]
    public void Orderings_WhenAPartnerOverridesBothEnds_BlameTheLatestEntryTheyState()
    {
        var json = RulebookJsonEdits.Partner(p => p
            .Override("survey.scaleMin", 5, from: "2020-01-01")
            .Override("survey.scaleMax", 5, from: "2021-01-01"));

        var errors = Rulebook.Load(json, Rulebook.Extremadura).ValidationErrors.ToList();

        Assert.Contains(errors, e => e.Identifier == "$.overrides.survey.scaleMax[0].value" && e.ErrorMessage.StartsWith("From 2021-01-01 the survey scale would run from 5 to 5", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Identifier.Contains("scaleMin", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_GivesEachParameterTheSchemaOfItsForm()
    {
        var defs = JsonNode.Parse(RulebookSchema.Text())!["$defs"]!;

        Assert.All(Parameters.All, p =>
        {
            var value = defs[p.Group + "Parameters"]!["properties"]![p.Key]!["items"]!["properties"]!["value"]!;
            Assert.True(JsonNode.DeepEquals(p.Form.Reference(), value), p.Name);
            if (p.Form.Definition is { } shared)
            {
                Assert.True(JsonNode.DeepEquals(p.Form.Schema(), defs[shared]), p.Name);
            }
        });
    }
}
