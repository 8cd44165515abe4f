using System.Text;

namespace Pimex.Common;

/// <summary>Renders rows of cells as a plain-text table with aligned columns.</summary>
public static class TextTable
{
    /// <summary>Renders a table whose first row is the header.</summary>
    /// <param name="rows">The rows; the first is the header.</param>
    /// <returns>The table, lines ending with a newline.</returns>
    public static string Render(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        int columns = rows.Max(r => r.Count);
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            for (int i = 0; i < columns; i++)
            {
                var cell = i < row.Count ? row[i] : string.Empty;
                text.Append(i == columns - 1 ? cell : cell.PadRight(widths[i] + 2));
            }

            text.Append('\n');
            if (r == 0)
            {
                text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
            }
        }

        return text.ToString();
    }
}
