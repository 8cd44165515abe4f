using System.Text.Json;
using System.Text.RegularExpressions;
using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>
/// Polish and Portuguese, shipped as language files only: the tool writes the 2016 edition's
/// report in them (approved copies in <c>Golden/</c>), and the refusals of the 2016 ledger's run
/// carry no English word and no raw enum name in any language but English.
/// </summary>
public partial class ShippedLanguagesTest
{
    /// <summary>
    /// Common English words of the refusals that are no word of Spanish, Polish, Portuguese or
    /// Slovenian ("a", "as", "no", "on", "to", "more", "region", "balance" are words there).
    /// </summary>
    private static readonly HashSet<string> EnglishWords = new(
        [
            "the", "of", "is", "are", "was", "not", "and", "or", "with", "for", "has", "have", "may", "must",
            "already", "than", "outside", "before", "after", "from", "this", "that", "its", "be", "by",
            "company", "companies", "claim", "claimed", "session", "tutorial", "tutorials", "training", "edition",
            "line", "record", "submitted", "accepted", "admitted", "completed", "withdrawn", "excluded", "premises",
            "office", "online", "other", "technician", "consultancy", "actions", "roadmap", "analysis", "invoice",
            "staff", "turnover", "sheet", "budget", "ceiling", "enterprises", "cap", "held", "hours", "window",
            "aid", "amount", "received", "plus", "full", "reserve", "dated", "linked", "partner", "happened",
        ],
        StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("pl", "Sprawozdanie z edycji: extremadura-2016\n")]
    [InlineData("pt", "Relatório de avaliação da edição: extremadura-2016\n")]
    public void Report_2016_IsTheApprovedReportWithCldrAmounts(string code, string title)
    {
        var run = Tool.Run("report", "--lang", code);

        Assert.Equal(0, run.ExitCode);
        Golden.Matches(run.Out, $"report-2016.{code}.txt");
        Assert.StartsWith(title, run.Out, StringComparison.Ordinal);
        Assert.Contains("88\u00a0280,00 €", run.Out, StringComparison.Ordinal);
        Assert.Contains("2500,00 €", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("pl")]
    [InlineData("pt")]
    [InlineData("sl")]
    public void Run_2016_RefusalsHaveNoEnglishWordNorRawEnumName(string code)
    {
        var english = Messages("en");

        var translated = Messages(code);

        Assert.Equal(8, translated.Count);
        Assert.All(english.Zip(translated), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Empty(translated.SelectMany(m => Leaks(m).Select(word => $"'{word}' in \"{m}\"")));
    }

    [Fact]
    public void Run_2016_InEnglish_EveryRefusalHasAWordTheCheckFinds()
    {
        var english = Messages("en");

        Assert.Equal(8, english.Count);
        Assert.All(english, m => Assert.NotEmpty(Leaks(m)));
        Assert.Contains(english, m => Leaks(m).Contains("OperatorOffice"));
    }

    /// <summary>The messages of the refused commands of <c>pimex run --embedded 2016 --json</c> in a language, in line order.</summary>
    private static List<string> Messages(string code)
    {
        var run = Tool.Run("run", "--embedded", "2016", "--json", "--lang", code);
        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        return [.. document.RootElement.GetProperty("ledger").GetProperty("refused").EnumerateArray()
            .SelectMany(r => r.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!))];
    }

    /// <summary>The common English words and the raw enum names (a lower-case letter then an upper-case one inside a word) of a text.</summary>
    private static List<string> Leaks(string text) =>
        [.. Words().Matches(text).Select(m => m.Value).Where(w => EnglishWords.Contains(w) || EnumName().IsMatch(w))];

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\p{Ll}\p{Lu}")]
    private static partial Regex EnumName();
}
