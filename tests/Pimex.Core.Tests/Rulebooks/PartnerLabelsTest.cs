using System.Text.Json.Nodes;
using NodaTime;
using Pimex.Common;
using Pimex.Evaluation;
using Pimex.Localisation;
using Pimex.Rulebooks;
using Pimex.Tests.Evaluation;
using Pimex.Tests.Support;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Rulebooks;

/// <summary>
/// A partner's <c>reporting.labels</c> merge by code and language over what it inherits; the
/// base's identity labels (a code the language files label neutrally: "Junta de Extremadura" for
/// <c>Regional</c>) stay the base's, and a partner sees the language's neutral label instead.
/// </summary>
public class PartnerLabelsTest
{
    private static readonly LocalDate On = new(2026, 6, 1);

    private static EquatableArray<ReportLabel> LabelsOf(Rulebook rulebook, LocalDate on) =>
        rulebook.Get(Parameters.ReportLabels).TryGetValue(on, out var labels) ? labels : throw new InvalidOperationException("no labels");

    private static Rulebook Partner(Action<JsonObject>? edit = null)
    {
        var loaded = Rulebook.Load(RulebookJsonEdits.Partner(edit), Rulebook.Extremadura);
        Assert.True(loaded.IsSuccess, string.Join("; ", loaded.ValidationErrors.Select(e => e.ErrorMessage)));
        return loaded.Value;
    }

    private static JsonObject Labels(params (string Code, string Language, string Text)[] labels)
    {
        var value = new JsonObject();
        foreach (var (code, language, text) in labels)
        {
            if (value[code] is not JsonObject byLanguage)
            {
                byLanguage = [];
                value[code] = byLanguage;
            }

            byLanguage[language] = text;
        }

        return value;
    }

    /// <summary>The base's labels a partner inherits: all but the one naming Extremadura, the neutral ones included.</summary>
    private static ReportLabel[] Inheritable() =>
        [.. LabelsOf(Rulebook.Extremadura, On).Where(l => l != new ReportLabel("Regional", "es", "Junta de Extremadura"))];

    [Fact]
    public void Load_WhenAPartnerOverridesOneLabel_KeepsEveryOther()
    {
        var partner = Partner(p => p.Override("reporting.labels", Labels(("tradeFair", "es", "Ferias internacionales"))));

        var labels = LabelsOf(partner, On);

        Assert.Contains(new ReportLabel("tradeFair", "es", "Ferias internacionales"), labels);
        Assert.DoesNotContain(new ReportLabel("tradeFair", "es", "Participación en ferias"), labels);
        Assert.Equal(
            Inheritable().Select(l => l.Code == "tradeFair" && l.Language == "es" ? l with { Text = "Ferias internacionales" } : l),
            labels);
    }

    [Fact]
    public void Load_WhenAPartnerAddsALabelInALanguageTheBaseHasNot_KeepsTheBasesOthersOfThatCode()
    {
        var partner = Partner(p => p.Override("reporting.labels", Labels(("tradeFair", "de", "Messebeteiligung"))));

        var tradeFair = LabelsOf(partner, On).Where(l => l.Code == "tradeFair").ToList();

        Assert.Equal(["de", "en", "es", "pl", "pt", "sl"], tradeFair.Select(l => l.Language));
        Assert.Contains(new ReportLabel("tradeFair", "de", "Messebeteiligung"), tradeFair);
    }

    [Fact]
    public void Load_WhenAPartnerWritesAnEmptyLabel_RemovesTheOneItInherits()
    {
        var partner = Partner(p => p.Override("reporting.labels", Labels(("overheads", "es", string.Empty))));

        var labels = LabelsOf(partner, On);

        Assert.DoesNotContain(labels, l => l.Code == "overheads" && l.Language == "es");
        Assert.Contains(labels, l => l.Code == "overheads" && l.Language == "en");
        Assert.Equal(Inheritable().Length - 1, labels.Count);
    }

    [Fact]
    public void Load_WhenALabelEscapesHalfASurrogatePair_RefusesItWithoutThrowing()
    {
        // The empty-text check reads the raw token: decoding "\ud800" to a string throws.
        var json = RulebookJsonEdits.Partner(p => p.Override("reporting.labels", Labels(("tradeFair", "es", "HALF"))))
            .Replace("HALF", "\\ud800", StringComparison.Ordinal);

        var loaded = Rulebook.Load(json, Rulebook.Extremadura);

        Assert.False(loaded.IsSuccess);
    }

    [Fact]
    public void Load_WhenAPartnerWritesNoLabels_InheritsAllButTheBasesIdentityLabels()
    {
        var partner = Partner();

        var labels = LabelsOf(partner, On);

        Assert.DoesNotContain(labels, l => l.Text == "Junta de Extremadura");
        Assert.DoesNotContain(labels, l => l.Code == "Regional" && l.Language == "es");
        Assert.Contains(new ReportLabel("Regional", "sl", "Regionalna sredstva"), labels);
        Assert.Equal(Inheritable(), labels);
        Assert.Contains(new ReportLabel("Regional", "es", "Junta de Extremadura"), LabelsOf(Rulebook.Extremadura, On));
    }

    [Fact]
    public void Load_WhenAPartnerWritesAnIdentityLabel_ItIsThePartners()
    {
        var partner = Partner(p => p.Override("reporting.labels", Labels(("Regional", "es", "Gobierno de Cantabria"))));

        var regional = LabelsOf(partner, On).Where(l => l.Code == "Regional" && l.Language == "es");

        Assert.Equal([new ReportLabel("Regional", "es", "Gobierno de Cantabria")], regional);
    }

    [Fact]
    public void Load_WhenThePartnersLabelsStartLater_InheritsBeforeAndMergesFromThen()
    {
        var partner = Partner(p => p.Override("reporting.labels", Labels(("tradeFair", "es", "Ferias internacionales")), from: "2026-01-01"));

        var before = LabelsOf(partner, new LocalDate(2025, 6, 1));
        var after = LabelsOf(partner, On);

        Assert.Equal(Inheritable(), before);
        Assert.Contains(new ReportLabel("tradeFair", "es", "Ferias internacionales"), after);
        Assert.Equal(before.Count, after.Count);
    }

    [Fact]
    public void Load_APartnersMergedLabels_WriteAndReadBackTheSame()
    {
        var partner = Partner(p => p.Override("reporting.labels", Labels(("tradeFair", "es", "Ferias internacionales"), ("overheads", "es", string.Empty))));

        var again = Rulebook.Load(partner.ToJson());

        Assert.True(again.IsSuccess, string.Join("; ", again.ValidationErrors.Select(e => e.ErrorMessage)));
        Assert.Equal(partner.Get(Parameters.ReportLabels), again.Value.Get(Parameters.ReportLabels));
    }

    [Theory]
    [InlineData("es", "Presupuesto regional")]
    [InlineData("en", "Regional budget")]
    [InlineData("sl", "Regionalna sredstva")]
    [InlineData("pl", "Budżet regionalny")]
    [InlineData("pt", "Orçamento regional")]
    public void Report_OfAPartnerWithNoLabelsOfItsOwn_NamesTheRegionalFundNeutrally(string code, string neutral)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));
        var partner = Partner(p => p.WithExtremadura2016());
        var b = new EditionBuilder(Annuity2016, partner.Id, partner).Sessions(1);
        b.Admit("B0000001").Attend(1).Grant(1_000m);
        var (edition, participants) = b.Build();

        var text = EditionReport.Create(edition, participants, partner).Ok().ToText(language);

        Assert.DoesNotContain("Junta de Extremadura", text, StringComparison.Ordinal);
        Assert.Contains(neutral, text, StringComparison.Ordinal);
        Assert.Equal(neutral, EditionReport.Create(edition, participants, partner).Ok().Label("Regional", language));
    }

    [Fact]
    public void Report_OfExtremadura_StillNamesTheJunta()
    {
        var b = For2016().Sessions(1);
        b.Admit("B0000001").Attend(1).Grant(1_000m);
        var (edition, participants) = b.Build();

        var text = EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok().ToText(ReportLanguage.Spanish);

        Assert.Contains("Junta de Extremadura", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Presupuesto regional", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryLanguage_LabelsEveryFundNeutrally()
    {
        string[] funds = ["ERDF", "ESF", "ESF+", "Regional", "National"];

        Assert.All(ReportLanguage.All, language => Assert.All(funds, fund =>
        {
            Assert.True(language.TryGetNeutralLabel(fund, out var label), $"{language.Code} has no label.{fund}");
            Assert.DoesNotContain("Extremadura", label, StringComparison.Ordinal);
        }));
    }
}
