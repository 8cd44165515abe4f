using System.Text.Json;
using System.Text.Json.Nodes;
using Pimex.Cli.Tests.Support;
using Pimex.Localisation;
using Pimex.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>
/// <c>pimex lang</c> and the reports' <c>--lang CODE</c> / <c>--lang-file FILE</c>: a language the
/// tool does not embed (<c>qaa</c>, an ISO 639 code reserved for local use) comes from a file
/// beside the rulebook or named on the command line.
/// </summary>
public class LangCommandTest
{
    private static readonly JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void List_PrintsTheBuiltInLanguages()
    {
        var run = Tool.Run("lang", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["en\tEnglish", "es\tEspañol", "pl\tPolski", "pt\tPortuguês", "sl\tSlovenščina"], run.OutLines);
    }

    [Fact]
    public void Export_WritesATemplateThatReadsBackWithEveryKeyAndWithoutEnglishsRefusalWording()
    {
        var run = Tool.Run("lang", "export", "en");

        Assert.Equal(0, run.ExitCode);
        var file = JsonNode.Parse(run.Out)!;
        Assert.Equal("language.schema.json", (string?)file["$schema"]);
        Assert.Null(file["formats"]!["refusalArguments"]);
        var read = ReportLanguage.Parse(run.Out);
        Assert.True(read.IsSuccess);
        Assert.Empty(read.Value.MissingKeys);
        Assert.Equal(ReportLanguage.English.Terms.Count, file["texts"]!.AsObject().Count);
    }

    [Fact]
    public void Export_WhenTheLanguageIsNotBuiltIn_ExitsTwo()
    {
        var run = Tool.Run("lang", "export", "qaa");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("'qaa' is not a built-in language", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenTheFileIsComplete_ExitsZero()
    {
        var run = Tool.Run(new InMemoryFiles().With("qaa.json", Local()), "lang", "check", "qaa", "qaa.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"qaa.json: complete language 'qaa' (Local), {ReportLanguage.English.Terms.Count} texts."], run.OutLines);
    }

    [Fact]
    public void Check_WhenKeysAreMissingOrEmpty_ListsThemWithTheirEnglishAndExitsZero()
    {
        var run = Tool.Run(new InMemoryFiles().With("qaa.json", Local(texts => { texts.Remove("budget.title"); texts["common.yes"] = string.Empty; })), "lang", "check", "qaa", "qaa.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [$"qaa.json: language 'qaa' (Local) read; 2 of {ReportLanguage.English.Terms.Count} texts missing or empty, in English until translated:", "  common.yes: yes", "  budget.title: Budget"],
            run.OutLines);
    }

    [Fact]
    public void Check_WhenKeysAreUnknownOrPlaceholdersDiffer_ListsEveryProblemAndExitsOne()
    {
        var run = Tool.Run(new InMemoryFiles().With("qaa.json", Local(texts => { texts["budget.titel"] = "x"; texts["common.of"] = "{0}"; })), "lang", "check", "qaa", "qaa.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("qaa.json: refused, 2 error(s):", run.OutLines[0]);
        Assert.Contains(run.OutLines, l => l.StartsWith("  $.texts['budget.titel'] PIMEX-LANG-005 ", StringComparison.Ordinal) && l.Contains("'budget.title'", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("  $.texts['common.of'] PIMEX-LANG-006 ", StringComparison.Ordinal));
        Assert.All(run.OutLines.Skip(1), l => Assert.Null(ErrorCodes.Undeclared(l.Split(' ')[3], l.Split(' ')[2])));
    }

    [Fact]
    public void Check_WhenTheFileIsAnotherLanguage_ExitsOne()
    {
        var run = Tool.Run(new InMemoryFiles().With("qaa.json", Local()), "lang", "check", "qab", "qaa.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the file is the language 'qaa', not 'qab'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenTheFileCannotBeRead_ExitsTwo()
    {
        var run = Tool.Run("lang", "check", "qaa", "qaa.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Schema_IsTheDocsSchema_AndNamesEveryEnglishKey()
    {
        var run = Tool.Run("lang", "schema");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Golden.RepositoryRoot(), "docs", "schema", "language.schema.json")).ReplaceLineEndings("\n"), run.Out);
        var keys = JsonNode.Parse(run.Out)!["properties"]!["texts"]!["propertyNames"]!["enum"]!.AsArray().Select(k => (string)k!);
        Assert.Equal(ReportLanguage.English.Terms.Keys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Report_WhenTheRulebookNamesALanguageWhoseFileIsBesideIt_IsWrittenInIt()
    {
        var run = Tool.Run(Region(), "report", "--rulebook", "region/region.json", "--ledger", "region/ledger.jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("QAA-BUDGET\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("12.01.2026", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithLangCodeOfAFileBesideTheRulebook_IsWrittenInIt()
    {
        var run = Tool.Run(Region(), "report", "--rulebook", "region/region.json", "--ledger", "region/ledger.jsonl", "--lang", "qaa");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("QAA-BUDGET", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithLangFile_IsWrittenInIt()
    {
        var run = Tool.Run(new InMemoryFiles().With("elsewhere/qaa.json", Local()), "report", "--lang-file", "elsewhere/qaa.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("QAA-BUDGET\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("88\u00a0280,00 €", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithLangFile_WritesTheLibrarysRefusalsFromTheFile()
    {
        var files = new InMemoryFiles().With("qaa.json", Local(texts => texts["refusal.PIMEX-ADM-001"] = "QAA-FULL {0}"));

        var run = Tool.Run(files, "run", "--embedded", "2016", "--lang-file", "qaa.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("PIMEX-ADM-001 capacity: QAA-FULL 30", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithLangFile_WritesTheToolsOwnLinesFromTheFile()
    {
        var files = new InMemoryFiles().With("qaa.json", Local(texts =>
        {
            texts["tool.run.line"] = "QAA-LINE {0}";
            texts["tool.run.summary"] = "QAA-SUMMARY {0}: {1}/{2}/{3}";
        }));

        var run = Tool.Run(files, "run", "--embedded", "2016", "--lang-file", "qaa.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"(?m)^  QAA-LINE \d+: PIMEX-ADM-001 capacity: ", run.Out);
        Assert.Matches(@"(?m)^QAA-SUMMARY .+: [\d\u00a0]+/[\d\u00a0]+/[\d\u00a0]+$", run.Out);
        Assert.DoesNotMatch(@"(?m)^  línea ", run.Out);
    }

    [Fact]
    public void Run_WithLangFileLeavingOutTheToolsLines_WritesThemInEnglishAndCheckListsThem()
    {
        var files = new InMemoryFiles().With("qaa.json", Local(texts =>
        {
            texts.Remove("tool.run.line");
            texts.Remove("tool.run.summary");
        }));

        var run = Tool.Run(files, "run", "--embedded", "2016", "--lang-file", "qaa.json");
        var check = Tool.Run(files, "lang", "check", "qaa", "qaa.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"(?m)^  line \d+: PIMEX-ADM-001 ", run.Out);
        Assert.Matches(@"(?m)^Ledger .+ commands, .+ applied, .+ refused\.$", run.Out);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("tool.run.line", check.Out, StringComparison.Ordinal);
        Assert.Contains("tool.run.summary", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithABrokenLangFile_ListsItsProblemsAndExitsTwo()
    {
        var run = Tool.Run(new InMemoryFiles().With("qaa.json", Local(texts => texts["budget.titel"] = "x")), "report", "--lang-file", "qaa.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("PIMEX-LANG-005 at $.texts['budget.titel']", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithACodeThatIsNeitherBuiltInNorBesideTheRulebook_ExitsTwoSayingWhereItLooked()
    {
        var run = Tool.Run(Region(), "report", "--rulebook", "region/region.json", "--ledger", "region/ledger.jsonl", "--lang", "qab");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains(Path.Combine("region", "qab.json"), run.Error, StringComparison.Ordinal);
    }

    /// <summary>A complete language file of a local-use language: Spanish's texts with one marked, CLDR-style formats with a no-break-space group.</summary>
    private static string Local(Action<JsonObject>? edit = null)
    {
        var file = JsonNode.Parse(ReportLanguage.Spanish.ToJson())!;
        file["code"] = "qaa";
        file["name"] = "Local";
        file["formats"] = new JsonObject
        {
            ["decimal"] = ",",
            ["group"] = "\u00a0",
            ["money"] = "{number} {symbol}",
            ["percent"] = "{number} %",
            ["date"] = "{dd}.{MM}.{yyyy}",
        };
        file["texts"]!["budget.title"] = "QAA-BUDGET";
        edit?.Invoke(file["texts"]!.AsObject());
        return file.ToJsonString(Plain);
    }

    /// <summary>The Maribor example naming the local language, with its file and its 2026 ledger in the same folder.</summary>
    private static InMemoryFiles Region()
    {
        var docs = Path.Combine(Golden.RepositoryRoot(), "docs", "rulebooks");
        var rulebook = File.ReadAllText(Path.Combine(docs, "maribor.json")).Replace("\"value\": \"sl\"", "\"value\": \"qaa\"", StringComparison.Ordinal);
        Assert.Contains("\"value\": \"qaa\"", rulebook, StringComparison.Ordinal);
        return new InMemoryFiles()
            .With("region/region.json", rulebook)
            .With(Path.Combine("region", "qaa.json"), Local())
            .With("region/ledger.jsonl", File.ReadAllText(Path.Combine(docs, "maribor-2026.jsonl")));
    }
}
