using System.Text.Json;
using System.Text.Json.Nodes;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Evaluation;
using Pimex.Localisation;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.Tests.Support;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Evaluation;

/// <summary>The per-company table and the ERDF common indicators.</summary>
public class CompanyTableTest
{
    private static readonly Dictionary<CompanyId, string> Names = new()
    {
        [new CompanyId("B0000001")] = "Jamones de Montánchez SL",
        [new CompanyId("B0000002")] = "Cerezas Valle del Jerte SL",
    };

    [Fact]
    public void Create_WhenSmallEdition_HasALinePerParticipantWithItsTrainingAndSupport()
    {
        var (edition, participants) = EditionReportTest.SmallEdition();

        var rows = CompanyTable.Create(edition, participants, Names).Ok().Rows;

        Assert.Equal(["B0000001", "B0000002", "B0000003", "B0000004"], rows.Select(r => r.Participant.Company.Value));
        Assert.Equal("Jamones de Montánchez SL", rows[0].Name);
        Assert.Null(rows[3].Name);
        Assert.Equal((3, 3, 3, 3, ReviewStatus.Accepted, ReviewStatus.Accepted), (rows[0].SessionsAttended, rows[0].SessionsCommitted, rows[0].TutorialsHeld, rows[0].TutorialsCommitted, rows[0].Swot, rows[0].Roadmap));
        Assert.Equal((Eur(2_500m), Eur(2_500m), Eur(0m)), (rows[0].Approved, rows[0].Granted, rows[0].NotSupported));
        Assert.Equal(ParticipantStatus.Withdrawn, rows[2].Status);
        Assert.Equal("Changed strategy", rows[2].ExitReason);
        Assert.Equal([true, true, false, false], rows.Select(r => r.Trained));
    }

    [Fact]
    public void Create_WhenAClaimIsApprovedBeyondTheCap_ShowsWhatWasNotSupported()
    {
        var b = For2016();
        b.Admit("B0000001").Grant(Eur(3_000m), Eur(2_500m));
        var (edition, participants) = b.Build();

        var row = Assert.Single(CompanyTable.Create(edition, participants).Ok().Rows);

        Assert.Equal((Eur(3_000m), Eur(2_500m), Eur(500m)), (row.Approved, row.Granted, row.NotSupported));
    }

    [Fact]
    public void Create_WhenAParticipantIsOfAnotherEdition_IsInvalid()
    {
        var (edition2025, _) = Sized(5).Build();
        var (_, participants2016) = EditionReportTest.SmallEdition();

        var error = CompanyTable.Create(edition2025, participants2016).AssertSingleError("participants", Pimex.Editions.EditionErrors.WrongEdition);

        Assert.EndsWith(" is not a participant of extremadura-2025.", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenANullParticipant_Throws()
    {
        var (edition, participants) = EditionReportTest.SmallEdition();

        var error = Assert.Throws<ArgumentException>(() => CompanyTable.Create(edition, [.. participants.Take(1), null!]));

        Assert.Equal("participants", error.ParamName);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("sl")]
    public void ToText_WhenSmallEdition_IsTheApprovedTableInEachLanguage(string code)
    {
        var (edition, participants) = EditionReportTest.SmallEdition();
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        Golden.Matches(CompanyTable.Create(edition, participants, Names).Ok().ToText(language), $"company-table-small.{code}.txt");
    }

    [Fact]
    public void ToJson_WhenSmallEdition_WritesAmountsAsNumbers()
    {
        var (edition, participants) = EditionReportTest.SmallEdition();

        using var json = JsonDocument.Parse(CompanyTable.Create(edition, participants, Names).Ok().ToJson());
        var first = json.RootElement[0];

        Assert.Equal(4, json.RootElement.GetArrayLength());
        Assert.Equal("B0000001", first.GetProperty("company").GetString());
        Assert.Equal(2500.00m, first.GetProperty("granted").GetDecimal());
        Assert.Equal("accepted", first.GetProperty("swot").GetString());
        Assert.True(first.GetProperty("trained").GetBoolean());
    }

    [Fact]
    public void Indicators_WhenThe2014To2020PeriodIsInForce_CountEachEnterpriseOnce()
    {
        var b = For2016().Sessions(3);
        b.Admit("B0000001").Attend(3).Grant(1_000m).Grant(500m);
        b.Admit("B0000002").Attend(1);
        b.Admit("B0000003");
        var (edition, participants) = b.Build();

        var indicators = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().Indicators!;

        Assert.Equal("2014-2020", indicators.Set.Period);
        Assert.Equal([("CO01", 3), ("CO02", 1), ("CO04", 2)], indicators.Counts.Select(c => (c.Code, c.Enterprises)));
    }

    [Fact]
    public void Indicators_WhenThe2021To2027PeriodIsInForce_BreakRco01DownBySize()
    {
        var partner = Rulebook.Load(
            RulebookJsonEdits.Partner(p => p.Override("reporting.commonIndicators", new JsonObject { ["period"] = "2021-2027", ["indicators"] = new JsonArray("RCO01", "RCO02", "RCO04") })),
            Rulebook.Extremadura).Value;
        var b = new EditionBuilder(Annuity2016, partner.Id, partner).Sessions(1);
        b.Admit("B0000001").Attend(1).Grant(1_000m);
        b.Admit("B0000002");
        var (edition, participants) = b.Build();

        var indicators = EditionReport.Create(edition, participants, partner).Ok().Indicators!;

        Assert.Equal(
            [("RCO01", null, 2), ("RCO01", SizeClass.Micro, 0), ("RCO01", SizeClass.Small, 2), ("RCO01", SizeClass.Medium, 0), ("RCO01", SizeClass.NotSme, 0), ("RCO02", null, 1), ("RCO04", null, 1)],
            indicators.Counts.Select(c => (c.Code, c.Size, c.Enterprises)));
        var text = EditionReport.Create(edition, participants, partner).Ok().ToText(ReportLanguage.English);
        Assert.Matches(@"\nRCO01\s+Enterprises supported\s+2\n", text);
        Assert.Matches(@"\n\s+of which small\s+2\n", text);
    }

    [Fact]
    public void Load_WhenAnIndicatorIsUnknown_IsOutOfRange()
    {
        var result = Rulebook.Load(
            RulebookJsonEdits.Partner(p => p.Override("reporting.commonIndicators", new JsonObject { ["period"] = "2021-2027", ["indicators"] = new JsonArray("RCO99") })),
            Rulebook.Extremadura);

        result.AssertSingleError("$.overrides.reporting.commonIndicators[0].value.indicators[0]", RulebookErrors.OutOfRange);
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("Deutsch")]
    [InlineData("d")]
    public void Load_WhenTheLanguageCodeIsMalformed_IsOutOfRange(string code)
    {
        var result = Rulebook.Load(RulebookJsonEdits.Partner(p => p.Override("reporting.language", code)), Rulebook.Extremadura);

        result.AssertSingleError("$.overrides.reporting.language[0].value", RulebookErrors.OutOfRange);
    }

    [Fact]
    public void Load_WhenTheLanguageIsOneTheLibraryDoesNotEmbed_KeepsTheCodeForTheHost()
    {
        var result = Rulebook.Load(
            RulebookJsonEdits.Partner(p => p
                .Override("reporting.language", "qaa")
                .Override("reporting.labels", new JsonObject { ["promotionSupport"] = new JsonObject { ["qaa"] = "qaa-label", ["en"] = "Promotion support" } })),
            Rulebook.Extremadura);

        Assert.True(result.IsSuccess, string.Join("; ", result.ValidationErrors.Select(e => e.ErrorMessage)));
        Assert.True(result.Value.Get(Parameters.ReportLanguageRule).TryGetValue(new NodaTime.LocalDate(2026, 6, 1), out var language));
        Assert.Equal("qaa", language);
        Assert.True(result.Value.Get(Parameters.ReportLabels).TryGetValue(new NodaTime.LocalDate(2026, 6, 1), out var labels));
        Assert.Contains(new ReportLabel("promotionSupport", "qaa", "qaa-label"), labels);
    }

    [Fact]
    public void Load_WhenALabelsLanguageCodeIsMalformed_IsOutOfRange()
    {
        var result = Rulebook.Load(
            RulebookJsonEdits.Partner(p => p.Override("reporting.labels", new JsonObject { ["promotionSupport"] = new JsonObject { ["Deutsch"] = "x" } })),
            Rulebook.Extremadura);

        result.AssertSingleError("$.overrides.reporting.labels[0].value.promotionSupport.Deutsch", RulebookErrors.OutOfRange);
    }

    [Fact]
    public void Create_WhenTheRulebookNamesSlovenian_WritesSlovenian()
    {
        var maribor = Rulebook.Load(DocsFiles.Read("rulebooks/maribor.json"), Rulebook.Extremadura).Value;

        Assert.True(maribor.Get(Parameters.ReportLanguageRule).TryGetValue(new NodaTime.LocalDate(2026, 6, 1), out var language));
        Assert.Equal("sl", language);
    }
}
