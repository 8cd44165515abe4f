using Pimex.Rulebooks;

namespace Pimex.Tests.Rulebooks;

public class RulebookMalformedJsonTest
{
    [Theory]
    [InlineData("{ \"id\": ")]
    [InlineData("{ \"id\": \"x\", \"parameters\": { \"commitment\": [")]
    public void Load_WhenTheTextIsTruncated_ReportsMalformedJsonNotTooDeep(string json)
    {
        var result = Rulebook.Load(json);

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(RulebookErrors.MalformedJson, error.ErrorCode);
    }

    [Fact]
    public void Load_WhenNestedBeyondTheLimit_ReportsTooDeep()
    {
        var json = "{\"id\":" + new string('[', 40) + new string(']', 40) + "}";

        var result = Rulebook.Load(json);

        Assert.Equal(RulebookErrors.TooDeep, Assert.Single(result.ValidationErrors).ErrorCode);
    }
}
