using System.Net;

namespace Pimex.Cli.Reports;

/// <summary>One value of a chart: its category (a bar's place), its series (its colour) and its value.</summary>
internal sealed record ChartPoint(string Category, string Series, decimal Value, string Label);

/// <summary>
/// The report's bar charts, written as SVG by hand: bars with their values written beside them,
/// axis numbers in the report's language. The layout is computed from the texts before anything
/// is drawn: every text's width is estimated with a conservative width per character (wider than
/// DejaVu Sans, the widest of the fonts named), and the margins, the axis's highest value, the
/// ticks' spacing and the labels' orientation follow, so that no two texts overlap and none
/// leaves the drawing, in any language. <see cref="Layout"/> gives the texts' boxes so that tests
/// can check that without a browser; the HTML report's tests check it in Chromium.
/// </summary>
internal static class Charts
{
    /// <summary>The font sizes, in pixels: the title, the axes' ticks, the bars' values and the legend.</summary>
    private const double TitleSize = 15, TickSize = 11, ValueSize = 10, LegendSize = 11, MinSize = 7;

    /// <summary>The smallest plot area, in pixels, and the space between a text and what it labels.</summary>
    private const double MinPlot = 120, Gap = 4, Edge = 8;

    private static readonly string[] Palette = ["#1f5f8b", "#f28e2b", "#59a14f", "#8c7f78", "#e15759"];

    /// <summary>Bars grouped by category, one colour per series; horizontal bars put the first category at the bottom; an optional dashed line (a cap).</summary>
    /// <param name="title">The chart's title, drawn at its top and given as its SVG title.</param>
    /// <param name="points">The bars.</param>
    /// <param name="language">The language of the axis numbers.</param>
    /// <param name="horizontal">Whether bars run from left to right.</param>
    /// <param name="line">A value drawn as a dashed line, with its legend text.</param>
    /// <param name="width">The drawing's width in pixels.</param>
    /// <param name="height">The drawing's least height in pixels: it grows when its labels need more room.</param>
    /// <returns>An <c>svg</c> element.</returns>
    public static string Bars(string title, IReadOnlyList<ChartPoint> points, ReportLanguage language, bool horizontal = false, (decimal Value, string Label)? line = null, int width = 760, int height = 380) =>
        Layout(title, points, language, horizontal, line, width, height).Svg();

    /// <summary>The chart's layout: its size, shapes and texts, each text with the box it is estimated to take.</summary>
    internal static ChartLayout Layout(string title, IReadOnlyList<ChartPoint> points, ReportLanguage language, bool horizontal = false, (decimal Value, string Label)? line = null, int width = 760, int height = 380)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(language);
        var chart = new ChartLayout(title, width);
        var categories = points.Select(p => p.Category).Distinct().ToList();
        var series = points.Select(p => p.Series).Distinct().ToList();

        // The title, shrunk to the width when it is longer.
        double titleSize = Math.Min(TitleSize, TitleSize * (width - (2 * Edge)) / Math.Max(1, BoldWidth(title, TitleSize)));
        chart.Text(title, width / 2.0, Edge + Ascent(titleSize), titleSize, "middle", bold: true);
        double top = Edge + LineHeight(titleSize) + Gap;

        // The legend, in rows under the title.
        var legend = series.Count > 1 ? series.Select((s, i) => (Text: s, Colour: Palette[i % Palette.Length], Dashed: false)).ToList() : [];
        if (line is { } cap)
        {
            legend.Add((cap.Label, "#e15759", true));
        }

        top = Legend(chart, legend, top, width);

        if (categories.Count == 0)
        {
            chart.Height = Math.Max(height, (int)Math.Ceiling(top + Edge));
            return chart;
        }

        if (horizontal)
        {
            HorizontalBars(chart, points, categories, series, language, line?.Value, top, height);
        }
        else
        {
            VerticalBars(chart, points, categories, series, language, line?.Value, top, height);
        }

        return chart;
    }

    private static double Legend(ChartLayout chart, List<(string Text, string Colour, bool Dashed)> items, double top, int width)
    {
        if (items.Count == 0)
        {
            return top;
        }

        double size = LegendSize, row = LineHeight(size) + Gap, x = Edge, y = top;
        foreach (var (text, colour, dashed) in items)
        {
            double swatch = dashed ? 22 : 12;
            double textSize = Math.Min(size, size * (width - (2 * Edge) - swatch - Gap) / Math.Max(1, TextWidth(text, size)));
            double itemWidth = swatch + Gap + TextWidth(text, textSize);
            if (x > Edge && x + itemWidth > width - Edge)
            {
                x = Edge;
                y += row;
            }

            double middle = y + (LineHeight(size) / 2);
            if (dashed)
            {
                chart.Shape($"<line x1=\"{F(x)}\" y1=\"{F(middle)}\" x2=\"{F(x + swatch)}\" y2=\"{F(middle)}\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            }
            else
            {
                chart.Shape($"<rect x=\"{F(x)}\" y=\"{F(middle - 6)}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>");
            }

            chart.Text(text, x + swatch + Gap, y + Ascent(textSize), textSize, "start");
            x += itemWidth + (3 * Gap);
        }

        return y + row + Gap;
    }

    private static void VerticalBars(ChartLayout chart, IReadOnlyList<ChartPoint> points, List<string> categories, List<string> series, ReportLanguage language, decimal? cap, double top, int height)
    {
        int width = chart.Width;
        double tickHeight = LineHeight(TickSize);
        top += tickHeight / 2; // the highest tick's label is centred on the plot's top edge
        double low = Math.Min(0, (double)points.Min(p => p.Value));
        double high = Math.Max((double)points.Max(p => p.Value), (double)(cap ?? 0));

        // Margins depend on the tick labels, which depend on the axis, which depends on the plot's
        // size: a few rounds settle them (each round can only widen a margin); what is drawn is
        // always what the last round computed for the margins it used.
        double left = Edge + Gap + TextWidth(language.Number(0m), TickSize), right = Edge, bottom = Edge;
        Axis axis = default;
        CategoryLabels labels = default;
        BarLabels values = default;
        double plotHeight = MinPlot;
        for (int round = 0; ; round++)
        {
            double plotWidth = Math.Max(MinPlot, width - left - right);
            double group = plotWidth / categories.Count;
            labels = CategoryLabels.Fit(categories, group, TickSize, maxOverhang: width / 4.0);
            bottom = Gap + labels.Depth + Edge;
            plotHeight = Math.Max(MinPlot, height - top - bottom);
            values = BarLabels.Fit(points, group * 0.8 / series.Count, across: false);
            double needed = Needed(points, values, plotHeight, high);
            axis = Axis.Fit(low, needed, plotHeight, language, TickSize, tickSpacing: tickHeight + Gap);

            double newLeft = Math.Max(Edge + axis.LabelWidth + Gap + 2, labels.LeftOverhang(group) + Edge);
            if (newLeft <= left + 0.5 || round == 9)
            {
                break;
            }

            left = newLeft;
        }

        double plotW = Math.Max(MinPlot, width - left - right);
        double groupW = plotW / categories.Count;
        double barW = groupW * 0.8 / series.Count;
        double plotTop = top, plotBottom = top + plotHeight;
        double Y(double v) => plotBottom - ((v - axis.Min) / (axis.Max - axis.Min) * plotHeight);

        foreach (var tick in axis.Ticks)
        {
            double y = Y(tick);
            chart.Shape($"<line x1=\"{F(left)}\" y1=\"{F(y)}\" x2=\"{F(left + plotW)}\" y2=\"{F(y)}\" stroke=\"#e6e6e6\" stroke-width=\"1\"/>");
            chart.Text(language.Number((decimal)tick), left - Gap - 2, y + Ascent(TickSize) - (LineHeight(TickSize) / 2), TickSize, "end");
        }

        chart.Shape($"<line x1=\"{F(left)}\" y1=\"{F(Y(0))}\" x2=\"{F(left + plotW)}\" y2=\"{F(Y(0))}\" stroke=\"#666\" stroke-width=\"1\"/>");
        chart.Shape($"<line x1=\"{F(left)}\" y1=\"{F(plotTop)}\" x2=\"{F(left)}\" y2=\"{F(plotBottom)}\" stroke=\"#666\" stroke-width=\"1\"/>");

        for (int c = 0; c < categories.Count; c++)
        {
            double centre = left + (groupW * (c + 0.5));
            labels.Draw(chart, categories[c], c, centre, plotBottom + Gap);
        }

        foreach (var p in points)
        {
            int c = categories.IndexOf(p.Category), s = series.IndexOf(p.Series);
            double x = left + (groupW * c) + (groupW * 0.1) + (barW * s);
            double y0 = Y(0), y1 = Y((double)p.Value);
            double barTop = Math.Min(y0, y1), barHeight = Math.Abs(y0 - y1);
            chart.Shape($"<rect x=\"{F(x + (barW * 0.04))}\" y=\"{F(barTop)}\" width=\"{F(barW * 0.92)}\" height=\"{F(barHeight)}\" fill=\"{Palette[s % Palette.Length]}\"/>");
            values.Draw(chart, p.Label, x + (barW / 2), barTop - Gap);
        }

        if (cap is { } line)
        {
            double y = Y((double)line);
            chart.Shape($"<line x1=\"{F(left)}\" y1=\"{F(y)}\" x2=\"{F(left + plotW)}\" y2=\"{F(y)}\" stroke=\"#e15759\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        }

        chart.Height = (int)Math.Ceiling(plotBottom + bottom);
    }

    private static void HorizontalBars(ChartLayout chart, IReadOnlyList<ChartPoint> points, List<string> categories, List<string> series, ReportLanguage language, decimal? cap, double top, int height)
    {
        int width = chart.Width;
        double low = Math.Min(0, (double)points.Min(p => p.Value));
        double high = Math.Max((double)points.Max(p => p.Value), (double)(cap ?? 0));

        // Rows: at least one line of category text each; the drawing grows to hold them.
        double bottom = Gap + LineHeight(TickSize) + Edge;
        double plotHeight = Math.Max(Math.Max(MinPlot, height - top - bottom), categories.Count * LineHeight(TickSize) * 1.15);
        double rowH = plotHeight / categories.Count;
        double catSize = Math.Max(MinSize, Math.Min(TickSize, rowH / 1.3));

        // Category names on the left, cut with an ellipsis past 40% of the width (the data table has them whole).
        double maxName = width * 0.4;
        var names = categories.Select(c => Shorten(c, catSize, maxName)).ToList();
        double left = Edge + names.Max(n => TextWidth(n, catSize)) + Gap + 2;
        double right = Edge;
        BarLabels values = default;
        Axis axis = default;
        for (int round = 0; ; round++)
        {
            double plotWidth = Math.Max(MinPlot, width - left - right);
            values = BarLabels.Fit(points, rowH * 0.8 / series.Count, across: true);
            double needed = Needed(points, values, plotWidth, high);
            axis = Axis.Fit(low, needed, plotWidth, language, TickSize, tickSpacing: null);
            double newRight = Math.Max(Edge, (axis.LastLabelWidth / 2) + Edge);
            if (newRight <= right + 0.5 || round == 9)
            {
                break;
            }

            right = newRight;
        }

        double plotW = Math.Max(MinPlot, width - left - right);
        double barH = rowH * 0.8 / series.Count;
        double plotTop = top, plotBottom = top + plotHeight;
        double X(double v) => left + ((v - axis.Min) / (axis.Max - axis.Min) * plotW);

        foreach (var tick in axis.Ticks)
        {
            double x = X(tick);
            chart.Shape($"<line x1=\"{F(x)}\" y1=\"{F(plotTop)}\" x2=\"{F(x)}\" y2=\"{F(plotBottom)}\" stroke=\"#e6e6e6\" stroke-width=\"1\"/>");
            chart.Text(language.Number((decimal)tick), x, plotBottom + Gap + Ascent(TickSize), TickSize, "middle");
        }

        chart.Shape($"<line x1=\"{F(X(0))}\" y1=\"{F(plotTop)}\" x2=\"{F(X(0))}\" y2=\"{F(plotBottom)}\" stroke=\"#666\" stroke-width=\"1\"/>");
        chart.Shape($"<line x1=\"{F(left)}\" y1=\"{F(plotBottom)}\" x2=\"{F(left + plotW)}\" y2=\"{F(plotBottom)}\" stroke=\"#666\" stroke-width=\"1\"/>");

        for (int c = 0; c < categories.Count; c++)
        {
            double middle = plotBottom - (rowH * (c + 0.5));
            chart.Text(names[c], left - Gap - 2, middle + Ascent(catSize) - (LineHeight(catSize) / 2), catSize, "end", full: categories[c]);
        }

        foreach (var p in points)
        {
            int c = categories.IndexOf(p.Category), s = series.IndexOf(p.Series);
            double y = plotBottom - (rowH * (c + 1)) + (rowH * 0.1) + (barH * s);
            double x0 = X(0), x1 = X((double)p.Value);
            double barLeft = Math.Min(x0, x1), barWidth = Math.Abs(x1 - x0);
            chart.Shape($"<rect x=\"{F(barLeft)}\" y=\"{F(y + (barH * 0.04))}\" width=\"{F(barWidth)}\" height=\"{F(barH * 0.92)}\" fill=\"{Palette[s % Palette.Length]}\"/>");
            values.Draw(chart, p.Label, Math.Max(x0, x1) + Gap, y + (barH / 2));
        }

        if (cap is { } line)
        {
            double x = X((double)line);
            chart.Shape($"<line x1=\"{F(x)}\" y1=\"{F(plotTop)}\" x2=\"{F(x)}\" y2=\"{F(plotBottom)}\" stroke=\"#e15759\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        }

        chart.Height = (int)Math.Ceiling(plotBottom + bottom);
    }

    /// <summary>The highest value the axis must reach so that every bar's value label fits between the bar's end and the plot's edge.</summary>
    private static double Needed(IReadOnlyList<ChartPoint> points, BarLabels labels, double length, double high)
    {
        double needed = high;
        foreach (var p in points.Where(p => p.Value > 0))
        {
            double room = length - labels.Extent(p.Label) - Gap;
            needed = Math.Max(needed, room > length / 3 ? (double)p.Value * length / room : (double)p.Value * 3);
        }

        return needed;
    }

    /// <summary>
    /// A text's width in pixels, never less than DejaVu Sans draws a Latin text (the shipped
    /// languages' script): 0.66 em for most characters (its digits and lower case take 0.64 at
    /// most), 0.42 for narrow ones, 0.8 for capitals and 1.0 for the widest.
    /// </summary>
    internal static double TextWidth(string text, double size)
    {
        double em = 0;
        foreach (var c in text)
        {
            em += c switch
            {
                ' ' or '\u00a0' or '\u202f' or '.' or ',' or ':' or ';' or '\'' or '!' or '|' or 'i' or 'j' or 'l' or 'f' or 't' or 'r' or 'I' or 'J' or '(' or ')' or '-' or '/' => 0.42,
                'm' or 'w' or 'M' or 'W' or '%' or '@' or '—' or '…' => 1.0,
                _ when char.IsUpper(c) => 0.8,
                _ => 0.66,
            };
        }

        return em * size;
    }

    /// <summary>A bold text's width: a tenth wider.</summary>
    internal static double BoldWidth(string text, double size) => TextWidth(text, size) * 1.1;

    /// <summary>The height of a line of text (its box, ascent and descent, with room for a fallback font).</summary>
    internal static double LineHeight(double size) => size * 1.3;

    /// <summary>Where the baseline sits below the top of a line's box.</summary>
    private static double Ascent(double size) => size * 1.0;

    private static string Shorten(string text, double size, double max)
    {
        if (TextWidth(text, size) <= max)
        {
            return text;
        }

        int length = text.Length;
        while (length > 1 && TextWidth(text[..length] + "…", size) > max)
        {
            length--;
        }

        return text[..length].TrimEnd() + "…";
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The value axis: its range, its ticks, and the width of its widest and last labels.</summary>
    private readonly record struct Axis(double Min, double Max, IReadOnlyList<double> Ticks, double LabelWidth, double LastLabelWidth)
    {
        /// <summary>
        /// Ticks at a round step (1, 2 or 5 times a power of ten), from the step below
        /// <paramref name="low"/> to the step above <paramref name="high"/>; the step grows until
        /// the labels keep apart: by <paramref name="tickSpacing"/> pixels on a vertical axis, by
        /// their widths on a horizontal one.
        /// </summary>
        public static Axis Fit(double low, double high, double length, ReportLanguage language, double size, double? tickSpacing)
        {
            if (high <= low)
            {
                high = low + 1;
            }

            double step = Nice((high - low) / 6);
            while (true)
            {
                double min = Math.Floor(low / step) * step, max = Math.Ceiling(high / step) * step;
                var ticks = new List<double>();
                for (double t = min; t <= max + (step / 2); t += step)
                {
                    ticks.Add(Math.Round(t, 6));
                }

                var widths = ticks.Select(t => TextWidth(language.Number((decimal)t), size)).ToList();
                double pixels = length / (ticks.Count - 1);
                bool apart = tickSpacing is { } spacing ? pixels >= spacing : pixels >= widths.Max() + (3 * Gap);
                if (apart || ticks.Count <= 2)
                {
                    return new Axis(min, max, ticks, widths.Max(), widths[^1]);
                }

                step = Nice(step * 1.01);
            }
        }

        private static double Nice(double rough)
        {
            double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            double f = rough / power;
            double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
            return Math.Max(nice * power, 1e-6);
        }
    }

    /// <summary>The category labels under vertical bars: level when they fit their group, else turned by 45 or 90 degrees.</summary>
    private readonly record struct CategoryLabels(double Size, int Angle, double Depth, IReadOnlyList<double> Widths, int Stride = 1)
    {
        /// <summary>Level labels when they fit, else turned 45 degrees unless they would reach further than <paramref name="maxOverhang"/> left of the plot, else 90.</summary>
        public static CategoryLabels Fit(List<string> categories, double group, double size, double maxOverhang)
        {
            var widths = categories.Select(c => TextWidth(c, size)).ToList();
            double widest = widths.Max();
            if (widest + Gap <= group)
            {
                return new CategoryLabels(size, 0, LineHeight(size), widths);
            }

            double line = LineHeight(size);
            var slanted = new CategoryLabels(size, 45, ((widest + line) * Math.Sqrt(0.5)) + Gap, widths);
            if (group * Math.Sqrt(0.5) >= line && slanted.LeftOverhang(group) <= maxOverhang)
            {
                // Turned 45 degrees, anchored at its end: neighbours are group·sin 45 apart.
                return slanted;
            }

            // Turned 90 degrees; when even the smallest size is thicker than a group, one label in
            // every few (the data table has them all).
            double turned = Math.Max(MinSize, Math.Min(size, group / 1.3));
            int stride = (int)Math.Ceiling(LineHeight(turned) / group);
            return new CategoryLabels(turned, 90, categories.Max(c => TextWidth(c, turned)) + Gap, widths, stride);
        }

        /// <summary>How far the labels reach left of the plot, turned by 45 degrees (a long label far from the first can reach further).</summary>
        public double LeftOverhang(double group)
        {
            if (Angle != 45)
            {
                return 0;
            }

            double line = LineHeight(Size);
            return Widths.Select((w, i) => ((w + line) * Math.Sqrt(0.5)) - (group * (i + 0.5))).Max();
        }

        public void Draw(ChartLayout chart, string text, int index, double centre, double top)
        {
            if (index % Stride != 0)
            {
                return;
            }

            switch (Angle)
            {
                case 0:
                    chart.Text(text, centre, top + Ascent(Size), Size, "middle");
                    break;
                case 45:
                    chart.Text(text, centre, top + (Size * 0.5), Size, "end", rotate: -45);
                    break;
                default:
                    chart.Text(text, centre + (Size * 0.35), top, Size, "end", rotate: -90);
                    break;
            }
        }
    }

    /// <summary>The values written at the bars' ends: level when they fit across the bar, else turned (vertical bars), smaller, or left out (the data table has them).</summary>
    private readonly record struct BarLabels(double Size, bool Turned, bool Shown, bool Across)
    {
        /// <param name="points">The bars.</param>
        /// <param name="thickness">A bar's thickness in pixels.</param>
        /// <param name="across">Whether the bars run left to right (the label follows the bar's end on the same line).</param>
        public static BarLabels Fit(IReadOnlyList<ChartPoint> points, double thickness, bool across)
        {
            double widest = points.Max(p => TextWidth(p.Label, ValueSize));
            if (across)
            {
                double size = Math.Min(ValueSize, thickness / 1.3);
                return new BarLabels(size, false, size >= MinSize, true);
            }

            if (widest + 2 <= thickness)
            {
                return new BarLabels(ValueSize, false, true, false);
            }

            double turned = Math.Min(ValueSize, thickness / 1.3);
            return new BarLabels(turned, true, turned >= MinSize, false);
        }

        /// <summary>How far a label reaches beyond its bar's end, in pixels along the bar.</summary>
        public double Extent(string label) =>
            !Shown || label.Length == 0 ? 0
            : Across || Turned ? Gap + TextWidth(label, Size)
            : Gap + LineHeight(Size);

        /// <summary>Writes a label from its bar's end (x, y): beside it for bars across, above it for bars up.</summary>
        public void Draw(ChartLayout chart, string label, double x, double y)
        {
            if (!Shown || label.Length == 0)
            {
                return;
            }

            if (Across)
            {
                chart.Text(label, x, y + Ascent(Size) - (LineHeight(Size) / 2), Size, "start");
            }
            else if (Turned)
            {
                chart.Text(label, x + (Size * 0.35), y, Size, "start", rotate: -90);
            }
            else
            {
                chart.Text(label, x, y - (LineHeight(Size) - Ascent(Size)), Size, "middle");
            }
        }
    }
}

/// <summary>A chart's drawing: its shapes in order, and its texts with the boxes they are estimated to take.</summary>
internal sealed class ChartLayout(string title, int width)
{
    private readonly List<string> shapes = [];
    private readonly List<ChartText> texts = [];

    /// <summary>The drawing's width in pixels.</summary>
    public int Width { get; } = width;

    /// <summary>The drawing's height in pixels.</summary>
    public int Height { get; set; }

    /// <summary>The texts, with their estimated boxes.</summary>
    public IReadOnlyList<ChartText> Texts => texts;

    /// <summary>Adds a shape (an SVG element).</summary>
    public void Shape(string element) => shapes.Add(element);

    /// <summary>Adds a text at its anchor point (x, baseline y), turned by <paramref name="rotate"/> degrees about that point.</summary>
    public void Text(string text, double x, double y, double size, string anchor, double rotate = 0, bool bold = false, string? full = null) =>
        texts.Add(new ChartText(text, x, y, size, anchor, rotate, bold, full));

    /// <summary>The SVG element.</summary>
    public string Svg()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#fff\"/>\n");
        foreach (var shape in shapes)
        {
            svg.Append(shape).Append('\n');
        }

        foreach (var t in texts)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(t.X)}\" y=\"{F(t.Y)}\" font-size=\"{F(t.Size)}\" text-anchor=\"{t.Anchor}\" fill=\"#222\"");
            if (t.Bold)
            {
                svg.Append(" font-weight=\"bold\"");
            }

            if (t.Rotate != 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $" transform=\"rotate({F(t.Rotate)} {F(t.X)} {F(t.Y)})\"");
            }

            svg.Append('>');
            if (t.Full is { } full && !string.Equals(full, t.Value, StringComparison.Ordinal))
            {
                svg.Append("<title>").Append(WebUtility.HtmlEncode(full)).Append("</title>");
            }

            svg.Append(WebUtility.HtmlEncode(t.Value)).Append("</text>\n");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A text of a chart: its anchor point (x, baseline y), size, anchor and turn; the whole text when it was shortened.</summary>
internal sealed record ChartText(string Value, double X, double Y, double Size, string Anchor, double Rotate, bool Bold, string? Full)
{
    /// <summary>The four corners of the box the text is estimated to take, in the drawing's coordinates.</summary>
    public (double X, double Y)[] Corners()
    {
        double w = Bold ? Charts.BoldWidth(Value, Size) : Charts.TextWidth(Value, Size);
        double left = Anchor switch { "middle" => -w / 2, "end" => -w, _ => 0 };
        double top = -Size, bottom = Charts.LineHeight(Size) - Size;
        var local = new[] { (left, top), (left + w, top), (left + w, bottom), (left, bottom) };
        double a = Rotate * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a);
        return [.. local.Select(p => (X + (p.Item1 * cos) - (p.Item2 * sin), Y + (p.Item1 * sin) + (p.Item2 * cos)))];
    }
}
