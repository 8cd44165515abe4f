using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Pimex.Cli.Tests.Support;

namespace Pimex.Cli.Tests;

/// <summary>
/// The HTML reports as a reader sees them, measured in Chromium at a laptop's first screen
/// (1366×768) and a phone's (390×844), in every shipped language (issue 32): the key figures and
/// a chart lie within the first screen; no two texts of a chart overlap and none leaves its
/// drawing (the last axis tick included); every amount or number in a table is right-aligned and
/// takes one line; nothing is logged to the console; axe-core finds nothing. The pages and their screenshots are kept under
/// <c>artifacts/html-report/</c>.
/// </summary>
[Collection(ChromiumGroup.Name)]
public sealed class HtmlFirstScreenTest(ChromiumPages chromium)
{
    /// <summary>
    /// Runs in the page; returns what is wrong, one sentence each. Texts are compared as the
    /// boxes Chromium gives them (getBBox) turned as they are drawn (getScreenCTM), with a
    /// separating-axis test, so that turned labels count by their real outline.
    /// </summary>
    private const string Check = """
        ([height]) => {
          const problems = [];
          const keys = document.querySelector('dl.key-figures');
          if (!keys || keys.querySelectorAll('dd').length === 0) problems.push('there are no key figures');
          else if (keys.getBoundingClientRect().bottom > height + 0.5) problems.push(`the key figures end at ${keys.getBoundingClientRect().bottom} px, below the first screen (${height} px)`);
          const charts = [...document.querySelectorAll('figure.chart svg')];
          if (charts.length === 0) problems.push('there is no chart');
          else if (!charts.some(s => s.getBoundingClientRect().bottom <= height + 0.5)) problems.push(`no chart lies within the first screen: the first ends at ${charts[0].getBoundingClientRect().bottom} px (${height} px)`);

          const overlap = (a, b) => {
            for (const poly of [a, b]) for (let i = 0; i < 4; i++) {
              const p = poly[i], q = poly[(i + 1) % 4];
              const nx = q.y - p.y, ny = p.x - q.x, length = Math.hypot(nx, ny);
              if (length === 0) continue;
              const along = points => points.map(r => (r.x * nx + r.y * ny) / length);
              const pa = along(a), pb = along(b);
              if (Math.max(...pa) <= Math.min(...pb) + 0.5 || Math.max(...pb) <= Math.min(...pa) + 0.5) return false;
            }
            return true;
          };
          for (const svg of charts) {
            const chart = svg.closest('figure').dataset.chart;
            const box = svg.getBoundingClientRect();
            const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim().length > 0).map(t => {
              const b = t.getBBox(), m = t.getScreenCTM();
              const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]];
              return { element: t, text: t.textContent.trim(), points: corners.map(([x, y]) => new DOMPoint(x, y).matrixTransform(m)) };
            });
            if (texts.length === 0) problems.push(`${chart}: the chart has no text`);
            for (const t of texts) {
              if (t.points.some(p => p.x < box.left - 0.5 || p.x > box.right + 0.5 || p.y < box.top - 0.5 || p.y > box.bottom + 0.5)) {
                problems.push(`${chart}: "${t.text}" leaves the drawing`);
              }
              // A text inside a clipped group must lie inside the clip, or it is cut. The clip's
              // shape is not drawn (no client rect): its box is turned as the group is.
              const clipped = t.element.parentElement.closest('[clip-path]');
              const id = clipped && (clipped.getAttribute('clip-path').match(/#([^)"']+)/) || [])[1];
              const shape = id && svg.querySelector(`[id="${id}"] > *`);
              if (shape) {
                const b = shape.getBBox(), m = clipped.getScreenCTM();
                const c = [[b.x, b.y], [b.x + b.width, b.y + b.height]].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
                const [left, right, top, bottom] = [Math.min(c[0].x, c[1].x), Math.max(c[0].x, c[1].x), Math.min(c[0].y, c[1].y), Math.max(c[0].y, c[1].y)];
                if (t.points.some(p => p.x < left - 0.5 || p.x > right + 0.5 || p.y < top - 0.5 || p.y > bottom + 0.5)) problems.push(`${chart}: "${t.text}" is cut by its clip`);
              }
            }

            for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
              if (overlap(texts[i].points, texts[j].points)) problems.push(`${chart}: "${texts[i].text}" and "${texts[j].text}" overlap`);
            }
          }

          let amounts = 0;
          for (const td of document.querySelectorAll('table:not(.chart-data) td')) {
            const text = td.textContent;
            if (text.trim().length === 0) continue;
            const amount = /\d/.test(text) && (/[€£$]/.test(text) || /\b[A-Z]{3}[\s\u00a0]-?\d/.test(text) || /\d[\s\u00a0][A-Z]{3}\b/.test(text));
            if (!amount && !td.classList.contains('number')) continue;
            amounts += amount ? 1 : 0;
            if (getComputedStyle(td).textAlign !== 'right') problems.push(`"${text}" is aligned ${getComputedStyle(td).textAlign}, not right`);
            const range = document.createRange();
            range.selectNodeContents(td);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
            if (lines !== 1) problems.push(`"${text}" takes ${lines} lines`);
          }
          if (amounts === 0 && document.querySelector('figure[data-chart="budget"]')) problems.push('no amount was found in the tables');
          return problems;
        }
        """;

    /// <summary>Each report in each language; axe-core (seconds a page) runs on each report in its rulebook's own language, the pages being built alike in every language.</summary>
    public static TheoryData<string, string, bool> Pages => new()
    {
        { "edition", "en", false }, { "edition", "es", true }, { "edition", "sl", false },
        { "programme", "en", false }, { "programme", "es", true }, { "programme", "sl", false },
        { "maribor", "sl", true }, { "maribor", "en", false },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Report_WhenOpenedOnALaptopOrAPhone_ShowsKeyFiguresAndAChartFirstWithNothingOverlappingOrWrapped(string report, string lang, bool axe)
    {
        var html = Html(report, lang);
        var problems = new List<string>();
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            var (page, console) = await chromium.OpenAsync($"{report}.{lang}.html", html, width, height);
            try
            {
                var found = await page.EvaluateAsync<string[]>(Check, new object[] { height });
                problems.AddRange(found.Select(p => $"{width}×{height}: {p}"));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumPages.Folder, $"{report}.{lang}.{width}x{height}.png") });
                if (width > 1000)
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumPages.Folder, $"{report}.{lang}.full.png"), FullPage = true });
                }

                if (width > 1000 && axe)
                {
                    var checkedByAxe = await page.RunAxe();
                    problems.AddRange(checkedByAxe.Violations.Select(v => $"axe {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
                }

                problems.AddRange(console.Select(c => $"{width}×{height}: console {c}"));
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }

        Assert.True(problems.Count == 0, $"{report} in {lang} ({ChromiumPages.Folder}):\n" + string.Join("\n", problems));
    }

    /// <summary>The HTML page of a report: the embedded 2016 edition, its programme report, or the Maribor partner's 2026 edition (docs/rulebooks).</summary>
    private static string Html(string report, string lang)
    {
        var files = new InMemoryFiles();
        string[] args = report switch
        {
            "edition" => ["report", "--html", "page.html", "--lang", lang],
            "programme" => ["report", "programme", "--before", "120", "--html", "page.html", "--lang", lang],
            _ => ["report", "--rulebook", "maribor.json", "--ledger", "maribor-2026.jsonl", "--html", "page.html", "--lang", lang],
        };
        if (report == "maribor")
        {
            var docs = Path.Combine(AppContext.BaseDirectory, "docs", "rulebooks");
            files.With("maribor.json", File.ReadAllText(Path.Combine(docs, "maribor.json")))
                .With("maribor-2026.jsonl", File.ReadAllText(Path.Combine(docs, "maribor-2026.jsonl")));
        }

        var run = Tool.Run(files, args);
        Assert.True(run.ExitCode == 0, run.Error);
        return files.Written["page.html"];
    }
}
