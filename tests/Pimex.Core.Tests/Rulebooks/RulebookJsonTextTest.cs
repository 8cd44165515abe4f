using Ardalis.Result;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>
/// The text of a rulebook before it is read as one: malformed JSON says where, a document nested
/// too deep says how deep is allowed, and the two are told apart at every limit.
/// </summary>
public class RulebookJsonTextTest
{
    private static string Nested(int levels) => new string('[', levels) + new string(']', levels);

    [Fact]
    public void Load_WhenTextIsNull_ThrowsArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Rulebook.Load(null!));

        Assert.Equal("json", ex.ParamName);
    }

    [Fact]
    public void Load_WhenTextIsNotJson_NamesTheLineAndPositionCountingFromOne()
    {
        var error = Rulebook.Load("{\n  \"id\": \"x\",\n  \"name\": tru\n}").AssertSingleError("$", RulebookErrors.MalformedJson);

        Assert.StartsWith("The text is not valid JSON (line 3, position 14): ", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenNestedOneLevelBeyondMaxDepth_ReportsTooDeepNamingTheLimit()
    {
        var error = Rulebook.Load(Nested(33)).AssertSingleError("$", RulebookErrors.TooDeep);

        Assert.StartsWith("The document is nested more than 32 levels deep", error.ErrorMessage, StringComparison.Ordinal);
        Rulebook.Load(Nested(32)).AssertSingleError("$", RulebookErrors.WrongType);
    }

    [Fact]
    public void Load_WhenMaxDepthIsAboveTheParsersDefault_StillReportsTooDeep()
    {
        var options = new RulebookLoadOptions(MaxDepth: 100);

        var error = Rulebook.Load(Nested(101), options: options).AssertSingleError("$", RulebookErrors.TooDeep);

        Assert.StartsWith("The document is nested more than 100 levels deep", error.ErrorMessage, StringComparison.Ordinal);
        Rulebook.Load(Nested(100), options: options).AssertSingleError("$", RulebookErrors.WrongType);
    }

    [Fact]
    public void Load_WhenMalformedWithinTheDepthLimit_ReportsMalformedJsonNotTooDeep()
    {
        var error = Rulebook.Load("{ \"a\": 1, }", options: new RulebookLoadOptions(MaxDepth: 1)).AssertSingleError("$", RulebookErrors.MalformedJson);

        Assert.StartsWith("The text is not valid JSON", error.ErrorMessage, StringComparison.Ordinal);
        Rulebook.Load("{ \"id\": ", options: new RulebookLoadOptions(MaxDepth: 0)).AssertSingleError("$", RulebookErrors.MalformedJson);
    }

    [Fact]
    public void Load_WhenMaxDepthIsZero_UsesTheParsersDefaultOf64()
    {
        var options = new RulebookLoadOptions(MaxDepth: 0);

        Rulebook.Load(Nested(64), options: options).AssertSingleError("$", RulebookErrors.WrongType);
        Rulebook.Load(Nested(65), options: options).AssertSingleError("$", RulebookErrors.TooDeep);
    }

    [Fact]
    public void ToJson_WhenWritten_EndsWithOneNewline()
    {
        var json = Rulebook.Extremadura.ToJson();

        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.False(json.EndsWith("\n\n", StringComparison.Ordinal));
    }
}
