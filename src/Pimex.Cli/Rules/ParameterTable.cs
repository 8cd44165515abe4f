using NodaTime.Text;

namespace Pimex.Cli.Rules;

/// <summary>
/// The rulebook format's parameter table (Markdown), written from the catalogue: every
/// parameter of <see cref="Parameters.All"/>, in catalogue order, with its value form, its
/// meaning and its dated values in a rulebook (the embedded Extremadura one for the format's
/// page). What <c>pimex rules doc</c> prints; docs/rulebook-format.md holds it between
/// <see cref="Start"/> and <see cref="End"/>, and a test keeps the two equal.
/// </summary>
internal static class ParameterTable
{
    /// <summary>The comment that opens the generated region of a Markdown page.</summary>
    public const string Start = "<!-- generated: pimex rules doc -->";

    /// <summary>The comment that closes it.</summary>
    public const string End = "<!-- end generated -->";

    /// <summary>The table, one row per parameter.</summary>
    /// <param name="rulebook">The rulebook whose values fill the last column.</param>
    /// <returns>The Markdown table, each line ending with a line break.</returns>
    public static string Markdown(Rulebook rulebook)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"| parameter | form | meaning | {rulebook.Id} |\n|---|---|---|---|\n");
        foreach (var p in Parameters.All)
        {
            var values = p.Entries(rulebook, brief: true).Select(e =>
                $"{e.Value} from {LocalDatePattern.Iso.Format(e.From)}{(e.IsDefault ? " (default)" : string.Empty)}");
            md.Append(CultureInfo.InvariantCulture, $"| `{p.Name}` | {p.Form.Name} | {Cell(p.Description)} | {Cell(string.Join("; ", values))} |\n");
        }

        return md.ToString();
    }

    /// <summary>A page with its generated region replaced by <paramref name="generated"/>.</summary>
    /// <param name="page">The page's text.</param>
    /// <param name="generated">The region's new text.</param>
    /// <returns>The new page, or null when the page has no region.</returns>
    public static string? Replace(string page, string generated)
    {
        int start = page.IndexOf(Start, StringComparison.Ordinal);
        int end = page.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return null;
        }

        var from = start + Start.Length;
        return page[..from] + "\n" + generated + page[end..];
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
