using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using NodaTime;
using Pimex.Cli.Commands;
using Pimex.Cli.IO;
using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Promotion;
using Pimex.Rulebooks;

namespace Pimex.Cli.Tests;

/// <summary>
/// A ledger is applied in time order (stable by <c>at</c>), whatever the order of its lines,
/// every message keeping the file's line numbers; the tool says when the file's order differed.
/// </summary>
public sealed class LedgerOrderTest : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pimex-order-");

    public void Dispose() => directory.Delete(recursive: true);

    /// <summary>
    /// Any order of commands: the result is the commands sorted by instant, those with the same
    /// instant in the file's order; the difference is reported exactly when the file was not in
    /// time order, and counts the commands whose place changed.
    /// </summary>
    [Property(MaxTest = 300)]
    public void InTimeOrder_OfAnyOrder_SortsStablyByInstant_AndCountsWhatMoved(int[] minutes)
    {
        var entries = minutes.Select((m, i) => Entry(i + 1, Math.Abs(m % 5))).ToList();

        var (ordered, disorder) = LedgerOrder.InTimeOrder(entries);

        var expected = entries.OrderBy(e => e.Command.At).ThenBy(e => e.Line).ToList();
        Assert.Equal(expected.Select(e => e.Line), ordered.Select(e => e.Line));
        bool inOrder = entries.Zip(entries.Skip(1)).All(p => p.First.Command.At <= p.Second.Command.At);
        Assert.Equal(inOrder, disorder is null);
        if (disorder is not null)
        {
            Assert.Equal(Enumerable.Range(0, entries.Count).Count(i => expected[i].Line != entries[i].Line), disorder.Moved);
            int first = entries.FindIndex(e => entries.TakeWhile(x => x != e).Any(x => x.Command.At > e.Command.At));
            Assert.Equal(entries[first].Line, disorder.Line);
            var latestAbove = entries.Take(first).Where(x => x.Command.At == entries.Take(first).Max(y => y.Command.At)).First();
            Assert.Equal(latestAbove.Line, disorder.LaterLine);
            Assert.Equal(latestAbove.Command.At, disorder.LaterAt);
        }
    }

    [Fact]
    public void Run_WhenThe2016LedgerIsWrittenCompanyByCompany_GivesTheSameEditionAndRefusals()
    {
        // A partner's hand-written ledger: the edition's commands, then each company's whole
        // story, one company after the other. In line order, nearly every company after the
        // first would go back in time (PIMEX-TIME-001); in time order it is the 2016 edition.
        var original = LedgerReader.Read(Tool.Ledger2016).Entries;
        var lines = Tool.Ledger2016.ReplaceLineEndings("\n").Split('\n');
        var byCompany = original
            .OrderBy(e => e.Command is ParticipantCommand p ? p.Company.Value : e.Command is Apply a ? a.Application.Company.Value : string.Empty, StringComparer.Ordinal)
            .Select(e => lines[e.Line - 1]);
        var handWritten = string.Join("\n", byCompany) + "\n";

        var expected = LedgerRunner.Run(Rulebook.Extremadura, original);
        var run = Load(handWritten, LedgerOrder.MaxKeptWhileStreaming, out int code, out _);

        Assert.Equal(0, code);
        Assert.NotNull(run);
        Assert.NotNull(run.Outcome.Disorder);
        Assert.Equal(expected.Edition, run.Outcome.Edition);
        Assert.Equal(expected.Participants.OrderBy(p => p.Id.Company.Value, StringComparer.Ordinal), run.Outcome.Participants.OrderBy(p => p.Id.Company.Value, StringComparer.Ordinal));
        Assert.Equal(
            expected.Refused.Select(r => (r.Command, string.Join(",", r.Errors.Select(e => e.Code)))).Order(),
            run.Outcome.Refused.Select(r => (r.Command, string.Join(",", r.Errors.Select(e => e.Code)))).Order());
        Assert.DoesNotContain(run.Outcome.Refused.SelectMany(r => r.Errors), e => e.Code == Pimex.Common.TimeErrors.BeforeLastEvent);
        Assert.Equal(run.Outcome.Refused.Select(r => r.Line).Order(), run.Outcome.Refused.Select(r => r.Line));
    }

    [Fact]
    public void Run_WhenAStreamedLedgerGoesBackInTimePastTheCommandsItKeeps_RefusesTheWholeLedger()
    {
        // The 2016 ledger's one line out of time order (534) comes after its first 100 commands.
        var run = Load(Tool.Ledger2016, maxKept: 100, out int code, out string error);

        Assert.Null(run);
        Assert.Equal(ExitCodes.Unreadable, code);
        Assert.Contains("  line 534: PIMEX-LEDGER-011 $.at: 2016-10-17T08:30:00Z is earlier than line 533 (2016-10-17T10:00:00Z), past the first 100 commands: a ledger this long is applied as it streams and must be in time order (sort its lines by \"at\").", error, StringComparison.Ordinal);
        Assert.Contains("is not a valid ledger: 1 error(s); nothing was applied.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenAStreamedLedgerIsInTimeOrderPastTheCommandsItKeeps_AppliesItWithoutANote()
    {
        var inOrder = string.Join("\n", LedgerReader.Read(Tool.Ledger2016).Entries.OrderBy(e => e.Command.At).Select(e => Tool.Ledger2016.ReplaceLineEndings("\n").Split('\n')[e.Line - 1])) + "\n";

        var run = Load(inOrder, maxKept: 100, out int code, out string error);

        Assert.Equal(0, code);
        Assert.NotNull(run);
        Assert.Null(run.Outcome.Disorder);
        Assert.Equal(7, run.Outcome.Refused.Count);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Run_WhenTwoCommandsHaveTheSameInstant_KeepsTheirFileOrder()
    {
        // Two claims at the same instant with the same invoice: the one written first is applied
        // first, so the second is the duplicate, even when a later line moves before both.
        var ledger = Fixtures.Ledger(
            Fixtures.Open(),
            Fixtures.Apply(),
            Fixtures.Admit(),
            Fixtures.Claim("C2", "F-1"),
            Fixtures.Claim("C1", "F-1"),
            Fixtures.Verify("C2"),
            Fixtures.Apply("B06000002"));

        var outcome = LedgerRunner.Run(Rulebook.Extremadura, LedgerReader.Read(ledger).Entries);

        Assert.Equal([(5, PromotionErrors.DuplicateInvoice)], outcome.Refused.Select(r => (r.Line, r.Errors[0].Code)));
        Assert.Equal(new LedgerDisorder(7, Instant.FromUtc(2016, 2, 1, 10, 0), 6, Instant.FromUtc(2016, 6, 10, 9, 0), 5), outcome.Disorder);
        Assert.True(outcome.Edition!.Applications.ContainsKey(new CompanyId("B06000002")));
    }

    private static LedgerEntry Entry(int line, int minute) =>
        new(line, new Admit(Instant.FromUtc(2016, 3, 21, 9, minute), new Actor("manager-1", ActorRole.ProgrammeManager), new CompanyId("B06000001")));

    private EditionRun? Load(string text, int maxKept, out int code, out string error)
    {
        var path = Path.Combine(directory.FullName, "ledger.jsonl");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var run = EditionRun.Load(new CliContext(stdout, stderr, new DiskFileSource()), new RunInput(null, [], path), maxKept, out code);
        error = stderr.ToString();
        return run;
    }
}
