using System.Reflection;
using NodaTime;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>docs/rulebook-format.md stays true to the code: every parameter, every error code, the sample report.</summary>
public class RulebookFormatDocTest
{
    private static readonly string Doc = DocsFiles.Read("rulebook-format.md");

    public static TheoryData<string> ParameterNames => [.. Parameters.All.Select(p => p.Name)];

    public static TheoryData<string, string> ErrorCodes
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var constant in typeof(RulebookErrors).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                data.Add(constant.Name, (string)constant.GetValue(null)!);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ParameterNames))]
    public void Doc_WhenListingParameters_HasARowForEach(string name)
    {
        Assert.Contains($"| `{name}` |", Doc, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public void Doc_WhenListingErrorCodes_HasARowForEach(string constant, string code)
    {
        Assert.Contains($"| `{code}` | `{constant}` |", Doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_WhenShowingTheMariborReport_ShowsWhatRenderProduces()
    {
        var maribor = Rulebook.Load(DocsFiles.Read("rulebooks/maribor.json"), Rulebook.Extremadura).Value;

        var report = Rulebook.Extremadura.Diff(maribor, new LocalDate(2026, 6, 1)).Render();

        Assert.Contains("```text\n" + report + "```", Doc, StringComparison.Ordinal);
    }
}
