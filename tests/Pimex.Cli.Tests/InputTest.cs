using System.Diagnostics;
using System.Text;
using Pimex.Cli.IO;
using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>Input the tool must survive: standard input, pipes, endless or binary files, floods of errors, typos.</summary>
public class InputTest
{
    private static readonly string MariborPath = Path.Combine(DocsCommands.Root, "docs", "rulebooks", "maribor.json");

    private static CliResult Run(IFileSource files, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = PimexApp.Run(args, stdout, stderr, files);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Validate_WhenTheRulebookComesOnStandardInput_ReadsItOnce()
    {
        int opened = 0;
        var files = new DiskFileSource(() =>
        {
            opened++;
            return new MemoryStream(opened == 1 ? File.ReadAllBytes(MariborPath) : []);
        });

        var run = Run(files, "rules", "validate", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("veljaven pravilnik »maribor«", run.Out, StringComparison.Ordinal); // maribor.json names Slovenian (reporting.language)
        Assert.Equal(1, opened);
    }

    [Fact]
    public void Run_WhenTheLedgerComesOnStandardInput_RunsIt()
    {
        var files = new DiskFileSource(() => new MemoryStream(Encoding.UTF8.GetBytes(Tool.Ledger2016)));

        var run = Run(files, "run", "-", "--lang", "en");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^Ledger -: \d+ commands, \d+ applied, 7 refused\.", run.Out);
        Assert.Contains("extremadura-2016", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_WhenTheFileIsAFifo_ReadsItOnce()
    {
        // The tool runs on POSIX systems in CI: a FIFO as 'mkfifo' makes it, written by another task.
        var fifo = Path.Combine(Directory.CreateTempSubdirectory("pimex-fifo-").FullName, "rulebook.json");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var writer = Task.Run(() => File.WriteAllBytes(fifo, File.ReadAllBytes(MariborPath)));
        var run = Run(new DiskFileSource(), "rules", "validate", fifo);
        await writer;

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("veljaven pravilnik »maribor«", run.Out, StringComparison.Ordinal); // maribor.json names Slovenian (reporting.language)
        Directory.Delete(Path.GetDirectoryName(fifo)!, recursive: true);
    }

    [Fact]
    public void Read_WhenTheFileIsDevZero_RefusesItAtTheFirstByteWithOneClearError()
    {
        var run = Run(new DiskFileSource(), "rules", "validate", "/dev/zero");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("pimex: /dev/zero is not a text file (it holds a NUL byte at byte 1): a rulebook is JSON text and a ledger JSON lines, in UTF-8.", run.Error.TrimEnd());
    }

    [Fact]
    public void Read_WhenTheInputIsEndless_StopsAtTheCap()
    {
        var endless = DiskFileSource.ReadText(new EndlessText(), "endless");

        Assert.Null(endless.Text);
        Assert.Equal("endless is larger than 64 MiB: it was not read further.", endless.Error);
    }

    [Fact]
    public void Read_WhenTheBytesAreNotUtf8_SaysSoOnce()
    {
        var latin1 = DiskFileSource.ReadText(new MemoryStream([.. "{ \"name\": \"Cáceres\" }"u8.ToArray().Take(12), 0xE1, .. "ceres\" }"u8.ToArray()]), "latin1.json");

        Assert.Null(latin1.Text);
        Assert.Equal("latin1.json is not UTF-8 text (it holds bytes that are not UTF-8): save it as UTF-8.", latin1.Error);
    }

    [Fact]
    public void Check_WhenThousandsOfLinesAreBroken_ShowsTheFirstFiftyAndCountsTheRest()
    {
        var ledger = string.Concat(Enumerable.Repeat("{\"command\":\"nope\"}\n", 3_000));

        var run = Tool.Run(new InMemoryFiles().With("flood.jsonl", ledger), "ledger", "check", "flood.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(1 + 50 + 1, run.OutLines.Length);
        Assert.Equal("  ... and 2,950 more errors (3,000 in all).", run.OutLines[^1]);
    }

    [Fact]
    public void Check_WhenALineIsCut_SaysSoInItsOwnWords()
    {
        var run = Tool.Run(new InMemoryFiles().With("cut.jsonl", "{\"command\":\"openEdition\",\"at\":\n"), "ledger", "check", "cut.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 1: PIMEX-LEDGER-001", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("isFinalBlock", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rulez", "'rulez': did you mean 'rules'?")]
    [InlineData("rules validte x.json", "'validte': did you mean 'validate'?")]
    [InlineData("report --rulbook x.json", "'--rulbook': did you mean '--rulebook'?")]
    public void AnUnknownCommandOrOption_GetsASuggestion(string line, string suggestion)
    {
        var run = Tool.Run(line.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pimex: " + suggestion, run.ErrorLines);
    }

    [Fact]
    public void Check_WhenAFieldOrCommandIsMisspelt_SuggestsTheRightOne()
    {
        var ledger = Fixtures.Ledger(
            Fixtures.Open(),
            Fixtures.Admit().Replace("\"company\":", "\"compnay\":", StringComparison.Ordinal),
            Fixtures.Admit().Replace("\"admit\"", "\"admitt\"", StringComparison.Ordinal));

        var run = Tool.Run(new InMemoryFiles().With("typo.jsonl", ledger), "ledger", "check", "typo.jsonl");

        Assert.Contains("Unknown field 'compnay' (did you mean 'company'?)", run.Out, StringComparison.Ordinal);
        Assert.Contains("'admitt' is not a command (did you mean 'admit'?)", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schema", "schema/rulebook.schema.json")]
    [InlineData("format", "rulebook-format.md")]
    public void RulesResources_PrintTheShippedDocuments(string command, string doc)
    {
        var run = Tool.Run("rules", command);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(DocsCommands.Root, "docs", doc)).Replace("\r\n", "\n", StringComparison.Ordinal), run.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Example_PrintsTheShippedExample_ItsSchemaNamedBesideIt_AsTheGuideSavesIt()
    {
        var shipped = File.ReadAllText(Path.Combine(DocsCommands.Root, "docs", "rulebooks", "maribor.json")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var guide = File.ReadAllText(Path.Combine(DocsCommands.Root, "docs", "adapting.md"));

        var run = Tool.Run("rules", "example");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(shipped.Replace("\"$schema\": \"../schema/rulebook.schema.json\"", "\"$schema\": \"rulebook.schema.json\"", StringComparison.Ordinal), run.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("rulebook.schema.json", System.Text.Json.JsonDocument.Parse(run.Out).RootElement.GetProperty("$schema").GetString());
        Assert.Contains("pimex rules schema > rulebook.schema.json", guide, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_ValidatesAsPrinted()
    {
        var example = Tool.Run("rules", "example").Out;

        var run = Tool.Run(new InMemoryFiles().With("maribor.json", example), "rules", "validate", "maribor.json");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Run_WhenGivenBothAFileAndEmbedded_OrNeither_SaysWhatToGive()
    {
        Assert.Contains("Give a ledger file or --embedded 2016, not neither.", Tool.Run("run").Error, StringComparison.Ordinal);
        Assert.Contains("not both", Tool.Run("run", "x.jsonl", "--embedded", "2016").Error, StringComparison.Ordinal);
        Assert.Contains("'pimex ledger new --year 2017'", Tool.Run("run", "--embedded", "2017").Error, StringComparison.Ordinal);
    }

    /// <summary>Text that never ends, as <c>yes</c> piped in.</summary>
    private sealed class EndlessText : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'y', offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
