using System.Text.RegularExpressions;
using Pimex.Tests.Support;

namespace Pimex.Tests.Docs;

/// <summary>
/// The code the README and the guides show is the code CI compiles and runs: the README's quick
/// start is <c>samples/QuickStart/Program.cs</c> (built and run against the packed package by
/// <c>.ci/package-check</c>), and the session block of <c>docs/embedding.md</c> is the beginning of
/// <c>samples/OneCompanyYear/Year.cs</c> (compiled into these tests and run by CI too).
/// </summary>
public partial class SamplesInDocsTest
{
    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    private static string Section(string markdown, string heading)
    {
        int start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no heading '{heading}'");
        int next = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return next < 0 ? markdown[start..] : markdown[start..next];
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    [Fact]
    public void ReadmeQuickStart_IsTheSampleCiRuns()
    {
        var block = CSharpBlock().Match(Section(DocsFiles.Read("repository/README.md"), "## Quick start")).Groups[1].Value;
        var sample = Lines(DocsFiles.Read("repository/QuickStart.cs.txt")).SkipWhile(l => l.StartsWith("//", StringComparison.Ordinal));

        Assert.Equal(sample, Lines(block));
    }

    [Fact]
    public void EmbeddingSessionBlock_IsTheBeginningOfTheYearSample()
    {
        var block = Lines(CSharpBlock().Match(Section(DocsFiles.Read("embedding.md"), "## 6. In memory")).Groups[1].Value);
        var year = Lines(DocsFiles.Read("repository/Year.cs.txt")).Select(l => l.StartsWith("        ", StringComparison.Ordinal) ? l[8..] : l).ToList();

        int first = year.IndexOf(block[0]);
        Assert.True(first >= 0, $"Year.cs has no line '{block[0]}'");
        Assert.Equal(block, year.Skip(first).Take(block.Length));
    }
}
