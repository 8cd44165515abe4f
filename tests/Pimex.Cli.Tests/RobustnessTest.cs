using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Rulebooks;

namespace Pimex.Cli.Tests;

/// <summary>Whatever a ledger holds, the tool answers with read errors or refusals, never an exception.</summary>
public class RobustnessTest
{
    private const string Corruptions = "{}[]\",:0x ";

    [Fact]
    public void Read_WhenNumbersAreAbsurd_RejectsThemBeforeTheyReachTheLibrary()
    {
        var huge = "79228162514264337593543950335";
        var read = LedgerReader.Read(Fixtures.Ledger(
            Fixtures.Open(),
            Fixtures.Apply().Replace("\"staff\":12", $"\"staff\":{huge}", StringComparison.Ordinal),
            Fixtures.Claim("C1", "F-1", $"EUR {huge}"),
            $"{{\"command\":\"requestConsultancy\",\"at\":\"2016-05-20T10:00:00Z\",{Fixtures.Representative},\"company\":\"{Fixtures.Company}\",\"hours\":{huge},\"topic\":\"x\"}}"));

        Assert.Equal(
            [(2, "$.staff"), (3, "$.net"), (4, "$.hours")],
            read.Errors.Select(e => (e.Line, e.Path)));
        Assert.All(read.Errors, e => Assert.Equal(LedgerErrors.InvalidValue, e.Code));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Run_WhenTheEmbeddedLedgerIsShuffledOrCut_RefusesButNeverThrows(int seed)
    {
        var random = new Random(seed);
        var lines = Tool.Ledger2016.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("//", StringComparison.Ordinal)).ToList();
        for (int i = 0; i < 60; i++)
        {
            int a = random.Next(1, lines.Count);
            int b = random.Next(1, lines.Count);
            switch (random.Next(3))
            {
                case 0:
                    lines.RemoveAt(a);
                    break;
                case 1:
                    lines.Insert(b, lines[a]);
                    break;
                default:
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    break;
            }
        }

        var read = LedgerReader.Read(string.Join("\n", lines));
        Assert.True(read.IsSuccess);

        var outcome = LedgerRunner.Run(Rulebook.Extremadura, read.Entries);

        Assert.NotNull(outcome.Edition);
        Assert.NotEmpty(outcome.Refused);
        Assert.Equal(read.Entries.Count, outcome.Applied + outcome.Refused.Count);
        Assert.All(outcome.Refused, r => Assert.All(r.Errors, e => Assert.StartsWith("PIMEX-", e.Code, StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_WhenCharactersAreCorrupted_ReportsLinesButNeverThrows()
    {
        var random = new Random(7);
        var text = Tool.Ledger2016.ToCharArray();
        for (int i = 0; i < 40; i++)
        {
            int at = random.Next(text.Length);
            if (text[at] != '\n')
            {
                text[at] = Corruptions[random.Next(Corruptions.Length)];
            }
        }

        var read = LedgerReader.Read(new string(text));

        Assert.False(read.IsSuccess);
        Assert.All(read.Errors, e => Assert.True(e.Line > 0));
    }
}
