using System.Net;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;

namespace Pimex.Cli.Reports;

/// <summary>
/// A report as one self-contained HTML file: the library's text tables as HTML tables, and
/// charts drawn as inline SVG. No script, no stylesheet, font or image from elsewhere: it shows
/// the same offline. The first screen (a laptop's 1366×768 as a phone's 390×844) shows the
/// report's key figures and its first chart; the other charts follow, then the tables. Each
/// chart carries its figures in a table (<c>data-value</c> in JSON number form) so that a reader
/// without the chart, and a test, read the same values. Numbers and amounts in tables are
/// right-aligned and never wrap.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; margin: 0 auto; padding: 1em; max-width: 64em; color: #222; }
        h1 { font-size: 1.5em; margin: 0.2em 0; } h2 { font-size: 1.2em; margin: 1.4em 0 0.4em; border-bottom: 1px solid #ccc; }
        header p { margin: 0.2em 0; color: #444; }
        dl.key-figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(9em, 1fr)); gap: 0.5em 1em; margin: 0.6em 0 0.8em; }
        dl.key-figures div { border-left: 3px solid #1f5f8b; padding: 0 0.6em; }
        dl.key-figures dt { font-size: 0.8em; color: #444; }
        dl.key-figures dd { margin: 0; font-size: 1.15em; font-weight: bold; white-space: nowrap; font-variant-numeric: tabular-nums; }
        dl.key-figures dd small { display: block; white-space: normal; font-size: 0.65em; font-weight: normal; color: #444; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
        th, td { border-bottom: 1px solid #e4e4e4; padding: 0.2em 0.8em 0.2em 0; text-align: left; vertical-align: top; }
        th.number, td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        p.note { font-size: 0.85em; color: #555; max-width: 60em; }
        figure { margin: 0.6em 0 1.2em; } figure svg { display: block; max-width: 100%; height: auto; }
        figure table.chart-data { font-size: 0.8em; color: #444; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        details summary { cursor: pointer; font-size: 0.85em; color: #555; }
        """;

    /// <summary>The edition report: its key figures and charts first, then its tables and the per-company table.</summary>
    public static string Edition(EditionReport report, CompanyTable companies, ReportLanguage l)
    {
        var text = report.ToText(l).Replace("\r\n", "\n", StringComparison.Ordinal);
        var html = Start(l, l.Format("edition.title", report.Edition));
        int head = Head(html, text);

        var total = report.Budget.Total;
        var p = report.Participants;
        var q = report.Satisfaction;
        html.Append("<section aria-labelledby=\"glance\">\n<h2 id=\"glance\">").Append(Encode(l.Term("glance.title"))).Append("</h2>\n<dl class=\"key-figures\">\n");
        KeyFigure(html, l.Term("glance.budget"), l.Money(total.Allocated));
        KeyFigure(html, l.Term("glance.spent"), l.Money(total.Spent), l.Format("glance.executed", NoBreak(l.Percent(total.ExecutionRate))));
        if (report.InEuros is { } euros)
        {
            KeyFigure(html, l.Term("glance.spentInEuros"), l.Money(euros.Total));
        }

        KeyFigure(html, l.Term("glance.admitted"), l.Number(p.Admitted));
        KeyFigure(html, l.Term("glance.completed"), l.Number(p.Completed), l.Format("glance.completionRate", NoBreak(l.Percent(p.CompletionRate))));
        KeyFigure(html, l.Term("glance.granted"), l.Money(report.Support.Total));
        KeyFigure(html, l.Format("glance.satisfaction", l.Number(q.ScaleMin), l.Number(q.ScaleMax)), l.Number(q.Mean));
        html.Append("</dl>\n");

        var budget = new List<ChartPoint>();
        foreach (var line in report.Budget.Lines)
        {
            var name = l.Term("line." + Name(line.Line));
            budget.Add(new ChartPoint(name, l.Term("budget.allocated"), line.Allocated.Amount, l.Money(line.Allocated)));
            budget.Add(new ChartPoint(name, l.Term("budget.reserved"), line.Reserved.Amount, l.Money(line.Reserved)));
            budget.Add(new ChartPoint(name, l.Term("budget.spent"), line.Spent.Amount, l.Money(line.Spent)));
            budget.Add(new ChartPoint(name, l.Term("budget.available"), line.Available.Amount, l.Money(line.Available)));
        }

        Figure(html, "budget", l.Term("chart.budget"), budget, Charts.Bars(l.Term("chart.budget"), budget, l, height: 340), l);

        int trained = companies.Rows.Count(r => r.Trained);
        var funnel = new List<ChartPoint>
        {
            new(l.Term("chart.funnel.admitted"), l.Term("chart.funnel.series"), report.Participants.Admitted, l.Number(report.Participants.Admitted)),
            new(l.Term("chart.funnel.trained"), l.Term("chart.funnel.series"), trained, l.Number(trained)),
            new(l.Term("chart.funnel.swot"), l.Term("chart.funnel.series"), report.Deliverables.SwotAccepted, l.Number(report.Deliverables.SwotAccepted)),
            new(l.Term("chart.funnel.roadmap"), l.Term("chart.funnel.series"), report.Deliverables.RoadmapAccepted, l.Number(report.Deliverables.RoadmapAccepted)),
            new(l.Term("chart.funnel.completed"), l.Term("chart.funnel.series"), report.Participants.Completed, l.Number(report.Participants.Completed)),
        };
        funnel.Reverse();
        Figure(html, "funnel", l.Term("chart.funnel"), funnel, Charts.Bars(l.Term("chart.funnel"), funnel, l, horizontal: true, height: 300), l);

        var scores = q.Distribution.Select(s => new ChartPoint(l.Number(s.Score), l.Term("chart.satisfaction.series"), s.Count, l.Number(s.Count))).ToList();
        Figure(html, "satisfaction", l.Term("chart.satisfaction"), scores, Charts.Bars(l.Term("chart.satisfaction"), scores, l, height: 320), l);

        var support = companies.Rows.Select(r => new ChartPoint(r.Name ?? r.Participant.Company.Value, l.Term("chart.support.series"), r.Granted.Amount, l.Money(r.Granted))).ToList();
        var cap = report.Support.CapPerCompany;
        Figure(html, "support", l.Term("chart.support"), support, Charts.Bars(l.Term("chart.support"), support, l, horizontal: true, line: (cap.Amount, l.Term("support.cap") + " " + l.Money(cap)), height: 320), l, cap.Amount);
        html.Append("</section>\n");

        Sections(html, text[head..], "report");
        Sections(html, companies.ToText(l), "companies", title: l.Term("companies.title"));
        return End(html);
    }

    /// <summary>The programme report: its key figures and its chart of participants per edition first, then its table.</summary>
    public static string Programme(ProgrammeReport report, ReportLanguage l)
    {
        var text = report.ToText(l).Replace("\r\n", "\n", StringComparison.Ordinal);
        var html = Start(l, l.Format("programme.title", report.RulebookId ?? l.Term("programme.none")));
        int head = Head(html, text);
        var points = new List<ChartPoint>();
        foreach (var y in report.Years)
        {
            var year = y.Year.ToString(CultureInfo.InvariantCulture);
            points.Add(new ChartPoint(year, l.Term("programme.participants"), y.Participants, l.Number(y.Participants)));
            points.Add(new ChartPoint(year, l.Term("programme.completed"), y.Completed, l.Number(y.Completed)));
        }

        html.Append("<section aria-labelledby=\"glance\">\n<h2 id=\"glance\">").Append(Encode(l.Term("glance.title"))).Append("</h2>\n<dl class=\"key-figures\">\n");
        KeyFigure(html, l.Term("glance.programmeTotal"), l.Number(report.TotalParticipants));
        KeyFigure(html, l.Term("glance.editions"), l.Number(report.Years.Count));
        if (report.Years.Count > 0)
        {
            var last = report.Years[^1];
            KeyFigure(html, l.Format("glance.year", last.Year.ToString(CultureInfo.InvariantCulture)), l.Number(last.Participants), l.Format("glance.completionRate", NoBreak(l.Percent(last.CompletionRate))));
        }

        html.Append("</dl>\n");
        Figure(html, "programme", l.Term("chart.programme"), points, Charts.Bars(l.Term("chart.programme"), points, l, height: 340), l);
        html.Append("</section>\n");
        Sections(html, text[head..], "programme", title: l.Term("chart.programme"));
        return End(html);
    }

    private static StringBuilder Start(ReportLanguage l, string title) =>
        new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(l.Code).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");

    private static string End(StringBuilder html) => html.Append("</main>\n</body>\n</html>\n").ToString();

    /// <summary>
    /// Writes the report's first block (its title and subtitles) as the page's header; returns
    /// where the rest of the text starts.
    /// </summary>
    private static int Head(StringBuilder html, string text)
    {
        int end = text.IndexOf("\n\n", StringComparison.Ordinal);
        end = end < 0 ? text.Length : end;
        var lines = text[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        html.Append("<header>\n");
        for (int i = 0; i < lines.Length; i++)
        {
            html.Append(i == 0 ? "<h1>" : "<p>").Append(Encode(lines[i])).Append(i == 0 ? "</h1>\n" : "</p>\n");
        }

        html.Append("</header>\n<main>\n");
        return end;
    }

    private static void KeyFigure(StringBuilder html, string label, string value, string? detail = null)
    {
        html.Append("<div><dt>").Append(Encode(label)).Append("</dt><dd>").Append(Encode(NoBreak(value)));
        if (detail is not null)
        {
            html.Append(" <small>").Append(Encode(detail)).Append("</small>");
        }

        html.Append("</dd></div>\n");
    }

    /// <summary>
    /// Turns the library's plain-text report into HTML: each section is a title (a heading, or
    /// <paramref name="title"/> for a text without one), a table (its column widths read from the
    /// dashes under the header) and perhaps a note; lines outside a table are paragraphs. A column
    /// whose cells are all numbers or amounts is right-aligned, header included.
    /// </summary>
    private static void Sections(StringBuilder html, string text, string id, string? title = null)
    {
        var blocks = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        int tables = 0;
        foreach (var block in blocks)
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            int dashes = Array.FindIndex(lines, IsRule);
            if (dashes < 1)
            {
                foreach (var line in lines)
                {
                    html.Append("<p>").Append(Encode(line)).Append("</p>\n");
                }

                continue;
            }

            var heading = title ?? (dashes >= 2 ? lines[dashes - 2] : null);
            var headingId = id + "-" + (++tables).ToString(CultureInfo.InvariantCulture);
            if (heading is not null)
            {
                html.Append("<h2 id=\"").Append(headingId).Append("\">").Append(Encode(heading)).Append("</h2>\n");
            }

            var columns = Columns(lines[dashes]);
            int end = lines.Length;
            string? note = null;
            if (end - 1 > dashes && lines[end - 1].Length > lines[dashes].Length)
            {
                note = lines[end - 1];
                end--;
            }

            var rows = lines[(dashes + 1)..end].Select(line => Cells(line, columns).ToList()).ToList();
            var numeric = Enumerable.Range(0, columns.Count)
                .Select(c => rows.Any(r => IsNumber(r[c])) && rows.All(r => r[c].Length == 0 || r[c] == "-" || IsNumber(r[c])))
                .ToList();
            html.Append("<div class=\"table\"");
            if (heading is not null)
            {
                html.Append(" role=\"region\" tabindex=\"0\" aria-labelledby=\"").Append(headingId).Append('"');
            }

            html.Append(">\n<table>\n");
            if (heading is not null)
            {
                html.Append("<caption class=\"visually-hidden\">").Append(Encode(heading)).Append("</caption>\n");
            }

            html.Append("<thead><tr>");
            int column = 0;
            foreach (var cell in Cells(lines[dashes - 1], columns))
            {
                html.Append(numeric[column++] ? "<th scope=\"col\" class=\"number\">" : "<th scope=\"col\">").Append(Encode(cell)).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                html.Append("<tr>");
                for (int c = 0; c < row.Count; c++)
                {
                    html.Append(numeric[c] ? "<td class=\"number\">" : "<td>").Append(Encode(numeric[c] ? NoBreak(row[c]) : row[c])).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n</div>\n");
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

    /// <summary>
    /// A number, a percentage, an amount (<c>€88,280.00</c>, <c>88.280,00 €</c>, <c>EUR 88,280.00</c>,
    /// <c>-PLN 12.00</c>) or a count such as <c>3 of 3</c>: it starts with a digit, or with a sign,
    /// a currency symbol or an ISO currency code before one.
    /// </summary>
    internal static bool IsNumber(string cell)
    {
        int i = cell.StartsWith('-') ? 1 : 0;
        if (i < cell.Length && char.GetUnicodeCategory(cell[i]) == UnicodeCategory.CurrencySymbol)
        {
            i++;
        }
        else if (i + 3 < cell.Length && cell[i..(i + 3)].All(char.IsAsciiLetterUpper) && cell[i + 3] is ' ' or '\u00a0')
        {
            i += 4;
        }

        if (i < cell.Length && cell[i] == '-')
        {
            i++;
        }

        return i < cell.Length && char.IsAsciiDigit(cell[i]);
    }

    /// <summary>The text with its spaces made no-break spaces: an amount stays on one line (<c>88.280,00 €</c>), as CLDR writes it.</summary>
    private static string NoBreak(string text) => text.Replace(' ', '\u00a0');

    private static void Figure(StringBuilder html, string id, string title, IReadOnlyList<ChartPoint> points, string svg, ReportLanguage l, decimal? cap = null)
    {
        html.Append("<figure class=\"chart\" id=\"chart-").Append(id).Append("\" data-chart=\"").Append(id).Append('"');
        if (cap is { } c)
        {
            html.Append(" data-cap=\"").Append(c.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        // The drawing is an image named by its own SVG title; the table under it gives its figures as text.
        html.Append(">\n").Append(svg.StartsWith("<svg", StringComparison.Ordinal) ? "<svg role=\"img\"" + svg[4..] : svg).Append('\n')
            .Append("<figcaption><details><summary>").Append(Encode(title)).Append("</summary>\n<table class=\"chart-data\">\n");
        foreach (var p in points)
        {
            html.Append("<tr data-category=\"").Append(Encode(p.Category)).Append("\" data-series=\"").Append(Encode(p.Series))
                .Append("\" data-value=\"").Append(p.Value.ToString(CultureInfo.InvariantCulture)).Append("\"><td>")
                .Append(Encode(p.Category)).Append("</td><td>").Append(Encode(p.Series)).Append("</td><td class=\"number\">")
                .Append(Encode(NoBreak(p.Label.Length > 0 ? p.Label : l.Number(p.Value)))).Append("</td></tr>\n");
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
