extern alias pimex;

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using pimex::Pimex.Cli;
using pimex::Pimex.Cli.IO;
using pimex::Pimex.Cli.Ledger;

namespace Pimex.Benchmarks;

/// <summary>
/// <c>pimex run</c> on big generated ledgers (<see cref="BigLedger"/>: the 2016 edition, every
/// company's whole life, no refusal) of 10,000, 100,000 and 1,000,000 commands, written once
/// into a temporary directory with the rulebook they run under. <see cref="PimexRun"/> is the
/// whole tool in process (<c>pimex run FILE --rulebook FILE</c>, its output discarded): it
/// streams the file in one pass (each command applied as its line is read) and prints the report.
/// <see cref="ParseOnly"/> is the limit: one pass over the same file that only parses each line
/// into a <see cref="JsonDocument"/>. The per-command column should stay flat (linear time).
/// <c>PIMEX_BENCH_SMOKE=1</c> measures only 10,000.
/// </summary>
[MemoryDiagnoser]
[PerCommand]
[LongOperationJob]
public class LedgerRunBenchmarks
{
    private string directory = null!;
    private string ledger = null!;
    private string rulebook = null!;

    /// <summary>The sizes measured.</summary>
    public static IEnumerable<int> Sizes => SmokeMode.IsOn ? [10_000] : [10_000, 100_000, 1_000_000];

    /// <summary>About how many commands the ledger holds.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Commands { get; set; }

    /// <summary>Writes the ledger and its rulebook, and checks that the tool runs it with no refusal.</summary>
    [GlobalSetup]
    public void Write()
    {
        directory = Path.Combine(Path.GetTempPath(), "pimex-ledger-run-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        int companies = BigLedger.CompaniesFor(Commands);
        ledger = Path.Combine(directory, "big.jsonl");
        rulebook = Path.Combine(directory, "big.json");
        File.WriteAllText(rulebook, BigLedger.RulebookJson(companies));
        using (var writer = new StreamWriter(ledger, false, new UTF8Encoding(false), 1 << 16))
        {
            BigLedger.Write(writer, companies, rulebook);
        }

        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = PimexApp.Run(["run", ledger, "--rulebook", rulebook], TextWriter.Null, error, new DiskFileSource());
        if (code != 0 || error.ToString().Length > 0)
        {
            throw new InvalidOperationException($"pimex run exited with {code}: {error}");
        }

        int parsed = ParseOnly();
        if (parsed != BigLedger.CommandsOf(companies))
        {
            throw new InvalidOperationException($"The ledger holds {parsed} commands, not {BigLedger.CommandsOf(companies)}.");
        }
    }

    /// <summary>Deletes the files.</summary>
    [GlobalCleanup]
    public void Delete() => Directory.Delete(directory, recursive: true);

    /// <summary>The tool: <c>pimex run FILE --rulebook FILE</c>, in process.</summary>
    /// <returns>The exit code.</returns>
    [Benchmark]
    public int PimexRun() => PimexApp.Run(["run", ledger, "--rulebook", rulebook], TextWriter.Null, TextWriter.Null, new DiskFileSource());

    /// <summary>The limit: each command line of the same file parsed into a JSON document, and nothing else.</summary>
    /// <returns>How many lines were parsed.</returns>
    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        int parsed = 0;
        using var file = new FileStream(ledger, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            int filled = 0;
            while (true)
            {
                int n = file.Read(buffer, filled, buffer.Length - filled);
                filled += n;
                var data = buffer.AsMemory(0, filled);
                int start = 0;
                int newline;
                while ((newline = data.Span[start..].IndexOf((byte)'\n')) >= 0)
                {
                    parsed += Parse(data.Slice(start, newline));
                    start += newline + 1;
                }

                if (n == 0)
                {
                    parsed += Parse(data[start..]);
                    return parsed;
                }

                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Parse(ReadOnlyMemory<byte> line)
    {
        var span = line.Span.Trim(" \t\r"u8);
        if (span.IsEmpty || span.StartsWith("//"u8))
        {
            return 0;
        }

        using var document = JsonDocument.Parse(line);
        return document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
    }
}
