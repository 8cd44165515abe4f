using System.Text.Json;
using Pimex.Evaluation;
using Pimex.Rulebooks;
using Pimex.Tests.Support;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Evaluation;

/// <content>The JSON and text forms.</content>
public partial class EditionReportTest
{
    /// <summary>Every JSON path of an edition report, as docs/evaluation.md documents them.</summary>
    private static readonly string[] EditionReportPaths =
    [
        "edition", "rulebook", "year", "editionVersion", "rulesDate", "asOf", "language", "currency",
        "participants.capacity", "participants.admitted", "participants.active", "participants.completed",
        "participants.withdrawn", "participants.excluded", "participants.completionRate",
        "training.groupSessionsScheduled", "training.groupSessionsCommitted", "training.groupSessionsAttended",
        "training.attendanceRate", "training.tutorialsCommitted", "training.tutorialsHeld", "training.tutorialRate",
        "training.trainingPillsAttended", "training.consultancyHours",
        "deliverables.swotSubmitted", "deliverables.swotAccepted", "deliverables.swotCompletionRate",
        "deliverables.roadmapSubmitted", "deliverables.roadmapAccepted", "deliverables.roadmapCompletionRate",
        "budget.lines[].line", "budget.lines[].allocated", "budget.lines[].reserved", "budget.lines[].spent",
        "budget.lines[].released", "budget.lines[].available", "budget.lines[].executionRate",
        "budget.lines[].funding[].fund", "budget.lines[].funding[].rate", "budget.lines[].funding[].amount",
        "budget.total.allocated", "budget.total.reserved", "budget.total.spent", "budget.total.released",
        "budget.total.available", "budget.total.executionRate",
        "budget.funds[].fund", "budget.funds[].amount",
        "support.capPerCompany", "support.total", "support.mean", "support.max", "support.supported", "support.reachedCap",
        "costPerCompletedParticipant",
        "satisfaction.scaleMin", "satisfaction.scaleMax", "satisfaction.responses", "satisfaction.responseRate",
        "satisfaction.mean", "satisfaction.median", "satisfaction.distribution[].score", "satisfaction.distribution[].count",
        "satisfaction.questions[].question", "satisfaction.questions[].label", "satisfaction.questions[].responses", "satisfaction.questions[].mean",
        "indicators.period", "indicators.reference", "indicators.counts[].code", "indicators.counts[].sizeClass", "indicators.counts[].enterprises",
        "inEuros",
    ];

    [Fact]
    public void ToJson_WhenSmallEdition_WritesTheDocumentedFieldNames()
    {
        using var json = JsonDocument.Parse(SmallReport().ToJson());

        Assert.Equal(EditionReportPaths.Order(StringComparer.Ordinal), JsonPaths.Of(json.RootElement).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToJson_WhenSmallEdition_WritesAmountsAndRatesAsNumbers()
    {
        using var json = JsonDocument.Parse(SmallReport().ToJson());
        var root = json.RootElement;

        Assert.Equal("extremadura-2016", root.GetProperty("edition").GetString());
        Assert.Equal("2016-01-15", root.GetProperty("rulesDate").GetString());
        Assert.Equal("EUR", root.GetProperty("currency").GetString());
        Assert.Equal(50m, root.GetProperty("participants").GetProperty("completionRate").GetDecimal());
        Assert.Equal(58.3333m, root.GetProperty("training").GetProperty("tutorialRate").GetDecimal());
        var actions = root.GetProperty("budget").GetProperty("lines")[0];
        Assert.Equal("actions", actions.GetProperty("line").GetString());
        Assert.Equal(3500.50m, actions.GetProperty("spent").GetDecimal());
        Assert.Equal(4.6673m, actions.GetProperty("executionRate").GetDecimal());
        Assert.Equal(80m, actions.GetProperty("funding")[0].GetProperty("rate").GetDecimal());
        Assert.Equal(2800.40m, actions.GetProperty("funding")[0].GetProperty("amount").GetDecimal());
        Assert.Equal("2488.25", root.GetProperty("costPerCompletedParticipant").GetRawText());
        Assert.Equal(7.67m, root.GetProperty("satisfaction").GetProperty("mean").GetDecimal());
        Assert.Equal(8m, root.GetProperty("satisfaction").GetProperty("median").GetDecimal());
    }

    [Fact]
    public void ToJson_WhenNothingToAverage_WritesNulls()
    {
        var (edition, participants) = For2016().Build();
        using var json = JsonDocument.Parse(EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().ToJson());
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("costPerCompletedParticipant").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("satisfaction").GetProperty("mean").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("satisfaction").GetProperty("median").ValueKind);
    }

    [Fact]
    public void ToText_WhenSmallEdition_RendersEachSectionAsATable()
    {
        var text = SmallReport().ToText(Pimex.Localisation.ReportLanguage.English);

        Assert.StartsWith("Edition report: extremadura-2016\nRules in force on 15 January 2016; edition version ", text, StringComparison.Ordinal);
        foreach (var section in new[] { "Participants\n", "Training and deliverables\n", "Budget\n", "Who pays the spend\n", "Promotion support\n", "Satisfaction (scale 0 to 10)\n", "Overall scores\n", "Questions\n", "ERDF common indicators (2014-2020)\n" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains("promotion actions  €75,000.00  €2,500.00  €3,500.50  €3,999.50  €68,999.50  4.7%\n", text, StringComparison.Ordinal);
        Assert.Contains("total              €88,280.00  €2,500.00  €4,976.50  €3,999.50  €80,803.50  5.6%\n", text, StringComparison.Ordinal);
        Assert.Contains("cost per company completed  €2,488.25\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }
}

/// <summary>Lists the paths of a JSON document's fields, arrays as <c>[]</c>.</summary>
internal static class JsonPaths
{
    public static IReadOnlyList<string> Of(JsonElement root)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(root, string.Empty, paths);
        return [.. paths];
    }

    private static void Walk(JsonElement e, string path, SortedSet<string> paths)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, path.Length == 0 ? p.Name : path + "." + p.Name, paths);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, path + "[]", paths);
                }

                break;
            default:
                paths.Add(path);
                break;
        }
    }
}
