using System.Text.Json.Nodes;
using NodaTime;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>The transfer report: what differs between a base and a partner on a date.</summary>
public class RulebookDiffTest
{
    private static readonly LocalDate Mid2016 = new(2016, 6, 1);

    /// <summary>A partner with its edit, running Extremadura's 2016 annuity as its own so that only the edit differs.</summary>
    private static Rulebook Partner(Action<JsonObject> edit) => Rulebook.Load(
        RulebookJsonEdits.Partner(p =>
        {
            edit(p);
            p.WithExtremadura2016();
        }),
        Rulebook.Extremadura).Value;

    [Fact]
    public void Diff_WhenTheRulebooksAgree_IsEmpty()
    {
        var same = Rulebook.Extremadura.Diff(Rulebook.Load(Rulebook.Extremadura.ToJson()).Value, Mid2016);

        Assert.True(same.IsEmpty);
        Assert.Equal("extremadura", same.BaseId);
        Assert.Equal(Mid2016, same.On);
    }

    [Fact]
    public void Diff_WhenThePartnerOverridesTheCapAndTheZone_ListsBothSideBySide()
    {
        var partner = Partner(p =>
        {
            p["timeZone"] = "Europe/Ljubljana";
            p.Override("promotion.capPerCompany", "EUR 3000.00");
        });

        var diff = Rulebook.Extremadura.Diff(partner, Mid2016);

        Assert.Equal(
            [
                new ParameterDifference("timeZone", "Europe/Madrid", "Europe/Ljubljana"),
                new ParameterDifference("promotion.capPerCompany", "EUR 2500.00", "EUR 3000.00"),
                new ParameterDifference("reporting.labels", "Regional (es) Junta de Extremadura", "(none)"),
            ],
            diff.Differences.AsEnumerable());
        Assert.Equal("partner", diff.PartnerId);
    }

    [Fact]
    public void Diff_WhenAnOverrideStartsLater_DependsOnTheDate()
    {
        // No 2016 annuity: without tutorials in 2016, it could not run.
        var partner = Rulebook.Load(RulebookJsonEdits.Partner(p => p.Override("commitment.tutorials", 4, from: "2020-01-01")), Rulebook.Extremadura).Value;

        Assert.Equal([new ParameterDifference("commitment.tutorials", "3", "(none)"), new ParameterDifference("reporting.labels", "Regional (es) Junta de Extremadura", "(none)")], Rulebook.Extremadura.Diff(partner, Mid2016).Differences.Where(d => !d.Name.StartsWith("annuities.", StringComparison.Ordinal)));
        Assert.Equal([new ParameterDifference("commitment.tutorials", "3", "4"), new ParameterDifference("reporting.labels", "Regional (es) Junta de Extremadura", "(none)")], Rulebook.Extremadura.Diff(partner, new LocalDate(2020, 1, 1)).Differences.AsEnumerable());
    }

    [Fact]
    public void Diff_WhenThePartnerOverridesNothing_IsEmptyBothWays()
    {
        // The base's own name for its regional funds is not a partner's (docs/rulebook-format.md):
        // a partner that overrides nothing else writes it to be the same region.
        var partner = Partner(p => p.Override("reporting.labels", new JsonObject { ["Regional"] = new JsonObject { ["es"] = "Junta de Extremadura" } }));

        Assert.True(Rulebook.Extremadura.Diff(partner, Mid2016).IsEmpty);
        Assert.True(partner.Diff(Rulebook.Extremadura, Mid2016).IsEmpty);
    }

    [Fact]
    public void Diff_WhenThePartnerWritesNoLabels_ListsOnlyTheBasesIdentityLabelItDoesNotInherit()
    {
        var partner = Partner(_ => { });

        Assert.Equal([new ParameterDifference("reporting.labels", "Regional (es) Junta de Extremadura", "(none)")], Rulebook.Extremadura.Diff(partner, Mid2016).Differences.AsEnumerable());
        Assert.Equal([new ParameterDifference("reporting.labels", "(none)", "Regional (es) Junta de Extremadura")], partner.Diff(Rulebook.Extremadura, Mid2016).Differences.AsEnumerable());
    }

    [Fact]
    public void Diff_WhenOnlyOneSideHasTheYearsAnnuity_ListsItsFiguresAgainstNone()
    {
        var none = Rulebook.Load(RulebookJsonEdits.Extremadura(root => root["annuities"] = new JsonObject())).Value;

        var missing = Rulebook.Extremadura.Diff(none, Mid2016).Differences;

        Assert.Equal(
            [
                "annuities.2016.budget.actions", "annuities.2016.budget.training", "annuities.2016.budget.consultancy", "annuities.2016.budget.total",
                "annuities.2016.capacity", "annuities.2016.windows.applications", "annuities.2016.windows.training", "annuities.2016.windows.expenses",
            ],
            missing.Select(d => d.Name));
        Assert.All(missing, d => Assert.Equal("(none)", d.PartnerValue));
        Assert.Equal("EUR 88280.00", missing.Single(d => d.Name == "annuities.2016.budget.total").BaseValue);
        Assert.Equal("2016-01-15 .. 2016-03-15", missing.Single(d => d.Name == "annuities.2016.windows.applications").BaseValue);
    }

    [Fact]
    public void Render_WhenThereAreDifferences_ShowsATableWithOneRowEach()
    {
        var partner = Partner(p =>
        {
            p["timeZone"] = "Europe/Ljubljana";
            p.Override("promotion.capPerCompany", "EUR 3000.00");
        });

        var text = Rulebook.Extremadura.Diff(partner, Mid2016).Render();

        Assert.Equal(
            "Transfer report: extremadura -> partner on 2016-06-01: 3 difference(s)\n"
            + "parameter                extremadura                         partner\n"
            + "-----------------------  ----------------------------------  ----------------\n"
            + "timeZone                 Europe/Madrid                       Europe/Ljubljana\n"
            + "promotion.capPerCompany  EUR 2500.00                         EUR 3000.00\n"
            + "reporting.labels         Regional (es) Junta de Extremadura  (none)\n",
            text);
    }
}
