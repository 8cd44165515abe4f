using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pimex.Cli.Reports;
using Pimex.Localisation;
using Pimex.Monetary;

namespace Pimex.Cli.Tests;

/// <summary>
/// The charts' layout without a browser (issue 32): whatever the labels, their language, the
/// number of bars and the drawing's width, the texts' estimated boxes never overlap and never
/// leave the drawing. <see cref="HtmlFirstScreenTest"/> checks the same of the real report in
/// Chromium, with the fonts it draws.
/// </summary>
public sealed class ChartLayoutTest
{
    private static readonly ReportLanguage[] Languages = [ReportLanguage.English, ReportLanguage.Spanish, ReportLanguage.Slovenian];

    [Property(MaxTest = 300)]
    public Property ChartTexts_NeverOverlapNorLeaveTheDrawing() =>
        Prop.ForAll(Charts().ToArbitrary(), chart =>
        {
            var layout = Reports.Charts.Layout(chart.Title, chart.Points, chart.Language, chart.Horizontal, chart.Line, chart.Width, chart.Height);
            var problems = Problems(layout);
            return problems.Count == 0 ? true.Label("laid out") : false.Label(string.Join("; ", problems));
        });

    [Fact]
    public void BudgetChart_WhenAmountsAreWiderThanTheirBars_TurnsThemAndRaisesTheAxisSoThatTheyFit()
    {
        var l = ReportLanguage.Spanish;
        var points = new[] { 75_000m, 1_061m, 64_351.68m, 9_587.32m }
            .Select((v, i) => new ChartPoint("acciones de promoción", "s" + i, v, l.Money(Money.Of(v, Currency.EUR))))
            .ToList();

        var layout = Reports.Charts.Layout("Presupuesto por partida", points, l, width: 360, height: 300);

        Assert.Empty(Problems(layout));
        var labels = layout.Texts.Where(t => t.Value.EndsWith('€')).ToList();
        Assert.Equal(4, labels.Count);
        Assert.All(labels, t => Assert.Equal(-90, t.Rotate));
        Assert.Contains(layout.Texts, t => t.Value == "80.000");
    }

    [Theory]
    [InlineData("€88,280.00", true)]
    [InlineData("88.280,00 €", true)]
    [InlineData("88.280,00\u00a0€", true)]
    [InlineData("EUR 88,280.00", true)]
    [InlineData("PLN 200,000.00", true)]
    [InlineData("-PLN 12.00", true)]
    [InlineData("£-3.00", true)]
    [InlineData("83,3 %", true)]
    [InlineData("3 of 3", true)]
    [InlineData("RCO01", false)]
    [InlineData("FSE", false)]
    [InlineData("accepted", false)]
    [InlineData("-", false)]
    [InlineData("", false)]
    public void IsNumber_TellsAmountsCountsAndRatesFromWords(string cell, bool number) =>
        Assert.Equal(number, HtmlReport.IsNumber(cell));

    private static List<string> Problems(ChartLayout layout)
    {
        var problems = new List<string>();
        var boxes = layout.Texts.Select(t => (t.Value, Corners: t.Corners())).ToList();
        foreach (var (text, corners) in boxes)
        {
            if (corners.Any(c => c.X < -0.01 || c.Y < -0.01 || c.X > layout.Width + 0.01 || c.Y > layout.Height + 0.01))
            {
                problems.Add($"\"{text}\" leaves the {layout.Width}×{layout.Height} drawing");
            }
        }

        for (int i = 0; i < boxes.Count; i++)
        {
            for (int j = i + 1; j < boxes.Count; j++)
            {
                if (Overlap(boxes[i].Corners, boxes[j].Corners))
                {
                    problems.Add($"\"{boxes[i].Value}\" and \"{boxes[j].Value}\" overlap");
                }
            }
        }

        return problems;
    }

    /// <summary>Whether two convex quadrilaterals overlap by more than a hundredth of a pixel (separating axes).</summary>
    private static bool Overlap((double X, double Y)[] a, (double X, double Y)[] b)
    {
        foreach (var poly in new[] { a, b })
        {
            for (int i = 0; i < poly.Length; i++)
            {
                var p = poly[i];
                var q = poly[(i + 1) % poly.Length];
                double nx = q.Y - p.Y, ny = p.X - q.X;
                if (nx == 0 && ny == 0)
                {
                    continue;
                }

                var pa = a.Select(r => (r.X * nx) + (r.Y * ny)).ToList();
                var pb = b.Select(r => (r.X * nx) + (r.Y * ny)).ToList();
                double tolerance = 0.01 * Math.Sqrt((nx * nx) + (ny * ny));
                if (pa.Max() <= pb.Min() + tolerance || pb.Max() <= pa.Min() + tolerance)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private sealed record Chart(string Title, List<ChartPoint> Points, ReportLanguage Language, bool Horizontal, (decimal, string)? Line, int Width, int Height);

    private static Gen<string> Words =>
        from length in Gen.Choose(1, 40)
        from chars in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyzáéíóúčšžABCMWmw 0123456789.-".ToCharArray()), length)
        select new string(chars).Trim() is { Length: > 0 } word ? word : "x";

    private static Gen<Chart> Charts() =>
        from language in Gen.Elements(Languages)
        from title in Words
        from categoryCount in Gen.Choose(1, 40)
        from seriesCount in Gen.Choose(1, 5)
        from categories in Gen.ArrayOf(Words, categoryCount)
        from series in Gen.ArrayOf(Words, seriesCount)
        from money in Gen.Elements(true, false)
        from currency in Gen.Elements(Currency.EUR, Currency.GBP, Currency.FromCode("PLN"))
        from values in Gen.ArrayOf(Gen.Choose(0, 10_000_000), categoryCount * seriesCount)
        from horizontal in Gen.Elements(true, false)
        from cap in Gen.Elements<decimal?>(null, 2_500m, 90_000m)
        from width in Gen.Choose(320, 1200)
        from height in Gen.Choose(200, 600)
        select new Chart(
            title,
            [.. values.Select((v, i) => Point(language, categories[i / seriesCount] + "#" + (i / seriesCount), series[i % seriesCount] + "#" + (i % seriesCount), v / 100m, money, currency))],
            language,
            horizontal,
            cap is { } c ? (c, "cap " + language.Money(Money.Of(c, currency))) : null,
            width,
            height);

    private static ChartPoint Point(ReportLanguage l, string category, string series, decimal value, bool money, Currency currency) =>
        new(category, series, value, money ? l.Money(Money.Of(value, currency)) : l.Number(value));
}
