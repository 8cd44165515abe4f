using System.Text.Json.Nodes;
using Pimex.Common;
using Pimex.Rulebooks;

namespace Pimex.Tests.StateAid;

public class AidRegimeRulebookTest
{
    [Fact]
    public void Load_WhenAFiscalYearStartsOnTheTwentyNinthOfFebruary_IsOutOfRange()
    {
        var json = JsonNode.Parse(Rulebook.Extremadura.ToJson())!;
        json["parameters"]!["aid"]!["regime"]![0]!["value"]!["period"]!["fiscalYearStart"] = "02-29";

        var result = Rulebook.Load(json.ToJsonString());

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("$.parameters.aid.regime[0].value.period.fiscalYearStart", error.Identifier);
        Assert.Equal(RulebookErrors.OutOfRange, error.ErrorCode);
        Assert.Equal([RulebookErrors.OutOfRange], result.Codes());
    }
}
