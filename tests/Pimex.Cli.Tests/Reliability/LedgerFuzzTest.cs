using System.Globalization;
using System.Text.RegularExpressions;
using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Rulebooks;

namespace Pimex.Cli.Tests.Reliability;

/// <summary>
/// Damaged ledgers (the embedded 2016 ledger, and a ledger whose application declares every field of
/// the SME declaration, damaged one to three times: truncated, wrong types,
/// huge numbers and amounts, deep nesting, duplicate keys, byte-order marks, another currency,
/// fields removed, random characters, unpaired surrogates): the reader never throws; a refusal
/// names the line, a JSON path and a <c>PIMEX-LEDGER-</c> code, and returns no command at all
/// (nothing is half-applied); an accepted ledger runs to an outcome, each refusal coded.
/// </summary>
/// <remarks><c>PIMEX_FUZZ_RUNS</c> sets the number of damaged ledgers (300 by default), <c>PIMEX_FUZZ_FIRST</c> the first seed (0).</remarks>
public class LedgerFuzzTest
{
    private static readonly string[] Values =
    [
        "1e400", "-1e400", "99999999999999999999999999999", "79228162514264337593543950336", "-1", "0", "0.5", "2147483648",
        "\"EUR 79228162514264337593543950335\"", "\"EUR 1e400\"", "\"EUR -0.01\"", "\"USD 10.00\"", "\"EUR\"", "\"\"", "null", "true",
        "[]", "{}", "[\"x\"]", "{\"a\":1}", "\"2016-02-30\"", "\"9999-12-31T23:59:59Z\"", "\"\\uD800\"",
    ];

    private static readonly string[] Currencies = ["USD", "GBP", "XXX", "eur", "EURO", "€"];

    private static readonly char[] Noise = ['"', '{', '}', '[', ']', ',', ':', '\\', '\0', '\uD800', '\uDFFF', '\uFEFF', 'x', '9', ' ', '\r'];

    private static int Runs =>
        int.TryParse(Environment.GetEnvironmentVariable("PIMEX_FUZZ_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 300;

    /// <summary>The first seed (<c>PIMEX_FUZZ_FIRST</c>, 0 by default): a long run splits into processes over disjoint seeds.</summary>
    private static int First =>
        int.TryParse(Environment.GetEnvironmentVariable("PIMEX_FUZZ_FIRST"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    [Fact]
    public void DamagedLedgers_AreReadOrRefusedLineByLine_NeverThrow_AndNeverHalfApply() => Fuzz(Tool.Ledger2016);

    /// <summary>
    /// The same damage on a ledger whose application declares every field of the model SME
    /// declaration (chains, investors, control, public bodies, natural persons, earlier periods,
    /// aid of related enterprises, restructurings), so that damage lands on those fields.
    /// </summary>
    [Fact]
    public void DamagedDeclarations_AreReadOrRefusedLineByLine_NeverThrow_AndNeverHalfApply() =>
        Fuzz(Fixtures.Ledger(Fixtures.Open(), LedgerWriter.Write(LedgerDeclarationTest.WholeApply()), Fixtures.Admit("B1")));

    private static void Fuzz(string original)
    {
        for (int seed = First; seed < First + Runs; seed++)
        {
            var random = new Random(seed);
            var text = original;
            var applied = new List<string>();
            for (int n = random.Next(1, 4); n > 0; n--)
            {
                var kind = random.Next(12);
                applied.Add(kind.ToString(CultureInfo.InvariantCulture));
                text = Damage(text, kind, random);
            }

            Check(text, $"seed {seed}, damage {string.Join(",", applied)}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\n// nothing\n")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"\uD800\"")]
    [InlineData("{\"command\":\"openEdition\",\"command\":\"openEdition\"}")]
    public void TinyLedgers_AreRefusedWithALineAndACode(string text) => Check(text, "tiny");

    private static void Check(string text, string what)
    {
        LedgerReadResult read;
        try
        {
            read = LedgerReader.Read(text);
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: Read threw {ex.GetType().Name}: {ex.Message}");
            return;
        }

        int lines = text.Split('\n').Length;
        if (!read.IsSuccess)
        {
            Assert.Empty(read.Entries);
            Assert.All(read.Errors, e =>
            {
                Assert.InRange(e.Line, 0, lines);
                Assert.StartsWith("$", e.Path, StringComparison.Ordinal);
                Assert.StartsWith("PIMEX-LEDGER-", e.Code, StringComparison.Ordinal);
                Assert.Null(ErrorCodes.Undeclared(e.Code, e.Path, typeof(LedgerErrors).Assembly));
                Assert.False(string.IsNullOrWhiteSpace(e.Message), $"{what}: {e.Code} says nothing");
            });
            return;
        }

        LedgerOutcome outcome;
        try
        {
            outcome = LedgerRunner.Run(Rulebook.Extremadura, read.Entries);
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: Run threw {ex.GetType().Name}: {ex.Message}");
            return;
        }

        Assert.Equal(read.Entries.Count, outcome.Applied + outcome.Refused.Count);
        Assert.All(outcome.Refused, r =>
        {
            Assert.InRange(r.Line, 1, lines);
            Assert.All(r.Errors, e =>
            {
                Assert.StartsWith("PIMEX-", e.Code, StringComparison.Ordinal);
                if (e.Identifier.Length > 0)
                {
                    Assert.Null(ErrorCodes.Undeclared(e.Code, e.Identifier, typeof(LedgerErrors).Assembly));
                }
            });
        });
        if (outcome.Edition is { } edition)
        {
            foreach (var line in edition.Budget.Lines)
            {
                Assert.False(line.Available.IsNegative, $"{what}: {line.Line} overspent");
                Assert.Equal(line.Allocated, line.Available + line.Reserved + line.Spent);
            }
        }
    }

    private static string Damage(string text, int kind, Random random)
    {
        var lines = text.Split('\n');
        int at = random.Next(lines.Length);
        switch (kind)
        {
            case 0:
                return text[..random.Next(text.Length + 1)];
            case 1:
                lines[at] = lines[at][..random.Next(lines[at].Length + 1)];
                break;
            case 2:
                lines[at] = ReplaceOneValue(lines[at], Values[random.Next(Values.Length)], random);
                break;
            case 3:
                {
                    var depth = random.Next(2) == 0 ? random.Next(10, 20) : random.Next(100, 400);
                    lines[at] = ReplaceOneValue(lines[at], new string('[', depth) + "1" + new string(']', depth), random);
                    break;
                }

            case 4:
                {
                    var member = Regex.Match(lines[at], "\"[A-Za-z]+\":(\"[^\"]*\"|[0-9.]+|true|false),");
                    if (member.Success)
                    {
                        lines[at] = lines[at].Insert(member.Index, member.Value);
                    }

                    break;
                }

            case 5:
                lines[at] = "\uFEFF" + lines[at];
                break;
            case 6:
                {
                    var other = Currencies[random.Next(Currencies.Length)];
                    lines[at] = lines[at].Replace("\"EUR ", "\"" + other + " ", StringComparison.Ordinal);
                    break;
                }

            case 7:
                lines[at] = Regex.Replace(lines[at], ",\"[A-Za-z]+\":(\"[^\"]*\"|[0-9.]+|true|false|null)", string.Empty, RegexOptions.None, TimeSpan.FromSeconds(1));
                break;
            case 8:
                {
                    var chars = text.ToCharArray();
                    for (int n = random.Next(1, 5); n > 0 && chars.Length > 0; n--)
                    {
                        chars[random.Next(chars.Length)] = Noise[random.Next(Noise.Length)];
                    }

                    return new string(chars);
                }

            case 9:
                lines[at] = lines[at] + "\r";
                break;
            case 10:
                lines[at] = lines[at].Replace("}", ",\"unexpected\":1}", StringComparison.Ordinal);
                break;
            default:
                (lines[at], lines[random.Next(lines.Length)]) = (lines[random.Next(lines.Length)], lines[at]);
                break;
        }

        return string.Join('\n', lines);
    }

    private static string ReplaceOneValue(string line, string value, Random random)
    {
        var values = Regex.Matches(line, ":(\"[^\"]*\"|-?[0-9.]+|true|false|null)");
        if (values.Count == 0)
        {
            return line;
        }

        var chosen = values[random.Next(values.Count)];
        return line[..(chosen.Index + 1)] + value + line[(chosen.Index + chosen.Length)..];
    }
}
