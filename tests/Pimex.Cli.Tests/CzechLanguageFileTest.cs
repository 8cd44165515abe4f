using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodaTime;
using Pimex.Cli.Tests.Support;
using Pimex.Localisation;
using Pimex.Monetary;

namespace Pimex.Cli.Tests;

/// <summary>
/// Czech, a language the code never names, shipped as data beside the docs rulebooks
/// (<c>docs/rulebooks/cs.json</c>): <c>pimex lang check</c> reads it with no missing key, it
/// writes amounts, percentages and dates as CLDR's <c>cs</c> does, and the Maribor 2026 edition's
/// reports written with it (<c>--lang-file</c>) carry no English text of the English file.
/// </summary>
public partial class CzechLanguageFileTest
{
    private static readonly JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Common English words of the library's texts that are no word of Czech ("a", "to", "no",
    /// "on" and "by" are left out: Czech writes them, as in "a", "to je", "by").
    /// </summary>
    private static readonly HashSet<string> EnglishWords = new(
        [
            "the", "of", "is", "are", "was", "not", "and", "or", "with", "for", "has", "have", "may", "must",
            "already", "than", "outside", "before", "after", "from", "this", "that", "its", "be",
            "company", "companies", "claim", "session", "tutorial", "tutorials", "training", "edition", "line",
            "record", "submitted", "accepted", "admitted", "completed", "withdrawn", "excluded", "premises",
            "office", "online", "other", "technician", "consultancy", "actions", "roadmap", "analysis",
            "invoice", "staff", "turnover", "sheet", "budget", "ceiling", "enterprises", "cap",
            "pills", "pill", "attended", "held", "hours", "window", "aid", "amount", "granted", "spent",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static string FilePath => Path.Combine(Golden.RepositoryRoot(), "docs", "rulebooks", "cs.json");

    private static string DocsRulebooks => Path.Combine(Golden.RepositoryRoot(), "docs", "rulebooks");

    [Fact]
    public void LangCheck_ReadsTheFileWithNoMissingKeyAndNoProblem()
    {
        var run = Tool.Run(new InMemoryFiles().With("cs.json", File.ReadAllText(FilePath)), "lang", "check", "cs", "cs.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"cs.json: complete language 'cs' (čeština), {ReportLanguage.English.Terms.Count} texts."], run.OutLines);
    }

    [Fact]
    public void Parse_ReadsEveryKeyOfEnglish()
    {
        var language = Czech();

        Assert.Equal("cs", language.Code);
        Assert.Empty(language.MissingKeys);
        Assert.Equal(ReportLanguage.English.Terms.Keys.Order(StringComparer.Ordinal), language.Terms.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Formats_WhenWritten_AreCldrsCzech()
    {
        var language = Czech();

        Assert.Equal("čeština", language.Name);
        Assert.Equal("2\u00a0500,00 €", language.Money(Money.Of(2_500m, Currency.EUR)));
        Assert.Equal("88\u00a0280,00 €", language.Money(Money.Of(88_280m, Currency.EUR)));
        Assert.Equal("1\u00a0234,56 Kč", language.Money(Money.Of(1_234.56m, Currency.FromCode("CZK"))));
        Assert.Equal("12\u00a0345,67 Kč", language.Money(Money.Of(12_345.67m, Currency.FromCode("CZK"))));
        Assert.Equal("-12\u00a0345,67 €", language.Money(Money.Of(-12_345.67m, Currency.EUR)));
        Assert.Equal("1\u00a0234,00 £", language.Money(Money.Of(1_234m, Currency.FromCode("GBP"))));
        Assert.Equal("83,3 %", language.Percent(Rate.Ratio(25, 30)));
        Assert.Equal("1\u00a0234,5", language.Number(1_234.5m));
        Assert.Equal("12\u00a0345", language.Number(12_345L));
    }

    [Theory]
    [InlineData(1, "1. ledna 2026")]
    [InlineData(2, "1. února 2026")]
    [InlineData(3, "1. března 2026")]
    [InlineData(4, "1. dubna 2026")]
    [InlineData(5, "1. května 2026")]
    [InlineData(6, "1. června 2026")]
    [InlineData(7, "1. července 2026")]
    [InlineData(8, "1. srpna 2026")]
    [InlineData(9, "1. září 2026")]
    [InlineData(10, "1. října 2026")]
    [InlineData(11, "1. listopadu 2026")]
    [InlineData(12, "1. prosince 2026")]
    public void Dates_WhenWritten_UseTheGenitiveMonths(int month, string date)
    {
        Assert.Equal(date, Czech().Date(new LocalDate(2026, month, 1)));
    }

    [Fact]
    public void Texts_ExceptAJustifiedFew_DifferFromEnglish()
    {
        var language = Czech();

        var same = ReportLanguage.English.Terms.Where(t => language.Terms[t.Key] == t.Value).Select(t => t.Key).Order(StringComparer.Ordinal);

        // A dash for a deliverable not submitted, in every language; "ESF" and "ESF+" are Czech's
        // abbreviations too (Evropský sociální fond plus); "Token", the sign-in field of the back
        // office's pages, is the Czech word for a bearer token; and "region" is the Czech word
        // (the signed-in line "{0}, {1}, region {2}").
        string[] justified = ["review.notSubmitted", "label.ESF", "label.ESF+", "page.signin.token", "page.signedIn"];
        Assert.Equal(justified.Order(StringComparer.Ordinal), same);
    }

    [Fact]
    public void Texts_HaveNoCommonEnglishWordNorRawEnumName()
    {
        var leaks = Czech().Terms
            .SelectMany(t => Leaks(t.Value).Select(word => $"{t.Key}: '{word}' in \"{t.Value}\""))
            .ToList();

        Assert.Empty(leaks);
    }

    [Fact]
    public void Leaks_WhenATextHasEnglishWordsOrAnEnumName_FindsThem()
    {
        Assert.Equal(["of", "OperatorOffice"], Leaks("Školení „S1“ of OperatorOffice, PIMEX-PART-004, SWOT."));
        Assert.Empty(Leaks("Analýza SWOT „{0}“ (PIMEX-PART-015) de minimis, 2 500,00 €, a to by šlo."));
    }

    [Theory]
    [InlineData("report")]
    [InlineData("report programme")]
    [InlineData("report aid SAMPLE-001")]
    public void Report_Maribor2026_HasNoEnglishTextOfTheEnglishFile(string command)
    {
        var run = Tool.Run(Region(), [.. command.Split(' '), "--rulebook", "maribor.json", "--ledger", "maribor-2026.jsonl", "--lang-file", "cs.json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.Out);
        Assert.Empty(EnglishTexts(run.Out));
    }

    [Fact]
    public void EnglishTexts_OfTheSameReportInEnglish_FindsEveryHeading()
    {
        var run = Tool.Run(Region(), "report", "--rulebook", "maribor.json", "--ledger", "maribor-2026.jsonl", "--lang", "en");

        var found = EnglishTexts(run.Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Edition report", found);
        Assert.Contains("Participants", found);
        Assert.Contains("Budget", found);
        Assert.Contains("completion rate", found);
    }

    [Fact]
    public void Report_Maribor2026_WritesAmountsPercentagesAndDatesAsCldrsCzech()
    {
        var run = Tool.Run(Region(), "report", "--rulebook", "maribor.json", "--ledger", "maribor-2026.jsonl", "--lang-file", "cs.json");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Zpráva o ročníku: maribor-2026\nPravidla platná ke dni 12. ledna 2026; verze ročníku 28; částky v EUR.\nStav ke dni 7. října 2026.\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("limit na podnik                            3\u00a0000,00 €\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("celkem               75\u00a0000,00 €", run.Out, StringComparison.Ordinal);
        Assert.Contains("míra dokončení    100,0 %\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("RCO02  Podniky podporované granty", run.Out, StringComparison.Ordinal);
    }

    /// <summary>The Czech file as the library reads it.</summary>
    private static ReportLanguage Czech()
    {
        var read = ReportLanguage.Parse(File.ReadAllText(FilePath));
        Assert.True(read.IsSuccess, string.Join("; ", read.ValidationErrors.Select(e => $"{e.ErrorCode} {e.Identifier} {e.ErrorMessage}")));
        return read.Value;
    }

    /// <summary>
    /// The English file's texts (each cut at its placeholders) of more than four characters that a
    /// text occurs in as whole words, but the programme's name, PIMEX, that every language writes;
    /// four characters and fewer ("SWOT", "line", "yes") are the file-level checks' business.
    /// </summary>
    private static List<string> EnglishTexts(string text) =>
        [.. ReportLanguage.English.Terms.Values
            .SelectMany(t => Placeholder().Split(t))
            .Select(part => part.Trim(' ', '.', ',', ':', ';', '(', ')', '\'', '-'))
            .Where(part => part.Length > 4 && part != "PIMEX")
            .Distinct(StringComparer.Ordinal)
            .Where(part => Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(part)}(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))];

    /// <summary>The common English words and the raw enum names (a lower-case letter then an upper-case one inside a word) of a text.</summary>
    private static List<string> Leaks(string text) =>
        [.. Words().Matches(text).Select(m => m.Value).Where(w => EnglishWords.Contains(w) || EnumName().IsMatch(w))];

    /// <summary>
    /// The Maribor example and its 2026 ledger, with the Czech file beside them; the rulebook
    /// labels its funds and survey questions in Czech too, as a Czech region's rulebook does (a
    /// report shows a code where the rulebook has no label in its language), and the ledger's
    /// sample companies have Czech names (an English one would be data, not a text of the file).
    /// </summary>
    private static InMemoryFiles Region()
    {
        var ledger = File.ReadAllText(Path.Combine(DocsRulebooks, "maribor-2026.jsonl"));
        Assert.Contains("\"Sample Company 1\"", ledger, StringComparison.Ordinal);
        ledger = ledger.Replace("\"Sample Company ", "\"Vzorový podnik ", StringComparison.Ordinal)
            .Replace("\"Sample Holding\"", "\"Vzorový holding\"", StringComparison.Ordinal);
        var rulebook = JsonNode.Parse(File.ReadAllText(Path.Combine(DocsRulebooks, "maribor.json")))!;
        rulebook["overrides"]!["reporting"]!["labels"] = new JsonArray(new JsonObject
        {
            ["from"] = "2026-01-01",
            ["value"] = new JsonObject
            {
                ["ERDF"] = new JsonObject { ["cs"] = "EFRR" },
                ["ESF+"] = new JsonObject { ["cs"] = "ESF+" },
                ["National"] = new JsonObject { ["cs"] = "Státní rozpočet" },
                ["training"] = new JsonObject { ["cs"] = "Skupinová školení" },
                ["tutorials"] = new JsonObject { ["cs"] = "Individuální konzultace v podniku" },
            },
            ["source"] = "Czech labels of the codes the Maribor 2026 reports show",
        });
        return new InMemoryFiles()
            .With("maribor.json", rulebook.ToJsonString(Plain))
            .With("maribor-2026.jsonl", ledger)
            .With("cs.json", File.ReadAllText(FilePath));
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\p{Ll}\p{Lu}")]
    private static partial Regex EnumName();
}
