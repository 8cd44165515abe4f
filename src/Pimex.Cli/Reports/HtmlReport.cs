using System.Net;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;

namespace Pimex.Cli.Reports;

/// <summary>
/// A report as one self-contained HTML file: the library's text tables as HTML tables, and
/// charts drawn as inline SVG. No script, no stylesheet, font or image from elsewhere: it shows
/// the same offline. Each chart carries its figures in a table (<c>data-value</c> in JSON
/// number form) so that a reader without the chart, and a test, read the same values.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 64em; color: #222; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
        th, td { border-bottom: 1px solid #e4e4e4; padding: 0.2em 0.8em 0.2em 0; text-align: left; vertical-align: top; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        p.note { font-size: 0.85em; color: #555; max-width: 60em; }
        figure { margin: 1.5em 0; } figure svg { max-width: 100%; height: auto; }
        figure table.chart-data { font-size: 0.8em; color: #444; }
        details summary { cursor: pointer; font-size: 0.85em; color: #555; }
        """;

    /// <summary>The edition report with its per-company table and charts.</summary>
    public static string Edition(EditionReport report, CompanyTable companies, ReportLanguage l)
    {
        var html = Start(l, l.Format("edition.title", report.Edition));
        Sections(html, report.ToText(l));
        html.Append("<h2>").Append(Encode(l.Term("chart.budget"))).Append("</h2>\n");
        var budget = new List<ChartPoint>();
        foreach (var line in report.Budget.Lines)
        {
            var name = l.Term("line." + Name(line.Line));
            budget.Add(new ChartPoint(name, l.Term("budget.allocated"), line.Allocated.Amount, l.Money(line.Allocated)));
            budget.Add(new ChartPoint(name, l.Term("budget.reserved"), line.Reserved.Amount, l.Money(line.Reserved)));
            budget.Add(new ChartPoint(name, l.Term("budget.spent"), line.Spent.Amount, l.Money(line.Spent)));
            budget.Add(new ChartPoint(name, l.Term("budget.available"), line.Available.Amount, l.Money(line.Available)));
        }

        Figure(html, "budget", l.Term("chart.budget"), budget, Charts.Bars(l.Term("chart.budget"), budget, l), l);

        int trained = companies.Rows.Count(r => r.Trained);
        var funnel = new List<ChartPoint>
        {
            new(l.Term("chart.funnel.admitted"), "funnel", report.Participants.Admitted, l.Number(report.Participants.Admitted)),
            new(l.Term("chart.funnel.trained"), "funnel", trained, l.Number(trained)),
            new(l.Term("chart.funnel.swot"), "funnel", report.Deliverables.SwotAccepted, l.Number(report.Deliverables.SwotAccepted)),
            new(l.Term("chart.funnel.roadmap"), "funnel", report.Deliverables.RoadmapAccepted, l.Number(report.Deliverables.RoadmapAccepted)),
            new(l.Term("chart.funnel.completed"), "funnel", report.Participants.Completed, l.Number(report.Participants.Completed)),
        };
        funnel.Reverse();
        Figure(html, "funnel", l.Term("chart.funnel"), funnel, Charts.Bars(l.Term("chart.funnel"), funnel, l, horizontal: true, height: 300), l);

        var q = report.Satisfaction;
        var scores = q.Distribution.Select(s => new ChartPoint(l.Number(s.Score), "answers", s.Count, l.Number(s.Count))).ToList();
        Figure(html, "satisfaction", l.Term("chart.satisfaction"), scores, Charts.Bars(l.Term("chart.satisfaction"), scores, l, height: 320), l);

        var support = companies.Rows.Select(r => new ChartPoint(r.Name ?? r.Participant.Company.Value, "granted", r.Granted.Amount, l.Money(r.Granted))).ToList();
        var cap = report.Support.CapPerCompany;
        Figure(html, "support", l.Term("chart.support"), support, Charts.Bars(l.Term("chart.support"), support, l, horizontal: true, line: (cap.Amount, l.Term("support.cap") + " " + l.Money(cap)), height: Math.Max(320, 60 + (18 * support.Count))), l, cap.Amount);

        html.Append("<h2>").Append(Encode(l.Term("companies.title"))).Append("</h2>\n");
        Sections(html, companies.ToText(l), skipTitle: true);
        return End(html);
    }

    /// <summary>The programme report with a chart of participants per edition.</summary>
    public static string Programme(ProgrammeReport report, ReportLanguage l)
    {
        var html = Start(l, l.Format("programme.title", report.RulebookId ?? l.Term("programme.none")));
        var points = new List<ChartPoint>();
        foreach (var y in report.Years)
        {
            var year = y.Year.ToString(CultureInfo.InvariantCulture);
            points.Add(new ChartPoint(year, l.Term("programme.participants"), y.Participants, l.Number(y.Participants)));
            points.Add(new ChartPoint(year, l.Term("programme.completed"), y.Completed, l.Number(y.Completed)));
        }

        Sections(html, report.ToText(l));
        Figure(html, "programme", l.Term("chart.programme"), points, Charts.Bars(l.Term("chart.programme"), points, l), l);
        return End(html);
    }

    private static StringBuilder Start(ReportLanguage l, string title) =>
        new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(l.Code).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");

    private static string End(StringBuilder html) => html.Append("</body>\n</html>\n").ToString();

    /// <summary>
    /// Turns the library's plain-text report into HTML: its first lines are the title and
    /// subtitles, then each section is a title, a table (its column widths read from the dashes
    /// under the header) and perhaps a note.
    /// </summary>
    private static void Sections(StringBuilder html, string text, bool skipTitle = false)
    {
        var blocks = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        for (int b = 0; b < blocks.Length; b++)
        {
            var lines = blocks[b].Split('\n', StringSplitOptions.RemoveEmptyEntries);
            int dashes = Array.FindIndex(lines, IsRule);
            if (dashes < 1)
            {
                for (int i = 0; i < lines.Length; i++)
                {
                    html.Append(b == 0 && i == 0 && !skipTitle ? "<h1>" : "<p>").Append(Encode(lines[i])).Append(b == 0 && i == 0 && !skipTitle ? "</h1>\n" : "</p>\n");
                }

                continue;
            }

            if (dashes >= 2 && !skipTitle)
            {
                html.Append("<h2>").Append(Encode(lines[dashes - 2])).Append("</h2>\n");
            }

            var columns = Columns(lines[dashes]);
            html.Append("<table>\n<tr>");
            foreach (var cell in Cells(lines[dashes - 1], columns))
            {
                html.Append("<th>").Append(Encode(cell)).Append("</th>");
            }

            html.Append("</tr>\n");
            int end = lines.Length;
            string? note = null;
            if (end - 1 > dashes && lines[end - 1].Length > lines[dashes].Length)
            {
                note = lines[end - 1];
                end--;
            }

            for (int i = dashes + 1; i < end; i++)
            {
                html.Append("<tr>");
                foreach (var cell in Cells(lines[i], columns))
                {
                    html.Append(IsNumber(cell) ? "<td class=\"number\">" : "<td>").Append(Encode(cell)).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</table>\n");
            if (note is not null)
            {
                html.Append("<p class=\"note\">").Append(Encode(note)).Append("</p>\n");
            }
        }
    }

    private static bool IsRule(string line) => line.Length > 0 && line.All(c => c is '-' or ' ') && line.Contains('-', StringComparison.Ordinal);

    private static List<(int Start, int Length)> Columns(string rule)
    {
        var columns = new List<(int, int)>();
        int i = 0;
        while (i < rule.Length)
        {
            if (rule[i] == '-')
            {
                int start = i;
                while (i < rule.Length && rule[i] == '-')
                {
                    i++;
                }

                columns.Add((start, i - start));
            }
            else
            {
                i++;
            }
        }

        return columns;
    }

    private static IEnumerable<string> Cells(string line, List<(int Start, int Length)> columns)
    {
        for (int c = 0; c < columns.Count; c++)
        {
            int start = columns[c].Start;
            int end = c + 1 < columns.Count ? columns[c + 1].Start : line.Length;
            yield return start >= line.Length ? string.Empty : line[start..Math.Min(end, line.Length)].Trim();
        }
    }

    private static bool IsNumber(string cell) => cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] is '€' or '£' or '-') && cell.Any(char.IsDigit);

    private static void Figure(StringBuilder html, string id, string title, IReadOnlyList<ChartPoint> points, string svg, ReportLanguage l, decimal? cap = null)
    {
        html.Append("<figure class=\"chart\" id=\"chart-").Append(id).Append("\" data-chart=\"").Append(id).Append('"');
        if (cap is { } c)
        {
            html.Append(" data-cap=\"").Append(c.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        html.Append(">\n").Append(svg).Append('\n')
            .Append("<figcaption><details><summary>").Append(Encode(title)).Append("</summary>\n<table class=\"chart-data\">\n");
        foreach (var p in points)
        {
            html.Append("<tr data-category=\"").Append(Encode(p.Category)).Append("\" data-series=\"").Append(Encode(p.Series))
                .Append("\" data-value=\"").Append(p.Value.ToString(CultureInfo.InvariantCulture)).Append("\"><td>")
                .Append(Encode(p.Category)).Append("</td><td>").Append(Encode(p.Series)).Append("</td><td class=\"number\">")
                .Append(Encode(p.Label.Length > 0 ? p.Label : l.Number(p.Value))).Append("</td></tr>\n");
        }

        html.Append("</table>\n</details></figcaption>\n</figure>\n");
    }

    private static string Name(BudgetLine line)
    {
        var name = line.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
