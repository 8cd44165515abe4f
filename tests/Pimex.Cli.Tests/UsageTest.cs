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

/// <summary>The installed tool stands alone: its help names only what the package ships.</summary>
public class StandAloneHelpTest
{
    [Theory]
    [InlineData("")]
    [InlineData("report")]
    [InlineData("run")]
    [InlineData("rules")]
    [InlineData("rules show")]
    [InlineData("rules validate")]
    [InlineData("rules diff")]
    [InlineData("rules schema")]
    [InlineData("rules doc")]
    [InlineData("rules example")]
    [InlineData("rules format")]
    [InlineData("ledger")]
    [InlineData("ledger new")]
    [InlineData("ledger check")]
    [InlineData("ledger format")]
    public void Help_CitesNoFileOfTheRepository(string command)
    {
        var run = Tool.Run([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("docs/", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("src/", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(".md", run.Out, StringComparison.Ordinal);
    }
}
