using System.Text.Json.Nodes;
using Ardalis.Result;
using NodaTime;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.Tests.Admission;
using Pimex.Tests.Support;

namespace Pimex.Tests.Monetary;

public class ExchangeRatesTest
{
    private static readonly Currency Pln = Currency.FromCode("PLN");

    private static ExchangeRates Table(string json) => Scenario.Must(ExchangeRates.Parse(json));

    [Fact]
    public void TryFind_WhenADayOrItsMonthHasARate_FindsIt_AndNoOtherDay()
    {
        var rates = Table("""{ "PLN": [ { "month": "2024-03", "perEuro": 4.31, "source": "monthly" }, { "date": "2023-12-29", "perEuro": 4.348, "source": "ECB, 29 December 2023" } ], "CZK": [ { "date": "2023-12-29", "perEuro": 24.724, "source": "ECB" } ] }""");

        Assert.True(rates.TryFind(Pln, new LocalDate(2023, 12, 29), out var daily));
        Assert.Equal(4.348m, daily.PerEuro);
        Assert.Equal("ECB, 29 December 2023", daily.Source);
        Assert.True(rates.TryFind(Pln, new LocalDate(2024, 3, 31), out var monthly));
        Assert.Equal(new LocalDate(2024, 3, 1), monthly.From);
        Assert.Equal("4.31 PLN per EUR in 2024-03 (monthly)", monthly.ToString());
        Assert.False(rates.TryFind(Pln, new LocalDate(2023, 12, 31), out _));
        Assert.False(rates.TryFind(Pln, new LocalDate(2024, 4, 1), out _));
        Assert.False(rates.TryFind(Currency.GBP, new LocalDate(2023, 12, 29), out _));
        Assert.True(rates.TryFind(Currency.FromCode("CZK"), new LocalDate(2023, 12, 29), out _));
    }

    [Fact]
    public void TryFind_WhenADayHasItsOwnRateAndItsMonthOne_TakesTheDaysOwn_AndTheMonthTakesTheMonthly()
    {
        // The ECB's rate of a day for the SME test and the Commission's monthly accounting rate for
        // the funds, side by side (Regulation (EU) 2021/1060, art. 86(2)).
        var rates = Table("""{ "PLN": [ { "month": "2016-06", "perEuro": 4.4, "source": "InforEuro, June 2016" }, { "date": "2016-06-30", "perEuro": 4.4362, "source": "ECB, 30 June 2016" }, { "date": "2016-05-31", "perEuro": 4.4, "source": "ECB, 31 May 2016" } ] }""");

        Assert.True(rates.TryFind(Pln, new LocalDate(2016, 6, 30), out var own));
        Assert.Equal(4.4362m, own.PerEuro);
        Assert.True(rates.TryFind(Pln, new LocalDate(2016, 6, 29), out var ofTheMonth));
        Assert.Equal("InforEuro, June 2016", ofTheMonth.Source);
        Assert.True(rates.TryFindMonth(Pln, new YearMonth(2016, 6), out var monthly));
        Assert.Equal("InforEuro, June 2016", monthly.Source);
        Assert.Equal((new LocalDate(2016, 6, 1), new LocalDate(2016, 6, 30)), (monthly.From, monthly.To));
        // A rate of one day does not stand for its month.
        Assert.False(rates.TryFindMonth(Pln, new YearMonth(2016, 5), out _));
        Assert.False(rates.TryFindMonth(Pln, new YearMonth(2016, 7), out _));
        Assert.False(rates.TryFindMonth(Currency.GBP, new YearMonth(2016, 6), out _));
        Assert.False(rates.TryFindMonth(default, new YearMonth(2016, 6), out _));
        Assert.False(ExchangeRates.None.TryFindMonth(Pln, new YearMonth(2016, 6), out _));
    }

    [Theory]
    [InlineData("43000000.00", "4.3000", "10000000.00")]
    [InlineData("43000000.00", "4.2900", "10023310.02")] // 10,023,310.0233...
    [InlineData("0.02", "4.0000", "0.01")] // 0.005: half away from zero
    [InlineData("1285000.00", "4.5000", "285555.56")] // 285,555.5555...
    public void ToEuros_DividesByTheRate_AndRoundsToTheCentHalfAwayFromZero(string zloty, string perEuro, string euros)
    {
        var rate = new ExchangeRate(Pln, new LocalDate(2015, 12, 31), new LocalDate(2015, 12, 31), decimal.Parse(perEuro, System.Globalization.CultureInfo.InvariantCulture), "test");

        Assert.Equal(Money.Parse("EUR " + euros), rate.ToEuros(Money.Parse("PLN " + zloty)));
    }

    [Fact]
    public void ToEurosAndFromEuros_WhenGivenTheWrongCurrency_Throw()
    {
        var rate = new ExchangeRate(Pln, new LocalDate(2015, 12, 31), new LocalDate(2015, 12, 31), 4.3m, "test");

        Assert.Throws<ArgumentException>(() => rate.ToEuros(Money.Of(1m, Currency.GBP)));
        Assert.Throws<ArgumentException>(() => rate.FromEuros(Money.Of(1m, Pln)));
        Assert.Equal(Money.Of(43m, Pln), rate.FromEuros(Money.Of(10m, Currency.EUR)));
    }

    [Fact]
    public void ARate_BuiltByHandWithoutAPositiveRateASourceOrAnotherCurrency_Throws()
    {
        var day = new LocalDate(2015, 12, 31);

        Assert.Throws<ArgumentOutOfRangeException>(() => new ExchangeRate(Pln, day, day, 0m, "s"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExchangeRate(Pln, day, day.PlusDays(-1), 4.3m, "s"));
        Assert.Throws<ArgumentException>(() => new ExchangeRate(Currency.EUR, day, day, 1m, "s"));
        Assert.Throws<ArgumentException>(() => new ExchangeRate(Pln, day, day, 4.3m, " "));
    }

    [Theory]
    [InlineData("""{ "XYZ": [] }""", "$.XYZ", RulebookErrors.InvalidValue)]
    [InlineData("""{ "EUR": [] }""", "$.EUR", RulebookErrors.InvalidValue)]
    [InlineData("""{ "PLN": [ { "date": "2023-12-29", "perEuro": 0, "source": "s" } ] }""", "$.PLN[0].perEuro", RulebookErrors.OutOfRange)]
    [InlineData("""{ "PLN": [ { "date": "2023-12-29", "perEuro": -4.3, "source": "s" } ] }""", "$.PLN[0].perEuro", RulebookErrors.OutOfRange)]
    [InlineData("""{ "PLN": [ { "date": "2023-12-29", "perEuro": "4.3", "source": "s" } ] }""", "$.PLN[0].perEuro", RulebookErrors.WrongType)]
    [InlineData("""{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.3 } ] }""", "$.PLN[0].source", RulebookErrors.MissingField)]
    [InlineData("""{ "PLN": [ { "perEuro": 4.3, "source": "s" } ] }""", "$.PLN[0]", RulebookErrors.MissingField)]
    [InlineData("""{ "PLN": [ { "date": "2023-12-29", "month": "2023-12", "perEuro": 4.3, "source": "s" } ] }""", "$.PLN[0]", RulebookErrors.MissingField)]
    [InlineData("""{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.3, "source": "s" }, { "date": "2023-12-29", "perEuro": 4.4, "source": "t" } ] }""", "$.PLN[1]", RulebookErrors.DuplicateKey)]
    [InlineData("""{ "PLN": [ { "month": "2023-12", "perEuro": 4.3, "source": "s" }, { "month": "2023-12", "perEuro": 4.4, "source": "t" } ] }""", "$.PLN[1]", RulebookErrors.DuplicateKey)]
    [InlineData("""{ "PLN": [ { "month": "2023-11", "perEuro": 4.3, "source": "s" }, { "date": "2023-12-29", "perEuro": 4.4, "source": "t" }, { "month": "2023-11", "perEuro": 4.4, "source": "u" } ] }""", "$.PLN[2]", RulebookErrors.DuplicateKey)]
    [InlineData("""{ "PLN": [ { "month": "2023-13", "perEuro": 4.3, "source": "s" } ] }""", "$.PLN[0].month", RulebookErrors.InvalidValue)]
    [InlineData("""{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.3, "source": "s", "rate": 1 } ] }""", "$.PLN[0].rate", RulebookErrors.UnknownField)]
    public void Parse_WhenARateIsWrong_RefusesWithItsPathAndCode(string json, string path, string code)
    {
        var result = ExchangeRates.Parse(json);

        result.AssertSingleError(path, code);
    }

    [Fact]
    public void Parse_WhenEveryRateIsWrong_ReportsThemAllAtOnce()
    {
        var result = ExchangeRates.Parse("""{ "XYZ": [], "PLN": [ { "date": "2023-12-29", "perEuro": 0 } ] }""");

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(["$.XYZ", "$.PLN[0].perEuro", "$.PLN[0].source"], result.ValidationErrors.Select(e => e.Identifier));
    }

    [Fact]
    public void ARulebooksRates_AreReadStrictly_AtTheirPathInTheRulebook()
    {
        var result = Rulebook.Load(
            RulebookJsonEdits.Partner(p => p["exchangeRates"] = new JsonObject { ["PLN"] = new JsonArray(new JsonObject { ["date"] = "2023-12-29", ["perEuro"] = 0, ["source"] = "s" }) }),
            Rulebook.Extremadura);

        result.AssertSingleError("$.exchangeRates.PLN[0].perEuro", RulebookErrors.OutOfRange);
    }

    [Fact]
    public void ARulebooksRates_SurviveAJsonRoundTrip()
    {
        var partner = ZlotyRegion.Load(("2015-12-31", 4.2615m), ("2016-03-01", 4.3863m));

        var again = Scenario.Must(Rulebook.Load(partner.ToJson()));

        Assert.Equal(partner.ExchangeRates, again.ExchangeRates);
        Assert.Equal(partner, again);
        Assert.Contains("\"exchangeRates\"", partner.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"exchangeRates\"", Rulebook.Extremadura.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithExchangeRates_LaysTheHostsRatesOverTheRulebooksPerCurrency()
    {
        var partner = ZlotyRegion.Load(("2015-12-31", 4.2615m));
        var host = Table("""{ "PLN": [ { "date": "2016-03-01", "perEuro": 4.3863, "source": "host" } ], "CZK": [ { "date": "2016-03-01", "perEuro": 27.0, "source": "host" } ] }""");

        var withHost = partner.WithExchangeRates(host);

        Assert.False(withHost.ExchangeRates.TryFind(Pln, new LocalDate(2015, 12, 31), out _));
        Assert.True(withHost.ExchangeRates.TryFind(Pln, new LocalDate(2016, 3, 1), out _));
        Assert.True(withHost.On(new LocalDate(2016, 3, 1)).Value.ExchangeRates.TryFind(Currency.FromCode("CZK"), new LocalDate(2016, 3, 1), out _));
        Assert.True(partner.ExchangeRates.TryFind(Pln, new LocalDate(2015, 12, 31), out _));
        Assert.Same(partner, partner.WithExchangeRates(ExchangeRates.None));
    }

    [Fact]
    public void Diff_WhenOneRulebookHoldsRates_SaysHowManyOfWhichCurrency()
    {
        var partner = ZlotyRegion.Load(("2015-12-31", 4.2615m), ("2016-03-01", 4.3863m));

        var diff = Rulebook.Extremadura.Diff(partner, new LocalDate(2016, 3, 1));

        Assert.Contains(new ParameterDifference("exchangeRates", "no exchange rates", "PLN: 2 rates"), diff.Differences);
    }

    [Fact]
    public void AppliesTo_IsFromItsFirstDayToItsLastBothIncluded()
    {
        var march = new ExchangeRate(Pln, new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 31), 4.31m, "monthly");

        Assert.True(march.AppliesTo(new LocalDate(2024, 3, 1)));
        Assert.True(march.AppliesTo(new LocalDate(2024, 3, 15)));
        Assert.True(march.AppliesTo(new LocalDate(2024, 3, 31)));
        Assert.False(march.AppliesTo(new LocalDate(2024, 2, 29)));
        Assert.False(march.AppliesTo(new LocalDate(2024, 4, 1)));
    }

    // What the SME assessment and the admission's conversions print: a day, a calendar month, or a span.
    [Theory]
    [InlineData(2023, 12, 29, 2023, 12, 29, "4.348 PLN per EUR on 2023-12-29 (ECB)")]
    [InlineData(2024, 2, 1, 2024, 2, 29, "4.348 PLN per EUR in 2024-02 (ECB)")]
    [InlineData(2024, 2, 1, 2024, 2, 28, "4.348 PLN per EUR from 2024-02-01 to 2024-02-28 (ECB)")]
    [InlineData(2024, 2, 2, 2024, 2, 29, "4.348 PLN per EUR from 2024-02-02 to 2024-02-29 (ECB)")]
    public void ToString_NamesTheDayTheMonthOrTheSpan(int y1, int m1, int d1, int y2, int m2, int d2, string expected) =>
        Assert.Equal(expected, new ExchangeRate(Pln, new LocalDate(y1, m1, d1), new LocalDate(y2, m2, d2), 4.348m, "ECB").ToString());

    [Fact]
    public void Misuse_SaysWhatWasWrong()
    {
        var day = new LocalDate(2015, 12, 31);
        var rate = new ExchangeRate(Pln, day, day, 4.3m, "test");

        Assert.StartsWith("This rate converts PLN, not GBP.", Assert.Throws<ArgumentException>(() => rate.ToEuros(Money.Of(1m, Currency.GBP))).Message, StringComparison.Ordinal);
        Assert.StartsWith("This rate converts from EUR, not PLN.", Assert.Throws<ArgumentException>(() => rate.FromEuros(Money.Of(1m, Pln))).Message, StringComparison.Ordinal);
        Assert.StartsWith("A rate is above zero.", Assert.Throws<ArgumentOutOfRangeException>(() => new ExchangeRate(Pln, day, day, 0m, "s")).Message, StringComparison.Ordinal);
        Assert.StartsWith("The last day comes before the first.", Assert.Throws<ArgumentOutOfRangeException>(() => new ExchangeRate(Pln, day, day.PlusDays(-1), 4.3m, "s")).Message, StringComparison.Ordinal);
        Assert.StartsWith("A rate quotes a currency other than the euro", Assert.Throws<ArgumentException>(() => new ExchangeRate(Currency.EUR, day, day, 1m, "s")).Message, StringComparison.Ordinal);
        Assert.StartsWith("A rate names its source.", Assert.Throws<ArgumentException>(() => new ExchangeRate(Pln, day, day, 4.3m, " ")).Message, StringComparison.Ordinal);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => ExchangeRates.Parse(null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => ExchangeRates.None.With(null!)).ParamName);
    }

    [Fact]
    public void With_KeepsTheCurrenciesTheOtherTableDoesNotGive()
    {
        var zloty = Table("""{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.348, "source": "ECB" } ] }""");
        var koruna = Table("""{ "CZK": [ { "date": "2023-12-29", "perEuro": 24.724, "source": "ECB" } ] }""");

        var both = zloty.With(koruna);

        Assert.True(both.TryFind(Pln, new LocalDate(2023, 12, 29), out _));
        Assert.True(both.TryFind(Currency.FromCode("CZK"), new LocalDate(2023, 12, 29), out _));
        Assert.Equal(both, koruna.With(zloty));
        Assert.Equal(zloty, zloty.With(ExchangeRates.None));
        Assert.Equal(koruna, ExchangeRates.None.With(koruna));
    }

    [Fact]
    public void Equals_IsEveryCurrencysRatesInOrder()
    {
        const string One = """{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.348, "source": "ECB" } ] }""";
        var a = Table(One);

        Assert.Equal(a, Table(One));
        Assert.Equal(a.GetHashCode(), Table(One).GetHashCode());
        Assert.False(a.Equals(null));
        Assert.NotEqual(a, ExchangeRates.None);
        Assert.NotEqual(a, Table("""{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.349, "source": "ECB" } ] }"""));
        Assert.NotEqual(a, Table("""{ "CZK": [ { "date": "2023-12-29", "perEuro": 4.348, "source": "ECB" } ] }"""));
        Assert.NotEqual(a, Table("""{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.348, "source": "ECB" } ], "CZK": [ { "date": "2023-12-29", "perEuro": 24.7, "source": "ECB" } ] }"""));
        Assert.NotEqual(Table("""{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.348, "source": "ECB" } ], "CZK": [ { "date": "2023-12-29", "perEuro": 24.7, "source": "ECB" } ] }"""), Table("""{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.348, "source": "ECB" } ], "CZK": [ { "date": "2023-12-29", "perEuro": 24.8, "source": "ECB" } ] }"""));
    }

    [Fact]
    public void ToString_CountsTheRatesOfEachCurrency()
    {
        Assert.Equal("no exchange rates", ExchangeRates.None.ToString());
        Assert.Equal("PLN: 1 rate", Table("""{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.348, "source": "ECB" } ] }""").ToString());
        Assert.Equal("CZK: 1 rate, PLN: 2 rates", Table("""{ "PLN": [ { "date": "2023-12-29", "perEuro": 4.348, "source": "ECB" }, { "date": "2023-12-28", "perEuro": 4.35, "source": "ECB" } ], "CZK": [ { "date": "2023-12-29", "perEuro": 24.7, "source": "ECB" } ] }""").ToString());
    }

    [Fact]
    public void TryFind_WhenCalledAgain_AllocatesNothing()
    {
        var rates = Table("""{ "PLN": [ { "date": "2015-12-31", "perEuro": 4.2615, "source": "a" }, { "month": "2016-03", "perEuro": 4.38, "source": "b" }, { "date": "2016-06-30", "perEuro": 4.4, "source": "c" } ] }""");
        var day = new LocalDate(2016, 3, 15);
        rates.TryFind(Pln, day, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool found = rates.TryFind(Pln, day, out var rate);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(found);
        Assert.Equal(4.38m, rate!.PerEuro);
        Assert.Equal(0, allocated);
    }
}
