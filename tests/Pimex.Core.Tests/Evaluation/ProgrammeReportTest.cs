using System.Text.Json;
using Pimex.Common;
using Pimex.Evaluation;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.Tests.Support;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Evaluation;

public class ProgrammeReportTest
{
    private static EditionReport Edition(int year, int participants, int completed, params int[] scores)
    {
        var b = year == 2016 ? For2016() : Sized(30, year);
        for (int i = 0; i < participants; i++)
        {
            var p = b.Admit($"B{i:D7}");
            if (i < scores.Length)
            {
                p.Answer(scores[i]);
            }

            if (i < completed)
            {
                p.Complete();
            }
        }

        var (edition, all) = b.Build();
        return EditionReport.Create(edition, all, Rulebook.Extremadura).Ok();
    }

    [Fact]
    public void Create_WhenEditionsOfSeveralYears_CountsParticipantsPerYearAndCumulative()
    {
        var report = ProgrammeReport.Create([Edition(2018, 25, 20, 8, 9), Edition(2016, 30, 28, 7, 9), Edition(2017, 12, 12)], participantsBefore: 500).Ok();

        Assert.Equal("extremadura", report.RulebookId);
        Assert.Equal(500, report.ParticipantsBefore);
        Assert.Equal([2016, 2017, 2018], report.Years.Select(y => y.Year));
        Assert.Equal([30, 12, 25], report.Years.Select(y => y.Participants));
        Assert.Equal([530, 542, 567], report.Years.Select(y => y.Cumulative));
        Assert.Equal(567, report.TotalParticipants);
        Assert.Equal(new ProgrammeYear(2016, new EditionId("extremadura", 2016), 30, 28, Rate.Ratio(28, 30), 8m, 530), report.Years[0]);
        Assert.Null(report.Years[1].SatisfactionMean);
        Assert.Equal(8.5m, report.Years[2].SatisfactionMean);
    }

    [Fact]
    public void Create_WhenEditionsSpeakDifferentLanguages_SpeaksTheLatestYearsWhateverTheOrderGiven()
    {
        var (english, spanish) = (Pimex.Localisation.ReportLanguage.English, Pimex.Localisation.ReportLanguage.Spanish);
        var spanish2017 = Edition(2017, 2, 0) with { Language = spanish };
        var english2016 = Edition(2016, 3, 0) with { Language = english };

        Assert.Equal(spanish, ProgrammeReport.Create([spanish2017, english2016]).Ok().Language);
        Assert.Equal(spanish, ProgrammeReport.Create([english2016, spanish2017]).Ok().Language);
        Assert.Equal(english, ProgrammeReport.Create([spanish2017, english2016 with { Edition = new EditionId("extremadura", 2018) }]).Ok().Language);
        Assert.Equal(english, ProgrammeReport.Create([], participantsBefore: 500).Ok().Language);
    }

    [Fact]
    public void Create_WhenNoEarlierParticipants_CumulativeStartsAtTheFirstEdition()
    {
        var report = ProgrammeReport.Create([Edition(2016, 3, 0), Edition(2017, 2, 0)]).Ok();

        Assert.Equal([3, 5], report.Years.Select(y => y.Cumulative));
        Assert.Equal(5, report.TotalParticipants);
    }

    [Fact]
    public void Create_WhenNoEdition_ReportsOnlyTheEarlierParticipants()
    {
        var report = ProgrammeReport.Create([], participantsBefore: 500).Ok();

        Assert.Null(report.RulebookId);
        Assert.Empty(report.Years);
        Assert.Equal(500, report.TotalParticipants);
    }

    [Fact]
    public void ToJson_WhenNoEdition_WritesANullRulebook()
    {
        using var json = JsonDocument.Parse(ProgrammeReport.Create([], participantsBefore: 500).Ok().ToJson());

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("rulebook").ValueKind);
        Assert.Equal(500, json.RootElement.GetProperty("participantsBefore").GetInt32());
    }

    [Fact]
    public void ToText_WhenNoEditionAndThousandsBefore_SaysSoWithGroupedDigits()
    {
        var text = ProgrammeReport.Create([], participantsBefore: 1_500).Ok().ToText();

        Assert.StartsWith(
            "Programme report: (no edition)\n"
            + "Participants before these editions: 1,500\n"
            + "Participants since the programme started: 1,500\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenAnEditionIsGivenTwice_IsInvalid()
    {
        var once = Edition(2016, 2, 0);

        var error = ProgrammeReport.Create([once, once]).AssertSingleError("editions", EvaluationErrors.EditionGivenTwice);

        Assert.Equal("The edition extremadura-2016 is given twice.", error.ErrorMessage);
    }

    [Fact]
    public void Create_WhenEditionsOfTwoRulebooks_IsInvalid()
    {
        var extremadura = Edition(2016, 2, 0);
        var other = extremadura with { Edition = new EditionId("coventry", 2017) };

        var error = ProgrammeReport.Create([extremadura, other]).AssertSingleError("editions", EvaluationErrors.SeveralProgrammes);

        Assert.Equal("A programme report covers one rulebook: coventry-2017 is not of 'extremadura'.", error.ErrorMessage);
    }

    [Fact]
    public void Create_WhenEarlierParticipantsNegative_IsInvalid()
    {
        var error = ProgrammeReport.Create([], participantsBefore: -1).AssertSingleError("participantsBefore", EvaluationErrors.NegativeParticipantsBefore);

        Assert.Equal("Participants before the data must not be negative (was -1).", error.ErrorMessage);
    }

    [Fact]
    public void Create_WhenANullEditionReport_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ProgrammeReport.Create([Edition(2016, 2, 0), null!]));
    }

    [Fact]
    public void ToJson_WhenTwoYears_WritesTheDocumentedFields()
    {
        var report = ProgrammeReport.Create([Edition(2016, 3, 1, 8), Edition(2017, 2, 0)], participantsBefore: 500).Ok();

        using var json = JsonDocument.Parse(report.ToJson());

        string[] expected =
        [
            "participantsBefore", "rulebook", "totalParticipants",
            "years[].completed", "years[].completionRate", "years[].cumulative", "years[].edition",
            "years[].participants", "years[].satisfactionMean", "years[].year",
        ];
        Assert.Equal(expected, JsonPaths.Of(json.RootElement));
        var first = json.RootElement.GetProperty("years")[0];
        Assert.Equal("extremadura-2016", first.GetProperty("edition").GetString());
        Assert.Equal(33.3333m, first.GetProperty("completionRate").GetDecimal());
        Assert.Equal(503, first.GetProperty("cumulative").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("years")[1].GetProperty("satisfactionMean").ValueKind);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("sl")]
    public void ToText_WhenTwoYears_IsTheApprovedReportInEachLanguage(string code)
    {
        Assert.True(Pimex.Localisation.ReportLanguage.TryFromCode(code, out var language));

        var text = ProgrammeReport.Create([Edition(2016, 30, 30, 8), Edition(2017, 2, 0)], participantsBefore: 500).Ok().ToText(language);

        Pimex.Tests.Support.Golden.Matches(text, $"programme-report.{code}.txt");
    }

    [Fact]
    public void ToText_WhenTwoYears_RendersOneRowPerYear()
    {
        var text = ProgrammeReport.Create([Edition(2016, 30, 30, 8), Edition(2017, 2, 0)], participantsBefore: 500).Ok().ToText(Pimex.Localisation.ReportLanguage.English);

        Assert.Equal(
            "Programme report: extremadura\n"
            + "Participants before these editions: 500\n"
            + "Participants since the programme started: 532\n"
            + "\n"
            + "year  edition           participants  completed  completion  satisfaction  cumulative\n"
            + "----  ----------------  ------------  ---------  ----------  ------------  ----------\n"
            + "2016  extremadura-2016  30            30         100.0%      8             530\n"
            + "2017  extremadura-2017  2             0          0.0%        -             532\n",
            text);
    }
}
