using System.Text.Json.Nodes;
using NodaTime;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>The illustrative Maribor (Podravje) partner rulebook shipped in docs/rulebooks.</summary>
public class MariborRulebookTest
{
    private static readonly LocalDate Mid2026 = new(2026, 6, 1);

    private static readonly string Json = DocsFiles.Read("rulebooks/maribor.json");

    private static Rulebook Maribor()
    {
        var result = Rulebook.Load(Json, Rulebook.Extremadura);
        Assert.True(result.IsSuccess, string.Join("; ", result.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}")));
        return result.Value;
    }

    [Fact]
    public void Load_WhenOverExtremadura_GivesAnIllustrativeEuroRulebookInLjubljanaTime()
    {
        var maribor = Maribor();

        Assert.Equal("maribor", maribor.Id);
        Assert.Equal("extremadura", maribor.BasedOn);
        Assert.True(maribor.Illustrative);
        Assert.Contains("illustrative", maribor.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Currency.EUR, maribor.Currency);
        Assert.Equal("Europe/Ljubljana", maribor.TimeZone.Id);
    }

    [Fact]
    public void On_When2026_GivesTheOverriddenAndTheInheritedRules()
    {
        var rules = Maribor().On(Mid2026).Value;

        Assert.Equal(["SI032"], rules.Eligibility.Regions);
        Assert.Equal(Money.Of(3_000m, Currency.EUR), rules.Promotion.CapPerCompany);
        Assert.Equal(4, rules.Commitment.Tutorials);
        Assert.Equal(3, rules.Commitment.GroupSessions);
        Assert.Equal("EU 2023/2831", rules.Aid.Regime.Name);
    }

    [Fact]
    public void Annuity_When2026_FundsTheCapOfEveryParticipant()
    {
        var maribor = Maribor();
        var annuity = maribor.Annuity(2026).Value;

        Assert.Equal(Money.Of(75_000m, Currency.EUR), annuity.Budget.Total);
        Assert.Equal(annuity.Budget.Actions, maribor.On(Mid2026).Value.Promotion.CapPerCompany * annuity.Capacity);
        Assert.Equal([2026], maribor.Annuities.Keys);
    }

    [Fact]
    public void Diff_When2026_ListsExactlyTheOverriddenParametersTheZoneAndTheAnnuity()
    {
        var overridden = JsonNode.Parse(Json)!["overrides"]!.AsObject()
            .SelectMany(group => group.Value!.AsObject().Select(parameter => group.Key + "." + parameter.Key));

        var diff = Rulebook.Extremadura.Diff(Maribor(), Mid2026);

        // reporting.labels: Extremadura's own name for its regional funds is not Maribor's.
        Assert.Equal(
            new[] { "timeZone", "reporting.labels" }
                .Concat(overridden)
                .Concat(new[] { "budget.actions", "budget.training", "budget.consultancy", "budget.total", "capacity", "windows.applications", "windows.training", "windows.expenses" }.Select(f => "annuities.2026." + f))
                .Order(StringComparer.Ordinal),
            diff.Differences.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Contains(new ParameterDifference("eligibility.regions", "ES43", "SI032"), diff.Differences);
        Assert.Contains(new ParameterDifference("funding.actions", "ERDF 85% + Regional 15%", "ERDF 85% + National 15%"), diff.Differences);
    }

    [Fact]
    public void Load_WhenExtremaduraIsLoadedAfterwards_ItIsUnchanged()
    {
        var fresh = Rulebook.Load(Rulebook.Extremadura.ToJson()).Value;

        Rulebook.Load(Json, fresh);

        Assert.Equal(Rulebook.Extremadura, fresh);
        Assert.True(Rulebook.Extremadura.Diff(fresh, Mid2026).IsEmpty);
    }
}
