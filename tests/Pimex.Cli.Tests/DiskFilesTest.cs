using Pimex.Cli.IO;

namespace Pimex.Cli.Tests;

/// <summary>The tool on real files: the partner rulebook the repository ships.</summary>
public class DiskFilesTest
{
    private static readonly string Maribor = Path.Combine(AppContext.BaseDirectory, "docs", "rulebooks", "maribor.json");

    [Fact]
    public void ValidateAndDiff_TheShippedMariborRulebook()
    {
        var validate = Run("rules", "validate", Maribor);
        var diff = Run("rules", "diff", "extremadura", Maribor);

        Assert.Equal(0, validate.Code);
        Assert.Contains("veljaven pravilnik »maribor«", validate.Out, StringComparison.Ordinal); // maribor.json names Slovenian (reporting.language)
        Assert.Equal(0, diff.Code);
        Assert.Contains("Transfer report: extremadura -> maribor", diff.Out, StringComparison.Ordinal);
        Assert.Matches(@"commitment\.tutorials\s+3\s+4", diff.Out);
    }

    [Fact]
    public void Read_WhenThePathIsMissingOrADirectory_SaysSo()
    {
        var files = new DiskFileSource();

        Assert.EndsWith("does not exist.", files.Read(Path.Combine(AppContext.BaseDirectory, "no-such-file.json")).Error, StringComparison.Ordinal);
        Assert.EndsWith("is a directory, not a file.", files.Read(AppContext.BaseDirectory).Error, StringComparison.Ordinal);
        Assert.Null(files.Read(Maribor).Error);
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = PimexApp.Run(args, stdout, stderr, new DiskFileSource());
        return (code, stdout.ToString(), stderr.ToString());
    }
}
