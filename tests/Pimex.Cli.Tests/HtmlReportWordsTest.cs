using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>
/// The HTML report's chart tables name their series in the report's language: the words are
/// the language file's, never the code's identifiers (<c>funnel</c>, <c>answers</c>, <c>granted</c>).
/// </summary>
public sealed class HtmlReportWordsTest
{
    [Theory]
    [InlineData("es", "empresas", "respuestas", "concedido")]
    [InlineData("sl", "podjetja", "odgovori", "odobreno")]
    [InlineData("pl", "firmy", "odpowiedzi", "przyznano")]
    [InlineData("pt", "empresas", "respostas", "concedido")]
    [InlineData("en", "companies", "answers", "granted")]
    public void ChartTables_NameTheirSeriesInTheReportsLanguage(string lang, string companies, string answers, string granted)
    {
        var files = new InMemoryFiles();
        Assert.Equal(0, Tool.Run(files, "report", "--html", "report.html", "--lang", lang).ExitCode);
        var html = files.Written["report.html"];

        Assert.Contains($"data-series=\"{companies}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-series=\"{answers}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-series=\"{granted}\"", html, StringComparison.Ordinal);
        if (lang != "en")
        {
            foreach (var word in new[] { "funnel", "answers", "granted", "companies" })
            {
                Assert.DoesNotContain($"<td>{word}</td>", html, StringComparison.Ordinal);
                Assert.DoesNotContain($"data-series=\"{word}\"", html, StringComparison.Ordinal);
            }
        }
    }
}
