using System.Text.Json;
using NodaTime;
using Pimex.Evaluation;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.StateAid;
using Pimex.Tests.Support;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Evaluation;

public class AidStatementTest
{
    private static readonly LocalDate MidJune2016 = new(2016, 6, 30);

    /// <summary>
    /// A 2016 participant that declared EUR 50,000 in 2013 and EUR 10,000 in 2015; admitted on
    /// 2016-03-15 (in-kind EUR 442.67 = 13,280 / 30); granted EUR 1,000 on 2016-05-10 and
    /// EUR 1,500 on 2016-07-01.
    /// </summary>
    private static Participant Participant(decimal declared2015 = 10_000m)
    {
        var b = For2016();
        var p = b.Admit(
                "B06000001",
                new AidReceived(Eur(50_000m), new LocalDate(2013, 6, 1), "Regional energy grant"),
                new AidReceived(Eur(declared2015), new LocalDate(2015, 3, 1), "Chamber of commerce"))
            .Grant(1_000m, new LocalDate(2016, 5, 10))
            .Grant(1_500m, new LocalDate(2016, 7, 1));
        return p.Build();
    }

    [Fact]
    public void Create_WhenIn2016_ListsTheAidGrantedUpToTheDateUnderTheRegimeInForce()
    {
        var statement = AidStatement.Create(Participant(), Rulebook.Extremadura, MidJune2016).Ok();

        Assert.Equal("EU 1407/2013", statement.Regime.Name);
        Assert.Equal(new DateInterval(new LocalDate(2014, 1, 1), MidJune2016), statement.LookBack);
        Assert.Equal(
            [
                new AidStatementEntry(AidKind.Declared, new LocalDate(2013, 6, 1), Eur(50_000m), "Regional energy grant", false),
                new AidStatementEntry(AidKind.Declared, new LocalDate(2015, 3, 1), Eur(10_000m), "Chamber of commerce", true),
                new AidStatementEntry(AidKind.InKind, new LocalDate(2016, 3, 15), Eur(442.67m), "PIMEX extremadura-2016 (in-kind training and consultancy)", true),
                new AidStatementEntry(AidKind.PromotionSupport, new LocalDate(2016, 5, 10), Eur(1_000m), "PIMEX extremadura-2016 (promotion support, claim C1)", true) { Claim = "C1" },
            ],
            statement.Entries);
    }

    [Fact]
    public void Create_WhenIn2016_CountsTheLookBackAgainstTheCeiling()
    {
        var statement = AidStatement.Create(Participant(), Rulebook.Extremadura, MidJune2016).Ok();

        Assert.Equal(Eur(442.67m), statement.InKind);
        Assert.Equal(Eur(1_000m), statement.PromotionSupport);
        Assert.Equal(Eur(1_442.67m), statement.GrantedByPimex);
        Assert.Equal(Eur(11_442.67m), statement.CountedInLookBack);
        Assert.Equal(Eur(200_000m), statement.Ceiling);
        Assert.Equal(Eur(188_557.33m), statement.Headroom);
        Assert.True(statement.IsWithinCeiling);
    }

    [Fact]
    public void Create_WhenAfterEveryGrant_CountsEveryGrant()
    {
        var statement = AidStatement.Create(Participant(), Rulebook.Extremadura, new LocalDate(2016, 12, 31)).Ok();

        Assert.Equal(Eur(2_500m), statement.PromotionSupport);
        Assert.Equal(Eur(12_942.67m), statement.CountedInLookBack);
        Assert.Equal(5, statement.Entries.Count);
    }

    [Fact]
    public void Create_WhenUnderTheRollingRegime_UsesItsCeilingAndLookBack()
    {
        var statement = AidStatement.Create(Participant(), Rulebook.Extremadura, new LocalDate(2024, 6, 30)).Ok();

        Assert.Equal("EU 2023/2831", statement.Regime.Name);
        Assert.Equal(new DateInterval(new LocalDate(2021, 7, 1), new LocalDate(2024, 6, 30)), statement.LookBack);
        Assert.All(statement.Entries, e => Assert.False(e.InLookBack));
        Assert.Equal(Eur(0m), statement.CountedInLookBack);
        Assert.Equal(Eur(300_000m), statement.Headroom);
    }

    [Fact]
    public void Create_WhenDeclaredAidFillsTheCeiling_HeadroomIsZeroAndOverTheCeiling()
    {
        var statement = AidStatement.Create(Participant(declared2015: 199_900m), Rulebook.Extremadura, MidJune2016).Ok();

        Assert.Equal(Eur(201_342.67m), statement.CountedInLookBack);
        Assert.Equal(Eur(0m), statement.Headroom);
        Assert.False(statement.IsWithinCeiling);
    }

    [Fact]
    public void Create_WhenEntriesAreClassified_TheyAreThoseOfAidReceived()
    {
        var participant = Participant();

        var statement = AidStatement.Create(participant, Rulebook.Extremadura, new LocalDate(2016, 12, 31)).Ok();

        Assert.Equal(
            participant.AidReceived().Select(a => (a.Amount, a.GrantedOn, a.GrantingBody)).OrderBy(a => a.GrantedOn),
            statement.Entries.Select(e => (e.Amount, e.GrantedOn, e.GrantingBody)));
    }

    [Fact]
    public void Create_WhenClaimsAreGrantedOutOfIdOrder_ListsThemByGrantDate()
    {
        var b = For2016();
        var participant = b.Admit("B06000001").Grant(100m, new LocalDate(2016, 9, 1)).Grant(200m, new LocalDate(2016, 5, 1)).Build();

        var statement = AidStatement.Create(participant, Rulebook.Extremadura, new LocalDate(2016, 12, 31)).Ok();

        Assert.Equal([new LocalDate(2016, 3, 15), new LocalDate(2016, 5, 1), new LocalDate(2016, 9, 1)], statement.Entries.Select(e => e.GrantedOn));
        Assert.Equal([AidKind.InKind, AidKind.PromotionSupport, AidKind.PromotionSupport], statement.Entries.Select(e => e.Kind));
    }

    [Fact]
    public void Create_WhenRulebookOfAnotherProgramme_IsInvalid()
    {
        var b = new EditionBuilder(Annuity2016, rulebookId: "coventry");
        var participant = b.Admit("B06000001").Build();

        var error = AidStatement.Create(participant, Rulebook.Extremadura, MidJune2016).AssertSingleError("rulebook", Pimex.Editions.EditionErrors.WrongEdition);

        Assert.Equal("The rulebook 'extremadura' is not the rulebook of coventry-2016/B06000001.", error.ErrorMessage);
    }

    [Fact]
    public void Create_WhenNoRegimeInForce_IsInvalid()
    {
        var error = AidStatement.Create(Participant(), Rulebook.Extremadura, new LocalDate(2010, 1, 1)).AssertSingleError("on", EvaluationErrors.NoAidRegime);

        Assert.Equal("The rulebook 'extremadura' has no state-aid regime in force on 2010-01-01.", error.ErrorMessage);
    }

    [Fact]
    public void ToJson_WhenIn2016_WritesTheDocumentedFields()
    {
        using var json = JsonDocument.Parse(AidStatement.Create(Participant(), Rulebook.Extremadura, MidJune2016).Ok().ToJson());
        var root = json.RootElement;

        string[] expected =
        [
            "ceiling", "company", "countedInLookBack", "currency", "edition",
            "entries[].amount", "entries[].claim", "entries[].grantedOn", "entries[].grantingBody", "entries[].inLookBack", "entries[].kind",
            "grantedByPimex", "headroom", "inKind", "lookBack.end", "lookBack.start", "on", "participant", "promotionSupport",
            "regime.ceiling", "regime.name", "regime.period.fiscalYearStart", "regime.period.kind", "regime.period.years", "regime.reference",
            "withinCeiling",
        ];
        Assert.Equal(expected, JsonPaths.Of(root));
        Assert.Equal("extremadura-2016/B06000001", root.GetProperty("participant").GetString());
        Assert.Equal("fiscalYears", root.GetProperty("regime").GetProperty("period").GetProperty("kind").GetString());
        Assert.Equal("inKind", root.GetProperty("entries")[2].GetProperty("kind").GetString());
        Assert.Equal(188557.33m, root.GetProperty("headroom").GetDecimal());
        Assert.True(root.GetProperty("withinCeiling").GetBoolean());
    }

    [Fact]
    public void ToJson_WhenTheRegimeIsNamedInSpanish_WritesItsLettersAsTheyAre()
    {
        var statement = AidStatement.Create(Participant(), Rulebook.Extremadura, MidJune2016).Ok() with
        {
            Regime = new AidRegime("Reglamento (UE) 1407/2013 — mínimis", Eur(200_000m), new AidPeriod(AidPeriodKind.RollingYears, 3, new AnnualDate(1, 1)), "artículo 3(2)"),
        };

        var json = statement.ToJson();

        Assert.Contains("\"name\": \"Reglamento (UE) 1407/2013 — mínimis\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reference\": \"artículo 3(2)\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"rollingYears\"", json, StringComparison.Ordinal);
        Assert.Contains("\"fiscalYearStart\": \"01-01\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_WhenTheRegimeHasNoReference_LeavesTheFieldOut()
    {
        var statement = AidStatement.Create(Participant(), Rulebook.Extremadura, MidJune2016).Ok() with
        {
            Regime = new AidRegime("EU 1407/2013", Eur(200_000m), new AidPeriod(AidPeriodKind.FiscalYears, 3, new AnnualDate(1, 1))),
        };

        using var json = JsonDocument.Parse(statement.ToJson());

        Assert.False(json.RootElement.GetProperty("regime").TryGetProperty("reference", out _));
        Assert.Equal(200000.00m, json.RootElement.GetProperty("regime").GetProperty("ceiling").GetDecimal());
    }

    [Fact]
    public void ToText_WhenIn2016_RendersTheAidAndThePosition()
    {
        var text = AidStatement.Create(Participant(), Rulebook.Extremadura, MidJune2016).Ok().ToText(Pimex.Localisation.ReportLanguage.English);

        Assert.StartsWith("State-aid statement: extremadura-2016/B06000001 on 30 June 2016\nRegime: EU 1407/2013, ceiling €200,000.00 over 3 fiscal years (1 January 2014 to 30 June 2016).\n", text, StringComparison.Ordinal);
        Assert.Contains("15 March 2016  in kind  ", text, StringComparison.Ordinal);
        Assert.Contains("€442.67", text, StringComparison.Ordinal);
        Assert.Contains("headroom                   €188,557.33\n", text, StringComparison.Ordinal);
    }
}
