using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using Pimex.Cli.Commands;
using Pimex.Cli.IO;
using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Rulebooks;

namespace Pimex.Cli.Tests;

/// <summary>
/// <c>pimex run</c> streams its ledger from the disk (a pass that checks every line, then a pass
/// that applies them): it gives what reading the whole text and running every command gave, and
/// a ledger with a broken line anywhere is still refused as a whole.
/// </summary>
public sealed class StreamingRunTest : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pimex-stream-");

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public void Load_WhenThe2016LedgerIsStreamedFromDisk_GivesTheWholeTextOutcome() =>
        AssertSameAsWholeText(Tool.Ledger2016, Rulebook.Extremadura, rulebookJson: null);

    [Fact]
    public void Load_WhenAGeneratedLedgerIsStreamedFromDisk_GivesTheWholeTextOutcomeWithNoRefusal()
    {
        int companies = BigLedger.CompaniesFor(2_000);
        var (text, json) = Generated(companies);

        var run = AssertSameAsWholeText(text, BigLedger.RulebookFor(companies), json);

        Assert.Equal(BigLedger.CommandsOf(companies), run.Outcome.Commands);
        Assert.Empty(run.Outcome.Refused);
        Assert.Equal(companies, run.Outcome.Participants.Count);
        Assert.All(run.Outcome.Participants, p => Assert.Equal(Pimex.Participation.ParticipantStatus.Completed, p.Status));
    }

    [Fact]
    public void Run_WhenTheLastLineOfABigLedgerIsBroken_RefusesTheWholeLedgerAndPrintsNoReport()
    {
        int companies = BigLedger.CompaniesFor(2_000);
        var (text, json) = Generated(companies);
        int lines = text.Split('\n').Length;
        var ledger = Write("broken.jsonl", text.TrimEnd('\n') + "\n{\"command\":\"complete\",\"at\":\"2016-12-01T09:00:00Z\"");
        var rulebook = Write("big.json", json);

        var run = RunTool(new DiskFileSource(), "run", ledger, "--rulebook", rulebook);

        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains($"{ledger} is not a valid ledger: 1 error(s); nothing was applied.", run.Error, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"line {lines}: {LedgerErrors.MalformedJson}"), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenAStreamedLedgerHoldsANulByte_SaysWhereOnce()
    {
        var ledger = Write("nul.jsonl", Tool.Ledger2016[..100] + "\0" + Tool.Ledger2016[100..]);

        var run = RunTool(new DiskFileSource(), "run", ledger);

        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Equal($"pimex: {ledger} is not a text file (it holds a NUL byte at byte {Encoding.UTF8.GetByteCount(Tool.Ledger2016[..100]) + 1}): a rulebook is JSON text and a ledger JSON lines, in UTF-8.", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Run_WhenTheLedgerIsAFifo_StreamsItOnceAsItComes()
    {
        // A FIFO as 'mkfifo' makes it (CI runs on POSIX systems), written by another task.
        var fifo = Path.Combine(directory.FullName, "ledger.jsonl");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var writer = Task.Run(() => File.WriteAllText(fifo, Tool.Ledger2016));
        var run = RunTool(new DiskFileSource(), "run", fifo, "--lang", "en");
        await writer;

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Tool.Run("run", "--embedded", "2016", "--lang", "en").Out.Replace(EmbeddedLedgers.Extremadura2016Name, fifo, StringComparison.Ordinal), run.Out);
    }

    [Fact]
    public void Check_WhenTheLedgerIsStreamedFromDisk_CountsEachCommandAsTheWholeTextDoes()
    {
        var ledger = Write("2016.jsonl", Tool.Ledger2016);
        var entries = LedgerReader.Read(Tool.Ledger2016).Entries;
        var counts = entries.GroupBy(e => e.Command.Name).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));

        var run = RunTool(new DiskFileSource(), "ledger", "check", ledger);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"{ledger}: {entries.Count} commands ({string.Join(", ", counts)}).\n")
            + "Not in time order: line 534 (2016-10-17T08:30:00Z) is earlier than line 533 (2016-10-17T10:00:00Z); 1 line(s) in all are earlier than a line above them. 'pimex run' applies the commands in time order (stable by \"at\"), with the file's line numbers.\n",
            run.Out);
    }

    /// <summary>
    /// Reading a ledger from a reader that hands its text over in small random pieces (so that
    /// lines, <c>\r\n</c> and the byte-order mark straddle the pieces) gives exactly what reading
    /// the whole text gives: the same commands on the same lines, or the same errors.
    /// </summary>
    [Property(MaxTest = 60)]
    public void Scan_OverAnyPiecesOfTheText_ReadsWhatTheWholeTextReads(PositiveInt companies, int seed, bool crlf, bool bom)
    {
        var random = new Random(seed);
        var text = StarterLedger.Write(Rulebook.Extremadura, 2016, "x", 1 + (companies.Get % 30)).Value;
        var lines = text.Split('\n').ToList();
        if (random.Next(2) == 0)
        {
            // Damage one line: the errors, too, must be the same.
            int at = random.Next(lines.Count);
            lines[at] = lines[at][..random.Next(lines[at].Length + 1)];
        }

        text = (bom ? "\uFEFF" : string.Empty) + string.Join(crlf ? "\r\n" : "\n", lines);
        var whole = LedgerReader.Read(text);

        var entries = new List<LedgerEntry>();
        var errors = new List<LedgerError>();
        using var reader = new PieceReader(text, random);
        LedgerReader.Scan(reader, entries.Add, errors);

        Assert.Equal(whole.Errors, errors);
        Assert.Equal(whole.IsSuccess ? whole.Entries : [], errors.Count == 0 ? entries : []);
    }

    /// <summary>For any size, the streamed run of a generated ledger is the whole-text run.</summary>
    [Property(MaxTest = 8)]
    public void Load_ForAnyGeneratedSize_StreamingIsTheWholeTextRun(PositiveInt size)
    {
        int companies = 1 + (size.Get % 60);
        var (text, json) = Generated(companies);

        AssertSameAsWholeText(text, BigLedger.RulebookFor(companies), json);
    }

    /// <summary>The fast reading of the usual ISO forms accepts only what NodaTime's patterns accept, with the same value.</summary>
    [Property(MaxTest = 2_000)]
    public void IsoText_AgreesWithTheNodaTimePatterns(int year, byte month, byte day, byte hour, byte minute, byte second, bool valid)
    {
        var y = valid ? 1 + Math.Abs(year % 9999) : Math.Abs(year % 10_000);
        var date = string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{month % (valid ? 13 : 100):00}-{day % (valid ? 32 : 100):00}");
        var instant = string.Create(CultureInfo.InvariantCulture, $"{date}T{hour % (valid ? 24 : 100):00}:{minute % (valid ? 60 : 100):00}:{second % (valid ? 60 : 100):00}Z");

        var patternDate = LocalDatePattern.Iso.Parse(date);
        var patternInstant = InstantPattern.ExtendedIso.Parse(instant);

        Assert.True(!IsoText.TryDate(date, out var fastDate) || (patternDate.Success && patternDate.Value == fastDate), date);
        Assert.True(!IsoText.TryInstant(instant, out var fastInstant) || (patternInstant.Success && patternInstant.Value == fastInstant), instant);
        Assert.Equal(patternDate.Success && y >= 1, IsoText.TryDate(date, out _));
        Assert.Equal(patternInstant.Success && y >= 1, IsoText.TryInstant(instant, out _));
    }

    [Theory]
    [InlineData("2016-0!-20T09:00:00Z")]
    [InlineData("2016-04-2\u0000T09:00:00Z")]
    [InlineData(" 016-04-20T09:00:00Z")]
    [InlineData("2016-04-20T09:0x:00Z")]
    public void IsoText_WhenTheTextHoldsOtherCharactersThanDigits_LeavesItToThePatterns(string text)
    {
        Assert.False(IsoText.TryInstant(text, out _));
        Assert.Equal(text[..10] == "2016-04-20", IsoText.TryDate(text[..10], out _));
    }

    private static CliResult RunTool(IFileSource files, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = PimexApp.Run(args, stdout, stderr, files);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    private static (string Ledger, string Rulebook) Generated(int companies)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        BigLedger.Write(text, companies, "big.json");
        return (text.ToString(), BigLedger.RulebookJson(companies));
    }

    /// <summary>The streamed run (from a file on disk) against the whole text read, then every command run.</summary>
    private EditionRun AssertSameAsWholeText(string text, Rulebook rulebook, string? rulebookJson)
    {
        var ledger = Write("ledger.jsonl", text);
        var rulebookFile = rulebookJson is null ? null : Write("rulebook.json", rulebookJson);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, new DiskFileSource());

        var run = EditionRun.Load(context, new RunInput(rulebookFile, [], ledger), out int code);

        Assert.Equal(0, code);
        Assert.NotNull(run);
        var read = LedgerReader.Read(text);
        Assert.True(read.IsSuccess);
        var whole = LedgerRunner.Run(rulebook, read.Entries, run.RefusalLanguage);
        Assert.Equal(whole.Edition, run.Outcome.Edition);
        Assert.Equal(whole.Participants, run.Outcome.Participants);
        Assert.Equal(whole.Commands, run.Outcome.Commands);
        Assert.Equal(whole.Refused.SelectMany(r => r.Lines()), run.Outcome.Refused.SelectMany(r => r.Lines()));
        var report = EditionReports.Of(run.Outcome, run.Rulebook);
        Assert.True(report.IsSuccess);
        Assert.Equal(EditionReports.Of(whole, rulebook).Value, report.Value);
        var names = read.Entries.Select(e => e.Command).OfType<Apply>().Where(a => a.CompanyName is not null)
            .GroupBy(a => a.Application.Company).ToDictionary(g => g.Key, g => g.Last().CompanyName!);
        Assert.Equal(names.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal), run.Names.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal));
        Assert.Equal(read.Entries.Max(e => e.Command.At).InZone(rulebook.TimeZone).Date, run.AsOf);
        return run;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>A reader that hands its text over in pieces of 1 to 7 characters.</summary>
    private sealed class PieceReader(string text, Random random) : TextReader
    {
        private int position;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(Math.Min(count, 1 + random.Next(7)), text.Length - position);
            text.CopyTo(position, buffer, index, n);
            position += n;
            return n;
        }

        public override int Read(Span<char> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, 1 + random.Next(7)), text.Length - position);
            text.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }
    }
}
