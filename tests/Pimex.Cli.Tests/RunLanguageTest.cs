using System.Text.Json;
using Pimex.Cli.Tests.Support;
using Pimex.Localisation;

namespace Pimex.Cli.Tests;

/// <summary>
/// <c>pimex run --lang</c>: the reasons of the refused commands of the embedded 2016 ledger in
/// English, Spanish and Slovenian (approved texts in <c>Golden/</c>), with the same lines, codes
/// and identifiers in every language.
/// </summary>
public partial class RunLanguageTest
{
    public static TheoryData<string> Languages => new(ReportLanguage.All.Select(l => l.Code));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Run_Embedded2016_ListsItsSevenRefusalsInTheLanguage(string code)
    {
        var run = Tool.Run("run", "--embedded", "2016", "--lang", code);

        Assert.Equal(0, run.ExitCode);
        var refusals = string.Join("\n", run.Out.ReplaceLineEndings("\n").Split("\n").TakeWhile(l => l.Length > 0)) + "\n";
        Golden.Matches(refusals, $"run-2016.{code}.txt");
    }

    [Fact]
    public void Run_WithoutLang_WritesTheRefusalsInTheRulebooksLanguage()
    {
        var spanish = Tool.Run("run", "--embedded", "2016", "--lang", "es");

        var byDefault = Tool.Run("run", "--embedded", "2016");

        Assert.Equal(spanish.Out, byDefault.Out);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("sl")]
    public void Run_InAnotherLanguage_KeepsEveryLineCodeAndIdentifier_AndTranslatesEveryReason(string code)
    {
        var english = Refused(Tool.Run("run", "--embedded", "2016", "--json", "--lang", "en").Out);

        var translated = Refused(Tool.Run("run", "--embedded", "2016", "--json", "--lang", code).Out);

        Assert.Equal(8, english.Count);
        Assert.Equal(7, english.Select(e => e.Line).Distinct().Count());
        Assert.Equal(english.Select(e => (e.Line, e.Code, e.Identifier)), translated.Select(e => (e.Line, e.Code, e.Identifier)));
        Assert.All(english.Zip(translated), pair => Assert.NotEqual(pair.First.Message, pair.Second.Message));
    }

    private static List<(int Line, string Code, string Identifier, string Message)> Refused(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("ledger").GetProperty("refused").EnumerateArray()
            .SelectMany(r => r.GetProperty("errors").EnumerateArray().Select(e => (
                r.GetProperty("line").GetInt32(),
                e.GetProperty("code").GetString()!,
                e.TryGetProperty("identifier", out var id) ? id.GetString()! : string.Empty,
                e.GetProperty("message").GetString()!)))];
    }
}
