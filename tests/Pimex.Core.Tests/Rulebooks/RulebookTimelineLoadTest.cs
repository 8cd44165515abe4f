using System.Text.Json.Nodes;
using Ardalis.Result;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>
/// Reading a parameter's timeline: each entry's fields are checked at their own path, and one
/// broken entry neither hides nor adds problems in the others.
/// </summary>
public class RulebookTimelineLoadTest
{
    private static Result<Rulebook> Load(Action<JsonObject> edit) => Rulebook.Load(RulebookJsonEdits.Extremadura(edit));

    [Fact]
    public void Load_WhenAnEntryWithABrokenValueIsFollowedByAnEarlierDate_ReportsBoth()
    {
        var result = Load(root =>
        {
            root.Timeline("aid.regime")[0]!["value"]!["name"] = 5;
            root.Timeline("aid.regime")[1]!["from"] = "2010-01-01";
        });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(
            [("$.parameters.aid.regime[0].value.name", RulebookErrors.WrongType), ("$.parameters.aid.regime[1].from", RulebookErrors.DatesOutOfOrder)],
            result.ValidationErrors.Select(e => (e.Identifier, e.ErrorCode)));
    }

    [Fact]
    public void Load_WhenAnEntryHasABrokenDate_ChecksTheNextAgainstTheLastGoodDate()
    {
        var result = Load(root =>
        {
            var regime = root.Timeline("aid.regime");
            regime[1]!["from"] = "someday";
            regime.Add(regime[1]!.DeepClone());
            regime[2]!["from"] = "2012-01-01";
        });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(
            [("$.parameters.aid.regime[1].from", RulebookErrors.InvalidValue), ("$.parameters.aid.regime[2].from", RulebookErrors.DatesOutOfOrder)],
            result.ValidationErrors.Select(e => (e.Identifier, e.ErrorCode)));
    }

    [Fact]
    public void Load_WhenTheThirdEntryIsBeforeTheSecondButAfterTheFirst_ReportsIt()
    {
        var result = Load(root =>
        {
            var regime = root.Timeline("aid.regime");
            regime.Add(regime[1]!.DeepClone());
            regime[2]!["from"] = "2020-01-01"; // after 2014-01-01, before 2024-01-01
        });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(
            [("$.parameters.aid.regime[2].from", RulebookErrors.DatesOutOfOrder)],
            result.ValidationErrors.Select(e => (e.Identifier, e.ErrorCode)));
    }
}
