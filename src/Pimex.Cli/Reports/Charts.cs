using ScottPlot;

namespace Pimex.Cli.Reports;

/// <summary>One value of a chart: its category (a bar's place), its series (its colour) and its value.</summary>
internal sealed record ChartPoint(string Category, string Series, decimal Value, string Label);

/// <summary>
/// The report's charts, drawn by ScottPlot as SVG: bars with their values written on them, axis
/// numbers in the report's language.
/// </summary>
internal static class Charts
{
    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f5f8b"), Color.FromHex("#f28e2b"), Color.FromHex("#59a14f"), Color.FromHex("#bab0ac"), Color.FromHex("#e15759"),
    ];

    /// <summary>Vertical bars, grouped by category, one colour per series; an optional dashed line (a cap).</summary>
    public static string Bars(string title, IReadOnlyList<ChartPoint> points, ReportLanguage language, bool horizontal = false, (decimal Value, string Label)? line = null, int width = 760, int height = 380)
    {
        var categories = points.Select(p => p.Category).Distinct().ToList();
        var series = points.Select(p => p.Series).Distinct().ToList();
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title, size: 15);
        var bars = new List<Bar>();
        double groupWidth = 0.8;
        double barWidth = groupWidth / series.Count;
        foreach (var p in points)
        {
            int c = categories.IndexOf(p.Category);
            int s = series.IndexOf(p.Series);
            bars.Add(new Bar
            {
                Position = c - (groupWidth / 2) + (barWidth * (s + 0.5)),
                Value = (double)p.Value,
                Size = barWidth * 0.92,
                FillColor = Palette[s % Palette.Length],
                LineWidth = 0,
                Label = p.Label,
            });
        }

        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = horizontal;
        plotted.ValueLabelStyle.FontSize = series.Count > 2 || categories.Count > 12 ? 9 : 11;
        var ticks = categories.Select((c, i) => new Tick(i, c)).ToArray();
        var numbers = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => language.Number((decimal)Math.Round(v, 2)) };
        if (horizontal)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            plot.Axes.Bottom.TickGenerator = numbers;
            plot.Axes.Margins(left: 0, right: 0.2, bottom: 0.05, top: 0.05);
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            plot.Axes.Left.TickGenerator = numbers;
            plot.Axes.Margins(bottom: 0, top: 0.2);
            if (categories.Count > 12)
            {
                plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            }
        }

        if (line is { } cap)
        {
            var rule = horizontal ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine((double)cap.Value) : plot.Add.HorizontalLine((double)cap.Value);
            rule.LinePattern = LinePattern.Dashed;
            rule.Color = Color.FromHex("#e15759");
            rule.LegendText = cap.Label;
        }

        if (series.Count > 1 || line is not null)
        {
            foreach (var (name, i) in series.Select((n, i) => (n, i)).Where(_ => series.Count > 1))
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = Palette[i % Palette.Length] });
            }

            plot.ShowLegend(Alignment.UpperRight);
        }

        var svg = plot.GetSvgXml(width, height);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
