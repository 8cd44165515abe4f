using Microsoft.AspNetCore.Mvc;
using Pimex.Cli.Reports;
using Pimex.Editions;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>
/// The edition at a glance: the budget per line as a chart (drawn by the pimex tool's own chart
/// code, inline SVG laid out from its texts, the same as <c>pimex report --html</c>) with its figures in a
/// table, the completion funnel, satisfaction, promotion support and the ERDF indicators.
/// </summary>
public sealed class GlanceModel : OfficePage
{
    public EditionData? Data { get; private set; }

    public string BudgetSvg { get; private set; } = string.Empty;

    public string FunnelSvg { get; private set; } = string.Empty;

    public IReadOnlyList<(string Key, int Count)> Funnel { get; private set; } = [];

    public static string LineName(PageText text, BudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = line.ToString();
        return text["line." + char.ToLowerInvariant(name[0]) + name[1..]];
    }

    public async Task<IActionResult> OnGetAsync(string region, int year)
    {
        Year = year;
        if (Resolve(region) is { } caller)
        {
            Data = await EditionData.LoadAsync(HttpContext, caller, year);
            if (Data is null)
            {
                NoEdition(region, year);
                return Show();
            }

            Title = Text.Format("glance.title", year);
            Draw(Data);
        }

        return Show();
    }

    private void Draw(EditionData data)
    {
        var l = Text.Language;
        var report = data.Report;
        var budget = new List<ChartPoint>();
        foreach (var line in report.Budget.Lines)
        {
            var name = LineName(Text, line.Line);
            budget.Add(new ChartPoint(name, Text["budget.allocated"], line.Allocated.Amount, l.Money(line.Allocated)));
            budget.Add(new ChartPoint(name, Text["budget.reserved"], line.Reserved.Amount, l.Money(line.Reserved)));
            budget.Add(new ChartPoint(name, Text["budget.spent"], line.Spent.Amount, l.Money(line.Spent)));
            budget.Add(new ChartPoint(name, Text["budget.available"], line.Available.Amount, l.Money(line.Available)));
        }

        BudgetSvg = Accessible(Charts.Bars(Text["chart.budget"], budget, l, height: 340), "budget-title");
        Funnel =
        [
            ("admitted", report.Participants.Admitted),
            ("trained", data.Table.Rows.Count(r => r.Trained)),
            ("swot", report.Deliverables.SwotAccepted),
            ("roadmap", report.Deliverables.RoadmapAccepted),
            ("completed", report.Participants.Completed),
        ];
        var funnel = Funnel.Select(f => new ChartPoint(Text["chart.funnel." + f.Key], "funnel", f.Count, l.Number(f.Count))).Reverse().ToList();
        FunnelSvg = Accessible(Charts.Bars(Text["chart.funnel"], funnel, l, horizontal: true, width: 560, height: 280), "funnel-title");
    }

    /// <summary>The chart as an image named by its heading; its figures are in the table beside it.</summary>
    private static string Accessible(string svg, string labelledBy) =>
        svg.StartsWith("<svg", StringComparison.Ordinal) ? "<svg role=\"img\" aria-labelledby=\"" + labelledBy + "\"" + svg[4..] : svg;
}
