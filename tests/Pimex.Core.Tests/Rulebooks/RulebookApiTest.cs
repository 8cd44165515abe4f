using System.Text.Json.Nodes;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Rulebooks;
using Pimex.Tests.Support;

namespace Pimex.Tests.Rulebooks;

/// <summary>
/// The rulebook's own API beyond loading: equality, its text forms, the parameter catalogue and
/// its formats, and the refusals of arguments a caller must not pass.
/// </summary>
public class RulebookApiTest
{
    private static readonly LocalDate Mid2016 = new(2016, 6, 1);

    private static Rulebook Edited(Action<JsonObject> edit) => Rulebook.Load(RulebookJsonEdits.Extremadura(edit)).Value;

    // ---- Equality ----------------------------------------------------------------------------

    [Fact]
    public void Equals_WhenNullOrTheSameInstance_IsFalseThenTrue()
    {
        Assert.False(Rulebook.Extremadura.Equals(null));
        Assert.True(Rulebook.Extremadura.Equals(Rulebook.Extremadura));
        Assert.True(Rulebook.Extremadura.Equals(Edited(_ => { })));
    }

    public static TheoryData<string> SingleEdits => ["id", "timeZone", "tutorials", "capacity", "regions"];

    [Theory]
    [MemberData(nameof(SingleEdits))]
    public void Equals_WhenOneThingDiffers_IsFalse(string what)
    {
        var other = Edited(root =>
        {
            switch (what)
            {
                case "id": root["id"] = "alentejo"; break;
                case "timeZone": root["timeZone"] = "Europe/Lisbon"; break;
                case "tutorials": root.Timeline("commitment.tutorials")[0]!["value"] = 4; break;
                case "capacity": root.Annuity2016()["capacity"] = 31; break;
                default: root.Timeline("eligibility.regions")[0]!["value"] = new JsonArray("PT18"); break;
            }
        });

        Assert.False(Rulebook.Extremadura.Equals(other));
        Assert.False(other.Equals(Rulebook.Extremadura));
    }

    // ---- Text forms --------------------------------------------------------------------------

    [Fact]
    public void ToString_WhenCalled_GivesTheIdAndTheName()
    {
        Assert.Equal($"extremadura ({Rulebook.Extremadura.Name})", Rulebook.Extremadura.ToString());
        Assert.StartsWith("extremadura (PIMEX", Rulebook.Extremadura.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_WhenTheCurrenciesDiffer_ListsTheCurrencyFirst()
    {
        // The programme's own amounts in pounds; the amounts EU law sets in euros stay in euros.
        var json = Rulebook.Extremadura.ToJson().Replace("\"currency\": \"EUR\"", "\"currency\": \"GBP\"", StringComparison.Ordinal);
        foreach (var own in new[] { "EUR 2500.00", "EUR 69.00", "EUR 75000.00", "EUR 5000.00", "EUR 8280.00", "EUR 88280.00" })
        {
            json = json.Replace(own, "GBP" + own[3..], StringComparison.Ordinal);
        }

        var pounds = Rulebook.Load(json).Value;

        var diff = Rulebook.Extremadura.Diff(pounds, Mid2016);

        Assert.Equal(new ParameterDifference("currency", "EUR", "GBP"), diff.Differences[0]);
        Assert.Contains(new ParameterDifference("promotion.capPerCompany", "EUR 2500.00", "GBP 2500.00"), diff.Differences);
    }

    // ---- The catalogue and its formats -------------------------------------------------------

    [Fact]
    public void Find_WhenTheNameIsKnownOrNot_GivesTheParameterOrNull()
    {
        Assert.Same(Parameters.CapPerCompany, Parameters.Find("promotion.capPerCompany"));
        Assert.Null(Parameters.Find("promotion.capPerHead"));
    }

    [Fact]
    public void Format_WhenAFlag_IsYesOrNo()
    {
        Assert.Equal("yes", Parameters.NonRecoverableVatEligible.Format(true));
        Assert.Equal("no", Parameters.NonRecoverableVatEligible.Format(false));
    }

    [Fact]
    public void Format_WhenAList_JoinsItsItemsOrSaysAnyWhenEmpty()
    {
        Assert.Equal("(any)", Parameters.Regions.Format(new EquatableArray<string>([])));
        Assert.Equal("ES43, ES42", Parameters.Regions.Format(new EquatableArray<string>(["ES43", "ES42"])));
    }

    [Fact]
    public void FormatOn_WhenExpenseCategories_SeparatesThemWithSemicolons()
    {
        var categories = Rulebook.Extremadura.On(Mid2016).Value.Promotion.Categories;

        var text = Parameters.ExpenseCategories.FormatOn(Rulebook.Extremadura, Mid2016);

        Assert.Equal(categories.Select(c => c.ToString()), text!.Split("; "));
    }

    // ---- Refused arguments -------------------------------------------------------------------

    [Fact]
    public void Get_WhenTheParameterIsNull_ThrowsArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Rulebook.Extremadura.Get<int>(null!));

        Assert.Equal("parameter", ex.ParamName);
    }

    [Fact]
    public void FormatOn_WhenTheRulebookIsNull_ThrowsArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Parameters.GroupSessions.FormatOn(null!, Mid2016));

        Assert.Equal("rulebook", ex.ParamName);
    }

    [Fact]
    public void Compare_WhenEitherRulebookIsNull_ThrowsArgumentNullException()
    {
        Assert.Equal("baseRulebook", Assert.Throws<ArgumentNullException>(() => RulebookDiff.Compare(null!, Rulebook.Extremadura, Mid2016)).ParamName);
        Assert.Equal("partner", Assert.Throws<ArgumentNullException>(() => RulebookDiff.Compare(Rulebook.Extremadura, null!, Mid2016)).ParamName);
    }

    [Fact]
    public void Of_WhenTheEntriesAreRefused_SaysWhyAndNamesTheArgument()
    {
        var day = new LocalDate(2020, 1, 1);

        var empty = Assert.Throws<ArgumentException>(() => Timeline.Of(Array.Empty<TimelineEntry<int>>()));
        var unordered = Assert.Throws<ArgumentException>(() => Timeline.Of([new TimelineEntry<int>(day, 1), new TimelineEntry<int>(day, 2)]));

        Assert.Equal("entries", empty.ParamName);
        Assert.Contains("at least one entry", empty.Message, StringComparison.Ordinal);
        Assert.Equal("entries", unordered.ParamName);
        Assert.Contains("strictly increasing", unordered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexers_WhenTheBudgetLineIsUnknown_ThrowArgumentOutOfRange()
    {
        var annuity = Rulebook.Extremadura.Annuity(2016).Value;
        var funding = Rulebook.Extremadura.On(Mid2016).Value.Funding;

        var budget = Assert.Throws<ArgumentOutOfRangeException>(() => annuity.Budget[(BudgetLine)99]);
        var shares = Assert.Throws<ArgumentOutOfRangeException>(() => funding.For((BudgetLine)99));

        Assert.All([budget, shares], ex =>
        {
            Assert.Equal("line", ex.ParamName);
            Assert.Equal((BudgetLine)99, ex.ActualValue);
            Assert.StartsWith("Unknown budget line.", ex.Message, StringComparison.Ordinal);
        });
    }
}
