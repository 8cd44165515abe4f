using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

public class UsageTest
{
    [Fact]
    public void NoCommand_ExitsTwoWithAHint()
    {
        var run = Tool.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pimex --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_ExitsTwo()
    {
        var run = Tool.Run("report", "--colour");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--colour", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsTheCommandsAndExitsZero()
    {
        var run = Tool.Run("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "report", "run", "rules", "ledger" })
        {
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        }
    }
}
